import type { ResolvedConfig } from "../config/types.js";
import { parseMarkdownFile, type ParsedMarkdown } from "../content/parse-markdown-file.js";
import { readContentTree } from "../content/read-content-tree.js";
import type { ContentTree } from "../content/types.js";
import type { Diagnostic } from "../errors.js";
import { buildDesiredState } from "../model/build-desired-state.js";
import type { RenderMarkdown } from "../model/build-article-locale.js";
import type { ModelResult, ParsedFile } from "../model/types.js";
import type { DesiredState } from "../types.js";
import { sortDiagnostics } from "./sort-diagnostics.js";

export interface LoadedState {
  state: DesiredState;
  /** Reading, parsing, model and renderer findings, sorted by file, line and column. */
  diagnostics: Diagnostic[];
  /** Markdown files read (all locales). */
  fileCount: number;
}

/** The front-matter parser's signature (src/content/parse-markdown-file.ts), injectable for the benchmark. */
export type ParseMarkdown = (text: string, file: string) => ParsedMarkdown;

/**
 * Parses every file of a tree and builds the model from it. Pure: the tree is already in memory.
 *
 * @param render the markdown renderer (default: the real one)
 * @param parse the front-matter parser (default: the real one)
 */
export function buildFromTree(
  tree: ContentTree,
  config: Pick<ResolvedConfig, "defaultState" | "assetBaseUrl">,
  render?: RenderMarkdown,
  parse: ParseMarkdown = parseMarkdownFile,
): ModelResult {
  const diagnostics: Diagnostic[] = [...tree.diagnostics];
  const files: ParsedFile[] = tree.markdown.map((content) => {
    const parsed = parse(content.text, content.file);
    diagnostics.push(...parsed.diagnostics);
    return {
      file: content.file,
      locale: content.locale,
      relativePath: content.relativePath,
      data: parsed.data,
      positions: parsed.positions,
      body: parsed.body,
      bodyStartLine: parsed.bodyStartLine,
    };
  });
  const built = buildDesiredState(
    {
      sourceLocale: tree.sourceLocale,
      locales: tree.locales,
      contentDir: tree.contentDir,
      localesDir: tree.localesDir,
      files,
      otherFiles: [...tree.assets, ...tree.unreadable],
      defaultState: config.defaultState,
      assetBaseUrl: config.assetBaseUrl,
    },
    render,
  );
  diagnostics.push(...built.diagnostics);
  return { state: built.state, diagnostics };
}

/**
 * Reads, parses and models the project's content tree: the one way both `check` and the sync see
 * the files. Never throws for bad content; every problem is a diagnostic. The state is complete
 * only when no diagnostic is an error.
 */
export async function loadDesiredState(config: ResolvedConfig, render?: RenderMarkdown): Promise<LoadedState> {
  const tree = await readContentTree(config);
  const { state, diagnostics } = buildFromTree(tree, config, render);
  return { state, diagnostics: sortDiagnostics(diagnostics), fileCount: tree.markdown.length + tree.unreadable.length };
}
