/**
 * Runs a publish plan (see plan/plan-publish.ts): per article, one `POST
 * /articles/{id}/draft/publish` for its staged drafts (no content is sent again) and one `PUT` of
 * `state: published` for the locales stage mode kept as drafts. The lock's live digests become the
 * staged ones, so a later push of the same text writes nothing.
 */
import { combineFieldHashes, hashField } from "../digest/field-hashes.js";
import type { PublishPlan, PublishTarget } from "../plan/plan-publish.js";
import type { IntercomApi } from "../remote/api.js";
import type { LockEntry, LockFile } from "../types.js";
import { describeError } from "./apply-run.js";
import { buildArticleUpdate } from "./build-requests.js";
import { localeUpdatedAt } from "./lock-updates.js";
import { publishDrafts } from "./run-staged.js";

export interface PublishOutcome {
  key: string;
  id: string;
  /** Locales made live. */
  locales: string[];
  outcome: "published" | "failed";
  error?: string;
}

export interface PublishResult {
  outcomes: PublishOutcome[];
  lock: LockFile;
  ok: boolean;
}

/** Sets held locales live and records their `published` state in the lock. */
async function publishHeld(api: IntercomApi, target: PublishTarget, entry: LockEntry, defaultLocale: string | null): Promise<void> {
  const patches = Object.fromEntries(target.held.map((locale) => [locale, { state: "published" as const }]));
  const response = await api.updateArticle(target.id, buildArticleUpdate(patches, { defaultLocale, defaultAuthorId: null }));
  for (const locale of target.held) {
    const value = entry.locales[locale];
    if (value === undefined) continue;
    const stamp = localeUpdatedAt(response, locale) ?? value.updatedAt;
    const fields = value.fields === undefined ? undefined : { ...value.fields, state: hashField("published") };
    entry.locales[locale] = fields === undefined ? { hash: value.hash, updatedAt: stamp } : { hash: combineFieldHashes(fields), updatedAt: stamp, fields };
  }
}

/** Applies a publish plan one article at a time; the lock copy in the result records what went live. */
export async function applyPublish(
  plan: PublishPlan,
  deps: { api: IntercomApi; lock: LockFile; defaultLocale: (id: string) => string | null; saveLock(lock: LockFile): Promise<void> },
): Promise<PublishResult> {
  const lock = structuredClone(deps.lock);
  const outcomes: PublishOutcome[] = [];
  for (const target of plan.targets) {
    const entry = lock.articles[target.key];
    if (entry === undefined) continue;
    try {
      if (target.drafts.length > 0) await publishDrafts(deps.api, target.id, target.drafts, plan.multilingual, () => entry);
      if (target.held.length > 0) await publishHeld(deps.api, target, entry, deps.defaultLocale(target.id));
      outcomes.push({ key: target.key, id: target.id, locales: [...target.drafts, ...target.held].sort(), outcome: "published" });
    } catch (error) {
      outcomes.push({ key: target.key, id: target.id, locales: [...target.drafts, ...target.held].sort(), outcome: "failed", error: describeError(error) });
    }
    await deps.saveLock(lock);
  }
  return { outcomes, lock, ok: outcomes.every((o) => o.outcome === "published") && plan.errors.length === 0 };
}
