/**
 * A minimal HTML tree: htmlparser2 tokenises (it knows implied end tags and void elements), this
 * module keeps elements and text only and serialises them back. Comments are dropped.
 */
import { Parser } from "htmlparser2";

export interface HtmlElement {
  kind: "element";
  name: string;
  /** Attribute names in source order, lower-cased. */
  attributes: [string, string][];
  children: HtmlNode[];
}

export interface HtmlText {
  kind: "text";
  /** Decoded text (entities resolved). */
  text: string;
}

export type HtmlNode = HtmlElement | HtmlText;

const VOID_ELEMENTS: ReadonlySet<string> = new Set(["br", "hr", "img", "input", "meta", "link", "source", "wbr", "col"]);

/** Parses an HTML fragment into top-level nodes. */
export function parseHtmlFragment(html: string): HtmlNode[] {
  const root: HtmlElement = { kind: "element", name: "#root", attributes: [], children: [] };
  const stack: HtmlElement[] = [root];
  const current = (): HtmlElement => stack[stack.length - 1] ?? root;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: HtmlElement = { kind: "element", name, attributes: Object.entries(attributes), children: [] };
        current().children.push(element);
        stack.push(element);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
      ontext(text) {
        const siblings = current().children;
        const last = siblings[siblings.length - 1];
        // The tokenizer may split one run of text in several callbacks.
        if (last?.kind === "text") last.text += text;
        else siblings.push({ kind: "text", text });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return root.children;
}

/** Serialises nodes back to HTML, escaping text and attribute values. */
export function serializeHtml(nodes: readonly HtmlNode[]): string {
  return nodes.map(serializeNode).join("");
}

function serializeNode(node: HtmlNode): string {
  if (node.kind === "text") return escapeText(node.text);
  const attributes = node.attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join("");
  if (VOID_ELEMENTS.has(node.name)) return `<${node.name}${attributes}>`;
  return `<${node.name}${attributes}>${serializeHtml(node.children)}</${node.name}>`;
}

/** The text content of a node, for heading ids and search. */
export function textOf(nodes: readonly HtmlNode[]): string {
  return nodes.map((node) => (node.kind === "text" ? node.text : textOf(node.children))).join("");
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

/** Value of an attribute, or undefined. */
export function getAttribute(element: HtmlElement, name: string): string | undefined {
  return element.attributes.find(([key]) => key === name)?.[1];
}

/** Sets (or replaces) an attribute, keeping its position when it already exists. */
export function setAttribute(element: HtmlElement, name: string, value: string): void {
  const existing = element.attributes.find(([key]) => key === name);
  if (existing) existing[1] = value;
  else element.attributes.push([name, value]);
}
