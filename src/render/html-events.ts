import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";

/** One event of an HTML snippet, with entities decoded; `start` is its offset in the snippet. */
export type HtmlEvent =
  | { type: "open"; name: string; attributes: [string, string][]; start: number }
  | { type: "close"; name: string; start: number }
  | { type: "text"; text: string; start: number };

/**
 * Splits an HTML snippet into open tags, close tags and text, without building a tree or
 * balancing anything: markdown cuts raw HTML into pieces (`<div>` in one block, `</div>` in a
 * later one), so balancing is the caller's job, across pieces. Comments, doctypes and
 * processing instructions are dropped.
 */
export function tokenizeHtml(snippet: string): HtmlEvent[] {
  const events: HtmlEvent[] = [];
  let tagName = "";
  let tagStart = 0;
  let attributes: [string, string][] = [];
  let attributeName = "";
  let attributeValue = "";
  let text = "";
  let textStart = -1;

  const flushText = (): void => {
    if (text !== "") events.push({ type: "text", text, start: textStart });
    text = "";
    textStart = -1;
  };
  const appendText = (value: string, start: number): void => {
    if (textStart === -1) textStart = start;
    text += value;
  };
  const emitOpen = (): void => {
    events.push({ type: "open", name: tagName, attributes, start: tagStart });
    tagName = "";
    attributes = [];
  };

  const callbacks: TokenizerCallbacks = {
    ontext(start, end) {
      appendText(snippet.slice(start, end), start);
    },
    ontextentity(codepoint, end) {
      appendText(String.fromCodePoint(codepoint), end);
    },
    onopentagname(start, end) {
      flushText();
      tagName = snippet.slice(start, end).toLowerCase();
      tagStart = Math.max(0, start - 1);
      attributes = [];
    },
    onattribname(start, end) {
      attributeName = snippet.slice(start, end).toLowerCase();
      attributeValue = "";
    },
    onattribdata(start, end) {
      attributeValue += snippet.slice(start, end);
    },
    onattribentity(codepoint) {
      attributeValue += String.fromCodePoint(codepoint);
    },
    onattribend() {
      if (!attributes.some(([name]) => name === attributeName)) attributes.push([attributeName, attributeValue]);
    },
    onopentagend() {
      emitOpen();
    },
    onselfclosingtag() {
      emitOpen();
    },
    onclosetag(start, end) {
      flushText();
      events.push({ type: "close", name: snippet.slice(start, end).toLowerCase(), start: Math.max(0, start - 2) });
    },
    oncomment() {
      flushText();
    },
    oncdata() {
      flushText();
    },
    ondeclaration() {
      flushText();
    },
    onprocessinginstruction() {
      flushText();
    },
    onend() {
      flushText();
    },
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(snippet);
  tokenizer.end();
  return events;
}
