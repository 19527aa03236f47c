import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import type { DesiredArticle, DesiredCollection } from "../types.js";
import { buildArticleLocale } from "./build-article-locale.js";
import { isCollectionFile, toArticleKey, toFolderKey } from "./content-keys.js";
import type { PreparedFile } from "./types.js";
import { COLLECTION_FIELDS, validateFrontMatter } from "./validate-front-matter.js";

export interface TranslationTargets {
  sourceLocale: string;
  collections: ReadonlyMap<string, DesiredCollection>;
  articles: ReadonlyMap<string, DesiredArticle>;
  /** Source keys whose file could not be parsed: their translations are skipped quietly. */
  failedKeys: ReadonlySet<string>;
}

function addCollectionTranslation(file: PreparedFile & { data: Record<string, unknown> }, targets: TranslationTargets): Diagnostic[] {
  const collection = targets.collections.get(toFolderKey(file.relativePath));
  if (collection === undefined) {
    return [diagnostic("translation/no-source-collection", { file: file.file }, { file: file.file })];
  }
  const checked = validateFrontMatter(file.data, file.positions, COLLECTION_FIELDS, file.file);
  if (typeof checked.values.name === "string") {
    collection.locales[file.locale] = {
      file: file.file,
      name: checked.values.name,
      description: typeof checked.values.description === "string" ? checked.values.description : "",
      ...(checked.lists.redirect_from !== undefined && checked.lists.redirect_from.items.length > 0 ? { redirectFrom: checked.lists.redirect_from } : {}),
    };
  }
  return checked.diagnostics;
}

/**
 * Attaches each translation file to the source item at the same relative path (its body was
 * rendered with the source file as second place to resolve relative paths). A translation without a
 * source is a warning and is skipped. Mutates the given collections and articles. Pure otherwise.
 */
export function addTranslations(translations: readonly PreparedFile[], targets: TranslationTargets): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const file of translations) {
    const identity = `${file.locale}\u0000${file.relativePath.normalize("NFC")}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      diagnostics.push(diagnostic("key/duplicate", { kind: "translation", file: file.file, earlier }, { file: file.file }));
      continue;
    }
    seen.set(identity, file.file);
    if (file.data === null) continue;
    const parsed = { ...file, data: file.data };
    if (isCollectionFile(file.relativePath)) {
      diagnostics.push(...addCollectionTranslation(parsed, targets));
      continue;
    }
    const key = toArticleKey(file.relativePath);
    const article = targets.articles.get(key);
    const source = article?.locales[targets.sourceLocale];
    if (article === undefined || source === undefined) {
      if (targets.failedKeys.has(key)) continue;
      diagnostics.push(diagnostic("translation/no-source", { file: file.file, key }, { file: file.file }));
      continue;
    }
    const built = buildArticleLocale(parsed, { defaultState: source.state, source });
    article.locales[file.locale] = built.locale;
    diagnostics.push(...built.diagnostics);
  }
  return diagnostics;
}
