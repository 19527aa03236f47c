import path from "node:path";
import type { ResolvedConfig } from "../config/types.js";
import { mapConcurrent } from "../content/map-concurrent.js";
import { parseMarkdownFile } from "../content/parse-markdown-file.js";
import { READ_CONCURRENCY, scanContentTree } from "../content/read-content-tree.js";
import { readFileBytes, readTextFile } from "../content/read-text-file.js";
import type { ContentTree } from "../content/types.js";
import type { Diagnostic } from "../errors.js";
import type { RenderMarkdown } from "../model/build-article-locale.js";
import { assembleDesiredState, projectFilesOf } from "../model/build-desired-state.js";
import { createInterner } from "../model/detach-strings.js";
import { sourceFilesByKey, summarisingRenderer, type FilePlace, type PrepareContext } from "../model/prepare-file.js";
import type { ModelResult, PreparedFile } from "../model/types.js";
import { renderMarkdown } from "../render/render-markdown.js";
import type { DesiredState } from "../types.js";
import { createBodyLoader, type BodyLoader } from "./body-loader.js";
import { prepareBytes, prepareText, type ParseMarkdown, type PrepareText } from "./prepare-text.js";
import type { RenderCacheStats } from "./render-cache.js";
import { openRenderCache, renderCacheDir } from "./render-cache-store.js";
import { sortDiagnostics } from "./sort-diagnostics.js";

export type { ParseMarkdown, PrepareText } from "./prepare-text.js";
export type { BodyLoader } from "./body-loader.js";

export interface LoadedState {
  state: DesiredState;
  /** Reading, parsing, model and renderer findings, sorted by file, line and column. */
  diagnostics: Diagnostic[];
  /** Markdown files read (all locales). */
  fileCount: number;
  /** Renders one file's body again (the state keeps summaries only): for the bodies a push sends. */
  loadBody: BodyLoader;
  /** Render cache use; null when the cache was off. */
  cache: RenderCacheStats | null;
}

export interface LoadOptions {
  /** The markdown renderer (default: the real one). */
  render?: RenderMarkdown;
  /** The front-matter parser (default: the real one). */
  parse?: ParseMarkdown;
  /**
   * The on-disk render cache: on by default (see renderCacheDir for where), `false` to turn it
   * off, or the folder to keep it in.
   */
  cache?: boolean | string;
  /** Where `INTERCOM_SYNC_CACHE_DIR`, `XDG_CACHE_HOME` and `HOME` come from. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
}

export interface BuildFromTreeOptions {
  /** The markdown renderer (default: the real one). */
  render?: RenderMarkdown;
  /** Prepares each file (the watcher's memo); default: parse and render every file afresh. */
  prepare?: PrepareText;
  /** The front-matter parser (default: the real one). */
  parse?: ParseMarkdown;
  /** Keep each body's HTML in the state. */
  keepHtml?: boolean;
}

export interface BuiltTree extends ModelResult {
  /** Renders one file's body again from the tree's text. */
  loadBody: BodyLoader;
}

type ConfigSubset = Pick<ResolvedConfig, "defaultState" | "assetBaseUrl">;

function placeOf(file: FilePlace): FilePlace {
  return { file: file.file, locale: file.locale, relativePath: file.relativePath };
}

/**
 * Parses every file of a tree held in memory and builds the model from it: the pure twin of
 * loadDesiredState (the watcher and `pull` hold the texts anyway). No render cache.
 */
export function buildFromTree(tree: ContentTree, config: ConfigSubset, options: BuildFromTreeOptions = {}): BuiltTree {
  const render = options.render ?? renderMarkdown;
  const parse = options.parse ?? parseMarkdownFile;
  const context: PrepareContext = {
    sourceLocale: tree.sourceLocale,
    project: projectFilesOf({ ...tree, files: tree.markdown, otherFiles: [...tree.assets, ...tree.unreadable] }),
    assetBaseUrl: config.assetBaseUrl,
    sourceFiles: sourceFilesByKey(tree.markdown, tree.sourceLocale),
    renderBody: summarisingRenderer(render, options.keepHtml ?? false),
    intern: createInterner(),
  };
  const prepare = options.prepare ?? ((text, place, prepareContext, parseText) => prepareText(text, place, prepareContext, parseText));
  const diagnostics: Diagnostic[] = [...tree.diagnostics];
  const files: PreparedFile[] = tree.markdown.map((content) => {
    const { prepared, parseDiagnostics } = prepare(content.text, content, context, parse);
    diagnostics.push(...parseDiagnostics);
    return prepared;
  });
  const built = assembleDesiredState({
    sourceLocale: tree.sourceLocale,
    locales: tree.locales,
    contentDir: tree.contentDir,
    localesDir: tree.localesDir,
    files,
    otherFiles: [...tree.assets, ...tree.unreadable],
    defaultState: config.defaultState,
    assetBaseUrl: config.assetBaseUrl,
  });
  diagnostics.push(...built.diagnostics);
  const texts = new Map(tree.markdown.map((file) => [file.file, file.text]));
  const loadBody = createBodyLoader({
    context,
    render,
    parse,
    readText: async (file) => {
      const text = texts.get(file);
      if (text === undefined) throw new Error(`${file} is not in the tree`);
      return text;
    },
  });
  return { state: built.state, diagnostics, loadBody };
}

function cacheDirOf(config: ResolvedConfig, options: LoadOptions): string | null {
  if (options.cache === false) return null;
  if (typeof options.cache === "string") return options.cache;
  return renderCacheDir(config.rootDir, options.env ?? process.env);
}

/**
 * Reads, parses and models the project's content tree: the one way both `check` and the sync see
 * the files. Streams: each file is read, parsed, rendered and summarised with bounded concurrency,
 * and its text and HTML are dropped at once, so memory grows with the number of files, not their
 * size. Unchanged files come from the render cache. Never throws for bad content; every problem is
 * a diagnostic. The state is complete only when no diagnostic is an error.
 */
export async function loadDesiredState(config: ResolvedConfig, options: LoadOptions = {}): Promise<LoadedState> {
  const scan = await scanContentTree(config);
  const render = options.render ?? renderMarkdown;
  const parse = options.parse ?? parseMarkdownFile;
  const context: PrepareContext = {
    sourceLocale: scan.sourceLocale,
    project: projectFilesOf({ ...scan, files: scan.markdown, otherFiles: scan.assets }),
    assetBaseUrl: config.assetBaseUrl,
    sourceFiles: sourceFilesByKey(scan.markdown, scan.sourceLocale),
    renderBody: summarisingRenderer(render),
    intern: createInterner(),
  };
  const cacheDir = cacheDirOf(config, options);
  const session = cacheDir === null ? null : await openRenderCache(cacheDir);
  const cache = session?.cache ?? null;

  const diagnostics: Diagnostic[] = [...scan.diagnostics];
  const unreadable: string[] = [];
  const results = await mapConcurrent(scan.markdown, READ_CONCURRENCY, async (scanned) => {
    const read = await readFileBytes(scanned.absolutePath, scanned.file);
    return read.diagnostic ?? prepareBytes(read.bytes, placeOf(scanned), context, parse, cache);
  });
  const files: PreparedFile[] = [];
  results.forEach((result, index) => {
    if ("prepared" in result) {
      files.push(result.prepared);
      diagnostics.push(...result.parseDiagnostics);
    } else {
      diagnostics.push(result);
      unreadable.push(scan.markdown[index]?.file ?? "");
    }
  });
  const built = assembleDesiredState({
    sourceLocale: scan.sourceLocale,
    locales: scan.locales,
    contentDir: scan.contentDir,
    localesDir: scan.localesDir,
    files,
    otherFiles: [...scan.assets, ...unreadable],
    defaultState: config.defaultState,
    assetBaseUrl: config.assetBaseUrl,
  });
  diagnostics.push(...built.diagnostics);
  await session?.save();

  const loadBody = createBodyLoader({
    context,
    render,
    parse,
    readText: async (file) => {
      const read = await readTextFile(path.join(config.rootDir, ...file.split("/")), file);
      if (read.diagnostic) throw new Error(read.diagnostic.message);
      return read.text;
    },
  });
  return {
    state: built.state,
    diagnostics: sortDiagnostics(diagnostics),
    fileCount: scan.markdown.length,
    loadBody,
    cache: cache === null ? null : cache.stats(),
  };
}
