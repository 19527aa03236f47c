/**
 * The per-file half of the model: a parsed file's body is rendered, summarised and hashed here,
 * then dropped, so the model proper (assembleDesiredState) works on metadata only. Pure, given a
 * pure renderer; the reader runs it file by file as it streams the tree.
 */
import { summariseBody } from "../digest/body-summary.js";
import type { ProjectFiles, RenderContext } from "../render/types.js";
import type { RenderMarkdown } from "./build-article-locale.js";
import { isCollectionFile, toArticleKey } from "./content-keys.js";
import { detachString, detachValue } from "./detach-strings.js";
import { hashSourceText } from "../digest/source-text.js";
import type { ParsedFile, PreparedFile, RenderedBody } from "./types.js";
import { SOURCE_ARTICLE_FIELDS, validateFrontMatter } from "./validate-front-matter.js";

/** Where a file sits, before it is read: enough to choose its render context. */
export interface FilePlace {
  file: string;
  locale: string;
  relativePath: string;
}

export interface PrepareContext {
  sourceLocale: string;
  project: ProjectFiles;
  assetBaseUrl: string | null;
  /** Article key -> the source file the model takes for it (see sourceFilesByKey). */
  sourceFiles: ReadonlyMap<string, string>;
  /** Renders a body straight to its summary (see summarisingRenderer). */
  renderBody: RenderBody;
  /** One shared copy per distinct href or key (see createInterner); default: a detached copy each. */
  intern?: (text: string) => string;
}

/** A renderer whose result is already reduced to what the model keeps. */
export type RenderBody = (markdown: string, context: RenderContext) => RenderedBody;

/**
 * Wraps a markdown renderer so it returns summaries: the HTML is summarised and, unless
 * `keepHtml`, dropped at once.
 */
export function summarisingRenderer(render: RenderMarkdown, keepHtml = false): RenderBody {
  return (markdown, context) => {
    const result = render(markdown, context);
    const rendered: RenderedBody = { ...summariseBody(result.html), links: result.links, diagnostics: result.diagnostics };
    if (keepHtml) rendered.html = result.html;
    return rendered;
  };
}

/**
 * Article key -> source file, the first in the given order: the one the model keeps when two files
 * give the same key (the other is reported). Translations resolve relative paths against it.
 */
export function sourceFilesByKey(files: Iterable<FilePlace>, sourceLocale: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const place of files) {
    if (place.locale !== sourceLocale || isCollectionFile(place.relativePath)) continue;
    const key = toArticleKey(place.relativePath);
    if (!out.has(key)) out.set(key, place.file);
  }
  return out;
}

/**
 * Whether a file's body is rendered, and against which source file: every article, except a
 * translation with no source (the model skips it). `undefined` = not rendered.
 */
export function renderSourceOf(place: FilePlace, context: Pick<PrepareContext, "sourceLocale" | "sourceFiles">): { sourceFile?: string } | undefined {
  if (isCollectionFile(place.relativePath)) return undefined;
  if (place.locale === context.sourceLocale) return {};
  const sourceFile = context.sourceFiles.get(toArticleKey(place.relativePath));
  return sourceFile === undefined ? undefined : { sourceFile };
}

/** The render context of a file (see renderSourceOf for which files are rendered). */
export function renderContextOf(
  place: FilePlace & { bodyStartLine: number },
  context: Pick<PrepareContext, "assetBaseUrl" | "project">,
  sourceFile: string | undefined,
): RenderContext {
  const renderContext: RenderContext = {
    file: place.file,
    locale: place.locale,
    bodyStartLine: place.bodyStartLine,
    assetBaseUrl: context.assetBaseUrl,
    project: context.project,
  };
  if (sourceFile !== undefined) renderContext.sourceFile = sourceFile;
  return renderContext;
}

function sourceTextHashOf(parsed: ParsedFile & { data: Record<string, unknown> }): string {
  const { values } = validateFrontMatter(parsed.data, parsed.positions, SOURCE_ARTICLE_FIELDS, parsed.file);
  const text = (value: unknown): string => (typeof value === "string" ? value : "");
  return hashSourceText({ title: text(values.title), description: text(values.description), body: parsed.body });
}

/**
 * Renders and summarises one parsed file's body; the result holds no markdown and no HTML, and no
 * string that shares memory with them (see detach-strings.ts), so nothing of the file stays alive.
 */
export function prepareFile(parsed: ParsedFile, context: PrepareContext): PreparedFile {
  const prepared: PreparedFile = {
    file: parsed.file,
    locale: parsed.locale,
    relativePath: parsed.relativePath,
    data: detachValue(parsed.data),
    positions: detachValue(parsed.positions),
    bodyStartLine: parsed.bodyStartLine,
    blankBody: parsed.body.trim() === "",
    rendered: null,
    sourceTextHash: null,
  };
  if (parsed.data === null) return prepared;
  const source = renderSourceOf(parsed, context);
  if (source === undefined) return prepared;
  const rendered = context.renderBody(parsed.body, renderContextOf(parsed, context, source.sourceFile));
  const intern = context.intern ?? detachString;
  prepared.rendered = { ...rendered, hrefs: rendered.hrefs.map(intern), links: rendered.links.map(intern), diagnostics: detachValue(rendered.diagnostics) };
  if (parsed.locale === context.sourceLocale) prepared.sourceTextHash = sourceTextHashOf({ ...parsed, data: parsed.data });
  return prepared;
}
