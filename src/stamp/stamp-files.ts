/**
 * `intercom-sync stamp`: records in translation files that they follow the current source, by
 * setting `source_hash` to the hash of the source article's translatable text. No network.
 */
import { readFile } from "node:fs/promises";
import { loadDesiredState } from "../load/disk-source.js";
import type { ResolvedConfig } from "../config/types.js";
import { parseMarkdownFile } from "../content/parse-markdown-file.js";
import { toProjectPath } from "../content/scan-locale-root.js";
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import { joinProjectPath } from "../model/content-keys.js";
import { writeFileAtomic } from "../fs/write-file-atomic.js";
import { findTranslationFiles, type TranslationFile } from "./find-translation-files.js";
import { setSourceHash } from "./set-source-hash.js";

export interface StampedFile {
  /** Project-relative POSIX path. */
  file: string;
  locale: string;
  key: string;
  /**
   * `stamped`: the file was changed; `unchanged`: it already had this hash; `skipped-outdated`:
   * found below a folder with the `source_hash` of an older source, and left alone.
   */
  outcome: "stamped" | "unchanged" | "skipped-outdated";
  /** It had the `source_hash` of an older source before this run (stamped or skipped). */
  wasOutdated: boolean;
  sourceHash: string;
}

export interface StampOptions {
  /** Stamp outdated translations found below a folder too (a file named alone is always stamped). */
  outdated?: boolean;
}

export interface StampResult {
  files: StampedFile[];
  /** Paths that were not stamped, and why. */
  refused: Diagnostic[];
}

async function stampOne(target: TranslationFile, sourceHash: string, options: StampOptions): Promise<StampedFile | Diagnostic> {
  const text = await readFile(target.absolutePath, "utf8");
  const data = parseMarkdownFile(text, target.file).data;
  if (data === null) {
    return diagnostic("stamp/invalid-front-matter", { file: target.file }, { file: target.file });
  }
  const previous = data.source_hash;
  const wasOutdated = typeof previous === "string" && previous !== sourceHash;
  // Stamping a whole folder is "these are up to date"; a file whose source changed since its last
  // stamp most likely was not updated, so only naming it (or --outdated) says it was.
  if (wasOutdated && !target.named && options.outdated !== true) {
    return { file: target.file, locale: target.locale, key: target.key, outcome: "skipped-outdated", wasOutdated, sourceHash };
  }
  const edited = setSourceHash(text, sourceHash);
  if (edited.kind === "no-front-matter") {
    return diagnostic("stamp/no-front-matter", { file: target.file }, { file: target.file });
  }
  if (edited.kind === "changed") await writeFileAtomic(target.absolutePath, edited.text);
  return { file: target.file, locale: target.locale, key: target.key, outcome: edited.kind === "changed" ? "stamped" : "unchanged", wasOutdated, sourceHash };
}

/**
 * Stamps the translated articles named by `paths` (files or folders, relative to `cwd`): each
 * gets `source_hash` = the current hash of its source article. Files that are not translations,
 * or whose source is missing or unreadable, are refused and left untouched. Outdated translations
 * found below a folder are skipped unless `options.outdated`; a file named alone is stamped.
 */
export async function stampFiles(config: ResolvedConfig, paths: readonly string[], cwd: string, options: StampOptions = {}): Promise<StampResult> {
  const found = await findTranslationFiles(paths, cwd, config);
  const refused = [...found.refused];
  const files: StampedFile[] = [];
  if (found.files.length === 0) return { files, refused };
  // Only the source articles matter: their hashes do not depend on any translation.
  const loaded = await loadDesiredState({ ...config, locales: [] });
  const hashes = new Map(loaded.state.articles.map((article) => [article.key, article.sourceTextHash]));
  const contentDir = toProjectPath(config.rootDir, config.contentDir);
  for (const target of found.files) {
    const sourceHash = hashes.get(target.key);
    if (sourceHash === undefined) {
      const source = joinProjectPath(contentDir, `${target.key}.md`);
      refused.push(diagnostic("stamp/no-source", { file: target.file, source }, { file: target.file }));
      continue;
    }
    const stamped = await stampOne(target, sourceHash, options);
    if ("outcome" in stamped) files.push(stamped);
    else refused.push(stamped);
  }
  return { files, refused };
}
