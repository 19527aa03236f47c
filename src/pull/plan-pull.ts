/**
 * The pure core of `pull`: remote state, lock and current files in; for every item and locale the
 * file Intercom's version would be, and whether to write it. Touches no file system or network.
 */
import { diagnostic, type Diagnostic, SyncError } from "../errors/sync-error.js";
import { isLocaleCode } from "../locales.js";
import { combineFieldHashes } from "../digest/field-hashes.js";
import { toVisibleText } from "../digest/visible-text.js";
import type { DesiredArticle, DesiredCollection, LockEntry, RemoteArticle } from "../types.js";
import { createArticleKeyLookup, type ArticleKeyLookup } from "./article-links.js";
import { assignKeys, type AssignedKeys } from "./assign-keys.js";
import { decideFile } from "./decide-file.js";
import { buildUrlTable, createLocalHasher, type LocalHasher } from "./hash-local-items.js";
import { articleMatchesRemote, collectionMatchesRemote } from "./local-matches-remote.js";
import { itemFilePath, pullArticleText, pullCollectionText, type ArticleTextContext } from "./item-files.js";
import { collectTakenKeys } from "./taken-keys.js";
import type { PullFile, PullInput, PullItemType, PullPlan } from "./types.js";

/** Translation locales to write: the configured ones, else every locale Intercom has text in. */
function chooseLocales(input: PullInput): string[] {
  const { sourceLocale } = input.layout;
  if (input.locales !== null) return [...input.locales].filter((l) => l !== sourceLocale).sort();
  const found = new Set<string>();
  for (const item of [...input.remote.collections, ...input.remote.articles]) {
    for (const locale of Object.keys(item.locales)) if (locale !== sourceLocale && isLocaleCode(locale)) found.add(locale);
  }
  return [...found].sort();
}

function checkHelpCenter(input: PullInput): void {
  const { lock, remote } = input;
  if (lock.helpCenterId === null || lock.helpCenterId === remote.helpCenter.id) return;
  throw new SyncError("pull/help-center-mismatch", { lockHelpCenter: lock.helpCenterId, helpCenter: remote.helpCenter.id }, { location: { file: "intercom-sync.lock.json" } });
}

function deletedNotices(input: PullInput, type: PullItemType, entries: Record<string, LockEntry>, remoteIds: ReadonlySet<string>): Diagnostic[] {
  return Object.entries(entries)
    .filter(([, entry]) => !remoteIds.has(entry.id))
    .map(([key]) => diagnostic("pull/deleted-in-intercom", { type, key }, { file: itemFilePath(input.layout, type, key, input.layout.sourceLocale) }));
}

function untitledNotice(article: RemoteArticle, locale: string, file: string): Diagnostic {
  return diagnostic("pull/untitled", { id: article.id, locale }, { file });
}

interface PullContext {
  input: PullInput;
  keys: AssignedKeys;
  lookupKey: ArticleKeyLookup;
  /** Audience id -> name (the remote state's audiences, when they were listed). */
  audienceNames: ReadonlyMap<number, string>;
  hasher: LocalHasher;
  locales: readonly string[];
  localArticles: ReadonlyMap<string, DesiredArticle>;
  localCollections: ReadonlyMap<string, DesiredCollection>;
  files: PullFile[];
  notices: Diagnostic[];
}

interface Candidate {
  type: PullItemType;
  id: string;
  key: string;
  locale: string;
  text: string;
  remoteUpdatedAt: number;
  matchesRemote: () => boolean;
  /** A translation whose source file this pull rewrites: what it inherits from it (settings) changes. */
  sourceRewritten?: boolean;
}

/** Decides one file against the tree and the lock, and adds it to the plan. */
function consider(ctx: PullContext, candidate: Candidate): void {
  const { type, id, key, locale } = candidate;
  const { input } = ctx;
  const file = itemFilePath(input.layout, type, key, locale);
  const entry = (type === "article" ? input.lock.articles : input.lock.collections)[key];
  const fields = type === "article" ? ctx.hasher.article(key, locale) : ctx.hasher.collection(key, locale);
  const decision = decideFile({
    pulled: candidate.text,
    current: input.existing.get(file),
    lock: entry?.id === id ? entry.locales[locale] : undefined,
    remoteUpdatedAt: candidate.remoteUpdatedAt,
    localHash: fields === undefined ? undefined : combineFieldHashes(fields),
    matchesRemote: candidate.matchesRemote,
    force: input.force,
    ...(candidate.sourceRewritten === true ? { inheritedChange: true } : {}),
  });
  ctx.files.push({ type, key, locale, id, file, text: candidate.text, remoteUpdatedAt: candidate.remoteUpdatedAt, ...decision });
}

function planCollections(ctx: PullContext): void {
  for (const collection of ctx.input.remote.collections) {
    const key = ctx.keys.collections.get(collection.id);
    if (key === undefined) continue;
    for (const locale of ctx.locales) {
      const text = pullCollectionText(collection, locale);
      const theirs = collection.locales[locale];
      if (text === undefined || theirs === undefined) continue;
      const mine = ctx.localCollections.get(key)?.locales[locale];
      const matchesRemote = (): boolean => mine !== undefined && mine.file !== null && collectionMatchesRemote(mine, theirs);
      consider(ctx, { type: "collection", id: collection.id, key, locale, text, remoteUpdatedAt: collection.updatedAt, matchesRemote });
    }
  }
}

function planArticles(ctx: PullContext): void {
  const { layout, defaultAuthorId } = ctx.input;
  for (const article of ctx.input.remote.articles) {
    const key = ctx.keys.articles.get(article.id);
    if (key === undefined) {
      // No key: the article has no title in the source locale.
      if (Object.values(article.locales).some((text) => toVisibleText(text.body) !== "")) {
        ctx.notices.push(untitledNotice(article, layout.sourceLocale, itemFilePath(layout, "article", `article-${article.id}`, layout.sourceLocale)));
      }
      continue;
    }
    for (const locale of ctx.locales) {
      const theirs = article.locales[locale];
      if (theirs === undefined) continue;
      const file = itemFilePath(layout, "article", key, locale);
      const context: ArticleTextContext = { layout, defaultAuthorId, lookupKey: ctx.lookupKey, current: ctx.input.existing.get(file), audienceNames: ctx.audienceNames };
      const text = pullArticleText(article, key, locale, context);
      if (text === undefined) {
        if (toVisibleText(theirs.body) !== "") ctx.notices.push(untitledNotice(article, locale, file));
        continue;
      }
      const mine = ctx.localArticles.get(key)?.locales[locale];
      const matchesRemote = (): boolean => mine !== undefined && articleMatchesRemote(mine, theirs);
      const sourceFile = locale === layout.sourceLocale ? undefined : ctx.files.find((f) => f.type === "article" && f.key === key && f.locale === layout.sourceLocale);
      const sourceRewritten = sourceFile !== undefined && (sourceFile.outcome === "updated" || sourceFile.outcome === "created");
      consider(ctx, { type: "article", id: article.id, key, locale, text, remoteUpdatedAt: theirs.updatedAt, matchesRemote, sourceRewritten });
    }
  }
}

/**
 * Plans a pull. Throws a SyncError when the lock belongs to another help center; every other
 * finding is a notice. Files come sorted by path.
 */
export function planPull(input: PullInput): PullPlan {
  checkHelpCenter(input);
  const { remote, lock, local, layout } = input;
  const taken = collectTakenKeys({ lock, local, paths: [...input.existing.keys(), ...input.otherPaths], layout });
  const keys = assignKeys({ remote, lock, sourceLocale: layout.sourceLocale, taken, fileOf: (type, key) => itemFilePath(layout, type, key, layout.sourceLocale) });
  const translationLocales = chooseLocales(input);
  const ctx: PullContext = {
    input,
    keys,
    lookupKey: createArticleKeyLookup(remote, keys.articles),
    audienceNames: new Map((remote.audiences ?? []).map((audience) => [Number(audience.id), audience.name])),
    hasher: createLocalHasher(local, buildUrlTable(remote, keys.articles), input.outdatedTranslations),
    locales: [layout.sourceLocale, ...translationLocales],
    localArticles: new Map(local.articles.map((article) => [article.key, article])),
    localCollections: new Map(local.collections.map((collection) => [collection.key, collection])),
    files: [],
    notices: [...keys.notices],
  };
  planCollections(ctx);
  planArticles(ctx);
  ctx.notices.push(
    ...deletedNotices(input, "collection", lock.collections, new Set(remote.collections.map((c) => c.id))),
    ...deletedNotices(input, "article", lock.articles, new Set(remote.articles.map((a) => a.id))),
  );
  const files = ctx.files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, locales: translationLocales, notices: ctx.notices };
}
