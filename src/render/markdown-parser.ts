import MarkdownIt, { type Token } from "markdown-it";
import { installFastParserState } from "./fast-parser-state.js";

/** Longest `www.` autolink looked at; a longer run of non-space text is not a link anyway. */
const MAX_AUTOLINK_LENGTH = 2048;
const WWW_REST = /^[a-z\d-]+(?:\.[a-z\d-]+)+(?:[/?#][^\s<>]*)?/i;
const TRAILING_PUNCTUATION = /[.,:;!?'")\]*_~]+$/;

/**
 * The one markdown-it instance: CommonMark + GFM tables and strikethrough, linkify, raw HTML on
 * (the renderer sanitizes it). Built once per process; rendering 50,000 bodies reuses it.
 */
export const markdownParser = new MarkdownIt("default", { html: true, linkify: true, typographer: false });

// Every URL is vetted by resolveReference, which also reports what it removes; markdown-it's own
// check would turn a `javascript:` link into silent literal text instead.
markdownParser.validateLink = () => true;

// markdown-it parses every link and image URL into its parts (mdurl) to percent-encode and
// punycode them. A URL of only characters that need neither, so with no scheme (no ":"), comes
// back unchanged: the relative `.md` and image paths most links are skip the parse.
const PLAIN_URL = /^[\w.~/#?&=+-]*$/;
const normalizeLink = markdownParser.normalizeLink.bind(markdownParser);
markdownParser.normalizeLink = (url) => (PLAIN_URL.test(url) ? url : normalizeLink(url));

// GFM autolinks URLs with a scheme, bare `www.` addresses and e-mail addresses. linkify-it's
// fuzzy mode would find `www.` too, but it also links names like `main.py` and costs over half of
// the render time; a `www.` schema does the GFM part cheaply.
markdownParser.linkify.set({ fuzzyLink: false, fuzzyEmail: true, fuzzyIP: false });
markdownParser.linkify.add("www.", {
  validate(text, position) {
    const match = WWW_REST.exec(text.slice(position, position + MAX_AUTOLINK_LENGTH));
    return match === null ? 0 : match[0].replace(TRAILING_PUNCTUATION, "").length;
  },
  normalize(match) {
    match.url = `http://${match.url}`;
  },
});

// A soft line break is only whitespace to a browser. Writing it as a space keeps the HTML stable
// when `pull` rewraps paragraphs, so markdown -> HTML -> markdown -> HTML gives the same bytes.
markdownParser.renderer.rules.softbreak = () => " ";

installFastParserState(markdownParser);

/** The parse env key set when markdown-it's nesting limit cut a body short (0-based line). */
export const NESTING_CUT_AT = "intercomSyncNestingCutAt";

// Past `maxNesting` (100) markdown-it silently drops the rest of a block: note where, so the
// renderer reports an error instead of sending a body with text missing.
const tokenizeBlocks = markdownParser.block.tokenize.bind(markdownParser.block);
markdownParser.block.tokenize = (state, startLine, endLine) => {
  if (state.level >= markdownParser.options.maxNesting && startLine < endLine) {
    const env = state.env as Record<string, unknown>;
    const previous = env[NESTING_CUT_AT];
    if (typeof previous !== "number" || startLine < previous) env[NESTING_CUT_AT] = startLine;
  }
  tokenizeBlocks(state, startLine, endLine);
};

const TokenClass = new markdownParser.core.State("", markdownParser, {}).Token;

/** A new markdown-it token (for blocks the renderer writes itself, such as video iframes). */
export function createToken(type: string, tag: string, nesting: -1 | 0 | 1): Token {
  return new TokenClass(type, tag, nesting);
}

/** A block token whose content is written verbatim (already safe HTML). */
export function createHtmlBlock(content: string, level: number): Token {
  const token = createToken("html_block", "", 0);
  token.content = content;
  token.level = level;
  token.block = true;
  return token;
}

/** An inline token whose content is written verbatim (already safe HTML). */
export function createHtmlInline(content: string): Token {
  const token = createToken("html_inline", "", 0);
  token.content = content;
  return token;
}
