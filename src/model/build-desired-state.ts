import type { Diagnostic } from "../errors.js";
import { renderMarkdown } from "../render/render-markdown.js";
import type { ProjectFiles } from "../render/types.js";
import type { DesiredArticle } from "../types.js";
import { addTranslations } from "./add-translations.js";
import { buildArticleLocale, type RenderMarkdown } from "./build-article-locale.js";
import { buildCollections, compareCollectionKeys } from "./build-collections.js";
import { checkKeyCollisions, isCollectionFile, toArticleKey, toFolderKey, type KeyedItem } from "./content-keys.js";
import { hashSourceText } from "./hash-source-text.js";
import type { ModelInput, ModelResult, ParsedFile } from "./types.js";

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds the help center the files describe: collections from folders (parents first), articles
 * from markdown (sorted by key), translations attached by relative path, every body rendered.
 * Every problem is collected, none stops the build. Pure: strings in, state and diagnostics out.
 *
 * @param render the markdown renderer; injectable so the model can be tested on its own
 */
export function buildDesiredState(input: ModelInput, render: RenderMarkdown = renderMarkdown): ModelResult {
  const diagnostics: Diagnostic[] = [];
  const sources: ParsedFile[] = [];
  const translations: ParsedFile[] = [];
  for (const file of input.files) (file.locale === input.sourceLocale ? sources : translations).push(file);
  const project: ProjectFiles = {
    contentDir: input.contentDir,
    localesDir: input.localesDir,
    files: new Set([...input.files.map((file) => file.file), ...input.otherFiles]),
  };

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
    const { locale, markdown, diagnostics: found } = buildArticleLocale(
      { ...source, data: source.data },
      { render, project, assetBaseUrl: input.assetBaseUrl, defaultState: input.defaultState },
    );
    diagnostics.push(...found);
    const folder = toFolderKey(source.relativePath);
    articles.set(key, {
      key,
      parentKey: folder === "" ? null : folder,
      locales: { [input.sourceLocale]: locale },
      sourceTextHash: hashSourceText({ title: locale.title, description: locale.description, body: markdown }),
    });
  }
  keyedItems.sort((a, b) => compareStrings(a.file, b.file));
  diagnostics.push(...checkKeyCollisions(keyedItems));

  diagnostics.push(
    ...addTranslations(translations, {
      sourceLocale: input.sourceLocale,
      collections: built.collections,
      articles,
      failedKeys,
      render,
      project,
      assetBaseUrl: input.assetBaseUrl,
    }),
  );

  return {
    state: {
      sourceLocale: input.sourceLocale,
      locales: [input.sourceLocale, ...input.locales],
      collections: [...built.collections.values()].sort((a, b) => compareCollectionKeys(a.key, b.key)),
      articles: [...articles.values()].sort((a, b) => compareStrings(a.key, b.key)),
    },
    diagnostics,
  };
}
