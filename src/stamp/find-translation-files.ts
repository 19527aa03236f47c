/**
 * Turns the paths given to `stamp` into translation files: folders expand to every translated
 * article below them, each file is placed (locale, key), and anything that is not a translated
 * article is refused with a finding that says why.
 */
import path from "node:path";
import fg from "fast-glob";
import type { ResolvedConfig } from "../config/types.js";
import { diagnostic, type Diagnostic, type ErrorDetails } from "../errors/sync-error.js";
import { pathKind } from "../fs/path-exists.js";
import { isLocaleCode } from "../locales.js";
import { isCollectionFile, toArticleKey } from "../model/content-keys.js";

export interface TranslationFile {
  absolutePath: string;
  /** Project-relative POSIX path. */
  file: string;
  locale: string;
  /** Key of the source article it translates. */
  key: string;
  /** Named on the command line, not found below a folder: stamped even when outdated. */
  named: boolean;
}

export interface FoundTranslations {
  files: TranslationFile[];
  refused: Diagnostic[];
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join("/");
}

function refuse(details: ErrorDetails<"stamp/not-a-translation">): Diagnostic {
  return diagnostic("stamp/not-a-translation", details, { file: details.file });
}

type Placed = { kind: "translation"; file: TranslationFile } | { kind: "collection" } | { kind: "refused"; diagnostic: Diagnostic };

/** Where a markdown file sits: a translated article, a translated `_collection.md`, or neither. */
function placeFile(absolutePath: string, config: ResolvedConfig, named: boolean): Placed {
  const file = toPosix(path.relative(config.rootDir, absolutePath));
  const localesDir = toPosix(path.relative(config.rootDir, config.localesDir)) || ".";
  const inLocales = toPosix(path.relative(config.localesDir, absolutePath));
  const [locale, ...rest] = inLocales.split("/");
  if (inLocales.startsWith("../") || path.isAbsolute(inLocales) || locale === undefined || rest.length === 0) {
    return {
      kind: "refused",
      diagnostic: refuse({ file, place: "outside", localesDir }),
    };
  }
  if (!isLocaleCode(locale) || locale === config.sourceLocale) {
    return {
      kind: "refused",
      diagnostic: refuse({ file, place: "locale", locale, known: isLocaleCode(locale) }),
    };
  }
  const relativePath = rest.join("/");
  if (isCollectionFile(relativePath)) return { kind: "collection" };
  return { kind: "translation", file: { absolutePath, file, locale, key: toArticleKey(relativePath), named } };
}

/**
 * Finds the translated articles named by `paths` (files or folders, relative to `cwd`). A
 * `_collection.md` named directly is refused (collections have no `source_hash`); inside a folder
 * it is passed over. Each file appears once, sorted by path.
 */
export async function findTranslationFiles(paths: readonly string[], cwd: string, config: ResolvedConfig): Promise<FoundTranslations> {
  const found = new Map<string, TranslationFile>();
  const refused: Diagnostic[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const kind = await pathKind(absolute);
    if (kind === "missing") {
      refused.push(diagnostic("stamp/missing-path", { path: given }, { file: given }));
      continue;
    }
    if (kind === "file") {
      const placed = placeFile(absolute, config, true);
      if (placed.kind === "translation") found.set(placed.file.file, placed.file);
      else if (placed.kind === "refused") refused.push(placed.diagnostic);
      else {
        const file = toPosix(path.relative(config.rootDir, absolute));
        refused.push(refuse({ file, place: "collection" }));
      }
      continue;
    }
    const inLocales = path.relative(config.localesDir, absolute);
    if (inLocales.startsWith("..") || path.isAbsolute(inLocales)) {
      const folder = toPosix(path.relative(config.rootDir, absolute)) || ".";
      const localesDir = toPosix(path.relative(config.rootDir, config.localesDir));
      refused.push(refuse({ file: folder, place: "folder", localesDir }));
      continue;
    }
    const below = await fg("**/*.md", { cwd: absolute, absolute: true, onlyFiles: true, followSymbolicLinks: false });
    for (const file of below.sort()) {
      const placed = placeFile(path.normalize(file), config, false);
      // A file both named and below a named folder counts as named.
      if (placed.kind === "translation") found.set(placed.file.file, { ...placed.file, named: found.get(placed.file.file)?.named ?? false });
      else if (placed.kind === "refused") refused.push(placed.diagnostic);
    }
  }
  const files = [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, refused };
}
