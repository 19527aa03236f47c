/**
 * `intercom-sync init`: writes what a project is missing (config, sample content and its
 * translations, .gitignore lines, the CI workflow) and never overwrites a file. Every path is
 * checked before the first write, so a refused run writes nothing.
 */
import { open, readFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import fg from "fast-glob";
import { SyncError } from "../errors/sync-error.js";
import { pathKind } from "../fs/path-exists.js";
import { isLocaleCode, suggestLocale } from "../locales.js";
import {
  configText,
  gitignoreText,
  SAMPLE_ARTICLE,
  SAMPLE_COLLECTION,
  sampleArticleText,
  sampleCollectionText,
  translatedArticleText,
  translatedCollectionText,
  workflowText,
} from "./init-templates.js";

export interface InitOptions {
  /** The project root: where the config, .gitignore and .github/ go. */
  rootDir: string;
  /** Absolute folders of the source articles and of the translations. */
  contentDir: string;
  localesDir: string;
  sourceLocale: string;
  /** Translation locales to write the sample in. */
  locales: readonly string[];
  /** The config file already there, if any: it is kept as it is. */
  existingConfig: string | null;
}

export interface InitFile {
  /** Project-relative POSIX path. */
  file: string;
  /** `written`: new; `kept`: it was there already and is unchanged; `updated`: lines appended (.gitignore). */
  outcome: "written" | "kept" | "updated";
}

export interface InitResult {
  files: InitFile[];
  /** The sample was written (content/ had no article). */
  sample: boolean;
}

/** Project-relative path of the workflow init writes. */
export const WORKFLOW_FILE = ".github/workflows/intercom-sync.yml";

/** Refuses a code that is not Intercom's, or the source locale, before anything is written. */
export function checkInitLocales(locales: readonly string[], sourceLocale: string): void {
  for (const locale of locales) {
    if (locale === sourceLocale) throw new SyncError("init/source-locale", { locale });
    if (!isLocaleCode(locale)) throw new SyncError("init/unknown-locale", { locale, suggestion: suggestLocale(locale) });
  }
}

function toPosix(rootDir: string, file: string): string {
  return path.relative(rootDir, file).split(path.sep).join("/");
}

/** Every folder from `file`'s parent up to (not including) `rootDir` must be a folder or missing. */
async function checkWritable(rootDir: string, file: string): Promise<void> {
  if ((await pathKind(file)) === "folder") throw new SyncError("init/path-taken", { file: toPosix(rootDir, file), kind: "file" });
  for (let dir = path.dirname(file); dir.startsWith(rootDir) && dir !== rootDir; dir = path.dirname(dir)) {
    if ((await pathKind(dir)) === "file") throw new SyncError("init/path-taken", { file: toPosix(rootDir, dir), kind: "folder" });
  }
}

/** Creates `file` with `text` unless it exists ("wx": an existing file is never replaced, even by a race). */
async function writeNew(file: string, text: string): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    const handle = await open(file, "wx");
    try {
      await handle.writeFile(text, "utf8");
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

async function readIfThere(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return null;
  }
}

/** Writes what the project is missing; see the module comment. */
export async function initProject(options: InitOptions): Promise<InitResult> {
  const { rootDir } = options;
  checkInitLocales(options.locales, options.sourceLocale);
  const planned: { file: string; text: string }[] = [];
  if (options.existingConfig === null) planned.push({ file: path.join(rootDir, "intercom-sync.config.ts"), text: configText(options.locales) });

  // The sample goes only into a content folder with no article: an existing tree is never added to.
  const articles = (await pathKind(options.contentDir)) === "folder" ? await fg("**/*.md", { cwd: options.contentDir, onlyFiles: true, deep: 8 }) : [];
  const sample = articles.length === 0;
  const sampleSource = path.join(options.contentDir, SAMPLE_ARTICLE.file);
  if (sample) {
    planned.push({ file: path.join(options.contentDir, SAMPLE_COLLECTION.folder, "_collection.md"), text: sampleCollectionText() });
    planned.push({ file: sampleSource, text: sampleArticleText() });
  }
  // Translations of the sample, where its source is (or is about to be) there.
  if (sample || (await pathKind(sampleSource)) === "file") {
    for (const locale of options.locales) {
      const folder = path.join(options.localesDir, locale);
      planned.push({ file: path.join(folder, SAMPLE_COLLECTION.folder, "_collection.md"), text: translatedCollectionText(locale) });
      planned.push({ file: path.join(folder, SAMPLE_ARTICLE.file), text: translatedArticleText(locale) });
    }
  }
  planned.push({ file: path.join(rootDir, WORKFLOW_FILE), text: workflowText() });
  const gitignore = path.join(rootDir, ".gitignore");

  for (const { file } of planned) await checkWritable(rootDir, file);
  await checkWritable(rootDir, gitignore);

  const files: InitFile[] = [];
  for (const { file, text } of planned) {
    files.push({ file: toPosix(rootDir, file), outcome: (await writeNew(file, text)) ? "written" : "kept" });
  }
  const existing = await readIfThere(gitignore);
  const updated = gitignoreText(existing);
  if (updated !== null) await writeFile(gitignore, updated, "utf8");
  files.push({ file: ".gitignore", outcome: updated === null ? "kept" : existing === null ? "written" : "updated" });
  if (options.existingConfig !== null) files.unshift({ file: toPosix(rootDir, options.existingConfig), outcome: "kept" });
  return { files, sample };
}
