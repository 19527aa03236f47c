/**
 * The staged side of an article write (see plan/plan-staging.ts): text sent to the article's draft
 * (`PUT /articles/{id}/draft`), drafts published (`POST /articles/{id}/draft/publish`), and what the
 * lock records for each: a staged draft apart from the live content, then the live content once
 * it is published.
 */
import { SyncError } from "../errors/sync-error.js";
import type { WireArticle, WirePublishDraftRequest, WireUpdateArticleRequest } from "../intercom/wire.js";
import { combineFieldHashes, type FieldHashes } from "../digest/field-hashes.js";
import type { ArticlePlanItem } from "../plan/types.js";
import type { IntercomApi } from "../remote/api.js";
import type { LockEntry } from "../types.js";
import { localeUpdatedAt } from "./lock-updates.js";

/** The `draft_updated_at` of one locale of a response. */
function draftUpdatedAt(response: WireArticle, locale: string): number | undefined {
  const content = response.translated_content?.[locale];
  const stamp = content !== null && typeof content === "object" ? content.draft_updated_at : locale === response.default_locale ? response.draft_updated_at : undefined;
  return typeof stamp === "number" ? stamp : undefined;
}

function requireApi<K extends "stageArticleDraft" | "publishArticleDraft">(api: IntercomApi, method: K): NonNullable<IntercomApi[K]> {
  const fn = api[method];
  if (fn === undefined) {
    throw new SyncError("apply/staging-unsupported", {});
  }
  return fn.bind(api) as NonNullable<IntercomApi[K]>;
}

/** Sends the staged locales' fields to the draft; records each as staged (live digests untouched). */
export async function stageDrafts(
  api: IntercomApi,
  id: string,
  request: WireUpdateArticleRequest,
  takeEntry: () => LockEntry,
  written: Record<string, FieldHashes>,
): Promise<WireArticle> {
  const response = await requireApi(api, "stageArticleDraft")(id, request);
  const entry = takeEntry();
  for (const [locale, fields] of Object.entries(written)) {
    const live = entry.locales[locale];
    const stamp = localeUpdatedAt(response, locale);
    const staged = { hash: combineFieldHashes(fields), fields, draftUpdatedAt: draftUpdatedAt(response, locale) ?? stamp ?? 0 };
    entry.locales[locale] = { hash: live?.hash ?? "", updatedAt: stamp ?? live?.updatedAt ?? 0, ...(live?.fields ? { fields: live.fields } : {}), staged };
  }
  return response;
}

/** The publish request: the locales, which a multilingual workspace requires; no body otherwise. */
export function publishRequest(locales: readonly string[], multilingual: boolean): WirePublishDraftRequest | undefined {
  return multilingual ? { locales: [...locales] } : undefined;
}

/** Publishes the staged drafts of `locales`; the lock's live digests become the staged ones. */
export async function publishDrafts(api: IntercomApi, id: string, locales: readonly string[], multilingual: boolean, takeEntry: () => LockEntry): Promise<WireArticle> {
  const response = await requireApi(api, "publishArticleDraft")(id, publishRequest(locales, multilingual));
  const entry = takeEntry();
  for (const locale of locales) {
    const value = entry.locales[locale];
    if (value?.staged === undefined) continue;
    const { staged } = value;
    entry.locales[locale] = { hash: staged.hash, updatedAt: localeUpdatedAt(response, locale) ?? value.updatedAt, ...(staged.fields ? { fields: staged.fields } : {}) };
  }
  return response;
}

/** Marks the locales stage mode keeps as drafts; a locale written live otherwise is no longer held. */
export function markHeld(entry: LockEntry, item: ArticlePlanItem, written: Iterable<string>): void {
  for (const locale of written) {
    const value = entry.locales[locale];
    if (value === undefined) continue;
    if (item.hold?.includes(locale) === true) value.held = true;
    else delete value.held;
  }
}
