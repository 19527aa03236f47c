import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import type { RenderContext, RenderResult } from "../render/types.js";
import type { ArticleState, DesiredArticleLocale, FinSettings, ScheduleSetting } from "../types.js";
import type { PreparedFile, RenderedBody } from "./types.js";
import { SOURCE_ARTICLE_FIELDS, TRANSLATED_ARTICLE_FIELDS, validateFrontMatter } from "./validate-front-matter.js";

/** The renderer's signature (src/render/render-markdown.ts), injectable for tests. */
export type RenderMarkdown = (markdown: string, context: RenderContext) => RenderResult;

export interface ArticleLocaleContext {
  /** The state when front matter has none: the config default for a source, the source's for a translation. */
  defaultState: ArticleState;
  /** For a translation: the source article's locale (file, author). */
  source?: DesiredArticleLocale;
  /** Config `defaults`: settings of source articles whose front matter does not say. */
  defaults?: SettingsDefaults;
}

/** Config `defaults` (see config-schema.ts). */
export interface SettingsDefaults {
  fin?: FinSettings;
  audiences?: string[];
  /** Project-relative path of the config file, where an unknown default audience is reported. */
  file?: string;
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
  const { values, lists, settings, diagnostics } = validateFrontMatter(prepared.data, prepared.positions, spec, prepared.file);
  if (prepared.blankBody) {
    diagnostics.push(diagnostic("article/empty-body", {}, { file: prepared.file, line: prepared.bodyStartLine }));
  }
  const rendered = prepared.rendered ?? NOT_RENDERED;
  diagnostics.push(...rendered.diagnostics);

  // An article waiting for its `publish_at` is a draft until then, whatever the default state.
  const waits = context.source === undefined && settings.dates.publish_at !== undefined && settings.dates.unpublish_at === undefined;
  const state = values.state === "published" || values.state === "draft" ? values.state : waits ? "draft" : context.defaultState;
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
  // Per-locale settings: a translation's own, else its source's (which took the config defaults).
  const defaults = context.defaults;
  const inherited = context.source ?? {
    fin: defaults?.fin,
    audiences: defaults?.audiences === undefined ? undefined : { names: [...defaults.audiences], line: 1, ...(defaults.file === undefined ? {} : { file: defaults.file }) },
  };
  const fin = settings.fin ?? inherited.fin;
  if (fin !== undefined) locale.fin = { ...fin };
  const own = settings.names.audiences;
  const audiences = own === undefined ? inherited.audiences : { ...own, file: prepared.file };
  if (audiences !== undefined) locale.audiences = audiences;
  if (context.source === undefined) {
    if (settings.names.tags !== undefined) locale.tags = settings.names.tags;
    const schedule = readSchedule(settings.dates, values.state, state, prepared.file, diagnostics);
    if (schedule !== undefined) locale.schedule = schedule;
  }
  return { locale, diagnostics };
}

/**
 * The schedule of a source article, with Intercom's rules that need no clock: one pending schedule
 * per article, `publish_at` only on an unpublished article, `unpublish_at` only on a published one.
 */
function readSchedule(
  dates: Readonly<Record<string, { at: string; seconds: number; line: number }>>,
  writtenState: unknown,
  state: ArticleState,
  file: string,
  diagnostics: Diagnostic[],
): ScheduleSetting | undefined {
  const publish = dates.publish_at;
  const unpublish = dates.unpublish_at;
  if (publish !== undefined && unpublish !== undefined) {
    diagnostics.push(diagnostic("settings/both-schedules", {}, { file, line: unpublish.line }));
    return undefined;
  }
  if (publish !== undefined) {
    if (writtenState === "published") {
      diagnostics.push(diagnostic("settings/publish-at-published", {}, { file, line: publish.line }));
      return undefined;
    }
    return { kind: "publish", ...publish };
  }
  if (unpublish !== undefined) {
    if (state !== "published") {
      diagnostics.push(diagnostic("settings/unpublish-at-draft", {}, { file, line: unpublish.line }));
      return undefined;
    }
    return { kind: "unpublish", ...unpublish };
  }
  return undefined;
}
