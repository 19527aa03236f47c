import type { Diagnostic } from "../errors/sync-error.js";
import type { ProjectFiles } from "../render/types.js";
import type { DesiredArticle } from "../types.js";
import { addTranslations } from "./add-translations.js";
import { buildArticleLocale } from "./build-article-locale.js";
import { buildCollections, compareCollectionKeys } from "./build-collections.js";
import { checkRedirects } from "./collect-redirects.js";
import { checkKeyCollisions, isCollectionFile, toArticleKey, toFolderKey, type KeyedItem } from "./content-keys.js";
import type { ModelInput, ModelResult, PreparedFile } from "./types.js";

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The files links and images may point at: every markdown file and every other file. */
export function projectFilesOf(input: Pick<ModelInput, "contentDir" | "localesDir" | "otherFiles"> & { files: readonly { file: string }[] }): ProjectFiles {
  return {
    contentDir: input.contentDir,
    localesDir: input.localesDir,
    files: new Set([...input.files.map((file) => file.file), ...input.otherFiles]),
  };
}

/**
 * Assembles the help center from prepared files: collections from folders (parents first),
 * articles from markdown (sorted by key), translations attached by relative path. Every problem
 * is collected, none stops the build. Pure: metadata in, state and diagnostics out.
 */
export function assembleDesiredState(input: ModelInput): ModelResult {
  const diagnostics: Diagnostic[] = [];
  const sources: PreparedFile[] = [];
  const translations: PreparedFile[] = [];
  for (const file of input.files) (file.locale === input.sourceLocale ? sources : translations).push(file);

  const built = buildCollections(sources, input.sourceLocale, input.contentDir);
  diagnostics.push(...built.diagnostics);

  const articles = new Map<string, DesiredArticle>();
  const failedKeys = new Set<string>();
  const keyedItems: KeyedItem[] = [...built.keyedFolders];
  for (const source of sources) {
    if (isCollectionFile(source.relativePath)) continue;
    const key = toArticleKey(source.relativePath);
    keyedItems.push({ key, kind: "article", rawPath: source.relativePath, file: source.file });
    // A second file with the same key is reported by checkKeyCollisions below.
    if (articles.has(key) || failedKeys.has(key)) continue;
    if (source.data === null) {
      failedKeys.add(key);
      continue;
    }
    const { locale, diagnostics: found } = buildArticleLocale({ ...source, data: source.data }, { defaultState: input.defaultState, ...(input.defaults === undefined ? {} : { defaults: input.defaults }) });
    diagnostics.push(...found);
    const folder = toFolderKey(source.relativePath);
    articles.set(key, {
      key,
      parentKey: folder === "" ? null : folder,
      locales: { [input.sourceLocale]: locale },
      sourceTextHash: source.sourceTextHash ?? "",
    });
  }
  keyedItems.sort((a, b) => compareStrings(a.file, b.file));
  diagnostics.push(...checkKeyCollisions(keyedItems));

  diagnostics.push(...addTranslations(translations, { sourceLocale: input.sourceLocale, collections: built.collections, articles, failedKeys }));

  const state = {
    sourceLocale: input.sourceLocale,
    locales: [input.sourceLocale, ...input.locales],
    collections: [...built.collections.values()].sort((a, b) => compareCollectionKeys(a.key, b.key)),
    articles: [...articles.values()].sort((a, b) => compareStrings(a.key, b.key)),
  };
  diagnostics.push(...checkRedirects(state));
  return { state, diagnostics };
}
