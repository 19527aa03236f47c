import { buildArticleCreate, buildArticleUpdate } from "./build-requests.js";
import { bodyHashNow, noteArticleUrls, requireBody, resolveBody, trackUpdate, type ApplyRun } from "./apply-run.js";
import { applyLockEffects, blockedLocales, recordUnconfirmed, recordUnpublished, recordWrite, takeEntry } from "./lock-updates.js";
import { createWithRecovery } from "./recover-create.js";
import type { ItemOutcome, OutcomeKind } from "./types.js";
import { hashArticleFields, type FieldHashes } from "../digest/field-hashes.js";
import type { ArticleContent, ArticlePlanItem } from "../plan/types.js";
import { fingerprintArticleLocale } from "../plan/write-fingerprint.js";

const FIELD_KEYS: Record<string, keyof ArticleContent> = {
  title: "title",
  description: "description",
  body: "body",
  state: "state",
  author: "authorId",
};

interface LocaleWrite {
  /** What is sent, body resolved. */
  content: ArticleContent;
  /** The body's field digest for that resolution. */
  bodyHash: string;
  sent: string[];
}

function outcome(item: ArticlePlanItem, kind: OutcomeKind, id: string, reason?: string): ItemOutcome {
  const out: ItemOutcome = { type: "article", key: item.key, action: item.action, outcome: kind, id };
  if (reason !== undefined) out.reason = reason;
  return out;
}

/** Locales this item writes, with bodies resolved now (targets created earlier in the run are known). */
function resolveWrites(run: ApplyRun, item: ArticlePlanItem): Map<string, LocaleWrite> {
  const writes = new Map<string, LocaleWrite>();
  for (const change of item.locales) {
    const fields = item.content[change.locale];
    if ((change.change !== "add" && change.change !== "update") || fields === undefined) continue;
    const body = resolveBody(run, requireBody(run, fields, item.key, change.locale), change.locale);
    const content: ArticleContent = { title: fields.title, description: fields.description, body, state: fields.state, authorId: fields.authorId };
    writes.set(change.locale, { content, bodyHash: bodyHashNow(run, fields, change.locale), sent: change.fields });
  }
  return writes;
}

/**
 * Digests to record per written locale: the full desired content, except that a field this request
 * did not send keeps the lock's digest (that is what Intercom still holds).
 */
function writtenHashes(writes: Map<string, LocaleWrite>, previous: Record<string, FieldHashes | undefined>): Record<string, FieldHashes> {
  const out: Record<string, FieldHashes> = {};
  for (const [locale, { content, bodyHash, sent }] of writes) {
    const fields = hashArticleFields({ ...content, bodyHash });
    const before = previous[locale];
    if (before !== undefined) {
      for (const name of Object.keys(fields)) {
        if (!sent.includes(name) && before[name] !== undefined) fields[name] = before[name];
      }
    }
    out[locale] = fields;
  }
  return out;
}

async function createArticle(run: ApplyRun, item: ArticlePlanItem, parentId: string | null): Promise<ItemOutcome> {
  const writes = resolveWrites(run, item);
  const content = Object.fromEntries([...writes].map(([locale, w]) => [locale, w.content]));
  const request = buildArticleCreate({
    content,
    defaultLocale: item.defaultLocale,
    sourceLocale: run.plan.sourceLocale,
    defaultAuthorId: run.defaultAuthorId,
    parentId,
  });
  const lost = { kind: "article" as const, parentId: request.parent_id ?? null, title: request.title };
  const { response, recovered } = await createWithRecovery(run, lost, `article "${request.title}"`, () => run.api.createArticle(request));
  run.lock.articles[item.key] = { id: response.id, locales: {} };
  const entry = run.lock.articles[item.key];
  if (entry !== undefined) recordWrite(entry, writtenHashes(writes, {}), response, new Set());
  noteArticleUrls(run, item.key, response);
  return outcome(item, "created", response.id, recovered ? "the create response was lost; found the new article instead of creating it twice" : undefined);
}

async function updateArticle(run: ApplyRun, item: ArticlePlanItem, id: string, parentId: string | undefined): Promise<ItemOutcome> {
  const writes = resolveWrites(run, item);
  const patches: Record<string, Partial<ArticleContent>> = {};
  for (const [locale, { content, sent }] of writes) {
    patches[locale] = Object.fromEntries(sent.map((name) => FIELD_KEYS[name]).filter((k) => k !== undefined).map((k) => [k, content[k]]));
  }
  const request = buildArticleUpdate(patches, {
    defaultLocale: item.defaultLocale,
    defaultAuthorId: run.defaultAuthorId,
    ...(parentId === undefined ? {} : { parentId }),
  });
  // Updates are idempotent (a PUT of the same fields leaves the same article), so the client may
  // retry one whose response was lost without any lookup.
  const response = await trackUpdate(run, () => markUnconfirmed(run, item, writes), () => run.api.updateArticle(id, request));
  run.finder.noteServerTime(response.updated_at);
  const entry = takeEntry(run.lock, item, response.id);
  const previous = Object.fromEntries(Object.entries(entry.locales).map(([locale, value]) => [locale, value.fields]));
  applyLockEffects(entry, item);
  recordWrite(entry, writtenHashes(writes, previous), response, blockedLocales(item));
  noteArticleUrls(run, item.key, response);
  const kind: OutcomeKind = item.action === "move" ? "moved" : item.action === "adopt" ? "adopted" : "updated";
  return outcome(item, kind, response.id);
}

/** Records in the lock what an update whose outcome is unknown sent (see recordUnconfirmed). */
function markUnconfirmed(run: ApplyRun, item: ArticlePlanItem, writes: Map<string, LocaleWrite>): void {
  const entry = run.lock.articles[item.key] ?? (item.previousKey === undefined ? undefined : run.lock.articles[item.previousKey]);
  if (entry === undefined) return;
  const previous = Object.fromEntries(Object.entries(entry.locales).map(([locale, value]) => [locale, value.fields]));
  for (const [locale, fields] of Object.entries(writtenHashes(writes, previous))) {
    const content = writes.get(locale)?.content;
    if (content !== undefined) recordUnconfirmed(entry, locale, fields, fingerprintArticleLocale(content));
  }
}

async function unpublishArticle(run: ApplyRun, item: ArticlePlanItem, id: string): Promise<ItemOutcome> {
  const patches = Object.fromEntries(item.locales.map((l) => [l.locale, { state: "draft" as const }]));
  const response = await run.api.updateArticle(id, buildArticleUpdate(patches, { defaultLocale: item.defaultLocale, defaultAuthorId: run.defaultAuthorId }));
  const entry = run.lock.articles[item.key];
  if (entry !== undefined) for (const change of item.locales) recordUnpublished(entry, change.locale, response);
  return outcome(item, "unpublished", id);
}

/** Runs one article item that writes; `parentId` is the parent collection's id now (null: none). */
export async function runArticleWrite(run: ApplyRun, item: ArticlePlanItem, parentId: string | null): Promise<ItemOutcome> {
  switch (item.action) {
    case "create":
    case "recreate":
      return createArticle(run, item, parentId);
    case "unpublish":
      return unpublishArticle(run, item, item.id ?? "");
    default:
      return updateArticle(run, item, item.id ?? "", item.moveParent === true && parentId !== null ? parentId : undefined);
  }
}
