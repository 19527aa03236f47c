/**
 * The `redirect_from` entries of the whole tree, each bound to the item and locale of its file, and
 * the checks that need every file at once: one source URL redirects to one place, and a key names
 * an article that is gone from the tree (its last URL redirects; a live article's URL cannot).
 * Pure.
 */
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import type { DesiredState, RedirectSources } from "../types.js";

export type RedirectForm = "path" | "url" | "key";

/** One wanted redirect: `from` (as written) to the item of `file`, in the file's locale. */
export interface DesiredRedirect {
  from: string;
  form: RedirectForm;
  file: string;
  line: number;
  locale: string;
  targetType: "article" | "collection";
  targetKey: string;
}

export function redirectForm(entry: string): RedirectForm {
  if (entry.startsWith("/")) return "path";
  return /^https?:\/\//.test(entry) ? "url" : "key";
}

/** A path or URL as compared across files: no trailing slash, lower-case scheme and host. */
export function normaliseRedirectSource(entry: string): string {
  if (redirectForm(entry) !== "url") return entry.replace(/(.)\/+$/, "$1");
  try {
    const url = new URL(entry);
    return `${url.origin}${url.pathname.replace(/(.)\/+$/, "$1")}${url.search}`;
  } catch {
    return entry;
  }
}

function add(out: DesiredRedirect[], sources: RedirectSources | undefined, file: string | null, locale: string, targetType: DesiredRedirect["targetType"], targetKey: string): void {
  if (sources === undefined || file === null) return;
  for (const from of sources.items) out.push({ from, form: redirectForm(from), file, line: sources.line, locale, targetType, targetKey });
}

/** Every `redirect_from` entry of the tree, in file order. */
export function collectRedirects(desired: DesiredState): DesiredRedirect[] {
  const out: DesiredRedirect[] = [];
  for (const collection of desired.collections) {
    for (const [locale, text] of Object.entries(collection.locales)) add(out, text.redirectFrom, text.file, locale, "collection", collection.key);
  }
  for (const article of desired.articles) {
    for (const [locale, text] of Object.entries(article.locales)) add(out, text.redirectFrom, text.file, locale, "article", article.key);
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * Errors across files: the same source in two places (per locale for keys, which stand for that
 * locale's URL), and a key that names an article still in the tree.
 */
export function checkRedirects(desired: DesiredState): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const articleKeys = new Set(desired.articles.map((article) => article.key));
  const seen = new Map<string, DesiredRedirect>();
  for (const redirect of collectRedirects(desired)) {
    const location = { file: redirect.file, line: redirect.line };
    if (redirect.form === "key" && articleKeys.has(redirect.from)) {
      diagnostics.push(diagnostic("redirect/live-article", { from: redirect.from }, location));
      continue;
    }
    const id = redirect.form === "key" ? `${redirect.locale}:${redirect.from}` : normaliseRedirectSource(redirect.from);
    const first = seen.get(id);
    if (first !== undefined && (first.targetKey !== redirect.targetKey || first.file !== redirect.file)) {
      diagnostics.push(diagnostic("redirect/duplicate", { from: redirect.from, first: `${first.file}:${first.line}` }, location));
      continue;
    }
    seen.set(id, redirect);
  }
  return diagnostics;
}
