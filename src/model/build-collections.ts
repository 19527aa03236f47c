import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import type { DesiredCollection, RedirectSources } from "../types.js";
import { isCollectionFile, joinProjectPath, toFolderKey, type KeyedItem } from "./content-keys.js";
import { humaniseName } from "./humanise-name.js";
import type { PreparedFile } from "./types.js";
import { COLLECTION_FIELDS, validateFrontMatter } from "./validate-front-matter.js";

/**
 * How deep collections may nest. Intercom allows three levels: a collection, a sub-collection and
 * a sub-sub-collection (`a/b/c/article.md` is fine, `a/b/c/d/article.md` is not).
 */
export const MAX_COLLECTION_DEPTH = 3;

export interface CollectionsResult {
  /** By key, parents before children. */
  collections: Map<string, DesiredCollection>;
  /** One per folder as written on disk, for key collision checks. */
  keyedFolders: KeyedItem[];
  diagnostics: Diagnostic[];
}

function depthOf(key: string): number {
  return key === "" ? 0 : key.split("/").length;
}

function parentOf(key: string): string | null {
  const slash = key.lastIndexOf("/");
  return slash === -1 ? null : key.slice(0, slash);
}

/** Parents before children, then alphabetical: the order Intercom needs to create them in. */
export function compareCollectionKeys(a: string, b: string): number {
  const depth = depthOf(a) - depthOf(b);
  if (depth !== 0) return depth;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Turns the source folders that hold markdown into collections. A folder's name and description
 * come from its `_collection.md`; a folder without one gets a warning and its name humanised.
 * Folders with no markdown below them (`images/`) are not collections. Pure.
 */
export function buildCollections(sources: readonly PreparedFile[], sourceLocale: string, contentDir: string): CollectionsResult {
  const diagnostics: Diagnostic[] = [];
  const rawFolders = new Map<string, string>();
  const collectionFiles = new Map<string, PreparedFile>();
  const firstFileIn = new Map<string, string>();

  for (const source of sources) {
    if (isCollectionFile(source.relativePath)) {
      const folder = toFolderKey(source.relativePath);
      if (folder === "") {
        diagnostics.push(diagnostic("collection/root-file", { file: source.file }, { file: source.file }));
      } else if (!collectionFiles.has(folder)) {
        collectionFiles.set(folder, source);
      }
    }
    // Every ancestor folder of a markdown file is a collection.
    const rawPath = source.relativePath;
    for (let slash = rawPath.lastIndexOf("/"); slash !== -1; slash = rawPath.lastIndexOf("/", slash - 1)) {
      const raw = rawPath.slice(0, slash);
      if (rawFolders.has(raw)) break;
      rawFolders.set(raw, raw.normalize("NFC"));
      const key = raw.normalize("NFC");
      if (!firstFileIn.has(key)) firstFileIn.set(key, source.file);
    }
  }

  const keys = [...new Set(rawFolders.values())].sort(compareCollectionKeys);
  const collections = new Map<string, DesiredCollection>();
  for (const key of keys) {
    const folderPath = joinProjectPath(contentDir, key);
    const collectionFile = collectionFiles.get(key);
    const depth = depthOf(key);
    if (depth === MAX_COLLECTION_DEPTH + 1) {
      const location = { file: collectionFile?.file ?? firstFileIn.get(key) ?? folderPath };
      diagnostics.push(diagnostic("collection/too-deep", { folder: folderPath, depth, limit: MAX_COLLECTION_DEPTH }, location));
    }
    let name = humaniseName(key.slice(key.lastIndexOf("/") + 1));
    let description = "";
    let redirectFrom: RedirectSources | undefined;
    if (collectionFile === undefined) {
      diagnostics.push(diagnostic("collection/missing-file", { folder: folderPath, name }, { file: folderPath }));
    } else if (collectionFile.data !== null) {
      const checked = validateFrontMatter(collectionFile.data, collectionFile.positions, COLLECTION_FIELDS, collectionFile.file);
      diagnostics.push(...checked.diagnostics);
      if (typeof checked.values.name === "string") name = checked.values.name;
      if (typeof checked.values.description === "string") description = checked.values.description;
      if (checked.lists.redirect_from !== undefined && checked.lists.redirect_from.items.length > 0) redirectFrom = checked.lists.redirect_from;
      if (!collectionFile.blankBody) {
        diagnostics.push(diagnostic("collection/body-ignored", {}, { file: collectionFile.file, line: collectionFile.bodyStartLine }));
      }
    }
    collections.set(key, {
      key,
      parentKey: parentOf(key),
      locales: { [sourceLocale]: { file: collectionFile?.file ?? null, name, description, ...(redirectFrom === undefined ? {} : { redirectFrom }) } },
    });
  }

  const keyedFolders: KeyedItem[] = [...rawFolders].map(([raw, key]) => ({
    key,
    kind: "collection",
    rawPath: raw,
    file: joinProjectPath(contentDir, raw),
  }));
  return { collections, keyedFolders, diagnostics };
}
