/**
 * The lock digests of the files as the planner computes them (src/plan/plan-articles.ts,
 * plan-collections.ts): per-field digests of the fields push would send, with article links
 * resolved to the URLs Intercom reports and the outdated-translation policy applied to the state.
 * Pull records these for the files it writes, so the next push finds nothing to do.
 */
import { combineFieldHashes, hashArticleFields, settingsOf, hashCollectionFields, type FieldHashes } from "../digest/field-hashes.js";
import { hashBodyAt } from "../digest/body-digest.js";
import { lookupUrl } from "../render/resolve-links.js";
import type { OutdatedTranslations } from "../plan/types.js";
import type { DesiredArticle, DesiredCollection, DesiredState, LockLocale, RemoteState } from "../types.js";

/** Article key -> locale -> URL, as the planner builds it for the articles it knows. */
export type UrlTable = Record<string, Record<string, string>>;

/** The URL table for articles with keys: the URL of each locale Intercom has. */
export function buildUrlTable(remote: RemoteState, keysById: ReadonlyMap<string, string>): UrlTable {
  const urls: UrlTable = {};
  for (const article of remote.articles) {
    const key = keysById.get(article.id);
    if (key === undefined) continue;
    const byLocale: Record<string, string> = {};
    for (const [locale, content] of Object.entries(article.locales)) {
      if (content.url !== "") byLocale[locale] = content.url;
    }
    urls[key] = byLocale;
  }
  return urls;
}

export interface LocalHasher {
  article(key: string, locale: string): FieldHashes | undefined;
  collection(key: string, locale: string): FieldHashes | undefined;
}

function hashArticle(article: DesiredArticle, locale: string, sourceLocale: string, urls: UrlTable, policy: OutdatedTranslations): FieldHashes | undefined {
  const text = article.locales[locale];
  if (text === undefined) return undefined;
  const outdated = locale !== sourceLocale && text.sourceHash !== undefined && text.sourceHash !== article.sourceTextHash;
  const state = outdated && policy === "draft" ? "draft" : text.state;
  const bodyHash = hashBodyAt({ digest: text.digest, placeholders: text.hrefs }, locale, lookupUrl(urls, sourceLocale));
  return hashArticleFields({ title: text.title, description: text.description, bodyHash, state, authorId: text.authorId, settings: settingsOf(text) });
}

function hashCollection(collection: DesiredCollection, locale: string): FieldHashes | undefined {
  const text = collection.locales[locale];
  return text === undefined ? undefined : hashCollectionFields({ name: text.name, description: text.description });
}

/** Digests of the items of a desired state, looked up by key and locale. Pure. */
export function createLocalHasher(desired: DesiredState, urls: UrlTable, policy: OutdatedTranslations): LocalHasher {
  const articles = new Map(desired.articles.map((article) => [article.key, article]));
  const collections = new Map(desired.collections.map((collection) => [collection.key, collection]));
  return {
    article(key, locale) {
      const article = articles.get(key);
      return article === undefined ? undefined : hashArticle(article, locale, desired.sourceLocale, urls, policy);
    },
    collection(key, locale) {
      const collection = collections.get(key);
      return collection === undefined ? undefined : hashCollection(collection, locale);
    },
  };
}

/** A lock value for a locale: the digests and Intercom's `updated_at`. */
export function toLockLocale(fields: FieldHashes, updatedAt: number): LockLocale {
  return { hash: combineFieldHashes(fields), updatedAt, fields };
}
