/**
 * Internal articles (`internalDir`) read from disk and built, with every finding: for `check`,
 * `plan`, `push` and `pull`. A missing folder is no internal articles.
 */
import path from "node:path";
import type { ResolvedConfig } from "../config/types.js";
import { readInternalTree } from "../content/read-internal-tree.js";
import { sortDiagnostics } from "../diagnostics/sort-diagnostics.js";
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import { buildInternalArticles, type DesiredInternalArticle, type InternalFile } from "../model/build-internal-articles.js";
import { renderMarkdown } from "../render/render-markdown.js";
import type { DesiredState } from "../types.js";
import { pathExists } from "../fs/path-exists.js";

export interface LoadedInternalArticles {
  /** False when `internalDir` does not exist. */
  exists: boolean;
  /** Project-relative POSIX path of `internalDir`. */
  internalDir: string;
  articles: DesiredInternalArticle[];
  /** Every finding, sorted; the articles are complete only when none is an error. */
  diagnostics: Diagnostic[];
}

/** Project-relative POSIX path of a folder of the config. */
export function projectPath(config: ResolvedConfig, dir: string): string {
  return path.relative(config.rootDir, dir).split(path.sep).join("/");
}

/**
 * Builds internal articles from their files, rendered with the config's folders and asset URL;
 * `projectFiles` are the files their links may point at.
 */
export function buildProjectInternalArticles(config: ResolvedConfig, internalDir: string, files: readonly InternalFile[], projectFiles: ReadonlySet<string>): { articles: DesiredInternalArticle[]; diagnostics: Diagnostic[] } {
  return buildInternalArticles({
    internalDir,
    files,
    render: renderMarkdown,
    project: { contentDir: projectPath(config, config.contentDir), localesDir: projectPath(config, config.localesDir), files: projectFiles },
    sourceLocale: config.sourceLocale,
    assetBaseUrl: config.assetBaseUrl,
  });
}

/** Reads and builds the internal articles; links may point at the files of `desired`. */
export async function readInternalArticles(config: ResolvedConfig, desired: DesiredState): Promise<LoadedInternalArticles> {
  const tree = await readInternalTree(config.rootDir, config.internalDir, config.sourceLocale);
  if (!tree.exists) return { exists: false, internalDir: tree.internalDir, articles: [], diagnostics: [] };
  const files = new Set<string>([...desired.articles.flatMap((article) => Object.values(article.locales).map((locale) => locale.file)), ...tree.files.map((file) => file.file)]);
  const built = buildProjectInternalArticles(config, tree.internalDir, tree.files, files);
  const diagnostics = sortDiagnostics([...tree.diagnostics, ...built.diagnostics, ...(await findTranslations(config, desired, built.articles))]);
  return { exists: true, internalDir: tree.internalDir, articles: built.articles, diagnostics };
}

/** Internal articles have one locale: a file at an internal key under a locale folder translates one (an error). */
async function findTranslations(config: ResolvedConfig, desired: DesiredState, articles: readonly DesiredInternalArticle[]): Promise<Diagnostic[]> {
  const helpCenterKeys = new Set(desired.articles.map((article) => article.key));
  const found: Diagnostic[] = [];
  for (const article of articles) {
    if (helpCenterKeys.has(article.key)) continue;
    for (const locale of desired.locales.filter((code) => code !== desired.sourceLocale)) {
      const file = path.join(config.localesDir, locale, `${article.key}.md`);
      if (await pathExists(file)) found.push(diagnostic("internal/translation", { key: article.key }, { file: projectPath(config, file), line: 1 }));
    }
  }
  return found;
}


