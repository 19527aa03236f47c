import { buildArticleCreate, buildArticleUpdate, type ArticlePatch } from "./build-requests.js";
import { applyTagOps } from "./apply-tags.js";
import { bodyHashNow, noteArticleUrls, requireBody, resolveBody, trackUpdate, type ApplyRun } from "./apply-run.js";
import { applyLockEffects, blockedLocales, recordUnconfirmed, recordUnpublished, recordWrite, takeEntry } from "./lock-updates.js";
import { createWithRecovery } from "./recover-create.js";
import { markHeld, publishDrafts, stageDrafts } from "./run-staged.js";
import type { ItemOutcome, OutcomeKind } from "./types.js";
import { hashArticleFields, type FieldHashes } from "../digest/field-hashes.js";
import type { WireArticle } from "../intercom/wire.js";
import type { ArticleContent, ArticlePlanItem } from "../plan/types.js";
import { fingerprintArticleLocale } from "../plan/write-fingerprint.js";
import type { LockEntry } from "../types.js";

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
    // A locale that only publishes its staged draft sends no content.
    if (item.publish?.includes(change.locale) === true && item.stage?.includes(change.locale) !== true) continue;
    const body = resolveBody(run, requireBody(run, fields, item.key, change.locale), change.locale);
    const { settings, audienceIds, tagOps, cancelSchedule } = fields;
    const content: ArticleContent = {
      title: fields.title,
      description: fields.description,
      body,
      state: fields.state,
      authorId: fields.authorId,
      ...(settings === undefined ? {} : { settings }),
      ...(audienceIds === undefined ? {} : { audienceIds }),
      ...(tagOps === undefined ? {} : { tagOps }),
      ...(cancelSchedule === undefined ? {} : { cancelSchedule }),
    };
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
    multilingual: run.plan.multilingual === true,
  });
  const lost = { kind: "article" as const, parentId: request.parent_id ?? null, title: request.title };
  const { response, recovered } = await createWithRecovery(run, lost, `article "${request.title}"`, () => run.api.createArticle(request));
  run.lock.articles[item.key] = { id: response.id, locales: {} };
  const entry = run.lock.articles[item.key];
  if (entry !== undefined) {
    recordWrite(entry, writtenHashes(writes, {}), response, new Set());
    markHeld(entry, item, writes.keys());
  }
  noteArticleUrls(run, item.key, response);
  if (entry !== undefined && (await applyTagOps(run, response.id, writes.get(run.plan.sourceLocale)?.content.tagOps))) {
    // Tagging moves the article's `updated_at`: the lock takes the stamp after it, or the next
    // plan would take our own tags for an edit made in Intercom.
    recordWrite(entry, writtenHashes(writes, {}), await run.api.getArticle(response.id), new Set());
  }
  return outcome(item, "created", response.id, recovered ? "the create response was lost; found the new article instead of creating it twice" : undefined);
}

/**
 * The request body of some written locales: only the fields each change sends (never `state` to a
 * draft, and settings only to the live article: a staged draft holds text). Tags are not part of
 * the body; they have their own endpoints (see apply-tags.ts).
 */
function patchesOf(writes: Map<string, LocaleWrite>, staged: boolean): Record<string, ArticlePatch> {
  const patches: Record<string, ArticlePatch> = {};
  for (const [locale, { content, sent }] of writes) {
    const keys = sent.map((name) => FIELD_KEYS[name]).filter((k): k is keyof ArticleContent => k !== undefined && !(staged && k === "state"));
    const patch: ArticlePatch = Object.fromEntries(keys.map((k) => [k, content[k]]));
    if (!staged) Object.assign(patch, settingsPatch(content, sent));
    patches[locale] = patch;
  }
  return patches;
}

function settingsPatch(content: ArticleContent, sent: readonly string[]): ArticlePatch {
  const patch: ArticlePatch = {};
  if (sent.includes("fin") && content.settings?.fin !== undefined) patch.fin = content.settings.fin;
  if (sent.includes("audiences") && content.audienceIds !== undefined) patch.audienceIds = content.audienceIds;
  if (sent.includes("schedule")) {
    const schedule = content.settings?.schedule;
    if (schedule !== undefined) patch.schedule = schedule;
    else if (content.cancelSchedule !== undefined) patch.schedule = { kind: content.cancelSchedule, cancel: true };
  }
  return patch;
}

/** True when a patch sends nothing (a change of tags only: those have their own endpoints). */
function isEmptyPatch(patches: Record<string, ArticlePatch>): boolean {
  return Object.values(patches).every((patch) => Object.keys(patch).length === 0);
}

function splitWrites(writes: Map<string, LocaleWrite>, stage: readonly string[]): { live: Map<string, LocaleWrite>; staged: Map<string, LocaleWrite> } {
  const live = new Map<string, LocaleWrite>();
  const staged = new Map<string, LocaleWrite>();
  for (const [locale, write] of writes) (stage.includes(locale) ? staged : live).set(locale, write);
  return { live, staged };
}

async function updateArticle(run: ApplyRun, item: ArticlePlanItem, id: string, parentId: string | undefined): Promise<ItemOutcome> {
  const { live, staged } = splitWrites(resolveWrites(run, item), item.stage ?? []);
  // A staged locale whose change is only settings has no draft text to stage: it is written live.
  for (const [locale, write] of staged) {
    if (Object.keys(patchesOf(new Map([[locale, write]]), true)[locale] ?? {}).length > 0) continue;
    staged.delete(locale);
    live.set(locale, write);
  }
  const options = { defaultLocale: item.defaultLocale, defaultAuthorId: run.defaultAuthorId, multilingual: run.plan.multilingual === true };
  let response: WireArticle | undefined;
  // The lock entry is taken once the first request succeeded: a failed write leaves the lock as it was.
  const takeOnce = (answeredId: string): { entry: LockEntry; previous: Record<string, FieldHashes | undefined> } => {
    const entry = takeEntry(run.lock, item, answeredId);
    const previous = Object.fromEntries(Object.entries(entry.locales).map(([locale, value]) => [locale, value.staged?.fields ?? value.fields]));
    applyLockEffects(entry, item);
    return { entry, previous };
  };
  let taken: ReturnType<typeof takeOnce> | undefined;
  const livePatches = patchesOf(live, false);
  // Settings are not text a reader sees: a staged locale's go to the live article all the same
  // (a staged draft holds title, description and body only).
  for (const [locale, write] of staged) {
    const patch = settingsPatch(write.content, write.sent);
    if (Object.keys(patch).length > 0) livePatches[locale] = patch;
  }
  const source = live.get(run.plan.sourceLocale) ?? staged.get(run.plan.sourceLocale);
  const tagOps = source?.sent.includes("tags") === true ? source.content.tagOps : undefined;
  if (tagOps !== undefined) await applyTagOps(run, id, tagOps);
  if (!isEmptyPatch(livePatches) || parentId !== undefined) {
    // Updates are idempotent (a PUT of the same fields leaves the same article), so the client may
    // retry one whose response was lost without any lookup.
    const request = buildArticleUpdate(livePatches, { ...options, ...(parentId === undefined ? {} : { parentId }) });
    response = await trackUpdate(run, () => markUnconfirmed(run, item, live), () => run.api.updateArticle(id, request));
    run.finder.noteServerTime(response.updated_at);
    taken = takeOnce(response.id);
    recordWrite(taken.entry, writtenHashes(live, taken.previous), response, blockedLocales(item));
    markHeld(taken.entry, item, live.keys());
  } else if (live.size > 0) {
    // Only tags changed: the article itself was not written, and tagging it may have moved its
    // `updated_at`; the next listing is read again rather than guessed here.
    response = await run.api.getArticle(id);
    taken = takeOnce(id);
    recordWrite(taken.entry, writtenHashes(live, taken.previous), response, blockedLocales(item));
  }
  if (staged.size > 0) {
    const request = buildArticleUpdate(patchesOf(staged, true), options);
    const previous = taken?.previous ?? previousFields(run, item);
    // The answer renders the draft: its URLs are not live yet, so they are not learnt from it.
    await stageDrafts(run.api, id, request, () => (taken ??= takeOnce(id)).entry, writtenHashes(staged, previous));
  }
  if (item.publish !== undefined && item.publish.length > 0) {
    response = await publishDrafts(run.api, id, item.publish, run.plan.multilingual === true, () => (taken ??= takeOnce(id)).entry);
  }
  if (response !== undefined) noteArticleUrls(run, item.key, response);
  const kind: OutcomeKind = item.action === "move" ? "moved" : item.action === "adopt" ? "adopted" : "updated";
  return outcome(item, kind, taken?.entry.id ?? id);
}

/** Field digests the lock holds per locale before this item (a staged draft's when one is pending). */
function previousFields(run: ApplyRun, item: ArticlePlanItem): Record<string, FieldHashes | undefined> {
  // An adopted item starts afresh (see takeEntry).
  if (item.action === "adopt") return {};
  const entry = run.lock.articles[item.key] ?? (item.previousKey === undefined ? undefined : run.lock.articles[item.previousKey]);
  return Object.fromEntries(Object.entries(entry?.locales ?? {}).map(([locale, value]) => [locale, value.staged?.fields ?? value.fields]));
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
