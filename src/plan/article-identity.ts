import type { DesiredArticle, LockEntry, RemoteArticle } from "../types.js";
import { hashArticleLocale } from "../digest/field-hashes.js";
import { PENDING_ID, pickMoveSource, type PlanContext } from "./plan-context.js";
import { hashBodyAt } from "../digest/body-digest.js";
import { lookupUrl } from "../render/resolve-links.js";
import { normaliseText } from "../digest/visible-text.js";

/** Which Intercom article (if any) a desired article is. */
export type ArticleIdentity =
  | { kind: "owned"; remote: RemoteArticle; entry: LockEntry; previousKey?: string }
  | { kind: "adopt"; remote: RemoteArticle }
  | { kind: "create"; recreate: boolean };

/** The parent collection's id after this run: null at the top level, PENDING_ID when created now. */
export function parentIdOf(ctx: PlanContext, article: DesiredArticle): string | null {
  return article.parentKey === null ? null : (ctx.collectionIds.get(article.parentKey) ?? PENDING_ID);
}

function addUrls(ctx: PlanContext, key: string, remote: RemoteArticle): void {
  const urls: Record<string, string> = {};
  for (const [locale, content] of Object.entries(remote.locales)) {
    if (content.url !== "") urls[locale] = content.url;
  }
  ctx.urls[key] = urls;
}

/** Hash of the source locale as it would be pushed now, with the links known so far. */
function sourceHash(ctx: PlanContext, article: DesiredArticle): string | undefined {
  const source = article.locales[ctx.sourceLocale];
  if (source === undefined) return undefined;
  const bodyHash = hashBodyAt({ digest: source.digest, placeholders: source.hrefs }, ctx.sourceLocale, lookupUrl(ctx.urls, ctx.sourceLocale));
  return hashArticleLocale({ title: source.title, description: source.description, bodyHash, state: source.state, authorId: source.authorId });
}

function findAdoptable(ctx: PlanContext, article: DesiredArticle): RemoteArticle | undefined {
  const parentId = parentIdOf(ctx, article);
  const title = normaliseText(article.locales[ctx.sourceLocale]?.title ?? "");
  if (parentId === PENDING_ID || title === "") return undefined;
  return [...ctx.remoteArticles.values()].find(
    (remote) =>
      !ctx.ownedArticleIds.has(remote.id) &&
      !ctx.claimedArticleIds.has(remote.id) &&
      remote.parentId === parentId &&
      normaliseText(remote.locales[ctx.sourceLocale]?.title ?? "") === title,
  );
}

/**
 * Decides, for every desired article, whether it is an owned article (same key, or moved from a
 * key that disappeared with the same source content), an adoptable unowned one, or a create.
 * Fills `ctx.urls` for every article that exists remotely, which link resolution then uses.
 */
export function resolveArticleIdentities(ctx: PlanContext, articles: readonly DesiredArticle[]): Map<string, ArticleIdentity> {
  const identities = new Map<string, ArticleIdentity>();
  const desiredKeys = new Set(articles.map((a) => a.key));
  for (const article of articles) {
    const entry = ctx.lock.articles[article.key];
    const remote = entry === undefined ? undefined : ctx.remoteArticles.get(entry.id);
    if (entry !== undefined && remote !== undefined) {
      identities.set(article.key, { kind: "owned", remote, entry });
      addUrls(ctx, article.key, remote);
    }
  }
  // Moves repeat until stable: a moved article that links to another moved article only hashes
  // like its lock entry once the other's URL is known under its new key.
  let unmatched = articles.filter((a) => ctx.lock.articles[a.key] === undefined);
  for (let progress = true; progress && unmatched.length > 0; ) {
    progress = false;
    for (const article of unmatched) {
      const hash = sourceHash(ctx, article);
      const candidates = Object.entries(ctx.lock.articles)
        .filter(([key, entry]) => !desiredKeys.has(key) && !ctx.movedFromArticles.has(key) && ctx.remoteArticles.has(entry.id))
        .filter(([, entry]) => hash !== undefined && entry.locales[ctx.sourceLocale]?.hash === hash)
        .map(([key]) => key);
      const previousKey = pickMoveSource(article.key, candidates);
      const entry = previousKey === undefined ? undefined : ctx.lock.articles[previousKey];
      const remote = entry === undefined ? undefined : ctx.remoteArticles.get(entry.id);
      if (previousKey === undefined || entry === undefined || remote === undefined) continue;
      ctx.movedFromArticles.add(previousKey);
      identities.set(article.key, { kind: "owned", remote, entry, previousKey });
      addUrls(ctx, article.key, remote);
      progress = true;
    }
    unmatched = unmatched.filter((a) => !identities.has(a.key));
  }
  for (const article of articles) {
    if (identities.has(article.key)) continue;
    const adoptable = findAdoptable(ctx, article);
    if (adoptable !== undefined) {
      ctx.claimedArticleIds.add(adoptable.id);
      identities.set(article.key, { kind: "adopt", remote: adoptable });
      addUrls(ctx, article.key, adoptable);
    } else {
      identities.set(article.key, { kind: "create", recreate: ctx.lock.articles[article.key] !== undefined });
    }
  }
  return identities;
}
