import type { Token } from "markdown-it";
import { createHtmlInline } from "./markdown-parser.js";
import { noteTemplateText, rewriteUrl, type RenderState } from "./render-state.js";

/** GFM autolinks need http(s) or `www.`; linkify's other finds (`//host`, `ftp://`) stay text. */
const DOUBLE_SPACES = / {2,}/g;
const AUTOLINK_TEXT = /^(?:https?:\/\/|www\.)/i;

/**
 * Rewrites the children of one inline token: link and image URLs, raw inline HTML (tag by tag,
 * balanced within this run), linkify noise, and template syntax. `bodyLine` is the 0-based line
 * the run starts on; line breaks advance it so every finding has its own line.
 */
export function transformInline(inline: Token, bodyLine: number, scope: string, state: RenderState): void {
  const children = inline.children;
  if (children === null || children.length === 0) return;
  const kept: Token[] = [];
  let line = bodyLine;
  let unwrapLinkClose = false;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (state.sanitizer.suppressing && child.type !== "html_inline") {
      if (child.type === "softbreak" || child.type === "hardbreak") line++;
      continue;
    }
    switch (child.type) {
      case "softbreak":
      case "hardbreak":
        line++;
        break;
      case "text":
        noteTemplateText(state, child.content, line);
        break;
      case "link_open": {
        const href = String(child.attrGet("href") ?? "");
        if (child.markup === "linkify" && !isAutolink(href, children[index + 1])) {
          unwrapLinkClose = true;
          continue;
        }
        const url = rewriteUrl(state, "link", href, line);
        if (url === undefined) {
          unwrapLinkClose = true;
          continue;
        }
        child.attrSet("href", url);
        break;
      }
      case "link_close":
        if (unwrapLinkClose) {
          unwrapLinkClose = false;
          continue;
        }
        break;
      case "image": {
        const url = rewriteUrl(state, "image", String(child.attrGet("src") ?? ""), line);
        if (url === undefined) continue;
        child.attrSet("src", url);
        break;
      }
      case "html_inline": {
        const original = child.content;
        child.content = state.sanitizer.sanitize(original, line, scope, inline.level, state.tableDepth);
        line += countNewlines(original);
        if (child.content === "") continue;
        break;
      }
    }
    kept.push(child);
  }
  const closing = state.sanitizer.closeScope(scope);
  if (closing !== "") kept.push(createHtmlInline(closing));
  inline.children = normalizeWhitespace(kept);
}

/**
 * Joins soft breaks and neighbouring text into single-spaced text, trimmed at the run's ends.
 * A browser shows the same thing, and HTML read back by `pull` comes back single-spaced, so the
 * second render gives the same bytes as the first (removed tags otherwise leave double spaces).
 */
function normalizeWhitespace(children: Token[]): Token[] {
  const merged: Token[] = [];
  for (const child of children) {
    if (child.type === "softbreak") {
      child.type = "text";
      child.content = " ";
    }
    const last = merged[merged.length - 1];
    if (child.type === "text" && last?.type === "text") last.content += child.content;
    else merged.push(child);
  }
  for (const child of merged) {
    if (child.type === "text" && child.content.includes("  ")) child.content = child.content.replace(DOUBLE_SPACES, " ");
  }
  const first = merged[0];
  if (first?.type === "text") first.content = first.content.trimStart();
  const last = merged[merged.length - 1];
  if (last?.type === "text") last.content = last.content.trimEnd();
  return merged.filter((child) => child.type !== "text" || child.content !== "");
}

function isAutolink(href: string, text: Token | undefined): boolean {
  if (href.startsWith("mailto:")) return true;
  return text?.type === "text" && AUTOLINK_TEXT.test(text.content);
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) count++;
  return count;
}
