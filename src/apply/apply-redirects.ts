/**
 * Runs a redirect plan after the items are written (targets created in this run have ids by then):
 * deletes, then creates, one at a time. A 409 (the URL already redirects elsewhere) or a 422 is an
 * error naming the file and the URL; nothing else is skipped because of it.
 */
import { diagnostic, SyncError, type Diagnostic } from "../errors/sync-error.js";
import type { RedirectPlan } from "../plan/plan-redirects.js";
import type { IntercomApi } from "../remote/api.js";
import type { LockFile } from "../types.js";
import { describeError, isNotFound } from "./apply-run.js";

export interface RedirectOutcome {
  fromUrl: string;
  outcome: "created" | "deleted" | "failed";
  /** Key of the item it redirects to (creates). */
  key?: string;
}

export interface RedirectResult {
  outcomes: RedirectOutcome[];
  errors: Diagnostic[];
  lock: LockFile;
}

function statusOf(error: unknown): number | undefined {
  const status = typeof error === "object" && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === "number" ? status : undefined;
}

/** Applies `plan` over a copy of `lock`; `targetIdOf` reads the ids of the lock after the item writes. */
export async function applyRedirects(
  plan: RedirectPlan,
  deps: { api: IntercomApi; lock: LockFile; helpCenterId: string; urls: Record<string, Record<string, string>> | undefined },
): Promise<RedirectResult> {
  const lock = structuredClone(deps.lock);
  const owned = { ...lock.redirects, ...plan.record };
  for (const fromUrl of plan.forget) delete owned[fromUrl];
  const outcomes: RedirectOutcome[] = [];
  const errors: Diagnostic[] = [];
  const { api } = deps;
  if (plan.deletes.length + plan.creates.length > 0 && (api.createRedirect === undefined || api.deleteRedirect === undefined)) {
    throw new SyncError("apply/redirects-unsupported", {});
  }
  for (const { fromUrl, id } of plan.deletes) {
    try {
      await api.deleteRedirect?.(deps.helpCenterId, id);
    } catch (error) {
      if (!isNotFound(error)) {
        outcomes.push({ fromUrl, outcome: "failed" });
        errors.push(diagnostic("redirect/failed", { from: fromUrl, reason: describeError(error) }, { file: "intercom-sync.lock.json" }));
        continue;
      }
    }
    delete owned[fromUrl];
    outcomes.push({ fromUrl, outcome: "deleted" });
  }
  for (const create of plan.creates) {
    const table = create.targetType === "article" ? lock.articles : lock.collections;
    const targetId = table[create.targetKey]?.id;
    const location = { file: create.file, line: create.line };
    if (targetId === undefined) {
      errors.push(diagnostic("redirect/no-target", { from: create.fromUrl, target: create.targetKey }, location));
      continue;
    }
    try {
      const created = await api.createRedirect?.(deps.helpCenterId, { from_url: create.fromUrl, locale: create.locale, target_type: create.targetType, target_id: targetId });
      if (created === undefined) continue;
      owned[create.fromUrl] = { id: String(created.id), targetType: create.targetType, key: create.targetKey, locale: create.locale };
      outcomes.push({ fromUrl: create.fromUrl, outcome: "created", key: create.targetKey });
    } catch (error) {
      outcomes.push({ fromUrl: create.fromUrl, outcome: "failed", key: create.targetKey });
      const status = statusOf(error);
      errors.push(
        status === 409
          ? diagnostic("redirect/conflict", { from: create.fromUrl, target: create.targetKey }, location)
          : diagnostic("redirect/rejected", { from: create.fromUrl, reason: describeError(error) }, location),
      );
    }
  }
  if (Object.keys(owned).length > 0) lock.redirects = owned;
  else delete lock.redirects;
  if (deps.urls !== undefined) lock.urls = deps.urls;
  else delete lock.urls;
  return { outcomes, errors, lock };
}
