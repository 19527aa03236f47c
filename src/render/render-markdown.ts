import { RenderDiagnostics } from "./diagnostics.js";
import { markdownParser, NESTING_CUT_AT } from "./markdown-parser.js";
import { rewriteMkDocsBlocks } from "./mkdocs.js";
import { RawHtmlSanitizer } from "./raw-html.js";
import { rewriteUrl, type RenderState } from "./render-state.js";
import { transformBlocks } from "./transform-blocks.js";
import type { RenderContext, RenderResult } from "./types.js";

const EMPTY_LIST = /<(ul|ol)\b[^>]*>\s*<\/\1>\n?/g;

/**
 * Renders one markdown body to the HTML Intercom accepts (see `headings.ts` for the heading
 * mapping and `callouts.ts` for callouts). Pure and deterministic: the same markdown and context
 * always give the same bytes, which the content hashes rely on.
 */
export function renderMarkdown(markdown: string, context: RenderContext): RenderResult {
  if (markdown.trim() === "") return { html: "", links: [], diagnostics: [] };
  const diagnostics = new RenderDiagnostics(context.file, context.bodyStartLine);
  const source = markdown.includes("\r") ? markdown.replace(/\r\n?/g, "\n") : markdown;
  const rewrite = rewriteMkDocsBlocks(source);
  for (const finding of rewrite.findings) diagnostics.tally(finding.code, finding.subject, finding.line);

  const state: RenderState = {
    context,
    diagnostics,
    links: [],
    linkSet: new Set(),
    titles: rewrite.titles,
    tableDepth: 0,
    lastTemplateLine: -1,
    sanitizer: new RawHtmlSanitizer(diagnostics, (kind, value, line) => rewriteUrl(state, kind, value, line)),
  };
  const env: Record<string, unknown> = {};
  const tokens = transformBlocks(markdownParser.parse(rewrite.markdown, env), state);
  const cutAt = env[NESTING_CUT_AT];
  if (typeof cutAt === "number") {
    diagnostics.add("render/nesting-too-deep", cutAt, { limit: markdownParser.options.maxNesting });
  }
  let html = markdownParser.renderer.render(tokens, markdownParser.options, env);
  if (state.sanitizer.wroteList) html = removeEmptyLists(html);
  return { html, links: state.links, diagnostics: diagnostics.finish() };
}

/** Intercom answers 400 to an empty list; raw HTML is the only way to write one. */
function removeEmptyLists(html: string): string {
  let previous: string;
  let current = html;
  do {
    previous = current;
    current = current.replace(EMPTY_LIST, "");
  } while (current !== previous);
  return current;
}
