import { diagnostic, type Diagnostic } from "../errors/sync-error.js";

/** Name of the file that describes the collection of its folder. */
export const COLLECTION_FILE = "_collection.md";

const MARKDOWN_EXTENSION = ".md";

/**
 * The key of an article: its path relative to the locale root without `.md`, in Unicode NFC so a
 * name typed on macOS (NFD) and on Linux (NFC) is the same key.
 */
export function toArticleKey(relativePath: string): string {
  const normalised = relativePath.normalize("NFC");
  return normalised.endsWith(MARKDOWN_EXTENSION) ? normalised.slice(0, -MARKDOWN_EXTENSION.length) : normalised;
}

/** The folder of a relative path, NFC; "" at the locale root. */
export function toFolderKey(relativePath: string): string {
  const normalised = relativePath.normalize("NFC");
  const slash = normalised.lastIndexOf("/");
  return slash === -1 ? "" : normalised.slice(0, slash);
}

/** Whether a relative path names a `_collection.md` (in any folder). */
export function isCollectionFile(relativePath: string): boolean {
  return relativePath === COLLECTION_FILE || relativePath.endsWith(`/${COLLECTION_FILE}`);
}

export interface KeyedItem {
  key: string;
  kind: "article" | "collection";
  /** The path as written on disk (before NFC), relative to the locale root. */
  rawPath: string;
  /** Project-relative location for diagnostics. */
  file: string;
}

/**
 * Finds keys that would collide: the same key from two files (names that differ only in Unicode
 * normalisation), keys that differ only by case (they clash on macOS and Windows checkouts), and an
 * article next to a folder of the same name (`a.md` and `a/`). Pure; items are compared in the
 * given order, the later one of a pair is reported.
 */
export function checkKeyCollisions(items: readonly KeyedItem[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, KeyedItem>();
  for (const item of items) {
    const folded = item.key.toLowerCase();
    const first = seen.get(folded);
    if (first === undefined) {
      seen.set(folded, item);
      continue;
    }
    if (first.kind !== item.kind) {
      const [article, collection] = first.kind === "article" ? [first, item] : [item, first];
      diagnostics.push(diagnostic("key/article-collection-clash", { article: article.rawPath, folder: collection.rawPath, key: article.key }, { file: item.file }));
    } else if (first.key === item.key) {
      diagnostics.push(diagnostic("key/duplicate", { kind: "source", path: item.rawPath, key: item.key, first: first.rawPath }, { file: item.file }));
    } else {
      diagnostics.push(diagnostic("key/case-collision", { key: item.key, other: first.key }, { file: item.file }));
    }
  }
  return diagnostics;
}

/** `dir/relative` for a project-relative dir, without a `./` when the dir is the project root. */
export function joinProjectPath(dir: string, relative: string): string {
  return dir === "." || dir === "" ? relative : `${dir}/${relative}`;
}
