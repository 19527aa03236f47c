import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, BLOCK_CONTAINER_CLASSES } from "../intercom/html-allowlist.js";
import { sanitizeCalloutStyle } from "./callouts.js";
import type { RenderDiagnostics } from "./diagnostics.js";
import { escapeHtml } from "./escape.js";
import { formatAttributes, formatImageAttributes } from "./format-attributes.js";
import { tokenizeHtml, type HtmlEvent } from "./html-events.js";
import { listDroppedProperties, sanitizeInlineStyle } from "./inline-style.js";
import type { ReferenceKind } from "./resolve-reference.js";
import { isVideoEmbedSrc } from "./video.js";

/** Rewrites a raw `href`/`src` like a markdown link or image; undefined means "remove it". */
export type RewriteUrl = (kind: ReferenceKind, value: string, bodyLine: number) => string | undefined;

/** Elements removed together with everything inside them. */
const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  "script", "style", "noscript", "template", "textarea", "select", "object", "embed", "svg", "math",
]);
/** HTML void elements: they never get a close tag, so they never go on the stack. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
]);
const TABLE_PARTS: ReadonlySet<string> = new Set(["thead", "tbody", "tfoot", "tr", "th", "td"]);
const DEEP_HEADINGS: ReadonlySet<string> = new Set(["h3", "h4", "h5", "h6"]);
const LIST_TAGS: ReadonlySet<string> = new Set(["ul", "ol"]);

interface OpenElement {
  /** Tag name as written. */
  name: string;
  /** Tag name written to the output, or undefined when the element was unwrapped. */
  emitted: string | undefined;
  scope: string;
  level: number;
  unwrapsTable: boolean;
}

/**
 * Sanitizes the raw HTML pieces of one document, tag by tag, keeping a stack of the elements it
 * opened so that every close tag it writes matches one of its open tags. Tags Intercom accepts
 * pass with their allowed attributes; others are unwrapped (text kept, warning); script, style,
 * non-video iframes, `on*` attributes and unsafe URLs are removed (warning). A piece belongs to a
 * scope (one inline run, or one block level) and only closes elements opened in its own scope.
 */
export class RawHtmlSanitizer {
  private readonly stack: OpenElement[] = [];
  private suppressed: { name: string; depth: number; scope: string } | undefined;
  private unwrappedTables = 0;
  private line = 0;
  /** True once a raw list was written: the document then needs an empty-list sweep. */
  wroteList = false;
  /** True once a raw `<h1>` was written: markdown headings then rank below it (see headings.ts). */
  wroteH1 = false;

  constructor(
    private readonly diagnostics: RenderDiagnostics,
    private readonly rewriteUrl: RewriteUrl,
  ) {}

  /** How many written elements are open; a piece that leaves it unchanged is balanced. */
  get openCount(): number {
    let count = 0;
    for (const entry of this.stack) if (entry.emitted !== undefined) count++;
    return count;
  }

  /** Whether text outside HTML tokens must be dropped (inside `<script>` or a removed iframe). */
  get suppressing(): boolean {
    return this.suppressed !== undefined;
  }

  /** Sanitizes one html_block / html_inline piece that starts at a 0-based body line. */
  sanitize(snippet: string, bodyLine: number, scope: string, level: number, markdownTables: number): string {
    let out = "";
    let offset = 0;
    this.line = bodyLine;
    for (const event of tokenizeHtml(snippet)) {
      this.line += countNewlines(snippet, offset, event.start);
      offset = event.start;
      out += this.handle(event, scope, level, markdownTables);
    }
    return out;
  }

  /** Closes what a scope left open (an inline run ends with its paragraph). */
  closeScope(scope: string): string {
    if (this.suppressed?.scope === scope) this.suppressed = undefined;
    let out = "";
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.scope === scope) out += this.pop();
    return out;
  }

  /** Closes block-scope elements opened deeper than `level` (their container is closing). */
  closeDeeperThan(level: number): string {
    let out = "";
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level > level) out += this.pop();
    return out;
  }

  /** Closes everything still open at the end of the document. */
  closeAll(): string {
    this.suppressed = undefined;
    let out = "";
    while (this.stack.length > 0) out += this.pop();
    return out;
  }

  private handle(event: HtmlEvent, scope: string, level: number, markdownTables: number): string {
    if (this.suppressed !== undefined) {
      if (event.type === "open" && event.name === this.suppressed.name) this.suppressed.depth++;
      if (event.type === "close" && event.name === this.suppressed.name && --this.suppressed.depth === 0) {
        this.suppressed = undefined;
      }
      return "";
    }
    if (event.type === "text") return escapeHtml(event.text);
    if (event.type === "close") return this.close(event.name, scope);
    return this.open(event.name, event.attributes, scope, level, markdownTables);
  }

  private open(name: string, attributes: [string, string][], scope: string, level: number, markdownTables: number): string {
    if (DROPPED_WITH_CONTENT.has(name) || name === "iframe") return this.openDropped(name, attributes, scope, level);
    const allowed = ALLOWED_TAGS.has(name);
    if (!allowed) this.reportUnsupported(name);
    let emitted = allowed ? this.chooseEmittedTag(name, attributes, markdownTables) : undefined;
    let attributeText = "";
    if (emitted !== undefined) {
      const filtered = this.filterAttributes(name, emitted, attributes);
      if (filtered === undefined) emitted = undefined;
      else attributeText = filtered;
    }
    if (VOID_ELEMENTS.has(name)) return emitted === undefined ? "" : `<${emitted}${attributeText}>`;
    const unwrapsTable = name === "table" && emitted === undefined && allowed;
    if (unwrapsTable) this.unwrappedTables++;
    if (emitted !== undefined && LIST_TAGS.has(emitted)) this.wroteList = true;
    if (emitted === "h1") this.wroteH1 = true;
    this.stack.push({ name, emitted, scope, level, unwrapsTable });
    if (emitted === undefined) return TABLE_PARTS.has(name) && (name === "td" || name === "th") ? " " : "";
    return `<${emitted}${attributeText}>`;
  }

  private openDropped(name: string, attributes: [string, string][], scope: string, level: number): string {
    if (name === "iframe") {
      const src = attributes.find(([key]) => key === "src")?.[1] ?? "";
      if (isVideoEmbedSrc(src)) {
        // Allowlist order, so the iframe `htmlToMarkdown` writes back renders to the same bytes.
        const order = ALLOWED_ATTRIBUTES.iframe!;
        const kept = attributes.filter(([key]) => order.includes(key)).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
        this.stack.push({ name, emitted: "iframe", scope, level, unwrapsTable: false });
        return `<iframe${formatAttributes(kept)}>`;
      }
      this.diagnostics.add("render/unsafe-html", this.line, { removed: "iframe", src });
    } else {
      this.diagnostics.add("render/unsafe-html", this.line, { removed: "element", name });
    }
    if (!VOID_ELEMENTS.has(name)) this.suppressed = { name, depth: 1, scope };
    return "";
  }

  /** The tag to write for an allowed tag, or undefined to unwrap it (keeping its content). */
  private chooseEmittedTag(name: string, attributes: [string, string][], markdownTables: number): string | undefined {
    if (DEEP_HEADINGS.has(name)) return "h2"; // Intercom flattens h3-h6 to h2 anyway; say so up front.
    if (name === "div") {
      // Intercom uses <div> only for its own blocks (callouts, image, table and video containers);
      // layout wrappers mean nothing there.
      const classes = (attributes.find(([key]) => key === "class")?.[1] ?? "").split(/\s+/);
      return classes.some((name) => BLOCK_CONTAINER_CLASSES.includes(name)) ? "div" : undefined;
    }
    const rawTables = this.stack.filter((entry) => entry.emitted === "table").length;
    if (name === "table" && markdownTables + rawTables + this.unwrappedTables > 0) {
      this.diagnostics.add("render/nested-table", this.line, {});
      return undefined;
    }
    if (TABLE_PARTS.has(name)) return rawTables > 0 && this.unwrappedTables === 0 ? name : undefined;
    if (name === "li") return this.stack.some((entry) => entry.emitted !== undefined && LIST_TAGS.has(entry.emitted)) ? name : undefined;
    return name;
  }

  private filterAttributes(name: string, emitted: string, attributes: [string, string][]): string | undefined {
    const allowed = ALLOWED_ATTRIBUTES[emitted] ?? [];
    const kept: [string, string][] = [];
    for (const [key, value] of attributes) {
      if (key.startsWith("on")) {
        this.diagnostics.add("render/unsafe-html", this.line, { removed: "attribute", name, attribute: key });
        continue;
      }
      if (!allowed.includes(key)) continue;
      if (key === "href" || key === "src") {
        const rewritten = this.rewriteUrl(key === "src" ? "image" : "link", value, this.line);
        if (rewritten === undefined) return undefined;
        kept.push([key, rewritten]);
        continue;
      }
      if (key === "style") {
        // A callout keeps its two colours; tables, cells and images the styles Intercom's editor writes.
        const style = emitted === "div" ? sanitizeCalloutStyle(value) : sanitizeInlineStyle(value);
        if (style !== "") kept.push([key, style]);
        for (const property of listDroppedProperties(value, style)) this.reportDroppedStyle(name, property);
        continue;
      }
      kept.push([key, value]);
    }
    if (emitted === "img") return formatImageAttributes(kept);
    return formatAttributes(kept);
  }

  private reportDroppedStyle(tag: string, property: string): void {
    this.diagnostics.tally("render/unsupported-style", property, this.line, tag);
  }

  private reportUnsupported(name: string): void {
    this.diagnostics.tally("render/unsupported-html", name, this.line);
  }

  private close(name: string, scope: string): string {
    if (VOID_ELEMENTS.has(name)) return "";
    for (let index = this.stack.length - 1; index >= 0; index--) {
      const entry = this.stack[index]!;
      if (entry.scope !== scope) return ""; // never close across markdown containers
      if (entry.name !== name) continue;
      let out = "";
      while (this.stack.length > index) out += this.pop();
      return out;
    }
    return ""; // a stray close tag: nothing of ours to close
  }

  private pop(): string {
    const entry = this.stack.pop();
    if (entry === undefined) return "";
    if (entry.unwrapsTable) this.unwrappedTables--;
    return entry.emitted === undefined ? "" : `</${entry.emitted}>`;
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf("\n", from); index !== -1 && index < to; index = text.indexOf("\n", index + 1)) count++;
  return count;
}
