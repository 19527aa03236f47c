/**
 * Redirects in push and plan: listed only when the files ask for some or the lock owns some, planned
 * with the plan, and applied after the items (a new article has an id by then). The lock also keeps
 * the last URLs of removed articles, so `redirect_from: [key]` works after the file is gone.
 */
import { applyRedirects, type RedirectResult } from "../apply/apply-redirects.js";
import type { ApplyResult } from "../apply/types.js";
import { collectRedirects } from "../model/collect-redirects.js";
import { planRedirects, redirectPlanChanges, removedArticleUrls, urlsOfOwnedArticles, type RedirectPlan, type RemoteRedirect } from "../plan/plan-redirects.js";
import type { Plan } from "../plan/types.js";
import type { IntercomApi } from "../remote/api.js";
import type { DesiredState, LockFile, RemoteState } from "../types.js";

export interface RedirectStepInput {
  desired: DesiredState;
  remote: RemoteState;
  lock: LockFile;
  plan: Plan;
}

/** The redirect plan, or undefined when no file names a redirect and the lock owns none (no request). */
export async function planRedirectStep(api: IntercomApi, input: RedirectStepInput): Promise<RedirectPlan | undefined> {
  const wanted = collectRedirects(input.desired);
  if (wanted.length === 0 && input.lock.redirects === undefined) return undefined;
  const listed = api.listRedirects === undefined ? [] : await api.listRedirects(input.remote.helpCenter.id);
  const remote: RemoteRedirect[] = listed.map((r) => ({ id: String(r.id), fromUrl: r.from_url, locale: r.locale, targetType: r.target_type, targetId: String(r.target_id) }));
  return planRedirects(
    { wanted, helpCenter: input.remote.helpCenter, sourceLocale: input.desired.sourceLocale, lock: input.lock, remote, knownUrls: knownUrls(input) },
    (type, key) => (type === "article" ? input.lock.articles[key]?.id : input.lock.collections[key]?.id),
  );
}

/** URLs known now: the plan's, and those of owned articles that left the tree (still in Intercom). */
function knownUrls(input: RedirectStepInput): Record<string, Record<string, string>> {
  return { ...urlsOfOwnedArticles(input.lock, input.remote), ...input.plan.urls };
}

function sameUrls(a: LockFile["urls"], b: LockFile["urls"]): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Applies the redirect plan over the lock the item writes left, and saves the lock when it changed. */
export async function applyRedirectStep(
  deps: { api: IntercomApi; saveLock(lock: LockFile): Promise<void> },
  input: RedirectStepInput & { redirects: RedirectPlan | undefined; result: ApplyResult },
): Promise<RedirectResult | undefined> {
  const treeKeys = new Set(input.desired.articles.map((article) => article.key));
  const urls = removedArticleUrls(input.result.lock, knownUrls(input), treeKeys);
  const redirects = input.redirects;
  if ((redirects === undefined || !redirectPlanChanges(redirects)) && sameUrls(urls, input.result.lock.urls)) return undefined;
  const empty: RedirectPlan = { creates: [], deletes: [], record: {}, forget: [], errors: [] };
  const result = await applyRedirects(redirects ?? empty, { api: deps.api, lock: input.result.lock, helpCenterId: input.remote.helpCenter.id, urls });
  await deps.saveLock(result.lock);
  return result;
}
