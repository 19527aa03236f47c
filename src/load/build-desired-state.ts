/**
 * The one builder of the desired state: every file of a source is prepared (parsed, rendered,
 * summarised; its text and HTML dropped at once), then the model assembles the help center. The
 * source is either the disk, streamed through the render cache (see disk-source.ts), or texts held
 * in memory by the watcher and `pull` (see memory-source.ts).
 */
import type { ResolvedConfig } from "../config/types.js";
import { mapConcurrent } from "../content/map-concurrent.js";
import { parseMarkdownFile } from "../content/parse-markdown-file.js";
import { READ_CONCURRENCY } from "../content/read-content-tree.js";
import { sortDiagnostics } from "../diagnostics/sort-diagnostics.js";
import type { Diagnostic } from "../errors/sync-error.js";
import type { RenderMarkdown } from "../model/build-article-locale.js";
import { assembleDesiredState, projectFilesOf } from "../model/assemble-desired-state.js";
import { createInterner } from "../model/detach-strings.js";
import { sourceFilesByKey, summarisingRenderer, type FilePlace, type PrepareContext } from "../model/prepare-file.js";
import type { PreparedFile } from "../model/types.js";
import { renderMarkdown } from "../render/render-markdown.js";
import type { RenderCacheStats } from "../render-cache/render-cache.js";
import type { DesiredState } from "../types.js";
import { createBodyLoader, type BodyLoader } from "./body-loader.js";
import type { ParseMarkdown, PreparedText } from "./prepare-text.js";

export type { ParseMarkdown, PrepareText } from "./prepare-text.js";
export type { BodyLoader } from "./body-loader.js";

/** The tree as listed: where every file is, before any markdown is prepared. */
export interface SourceListing {
  sourceLocale: string;
  /** Project-relative POSIX path of the content dir (`content`). */
  contentDir: string;
  /** Project-relative POSIX path of the locales dir (`locales`). */
  localesDir: string;
  /** Translation locales whose folders were listed, sorted. */
  locales: string[];
  /** Markdown files to prepare, sorted by path. */
  markdown: FilePlace[];
  /** Every other file links and images may point at (assets, markdown already known unreadable). */
  otherFiles: string[];
  /** Problems found while listing. */
  diagnostics: Diagnostic[];
}

/** Where the builder reads its files from. */
export interface FileSource {
  listing: SourceListing;
  /** Prepares one markdown file; its diagnostic when the file cannot be read. */
  prepare(place: FilePlace, context: PrepareContext, parse: ParseMarkdown): PreparedText | Diagnostic | Promise<PreparedText | Diagnostic>;
  /** The file's text as it is now (to render a body again); rejects when it cannot be read. */
  readText(file: string): Promise<string>;
  /** Ends the build (the disk source saves its render cache); returns the cache's use, if any. */
  finish?(): Promise<RenderCacheStats | null>;
}

export interface BuildOptions {
  /** The markdown renderer (default: the real one). */
  render?: RenderMarkdown;
  /** The front-matter parser (default: the real one). */
  parse?: ParseMarkdown;
  /** Keep each body's HTML in the state (tests); by default only its summary is kept. */
  keepHtml?: boolean;
  /**
   * Up to this many characters of rendered HTML are kept beside the state (not in it), so that
   * `loadBody` hands them out instead of rendering the same files again: a first push sends every
   * body it has just rendered. Default 0: `check` and `status` send nothing.
   */
  keepHtmlChars?: number;
}

export interface LoadedState {
  state: DesiredState;
  /** Listing, reading, parsing, model and renderer findings, sorted by file, line and column. */
  diagnostics: Diagnostic[];
  /** Markdown files listed (all locales). */
  fileCount: number;
  /** Renders one file's body again (the state keeps summaries only): for the bodies a push sends. */
  loadBody: BodyLoader;
  /** Render cache use; null when there was no cache. */
  cache: RenderCacheStats | null;
}

type ConfigSubset = Pick<ResolvedConfig, "defaultState" | "assetBaseUrl"> & Partial<Pick<ResolvedConfig, "defaults">>;

/** Hands out each kept HTML once (then forgets it), and renders the rest again. */
function keptFirst(kept: Map<string, string>, loadBody: BodyLoader): BodyLoader {
  if (kept.size === 0) return loadBody;
  return async (request) => {
    const html = kept.get(request.file);
    if (html === undefined) return loadBody(request);
    kept.delete(request.file);
    return html;
  };
}

function placeOf(file: FilePlace): FilePlace {
  return { file: file.file, locale: file.locale, relativePath: file.relativePath };
}

/**
 * Builds the help center a source's files describe. Never throws for bad content; every problem
 * is a diagnostic, and the state is complete only when no diagnostic is an error.
 */
export async function buildDesiredState(source: FileSource, config: ConfigSubset, options: BuildOptions = {}): Promise<LoadedState> {
  const { listing } = source;
  const render = options.render ?? renderMarkdown;
  const parse = options.parse ?? parseMarkdownFile;
  const kept = new Map<string, string>();
  let budget = options.keepHtmlChars ?? 0;
  const keeping: RenderMarkdown =
    budget <= 0
      ? render
      : (markdown, renderContext) => {
          const result = render(markdown, renderContext);
          if (result.html.length <= budget) {
            kept.set(renderContext.file, result.html);
            budget -= result.html.length;
          }
          return result;
        };
  const context: PrepareContext = {
    sourceLocale: listing.sourceLocale,
    project: projectFilesOf({ ...listing, files: listing.markdown }),
    assetBaseUrl: config.assetBaseUrl,
    sourceFiles: sourceFilesByKey(listing.markdown, listing.sourceLocale),
    renderBody: summarisingRenderer(keeping, options.keepHtml ?? false),
    intern: createInterner(),
  };

  const diagnostics: Diagnostic[] = [...listing.diagnostics];
  const unreadable: string[] = [];
  const results = await mapConcurrent(listing.markdown, READ_CONCURRENCY, async (place) => source.prepare(placeOf(place), context, parse));
  const files: PreparedFile[] = [];
  results.forEach((result, index) => {
    if ("prepared" in result) {
      files.push(result.prepared);
      diagnostics.push(...result.parseDiagnostics);
    } else {
      diagnostics.push(result);
      unreadable.push(listing.markdown[index]?.file ?? "");
    }
  });
  const built = assembleDesiredState({
    sourceLocale: listing.sourceLocale,
    locales: listing.locales,
    contentDir: listing.contentDir,
    localesDir: listing.localesDir,
    files,
    otherFiles: [...listing.otherFiles, ...unreadable],
    defaultState: config.defaultState,
    ...(config.defaults === undefined ? {} : { defaults: config.defaults }),
    assetBaseUrl: config.assetBaseUrl,
  });
  diagnostics.push(...built.diagnostics);
  const cache = (await source.finish?.()) ?? null;

  return {
    state: built.state,
    diagnostics: sortDiagnostics(diagnostics),
    fileCount: listing.markdown.length,
    loadBody: keptFirst(kept, createBodyLoader({ context, render, parse, readText: source.readText })),
    cache,
  };
}
