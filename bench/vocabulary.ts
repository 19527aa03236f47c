import type { Random } from "./prng.js";

/**
 * Help-center flavoured English: enough variety that titles, slugs and bodies look like a real
 * product's documentation, small enough to keep generation fast.
 */

const NOUNS = [
  "account", "workspace", "invoice", "payment", "subscription", "team", "member", "role", "permission",
  "report", "dashboard", "export", "import", "integration", "webhook", "token", "password", "profile",
  "notification", "email", "message", "inbox", "conversation", "contact", "company", "segment", "tag",
  "article", "collection", "widget", "channel", "bot", "workflow", "rule", "trigger", "schedule",
  "calendar", "domain", "certificate", "backup", "device", "browser", "extension", "plugin", "theme",
  "template", "language", "region", "timezone", "currency", "tax", "refund", "discount", "coupon",
  "plan", "seat", "license", "audit log", "session", "API key", "field", "attribute", "filter", "view",
  "chart", "metric", "goal", "alert", "status", "ticket", "queue", "assignment", "label", "folder",
] as const;

const VERBS = [
  "set up", "configure", "enable", "disable", "connect", "disconnect", "invite", "remove", "rename",
  "export", "import", "share", "archive", "restore", "delete", "update", "verify", "reset", "change",
  "schedule", "filter", "sort", "merge", "migrate", "customise", "translate", "publish", "preview",
  "sync", "monitor", "troubleshoot", "review", "approve", "assign", "track", "automate",
] as const;

const ADJECTIVES = [
  "advanced", "basic", "custom", "default", "shared", "private", "public", "secure", "quick", "bulk",
  "automatic", "manual", "new", "legacy", "mobile", "desktop", "daily", "weekly", "monthly", "team",
] as const;

const FILLER = [
  "you can", "from the", "in the", "on the", "for each", "when the", "before you", "after you",
  "to keep", "so that", "if your", "and then", "with a", "without a", "only when", "at any time",
] as const;

const TOPICS = [
  "Getting started", "Billing", "Account settings", "Security", "Integrations", "Reporting",
  "Automation", "Messaging", "Administration", "Developers", "Mobile apps", "Troubleshooting",
  "Data and privacy", "Teams and roles", "Notifications", "Workflows", "Exports", "Customisation",
] as const;

/** Words with non-ASCII letters, so a few file names and anchors exercise unicode handling. */
const UNICODE_WORDS = ["café", "über", "résumé", "naïve", "señal", "façade", "straße", "jalapeño", "日本語", "crème"] as const;

const INLINE_CODE = [
  "config.yaml", "--verbose", "API_KEY", "npm install", "GET /v1/items", "user_id", "Ctrl+K", "200 OK",
  ".env", "settings.json", "retry_after", "X-Request-Id", "null", "true", "per_page=50",
] as const;

/** Headings that most help articles have in some form. */
const SECTION_TEMPLATES = [
  "Before you begin", "Overview", "Step by step", "Troubleshooting", "Limits", "Frequently asked questions",
  "What happens next", "Permissions", "Related settings", "Examples", "Known issues", "Best practices",
] as const;

/** Upper-cases the first character. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `n` words of running prose, lowercase, no punctuation. */
export function makePhrase(random: Random, words: number): string {
  const out: string[] = [];
  while (out.length < words) {
    const roll = random.next();
    if (roll < 0.35) out.push(random.pick(NOUNS));
    else if (roll < 0.55) out.push(random.pick(VERBS));
    else if (roll < 0.7) out.push(random.pick(ADJECTIVES));
    else out.push(random.pick(FILLER));
  }
  return out.join(" ");
}

/** One sentence: capitalised, ends with a full stop. */
export function makeSentence(random: Random): string {
  return `${capitalise(makePhrase(random, random.int(4, 12)))}.`;
}

/** An article title such as "How to export invoices"; `unicode` mixes in a non-ASCII word. */
export function makeArticleTitle(random: Random, unicode: boolean): string {
  const noun = random.pick(NOUNS);
  const verb = random.pick(VERBS);
  const adjective = random.pick(ADJECTIVES);
  const extra = unicode ? ` ${random.pick(UNICODE_WORDS)}` : "";
  const templates = [
    `How to ${verb} ${noun}s${extra}`,
    `${capitalise(adjective)} ${noun} settings${extra}`,
    `Troubleshooting ${noun}${extra} problems`,
    `Getting started with ${adjective} ${noun}s${extra}`,
    `Why can't I ${verb} my ${noun}${extra}?`,
    `${capitalise(verb)} a ${noun}${extra}: a guide`,
    `Understanding ${noun} ${random.pick(NOUNS)}s${extra}`,
  ];
  return random.pick(templates);
}

/** A collection name such as "Billing" or "Advanced integrations". */
export function makeCollectionName(random: Random, depth: number): string {
  if (depth === 1) return random.pick(TOPICS);
  return `${capitalise(random.pick(ADJECTIVES))} ${random.pick(NOUNS)}s`;
}

/** A `##` section heading such as "Before you begin" or "Export the invoice". */
export function makeSectionHeading(random: Random): string {
  return random.chance(0.5)
    ? random.pick(SECTION_TEMPLATES)
    : `${capitalise(random.pick(VERBS))} the ${random.pick(NOUNS)}`;
}

/** A token worth putting in backticks: a file name, flag, header or key. */
export function makeInlineCode(random: Random): string {
  return random.pick(INLINE_CODE);
}

/** One product noun ("invoice", "API key"). */
export function pickNoun(random: Random): string {
  return random.pick(NOUNS);
}

/**
 * Kebab-case slug that keeps letters of any script (`Café menu` -> `café-menu`), NFC-normalised so
 * the same name is the same bytes on every file system that preserves them.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFC")
    .toLowerCase()
    .replace(/['’]/g, "") // "can't" -> "cant", as people spell slugs
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "untitled" : slug;
}

/** The id GitHub-style renderers give a heading (`## Before you begin` -> `before-you-begin`). */
export function slugifyAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}
