import type { ResolvedConfig } from "../config/types.js";
import { buildFromTree } from "../check/load-desired-state.js";
import { readContentTree } from "../content/read-content-tree.js";
import { parseMarkdownFile } from "../content/parse-markdown-file.js";
import type { RenderMarkdown } from "../model/build-article-locale.js";
import { hashArticleFields, hashCollectionFields } from "../plan/hash.js";
import { renderMarkdown } from "../render/render-markdown.js";
import type { DesiredState } from "../types.js";

/** Milliseconds spent in each step of turning the files into hashed desired state. */
export interface PipelineSteps {
  /** Listing and reading the files (decoding included). */
  read: number;
  /** Front matter split and YAML. */
  parse: number;
  /** Markdown to Intercom HTML. */
  render: number;
  /** The model around the renderer: keys, collections, translations, validation. */
  build: number;
  /** Per-field digests of every item locale, as the planner computes them. */
  hash: number;
}

export interface PipelineRun {
  state: DesiredState;
  /** Markdown files read. */
  files: number;
  /** Error diagnostics found (a benchmark tree should have none). */
  errors: number;
  steps: PipelineSteps;
  /** Sum of the steps. */
  totalMs: number;
}

/**
 * Runs the same pipeline as `loadDesiredState` (read, parse, build with render), then hashes the
 * result the way the planner does, timing each step. Parsing is timed on its own by parsing up
 * front and handing `buildFromTree` the parsed files through a memo, so nothing runs twice.
 *
 * @param now a monotonic clock in milliseconds (default `performance.now`)
 */
export async function runLocalPipeline(config: ResolvedConfig, now: () => number = () => performance.now()): Promise<PipelineRun> {
  const started = now();
  const tree = await readContentTree(config);
  const read = now();

  // Parse every file once, then give buildFromTree a tree whose parse step is a lookup.
  const parsed = new Map(tree.markdown.map((file) => [file.file, parseMarkdownFile(file.text, file.file)]));
  const parsedAt = now();

  let renderMs = 0;
  const timedRender: RenderMarkdown = (markdown, context) => {
    const before = now();
    const result = renderMarkdown(markdown, context);
    renderMs += now() - before;
    return result;
  };
  const { state, diagnostics } = buildFromTree(tree, config, timedRender, (text, file) => parsed.get(file) ?? parseMarkdownFile(text, file));
  const built = now();

  hashState(state);
  const hashed = now();

  const steps: PipelineSteps = {
    read: read - started,
    parse: parsedAt - read,
    render: renderMs,
    build: built - parsedAt - renderMs,
    hash: hashed - built,
  };
  return {
    state,
    files: tree.markdown.length,
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === "error").length,
    steps,
    totalMs: hashed - started,
  };
}

/** The digests the planner computes per item locale; returned so the work cannot be skipped. */
export function hashState(state: DesiredState): number {
  let digests = 0;
  for (const collection of state.collections) {
    for (const locale of Object.values(collection.locales)) digests += Object.keys(hashCollectionFields(locale)).length;
  }
  for (const article of state.articles) {
    for (const locale of Object.values(article.locales)) digests += Object.keys(hashArticleFields(locale)).length;
  }
  return digests;
}
