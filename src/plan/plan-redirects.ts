/**
 * Redirects from `redirect_from`: the wanted set (each entry resolved to an absolute `from_url` in
 * the help center's URL space) against the redirects the lock owns and those Intercom lists. A
 * redirect the lock does not own is never deleted; one Intercom already holds with the same target
 * is recorded without a write; the rest is created, deletes first so that a URL moved to another
 * file is freed before it is taken again. Pure.
 */
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import type { DesiredRedirect } from "../model/collect-redirects.js";
import type { LockFile, LockRedirect, RemoteHelpCenter, RemoteState } from "../types.js";

export interface RemoteRedirect {
  id: string;
  fromUrl: string;
  locale: string;
  targetType: "article" | "collection";
  targetId: string;
}

export interface RedirectCreate {
  fromUrl: string;
  locale: string;
  targetType: "article" | "collection";
  targetKey: string;
  file: string;
  line: number;
}

export interface RedirectPlan {
  creates: RedirectCreate[];
  /** Owned redirects no longer wanted (or now pointing elsewhere). */
  deletes: { fromUrl: string; id: string }[];
  /** Redirects Intercom already holds as wanted: recorded in the lock without a write. */
  record: Record<string, LockRedirect>;
  /** Owned redirects gone from Intercom and no longer wanted: dropped from the lock. */
  forget: string[];
  errors: Diagnostic[];
}

export interface RedirectPlanInput {
  wanted: readonly DesiredRedirect[];
  helpCenter: Pick<RemoteHelpCenter, "url" | "customDomain">;
  sourceLocale: string;
  lock: LockFile;
  /** Intercom's redirects of this help center. */
  remote: readonly RemoteRedirect[];
  /** Article key -> locale -> URL known now (the plan's), for keys named in `redirect_from`. */
  knownUrls: Record<string, Record<string, string>>;
}

/** `https://intercom.help/acme` and, with a custom domain, `https://help.acme.com`: where a `from_url` may live. */
function urlSpaces(helpCenter: RedirectPlanInput["helpCenter"]): string[] {
  const spaces = [helpCenter.url.replace(/\/+$/, "")];
  if (helpCenter.customDomain) spaces.push(`https://${helpCenter.customDomain.replace(/^https?:\/\//, "").replace(/\/+$/, "")}`);
  return spaces;
}

/** The absolute `from_url` of an entry, or the problem with it. */
export function resolveRedirectSource(redirect: DesiredRedirect, input: Omit<RedirectPlanInput, "wanted" | "remote">): { url: string } | { error: Diagnostic } {
  const location = { file: redirect.file, line: redirect.line };
  const spaces = urlSpaces(input.helpCenter);
  if (redirect.form === "path") return { url: `${spaces[0] ?? ""}${redirect.from}` };
  if (redirect.form === "url") {
    if (spaces.some((space) => redirect.from.startsWith(`${space}/`))) return { url: redirect.from };
    return {
      error: diagnostic("redirect/outside-help-center", { from: redirect.from, spaces }, location),
    };
  }
  const urls = input.knownUrls[redirect.from] ?? input.lock.urls?.[redirect.from];
  const url = urls?.[redirect.locale] ?? urls?.[input.sourceLocale];
  if (url !== undefined) return { url };
  return {
    error: diagnostic("redirect/unknown-key", { from: redirect.from }, location),
  };
}

function sameTarget(owned: LockRedirect, wanted: RedirectCreate): boolean {
  return owned.targetType === wanted.targetType && owned.key === wanted.targetKey && owned.locale === wanted.locale;
}

/** Plans the redirect writes. `targetIdOf` gives the Intercom id of a key as the lock knows it now. */
export function planRedirects(input: RedirectPlanInput, targetIdOf: (type: "article" | "collection", key: string) => string | undefined): RedirectPlan {
  const plan: RedirectPlan = { creates: [], deletes: [], record: {}, forget: [], errors: [] };
  const wanted = new Map<string, RedirectCreate>();
  for (const redirect of input.wanted) {
    const resolved = resolveRedirectSource(redirect, input);
    if ("error" in resolved) {
      plan.errors.push(resolved.error);
      continue;
    }
    wanted.set(resolved.url, { fromUrl: resolved.url, locale: redirect.locale, targetType: redirect.targetType, targetKey: redirect.targetKey, file: redirect.file, line: redirect.line });
  }
  const remoteByUrl = new Map(input.remote.map((redirect) => [redirect.fromUrl, redirect]));
  const owned = input.lock.redirects ?? {};
  for (const [fromUrl, entry] of Object.entries(owned)) {
    const want = wanted.get(fromUrl);
    const remote = remoteByUrl.get(fromUrl);
    const stillOurs = remote !== undefined && remote.id === entry.id;
    if (want !== undefined && sameTarget(entry, want) && stillOurs) {
      wanted.delete(fromUrl);
      continue;
    }
    if (stillOurs) plan.deletes.push({ fromUrl, id: entry.id });
    else plan.forget.push(fromUrl);
  }
  for (const want of wanted.values()) {
    const remote = remoteByUrl.get(want.fromUrl);
    const id = targetIdOf(want.targetType, want.targetKey);
    const freed = plan.deletes.some((d) => d.fromUrl === want.fromUrl);
    if (!freed && remote !== undefined && id !== undefined && remote.targetType === want.targetType && remote.targetId === id && remote.locale === want.locale) {
      plan.record[want.fromUrl] = { id: remote.id, targetType: want.targetType, key: want.targetKey, locale: want.locale };
      continue;
    }
    plan.creates.push(want);
  }
  return plan;
}

/** URLs (key -> locale -> URL) of every article the lock owns that Intercom still holds. */
export function urlsOfOwnedArticles(lock: LockFile, remote: RemoteState): Record<string, Record<string, string>> {
  const byId = new Map(remote.articles.map((article) => [article.id, article]));
  const out: Record<string, Record<string, string>> = {};
  for (const [key, entry] of Object.entries(lock.articles)) {
    const article = byId.get(entry.id);
    if (article === undefined) continue;
    const urls = Object.fromEntries(Object.entries(article.locales).filter(([, content]) => content.url !== "").map(([locale, content]) => [locale, content.url]));
    if (Object.keys(urls).length > 0) out[key] = urls;
  }
  return out;
}

/** Last known URLs to keep in the lock: those of articles no longer in the tree. */
export function removedArticleUrls(lock: LockFile, knownUrls: Record<string, Record<string, string>>, treeKeys: ReadonlySet<string>): Record<string, Record<string, string>> | undefined {
  const urls: Record<string, Record<string, string>> = { ...lock.urls };
  for (const [key, byLocale] of Object.entries(knownUrls)) if (!treeKeys.has(key) && Object.keys(byLocale).length > 0) urls[key] = byLocale;
  for (const key of treeKeys) delete urls[key];
  return Object.keys(urls).length > 0 ? urls : undefined;
}

/** True when the plan writes or changes the lock. */
export function redirectPlanChanges(plan: RedirectPlan): boolean {
  return plan.creates.length + plan.deletes.length + plan.forget.length + Object.keys(plan.record).length > 0;
}
