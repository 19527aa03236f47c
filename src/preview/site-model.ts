/**
 * The help center as the preview shows it, built from the desired state the loader builds for
 * push: collections as a tree, articles per collection, each item's text per locale with the
 * source's as fallback, translation status as `status` computes it, and `check`'s findings by file.
 */
import type { Diagnostic } from "../errors/sync-error.js";
import { computeStatus } from "../status/compute-status.js";
import type { StatusReport } from "../status/types.js";
import type { DesiredArticle, DesiredArticleLocale, DesiredCollection, DesiredCollectionLocale, DesiredState } from "../types.js";

/** Where one item stands in one locale. */
export type TranslationMark = "source" | "translated" | "outdated" | "unstamped" | "missing";

export interface SiteInput {
  state: DesiredState;
  /** Every finding of the build (what `check` prints), sorted. */
  diagnostics: readonly Diagnostic[];
  /** Project-relative files that are not markdown (images): the only files the preview serves. */
  assets: readonly string[];
  /** Project-relative POSIX content and locales dirs. */
  contentDir: string;
  localesDir: string;
  assetBaseUrl: string | null;
  /** The help center's name in the header. */
  title: string;
}

export interface SiteModel extends SiteInput {
  /** Source locale first, then the translations in order. */
  locales: string[];
  collections: Map<string, DesiredCollection>;
  articles: Map<string, DesiredArticle>;
  /** Child collections and articles of each collection key ("" = top level), in tree order. */
  childCollections: Map<string, DesiredCollection[]>;
  childArticles: Map<string, DesiredArticle[]>;
  status: StatusReport;
  findingsByFile: Map<string, Diagnostic[]>;
  assetSet: ReadonlySet<string>;
}

/** Locales read right to left among Intercom's. */
const RTL_LOCALES: ReadonlySet<string> = new Set(["ar", "he"]);

export function isRightToLeft(locale: string): boolean {
  return RTL_LOCALES.has(locale);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Builds the site from a build of the tree. Pure. */
export function buildSiteModel(input: SiteInput): SiteModel {
  const { state } = input;
  const childCollections = new Map<string, DesiredCollection[]>();
  const childArticles = new Map<string, DesiredArticle[]>();
  for (const collection of state.collections) push(childCollections, collection.parentKey ?? "", collection);
  for (const article of state.articles) push(childArticles, article.parentKey ?? "", article);
  const findingsByFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of input.diagnostics) push(findingsByFile, diagnostic.location.file, diagnostic);
  return {
    ...input,
    locales: [state.sourceLocale, ...state.locales.filter((locale) => locale !== state.sourceLocale)],
    collections: new Map(state.collections.map((collection) => [collection.key, collection])),
    articles: new Map(state.articles.map((article) => [article.key, article])),
    childCollections,
    childArticles,
    status: computeStatus(state),
    findingsByFile,
    assetSet: new Set(input.assets),
  };
}

/** The mark of an article in a locale, as `status` counts it. */
export function articleMark(site: SiteModel, article: DesiredArticle, locale: string): TranslationMark {
  if (locale === site.state.sourceLocale) return "source";
  const translation = article.locales[locale];
  if (translation === undefined) return "missing";
  if (translation.sourceHash === undefined) return "unstamped";
  return translation.sourceHash === article.sourceTextHash ? "translated" : "outdated";
}

export function collectionMark(site: SiteModel, collection: DesiredCollection, locale: string): TranslationMark {
  if (locale === site.state.sourceLocale) return "source";
  const text = collection.locales[locale];
  return text === undefined || text.file === null ? "missing" : "translated";
}

/** The article's text in a locale, or the source's when it has no translation there. */
export function articleText(site: SiteModel, article: DesiredArticle, locale: string): { text: DesiredArticleLocale; fallback: boolean } {
  const translation = article.locales[locale];
  if (translation !== undefined) return { text: translation, fallback: false };
  return { text: article.locales[site.state.sourceLocale] as DesiredArticleLocale, fallback: locale !== site.state.sourceLocale };
}

export function collectionText(site: SiteModel, collection: DesiredCollection, locale: string): { text: DesiredCollectionLocale; fallback: boolean } {
  const translation = collection.locales[locale];
  if (translation !== undefined && (translation.file !== null || locale === site.state.sourceLocale)) return { text: translation, fallback: false };
  return { text: collection.locales[site.state.sourceLocale] as DesiredCollectionLocale, fallback: locale !== site.state.sourceLocale };
}

/** Collections from the top down to `key` (inclusive). */
export function collectionPath(site: SiteModel, key: string | null): DesiredCollection[] {
  const chain: DesiredCollection[] = [];
  let current = key === null ? undefined : site.collections.get(key);
  while (current !== undefined) {
    chain.unshift(current);
    current = current.parentKey === null ? undefined : site.collections.get(current.parentKey);
  }
  return chain;
}

/** Findings of the given files, errors first. */
export function findingsOf(site: SiteModel, files: readonly (string | null | undefined)[]): Diagnostic[] {
  const found = files.flatMap((file) => (file == null ? [] : (site.findingsByFile.get(file) ?? [])));
  return [...found.filter((d) => d.severity === "error"), ...found.filter((d) => d.severity !== "error")];
}

/** Errors of files no page shows (a file that could not become an item at all). */
export function errorsWithoutPage(site: SiteModel): Diagnostic[] {
  const shown = new Set<string>();
  for (const item of [...site.state.collections, ...site.state.articles]) {
    for (const text of Object.values(item.locales)) if (text.file !== null) shown.add(text.file);
  }
  return site.diagnostics.filter((d) => d.severity === "error" && !shown.has(d.location.file));
}

/**
 * The project file a body's image URL points at, or null. The renderer writes `assetBaseUrl` +
 * the path below the locale root, prefixed by the locale for a translation's own files (see
 * render/resolve-reference.ts); this reads that back against the files that exist.
 */
export function assetFileOf(site: SiteModel, url: string): string | null {
  const base = site.assetBaseUrl;
  if (base === null || !url.startsWith(base)) return null;
  let rest: string;
  try {
    rest = decodeURIComponent(url.slice(base.length).replace(/[?#].*$/, ""));
  } catch {
    return null;
  }
  const [first, ...others] = rest.split("/");
  const candidates = [`${site.contentDir}/${rest}`];
  if (first !== undefined && site.locales.includes(first)) candidates.unshift(`${site.localesDir}/${first}/${others.join("/")}`);
  return candidates.find((file) => site.assetSet.has(file)) ?? null;
}
