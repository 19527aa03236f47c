/**
 * Gives every remote item a key (a path in the tree). Items the lock knows keep their key, so a
 * second pull writes the same files. A remote item the lock does not know takes the key of a local
 * item with the same parent and title that the lock does not know either (the two are the same
 * item, as push would adopt it); other new items get the slug of their source title, made unique
 * within their folder.
 */
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import { normaliseText } from "../digest/visible-text.js";
import type { LockFile, RemoteArticle, RemoteCollection, RemoteState } from "../types.js";
import type { PullItemType } from "./types.js";

/** Longest slug taken from a title, so file names stay readable and well under path limits. */
export const MAX_SLUG_LENGTH = 60;

/** A key already used in the tree: by a local file or folder, by the lock, or by this pull. */
export interface TakenKey {
  type: PullItemType;
  key: string;
  /** Normalised source title or name of the local item, when there is one. */
  title?: string;
  /** Claimed by the lock or by this pull: never reused for another item. */
  owned: boolean;
}

export interface AssignedKeys {
  /** Remote id -> key. */
  collections: Map<string, string>;
  articles: Map<string, string>;
  notices: Diagnostic[];
}

/**
 * File-name slug of a title: ASCII letters and digits joined by dashes, accents dropped, at most
 * MAX_SLUG_LENGTH characters, cut at a dash. "" when nothing is left (a title in another script).
 */
export function slugifyTitle(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const dash = cut.lastIndexOf("-");
  return dash > 0 ? cut.slice(0, dash) : cut;
}

function joinKey(folder: string | null, name: string): string {
  return folder === null || folder === "" ? name : `${folder}/${name}`;
}

function folderOf(key: string): string | null {
  const slash = key.lastIndexOf("/");
  return slash === -1 ? null : key.slice(0, slash);
}

function identityOf(type: PullItemType, folder: string | null, title: string): string {
  return `${type}\u0000${folder ?? ""}\u0000${title}`;
}

/** Local items nobody owns yet, by type, folder and title: a remote item with the same ones is that item. */
function indexAdoptable(taken: ReadonlyMap<string, TakenKey>): Map<string, TakenKey[]> {
  const index = new Map<string, TakenKey[]>();
  for (const holder of taken.values()) {
    if (holder.owned || holder.title === undefined || holder.title === "") continue;
    const identity = identityOf(holder.type, folderOf(holder.key), holder.title);
    index.set(identity, [...(index.get(identity) ?? []), holder]);
  }
  return index;
}

/**
 * The key of a new remote item: the local item with the same parent and title when the lock does
 * not know it (as push would adopt it), else `base` in `folder`, or `base-2`, `base-3`... Keys
 * compare case-insensitively (macOS, Windows).
 */
function claimKey(taken: Map<string, TakenKey>, adoptable: ReadonlyMap<string, TakenKey[]>, folder: string | null, base: string, type: PullItemType, title: string): string {
  // Several local items with one title (two "Invoices"): the first free one, in key order.
  const match = adoptable.get(identityOf(type, folder, title))?.find((holder) => !holder.owned);
  if (match !== undefined) {
    match.owned = true;
    return match.key;
  }
  for (let n = 1; ; n += 1) {
    const key = joinKey(folder, n === 1 ? base : `${base}-${n}`);
    const holder = taken.get(key.toLowerCase());
    if (holder === undefined) {
      taken.set(key.toLowerCase(), { type, key, owned: true });
      return key;
    }
  }
}

function byNumericId<T extends { id: string }>(a: T, b: T): number {
  return Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function depthOf(collection: RemoteCollection, byId: ReadonlyMap<string, RemoteCollection>): number {
  let depth = 0;
  const seen = new Set<string>();
  for (let parent = collection.parentId; parent !== null && !seen.has(parent); depth += 1) {
    seen.add(parent);
    parent = byId.get(parent)?.parentId ?? null;
  }
  return depth;
}

function lockKeysById(entries: LockFile["collections"]): Map<string, string> {
  const byId = new Map<string, string>();
  for (const [key, entry] of Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!byId.has(entry.id)) byId.set(entry.id, key);
  }
  return byId;
}

function movedNotice(type: PullItemType, key: string, file: string): Diagnostic {
  return diagnostic("pull/moved-in-intercom", { type, key }, { file });
}

export interface AssignKeysInput {
  remote: RemoteState;
  lock: LockFile;
  sourceLocale: string;
  /** Keys in use locally, by lower-cased key. Mutated: keys this pull assigns are added. */
  taken: Map<string, TakenKey>;
  /** Project-relative path of an item's source file, for notices. */
  fileOf: (type: PullItemType, key: string) => string;
}

function nameOf(item: RemoteCollection | RemoteArticle, sourceLocale: string): string {
  const locale = item.locales[sourceLocale] ?? item.locales[item.defaultLocale];
  if (locale === undefined) return "";
  return "name" in locale ? locale.name : locale.title;
}

/**
 * Assigns keys to every remote collection (parents first) and every remote article that has a
 * title in the source locale. Pure, apart from adding to `input.taken`. Order is by depth and
 * numeric id, so the same remote state always gives the same keys.
 */
export function assignKeys(input: AssignKeysInput): AssignedKeys {
  const { remote, lock, sourceLocale, taken } = input;
  const result: AssignedKeys = { collections: new Map(), articles: new Map(), notices: [] };
  const lockCollections = lockKeysById(lock.collections);
  const lockArticles = lockKeysById(lock.articles);
  const byId = new Map(remote.collections.map((collection) => [collection.id, collection]));
  const adoptable = indexAdoptable(taken);
  const parentKeyOf = (parentId: string | null): string | null => (parentId === null ? null : (result.collections.get(parentId) ?? null));

  const collections = [...remote.collections].sort((a, b) => depthOf(a, byId) - depthOf(b, byId) || byNumericId(a, b));
  for (const collection of collections) {
    const parentKey = parentKeyOf(collection.parentId);
    const owned = lockCollections.get(collection.id);
    if (owned !== undefined) {
      result.collections.set(collection.id, owned);
      if (folderOf(owned) !== parentKey) result.notices.push(movedNotice("collection", owned, input.fileOf("collection", owned)));
      continue;
    }
    const name = nameOf(collection, sourceLocale);
    const base = slugifyTitle(name) || `collection-${collection.id}`;
    result.collections.set(collection.id, claimKey(taken, adoptable, parentKey, base, "collection", normaliseText(name)));
  }

  for (const article of [...remote.articles].sort(byNumericId)) {
    const parentKey = parentKeyOf(article.parentId);
    const owned = lockArticles.get(article.id);
    if (owned !== undefined) {
      result.articles.set(article.id, owned);
      if (folderOf(owned) !== parentKey) result.notices.push(movedNotice("article", owned, input.fileOf("article", owned)));
      continue;
    }
    const title = article.locales[sourceLocale]?.title.trim() ?? "";
    if (title === "") continue;
    const base = slugifyTitle(title) || `article-${article.id}`;
    result.articles.set(article.id, claimKey(taken, adoptable, parentKey, base, "article", normaliseText(title)));
  }
  return result;
}
