import { loadDesiredState } from "../src/load/disk-source.js";
import type { ResolvedConfig } from "../src/config/types.js";
import { parseMarkdownFile } from "../src/content/parse-markdown-file.js";
import type { RenderMarkdown } from "../src/model/build-article-locale.js";
import { hashBodyAt } from "../src/digest/body-digest.js";
import { hashArticleFields, hashCollectionFields } from "../src/digest/field-hashes.js";
import { renderMarkdown } from "../src/render/render-markdown.js";
import type { DesiredState } from "../src/types.js";

/** Milliseconds spent in each step of turning the files into hashed desired state. */
export interface PipelineSteps {
  /** Front matter split and YAML (files not served by the render cache). */
  parse: number;
  /** Markdown to Intercom HTML (files not served by the render cache). */
  render: number;
  /** Per-field digests of every item locale, as the planner computes them. */
  hash: number;
  /** Everything else: listing, reading, cache lookups and save, body summaries, the model. */
  rest: number;
}

export interface PipelineRun {
  state: DesiredState;
  /** Markdown files read. */
  files: number;
  /** Error diagnostics found (a benchmark tree should have none). */
  errors: number;
  /** Files served by the render cache. */
  cacheHits: number;
  steps: PipelineSteps;
  /** Sum of the steps. */
  totalMs: number;
}

export interface PipelineOptions {
  /** The render cache folder, or false for none. */
  cache: string | false;
  /** A monotonic clock in milliseconds (default `performance.now`). */
  now?: () => number;
}

/**
 * Runs `loadDesiredState` (the streamed read, parse, render, summarise and build, through the
 * render cache when given one), then hashes the result the way the planner does, timing the
 * parser and the renderer through injected wrappers.
 */
export async function runLocalPipeline(config: ResolvedConfig, options: PipelineOptions): Promise<PipelineRun> {
  const now = options.now ?? (() => performance.now());
  let parseMs = 0;
  let renderMs = 0;
  const timedRender: RenderMarkdown = (markdown, context) => {
    const before = now();
    const result = renderMarkdown(markdown, context);
    renderMs += now() - before;
    return result;
  };
  const timedParse = (text: string, file: string): ReturnType<typeof parseMarkdownFile> => {
    const before = now();
    const result = parseMarkdownFile(text, file);
    parseMs += now() - before;
    return result;
  };
  const started = now();
  const loaded = await loadDesiredState(config, { render: timedRender, parse: timedParse, cache: options.cache });
  const built = now();
  hashState(loaded.state);
  const hashed = now();
  return {
    state: loaded.state,
    files: loaded.fileCount,
    errors: loaded.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length,
    cacheHits: loaded.cache?.hits ?? 0,
    steps: { parse: parseMs, render: renderMs, hash: hashed - built, rest: built - started - parseMs - renderMs },
    totalMs: hashed - started,
  };
}

/** The digests the planner computes per item locale; returned so the work cannot be skipped. */
export function hashState(state: DesiredState): number {
  let digests = 0;
  const noUrls = (): undefined => undefined;
  for (const collection of state.collections) {
    for (const locale of Object.values(collection.locales)) digests += Object.keys(hashCollectionFields(locale)).length;
  }
  for (const article of state.articles) {
    for (const [code, locale] of Object.entries(article.locales)) {
      const bodyHash = hashBodyAt({ digest: locale.digest, placeholders: locale.hrefs }, code, noUrls);
      digests += Object.keys(hashArticleFields({ ...locale, bodyHash })).length;
    }
  }
  return digests;
}
