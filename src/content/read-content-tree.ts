import { readdir, realpath } from "node:fs/promises";
import path from "node:path";
import type { ResolvedConfig } from "../config/types.js";
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import { pathKind } from "../fs/path-exists.js";
import { mapConcurrent } from "./map-concurrent.js";
import type { DecodeResult } from "./decode-file-text.js";
import { readTextFile } from "./read-text-file.js";
import { scanLocaleRoot, toProjectPath, type ScannedFile } from "./scan-locale-root.js";
import { selectLocaleFolders } from "./select-locale-folders.js";
import type { ContentFile, ContentTree, ScannedTree } from "./types.js";

/** Files read at once. Enough to keep the disk busy, few enough to stay far from EMFILE. */
export const READ_CONCURRENCY = 32;

async function realpathOrSelf(folder: string): Promise<string> {
  try {
    return await realpath(folder);
  } catch {
    return folder;
  }
}

/** Names of the folders directly under `folder`; none when it does not exist. */
async function listFolders(folder: string): Promise<string[] | null> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith(".")).map((entry) => entry.name);
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return null;
    throw error;
  }
}

function byPath<T extends { file: string }>(a: T, b: T): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

export interface ReadContentTreeOptions {
  /**
   * Decoded text already known per project-relative path (the watcher's cache of unchanged files):
   * those files are listed as usual but not read again.
   */
  knownText?: ReadonlyMap<string, string>;
}

/**
 * Lists the content dir and every selected locale folder without reading any markdown: the files
 * to read (sorted by path), the assets, and the problems found so far. Hostile entries (symlinks
 * out of the project, unknown locale folders) become diagnostics; listing never throws for them.
 */
export async function scanContentTree(config: ResolvedConfig): Promise<ScannedTree> {
  const diagnostics: Diagnostic[] = [];
  const contentDir = toProjectPath(config.rootDir, config.contentDir);
  const localesDir = toProjectPath(config.rootDir, config.localesDir);
  const allowedRoots = await Promise.all([config.rootDir, config.contentDir, config.localesDir].map(realpathOrSelf));

  const contentExists = (await pathKind(config.contentDir)) === "folder";
  if (!contentExists) {
    diagnostics.push(diagnostic("content/missing-dir", { dir: contentDir }, { file: contentDir }));
  }
  const folders = (await listFolders(config.localesDir)) ?? [];
  const selection = selectLocaleFolders(folders, config.locales, config.sourceLocale, localesDir);
  diagnostics.push(...selection.diagnostics);

  // A locales dir inside the content dir (contentDir ".") must not be read as source articles.
  const nestedLocales = path.relative(config.contentDir, config.localesDir);
  const exclude = nestedLocales.startsWith("..") || path.isAbsolute(nestedLocales) ? [] : [nestedLocales.split(path.sep).join("/")];
  const roots = [
    ...(contentExists ? [{ root: config.contentDir, locale: config.sourceLocale, exclude }] : []),
    ...selection.locales.map((locale) => ({ root: path.join(config.localesDir, locale), locale, exclude: [] })),
  ];
  const scans = await Promise.all(roots.map((root) => scanLocaleRoot({ ...root, rootDir: config.rootDir, allowedRoots })));

  const markdown: ScannedFile[] = [];
  const assets: string[] = [];
  for (const scan of scans) {
    diagnostics.push(...scan.diagnostics);
    for (const scanned of scan.files) {
      if (scanned.markdown) markdown.push(scanned);
      else assets.push(scanned.file);
    }
  }
  return { sourceLocale: config.sourceLocale, contentDir, localesDir, locales: selection.locales, markdown: markdown.sort(byPath), assets: assets.sort(), diagnostics };
}

/**
 * Reads the content dir and every selected locale folder: markdown decoded (see decodeFileText),
 * assets listed, every path project-relative POSIX. Hostile files (too large, binary, invalid
 * UTF-8, symlinks out of the project) become diagnostics; reading never throws for them. Holds
 * every text at once: the sync streams instead (src/load/disk-source.ts).
 */
export async function readContentTree(config: ResolvedConfig, options: ReadContentTreeOptions = {}): Promise<ContentTree> {
  const scan = await scanContentTree(config);
  const diagnostics = [...scan.diagnostics];
  const decoded = await mapConcurrent(scan.markdown, READ_CONCURRENCY, async (scanned): Promise<DecodeResult> => {
    const known = options.knownText?.get(scanned.file);
    return known !== undefined ? { text: known } : readTextFile(scanned.absolutePath, scanned.file);
  });
  const markdown: ContentFile[] = [];
  const unreadable: string[] = [];
  decoded.forEach((result, index) => {
    const scanned = scan.markdown[index] as ScannedFile;
    if (result.diagnostic) {
      diagnostics.push(result.diagnostic);
      unreadable.push(scanned.file);
    } else {
      markdown.push({ file: scanned.file, locale: scanned.locale, relativePath: scanned.relativePath, text: result.text });
    }
  });

  return {
    sourceLocale: scan.sourceLocale,
    contentDir: scan.contentDir,
    localesDir: scan.localesDir,
    locales: scan.locales,
    markdown,
    unreadable,
    assets: scan.assets,
    diagnostics,
  };
}
