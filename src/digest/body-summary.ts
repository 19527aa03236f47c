/**
 * A rendered body reduced to what planning needs: digests and link targets instead of HTML. The
 * model keeps these per article locale so that memory grows with the number of files, not with
 * the size of their bodies; only what a plan writes is rendered again (see src/load/body-loader.ts).
 */
import { hash } from "node:crypto";
import { ARTICLE_LINK_SCHEME } from "../render/types.js";
import { readRenderedHtml } from "./read-rendered-html.js";
import { readHtml } from "./visible-text.js";

export interface BodySummary {
  /** sha256 (hex) of the HTML, placeholders included. */
  digest: string;
  /** sha256 (hex) of its visible text. */
  textDigest: string;
  /** Every `<a href>` in order, entities decoded, placeholders included. */
  hrefs: string[];
}

/** sha256 (hex) of a string. */
export function digestText(text: string): string {
  return hash("sha256", text);
}

/** Summarises the renderer's HTML (one reading for the text and the links). Pure. */
export function summariseBody(html: string): BodySummary {
  const reading = readRenderedHtml(html) ?? readHtml(html);
  return { digest: digestText(html), textDigest: digestText(reading.text), hrefs: reading.hrefs };
}

/** Whether an href is an article-link placeholder written by the renderer. */
export function isPlaceholder(href: string): boolean {
  return href.startsWith(ARTICLE_LINK_SCHEME);
}

/** The placeholder hrefs of a body, in order (`intercom-sync:KEY#anchor`). */
export function placeholdersOf(hrefs: readonly string[]): string[] {
  return hrefs.filter(isPlaceholder);
}

/** The article key a placeholder points at (`intercom-sync:KEY#anchor` -> `KEY`). */
export function placeholderTarget(placeholder: string): string {
  const rest = placeholder.slice(ARTICLE_LINK_SCHEME.length);
  const hash = rest.indexOf("#");
  return hash === -1 ? rest : rest.slice(0, hash);
}
