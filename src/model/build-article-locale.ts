import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import type { RenderContext, RenderResult } from "../render/types.js";
import type { ArticleState, DesiredArticleLocale } from "../types.js";
import type { PreparedFile, RenderedBody } from "./types.js";
import { SOURCE_ARTICLE_FIELDS, TRANSLATED_ARTICLE_FIELDS, validateFrontMatter } from "./validate-front-matter.js";

/** The renderer's signature (src/render/render-markdown.ts), injectable for tests. */
export type RenderMarkdown = (markdown: string, context: RenderContext) => RenderResult;

export interface ArticleLocaleContext {
  /** The state when front matter has none: the config default for a source, the source's for a translation. */
  defaultState: ArticleState;
  /** For a translation: the source article's locale (file, author). */
  source?: DesiredArticleLocale;
}

export interface ArticleLocaleResult {
  locale: DesiredArticleLocale;
  diagnostics: Diagnostic[];
}

const NOT_RENDERED: RenderedBody = { digest: "", textDigest: "", hrefs: [], links: [], diagnostics: [] };

/**
 * Validates one article file's front matter and takes its prepared body (see prepareFile): a
 * source article when `context.source` is absent, a translation of it otherwise. Pure.
 */
export function buildArticleLocale(prepared: PreparedFile & { data: Record<string, unknown> }, context: ArticleLocaleContext): ArticleLocaleResult {
  const spec = context.source ? TRANSLATED_ARTICLE_FIELDS : SOURCE_ARTICLE_FIELDS;
  const { values, lists, diagnostics } = validateFrontMatter(prepared.data, prepared.positions, spec, prepared.file);
  if (prepared.blankBody) {
    diagnostics.push(diagnostic("article/empty-body", {}, { file: prepared.file, line: prepared.bodyStartLine }));
  }
  const rendered = prepared.rendered ?? NOT_RENDERED;
  diagnostics.push(...rendered.diagnostics);

  const state = values.state === "published" || values.state === "draft" ? values.state : context.defaultState;
  const author = typeof values.author_id === "number" ? values.author_id : null;
  const locale: DesiredArticleLocale = {
    file: prepared.file,
    title: typeof values.title === "string" ? values.title : "",
    description: typeof values.description === "string" ? values.description : "",
    digest: rendered.digest,
    textDigest: rendered.textDigest,
    hrefs: rendered.hrefs,
    state,
    stateFrom: values.state === "published" || values.state === "draft" ? "front matter" : context.source ? "source article" : "defaultState",
    authorId: context.source ? context.source.authorId : author,
    links: rendered.links,
  };
  if (rendered.html !== undefined) locale.html = rendered.html;
  if (typeof values.source_hash === "string") locale.sourceHash = values.source_hash;
  if (lists.redirect_from !== undefined && lists.redirect_from.items.length > 0) locale.redirectFrom = lists.redirect_from;
  return { locale, diagnostics };
}
