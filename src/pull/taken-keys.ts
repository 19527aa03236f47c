/**
 * The keys already in use before a pull assigns new ones: lock keys (owned), local items with
 * their source titles (adoptable by a remote item with the same title), and any other file or
 * folder name in the content dir (never reused).
 */
import { isCollectionFile, toArticleKey, toFolderKey } from "../model/content-keys.js";
import { normaliseText } from "../digest/visible-text.js";
import type { DesiredState, LockFile } from "../types.js";
import type { TakenKey } from "./assign-keys.js";
import type { PullItemType, PullLayout } from "./types.js";

/** Path relative to the content dir, or undefined for a path outside it (or inside the locales dir). */
function relativeToContent(file: string, layout: PullLayout): string | undefined {
  const inLocales = file.startsWith(`${layout.localesDir}/`);
  if (layout.contentDir === "." || layout.contentDir === "") return inLocales ? undefined : file;
  const prefix = `${layout.contentDir}/`;
  return file.startsWith(prefix) && !inLocales ? file.slice(prefix.length) : undefined;
}

function add(taken: Map<string, TakenKey>, type: PullItemType, key: string, owned: boolean, title?: string): void {
  if (key === "" || taken.has(key.toLowerCase())) return;
  const entry: TakenKey = { type, key, owned };
  if (title !== undefined) entry.title = normaliseText(title);
  taken.set(key.toLowerCase(), entry);
}

export interface TakenKeysInput {
  lock: LockFile;
  local: DesiredState;
  /** Every project-relative path of the tree (markdown and assets). */
  paths: Iterable<string>;
  layout: PullLayout;
}

/** Collects the keys in use, by lower-cased key. Lock keys first, so they are always owned. */
export function collectTakenKeys(input: TakenKeysInput): Map<string, TakenKey> {
  const { lock, local, layout } = input;
  const taken = new Map<string, TakenKey>();
  for (const key of Object.keys(lock.collections)) add(taken, "collection", key, true);
  for (const key of Object.keys(lock.articles)) add(taken, "article", key, true);
  for (const collection of local.collections) {
    add(taken, "collection", collection.key, false, collection.locales[local.sourceLocale]?.name);
  }
  for (const article of local.articles) add(taken, "article", article.key, false, article.locales[local.sourceLocale]?.title);
  for (const file of input.paths) {
    const relative = relativeToContent(file, layout);
    if (relative === undefined) continue;
    if (relative.endsWith(".md") && !isCollectionFile(relative)) add(taken, "article", toArticleKey(relative), true);
    for (let folder = toFolderKey(relative); folder !== ""; folder = toFolderKey(folder)) add(taken, "collection", folder, true);
  }
  return taken;
}
