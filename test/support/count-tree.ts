/**
 * Counts of a project's markdown tree, read with plain directory listings (not with the code
 * under test), so CLI tests can state what `check` and `plan` must report for whatever the
 * example project holds today.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";

export interface TreeCounts {
  /** Markdown files under content/ and locales/. */
  files: number;
  /** `_collection.md` files under content/. */
  collections: number;
  /** Other markdown files under content/. */
  articles: number;
  /** Article files under locales/<code>/ (each translates a source article). */
  translations: number;
  /** The source locale and every locale folder holding markdown. */
  locales: number;
}

const COLLECTION_FILE = "_collection.md";

async function markdownUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(".md")).map((entry) => path.join(entry.parentPath, entry.name));
}

const isCollection = (file: string): boolean => path.basename(file) === COLLECTION_FILE;

export async function countTree(root: string): Promise<TreeCounts> {
  const sources = await markdownUnder(path.join(root, "content"));
  const localeDirs = (await readdir(path.join(root, "locales"), { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory());
  const perLocale = await Promise.all(localeDirs.map((entry) => markdownUnder(path.join(root, "locales", entry.name))));
  const translated = perLocale.flat();
  return {
    files: sources.length + translated.length,
    collections: sources.filter(isCollection).length,
    articles: sources.filter((file) => !isCollection(file)).length,
    translations: translated.filter((file) => !isCollection(file)).length,
    locales: 1 + perLocale.filter((files) => files.length > 0).length,
  };
}
