import type { Token } from "markdown-it";
import { CALLOUT_CLASS } from "../intercom/html-allowlist.js";
import { formatCalloutStyle, parseAlertMarker, type CalloutKind } from "./callouts.js";
import { escapeHtml } from "./escape.js";
import { mapHeadingLevels, stripHeadingAttributes, type HeadingRef } from "./headings.js";
import { createHtmlBlock } from "./markdown-parser.js";
import { noteTemplateText, type RenderState } from "./render-state.js";
import { transformInline } from "./transform-inline.js";
import { formatVideoIframe, toVideoEmbedUrl } from "./video.js";

const LONE_URL = /^<?(https?:\/\/\S+?)>?$/;
const EMPHASIS_MARKS = /[*_`]/g;
const HTML_TAG = /<[^>]*>/g;
const BLOCK_TAG = /<\/?(?:p|div|h[1-6]|ul|ol|li|table|thead|tbody|tfoot|tr|th|td|pre|hr|iframe)\b/;

/**
 * Walks the block tokens of one body and returns the tokens to render: headings mapped onto
 * h1/h2, blockquotes turned into callouts, lone video URLs into iframes, raw HTML sanitized,
 * table alignment styles dropped, and every inline run rewritten.
 */
export function transformBlocks(tokens: readonly Token[], state: RenderState): Token[] {
  const out: Token[] = [];
  const headings: HeadingRef[] = [];
  /** Per open blockquote: whether it is written as a callout (only the outermost one is). */
  const quotes: boolean[] = [];
  let line = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.map !== null) line = token.map[0];
    if (token.nesting === -1) {
      const closing = state.sanitizer.closeDeeperThan(token.level);
      if (closing !== "") out.push(createHtmlBlock(closing, token.level + 1));
    }
    switch (token.type) {
      case "heading_open": {
        const inline = tokens[index + 1];
        if (inline?.type === "inline" && stripHeadingAttributes(inline)) reportHeadingAttribute(state, line);
        headings.push({ open: token, close: tokens[index + 2], line });
        break;
      }
      case "blockquote_open": {
        if (quotes.length > 0) {
          // Intercom callouts do not nest: an inner quote's content joins the outer callout.
          quotes.push(false);
          continue;
        }
        quotes.push(true);
        index = openCallout(tokens, index, out, state);
        continue;
      }
      case "blockquote_close":
        if (quotes.pop() !== true) continue;
        token.tag = "div";
        break;
      case "paragraph_open": {
        const iframe = findLoneVideo(tokens, index);
        if (iframe !== undefined) {
          out.push(createHtmlBlock(`${iframe}\n`, token.level));
          index += 2;
          continue;
        }
        break;
      }
      case "inline":
        transformInline(token, line, `i${index}`, state);
        break;
      case "html_block": {
        // Templates inside attributes are reported (and removed) by the URL rewriting.
        noteTemplateText(state, token.content.replace(HTML_TAG, ""), line);
        const openBefore = state.sanitizer.openCount;
        token.content = state.sanitizer.sanitize(token.content, line, `b${token.level}`, token.level, state.tableDepth);
        // A piece that was only unwrapped tags leaves whitespace; writing it would add blank lines.
        if (token.content.trim() === "") continue;
        if (state.sanitizer.openCount === openBefore && !BLOCK_TAG.test(token.content)) token.content = wrapParagraph(token.content);
        break;
      }
      case "table_open":
        state.tableDepth++;
        break;
      case "table_close":
        state.tableDepth--;
        break;
      case "th_open":
      case "td_open":
        // Alignment comes as a style attribute, which Intercom refuses on cells.
        token.attrs = null;
        break;
    }
    out.push(token);
  }
  const rest = state.sanitizer.closeAll();
  if (rest !== "") out.push(createHtmlBlock(rest, 0));
  mapHeadingLevels(headings, state.diagnostics, state.sanitizer.wroteH1);
  return out;
}

/** Writes a callout opening for the blockquote at `index`; returns the last token index consumed. */
function openCallout(tokens: readonly Token[], index: number, out: Token[], state: RenderState): number {
  const open = tokens[index]!;
  const paragraph = tokens[index + 1];
  const inline = tokens[index + 2];
  let kind: CalloutKind = "quote";
  let consumed = index;
  if (paragraph?.type === "paragraph_open" && inline?.type === "inline") {
    const firstLine = inline.content.split("\n", 1)[0] ?? "";
    const alert = parseAlertMarker(firstLine);
    if (alert !== undefined) {
      kind = alert;
      const children = inline.children ?? [];
      const breakAt = children.findIndex((child) => child.type === "softbreak" || child.type === "hardbreak");
      if (breakAt === -1) consumed = index + 3; // the marker is the whole paragraph: drop it
      else inline.children = children.slice(breakAt + 1);
      inline.content = inline.content.slice(firstLine.length + 1);
    }
  }
  open.tag = "div";
  open.attrs = [["class", CALLOUT_CLASS], ["style", formatCalloutStyle(kind)]];
  out.push(open);
  const title = open.map === null ? undefined : state.titles.get(open.map[0]);
  if (title !== undefined) {
    out.push(createHtmlBlock(`<p><strong>${escapeHtml(title.replace(EMPHASIS_MARKS, ""))}</strong></p>\n`, open.level + 1));
  }
  return consumed;
}

/**
 * Raw HTML that is only inline content (an `<img>` on its own line, text left by unwrapped tags)
 * becomes a paragraph, as the same content written in markdown would.
 */
function wrapParagraph(content: string): string {
  return `<p>${content.trim()}</p>\n`;
}

function findLoneVideo(tokens: readonly Token[], index: number): string | undefined {
  const inline = tokens[index + 1];
  if (inline?.type !== "inline" || tokens[index + 2]?.type !== "paragraph_close") return undefined;
  const match = LONE_URL.exec(inline.content.trim());
  if (match === null) return undefined;
  const embed = toVideoEmbedUrl(match[1]!);
  return embed === undefined ? undefined : formatVideoIframe(embed);
}

function reportHeadingAttribute(state: RenderState, line: number): void {
  state.diagnostics.tally("render/heading-attribute", "id", line);
}
