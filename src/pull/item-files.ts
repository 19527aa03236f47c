/**
 * Where an item's files live and what pull writes in them, from the remote item. Pure.
 */
import { parseMarkdownFile } from "../content/parse-markdown-file.js";
import { COLLECTION_FILE, joinProjectPath } from "../model/content-keys.js";
import { htmlToMarkdown } from "../render/html-to-markdown.js";
import { FIN_KEYS } from "../model/check-settings.js";
import type { RemoteArticle, RemoteArticleLocale, RemoteCollection } from "../types.js";
import { relativeArticlePath, type ArticleKeyLookup } from "./article-links.js";
import { formatArticleFile, formatCollectionFile } from "./format-item-file.js";
import type { PullItemType, PullLayout } from "./types.js";

/** The folder of a locale: the content dir for the source locale, `locales/<code>` otherwise. */
function localeRoot(layout: PullLayout, locale: string): string {
  return locale === layout.sourceLocale ? layout.contentDir : joinProjectPath(layout.localesDir, locale);
}

/** Project-relative path of an item's file in a locale. */
export function itemFilePath(layout: PullLayout, type: PullItemType, key: string, locale: string): string {
  const relative = type === "article" ? `${key}.md` : `${key}/${COLLECTION_FILE}`;
  return joinProjectPath(localeRoot(layout, locale), relative);
}

export interface ArticleTextContext {
  layout: PullLayout;
  /** `author_id` is left out when it is this one. */
  defaultAuthorId: number;
  lookupKey: ArticleKeyLookup;
  /** Current text of the file being replaced, if any (a translation keeps its `source_hash`). */
  current: string | undefined;
  /** Audience id -> name, when the workspace's audiences were listed. */
  audienceNames?: ReadonlyMap<number, string>;
}

/**
 * `fin` as pull writes it: the availabilities that are off (on is Intercom's default, and a file
 * that says nothing leaves it alone). A translation writes only what differs from its source.
 */
function finOf(locale: RemoteArticleLocale | undefined, source: RemoteArticleLocale | undefined): Record<string, boolean> | undefined {
  const out: Record<string, boolean> = {};
  for (const [key, field] of Object.entries(FIN_KEYS)) {
    const value = locale?.fin?.[field];
    if (value === undefined) continue;
    const inherited = source === undefined ? true : (source.fin?.[field] ?? true);
    if (value !== inherited) out[key] = value;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function audienceNamesOf(locale: RemoteArticleLocale | undefined, names: ReadonlyMap<number, string> | undefined): string[] {
  return (locale?.audienceIds ?? []).map((id) => names?.get(id) ?? String(id)).sort();
}

function isoOf(seconds: number | null | undefined): string | undefined {
  return typeof seconds === "number" ? new Date(seconds * 1000).toISOString().replace(/\.000Z$/, "Z") : undefined;
}

function keptSourceHash(current: string | undefined, file: string): string | undefined {
  if (current === undefined) return undefined;
  const value = parseMarkdownFile(current, file).data?.source_hash;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/**
 * The text of an article file in one locale, or undefined when Intercom has no text there.
 * Translations leave out `state` when it is the source's (the default), and have no author.
 */
export function pullArticleText(article: RemoteArticle, key: string, locale: string, context: ArticleTextContext): string | undefined {
  const text = article.locales[locale];
  if (text === undefined || text.title.trim() === "") return undefined;
  const { sourceLocale } = context.layout;
  const isSource = locale === sourceLocale;
  const sourceState = article.locales[sourceLocale]?.state;
  const markdown = htmlToMarkdown(text.body, {
    resolveArticleUrl: (url) => {
      const target = context.lookupKey(url);
      return target === undefined ? undefined : relativeArticlePath(key, target);
    },
  });
  const source = isSource ? undefined : article.locales[sourceLocale];
  const audiences = audienceNamesOf(text, context.audienceNames);
  const inheritedAudiences = source === undefined ? [] : audienceNamesOf(source, context.audienceNames);
  const settings = {
    fin: finOf(text, source),
    // A translation names its audiences only where they differ from the source's.
    audiences: isSource || audiences.join("\n") !== inheritedAudiences.join("\n") ? audiences : undefined,
    tags: isSource ? (article.tags ?? []).map((tag) => tag.name) : undefined,
    publishAt: isSource ? isoOf(article.scheduledPublishAt) : undefined,
    unpublishAt: isSource ? isoOf(article.scheduledUnpublishAt) : undefined,
  };
  return formatArticleFile(
    {
      ...settings,
      title: text.title.trim(),
      description: text.description.trim(),
      state: isSource || text.state !== sourceState ? text.state : undefined,
      authorId: isSource && text.authorId !== context.defaultAuthorId ? text.authorId : undefined,
      sourceHash: isSource ? undefined : keptSourceHash(context.current, itemFilePath(context.layout, "article", key, locale)),
    },
    markdown,
  );
}

/** The text of a `_collection.md` in one locale, or undefined when the collection has no name there. */
export function pullCollectionText(collection: RemoteCollection, locale: string): string | undefined {
  const text = collection.locales[locale];
  if (text === undefined || text.name.trim() === "") return undefined;
  return formatCollectionFile(text.name.trim(), text.description.trim());
}
