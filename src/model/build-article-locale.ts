import type { Diagnostic } from "../errors.js";
import type { RenderContext, RenderResult, ProjectFiles } from "../render/types.js";
import type { ArticleState, DesiredArticleLocale } from "../types.js";
import type { ParsedFile } from "./types.js";
import { SOURCE_ARTICLE_FIELDS, TRANSLATED_ARTICLE_FIELDS, validateFrontMatter } from "./validate-front-matter.js";

/** The renderer's signature (src/render/render-markdown.ts), injectable for tests. */
export type RenderMarkdown = (markdown: string, context: RenderContext) => RenderResult;

export interface ArticleLocaleContext {
  render: RenderMarkdown;
  project: ProjectFiles;
  assetBaseUrl: string | null;
  /** The state when front matter has none: the config default for a source, the source's for a translation. */
  defaultState: ArticleState;
  /** For a translation: the source article's locale (file, author). */
  source?: DesiredArticleLocale;
}

export interface ArticleLocaleResult {
  locale: DesiredArticleLocale;
  /** The body markdown, for the source text hash. */
  markdown: string;
  diagnostics: Diagnostic[];
}

/**
 * Validates one article file's front matter and renders its body: a source article when
 * `context.source` is absent, a translation of it otherwise. Pure, given a pure renderer.
 */
export function buildArticleLocale(parsed: ParsedFile & { data: Record<string, unknown> }, context: ArticleLocaleContext): ArticleLocaleResult {
  const spec = context.source ? TRANSLATED_ARTICLE_FIELDS : SOURCE_ARTICLE_FIELDS;
  const { values, diagnostics } = validateFrontMatter(parsed.data, parsed.positions, spec, parsed.file);
  if (parsed.body.trim() === "") {
    diagnostics.push({
      code: "article/empty-body",
      severity: "warning",
      message: "The article has no text below its front matter.",
      hint: "Write the article, or remove the file if it is not ready.",
      location: { file: parsed.file, line: parsed.bodyStartLine },
    });
  }
  const renderContext: RenderContext = {
    file: parsed.file,
    locale: parsed.locale,
    bodyStartLine: parsed.bodyStartLine,
    assetBaseUrl: context.assetBaseUrl,
    project: context.project,
  };
  if (context.source) renderContext.sourceFile = context.source.file;
  const rendered = context.render(parsed.body, renderContext);
  diagnostics.push(...rendered.diagnostics);

  const state = values.state === "published" || values.state === "draft" ? values.state : context.defaultState;
  const author = typeof values.author_id === "number" ? values.author_id : null;
  const locale: DesiredArticleLocale = {
    file: parsed.file,
    title: typeof values.title === "string" ? values.title : "",
    description: typeof values.description === "string" ? values.description : "",
    body: rendered.html,
    state,
    authorId: context.source ? context.source.authorId : author,
    links: rendered.links,
  };
  if (typeof values.source_hash === "string") locale.sourceHash = values.source_hash;
  return { locale, markdown: parsed.body, diagnostics };
}
