/**
 * The structure of an article body as a reader sees it, for comparing a body before and after a
 * pull and a push: block kinds, classes, colours and other styles, alignment, spans, link targets,
 * unsigned image URLs and text. What Intercom adds on its own and a reader never sees is left out:
 * `no-margin`, `intercom-content-link` and the default `intercom-align-left` classes, link
 * `target`/`rel`, empty `alt`, heading ids nothing links to, image signatures; `strong`/`b` and
 * `em`/`i` are the same thing, and whitespace is collapsed.
 */
import { Parser } from "htmlparser2";
import { unsignUrl } from "../../src/intercom/signed-urls.js";

export interface StructureElement {
  tag: string;
  attributes: Record<string, string>;
  children: StructureNode[];
}
export type StructureNode = StructureElement | string;

const SAME_TAG: Readonly<Record<string, string>> = { strong: "b", em: "i" };
const IGNORED_CLASSES: ReadonlySet<string> = new Set(["no-margin", "intercom-content-link", "intercom-align-left"]);
const IGNORED_ATTRIBUTES: ReadonlySet<string> = new Set(["target", "rel"]);
const VOID: ReadonlySet<string> = new Set(["br", "hr", "img"]);

function normaliseStyle(style: string): string {
  return style
    .split(";")
    .map((declaration) => declaration.trim().replace(/\s*:\s*/, ": ").replace(/\s+/g, " "))
    .filter((declaration) => declaration !== "")
    .map((declaration) => declaration.replace(/^[^:]+/, (name) => name.toLowerCase()))
    .join("; ");
}

function normaliseAttributes(tag: string, attributes: Record<string, string>, referencedIds: ReadonlySet<string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (IGNORED_ATTRIBUTES.has(name)) continue;
    if (name === "alt" && value === "") continue;
    if (name === "id" && !referencedIds.has(value)) continue;
    if (name === "class") {
      const classes = value.split(/\s+/).filter((entry) => entry !== "" && !IGNORED_CLASSES.has(entry)).sort();
      if (classes.length > 0) kept.class = classes.join(" ");
      continue;
    }
    if (name === "style") kept.style = normaliseStyle(value);
    else if (name === "src" && tag === "img") kept.src = unsignUrl(value);
    else kept[name] = value;
  }
  return kept;
}

/** Ids the body's own links point at (`href="#…"`). */
export function findLinkedIds(html: string): Set<string> {
  return new Set([...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]!));
}

/** The structure of `html`; heading ids count only when in `referencedIds`. */
export function describeStructure(html: string, referencedIds: ReadonlySet<string> = findLinkedIds(html)): StructureNode[] {
  const root: StructureElement = { tag: "#root", attributes: {}, children: [] };
  const stack: StructureElement[] = [root];
  const top = (): StructureElement => stack[stack.length - 1]!;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const tag = SAME_TAG[name] ?? name;
        const element: StructureElement = { tag, attributes: normaliseAttributes(tag, attributes, referencedIds), children: [] };
        top().children.push(element);
        if (!VOID.has(tag)) stack.push(element);
      },
      onclosetag(name) {
        if (VOID.has(SAME_TAG[name] ?? name)) return;
        if (stack.length > 1) stack.pop();
      },
      ontext(text) {
        const siblings = top().children;
        const last = siblings[siblings.length - 1];
        if (typeof last === "string") siblings[siblings.length - 1] = last + text;
        else siblings.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return tidy(root.children, false);
}

function tidy(nodes: StructureNode[], pre: boolean): StructureNode[] {
  const out: StructureNode[] = [];
  for (const node of nodes) {
    if (typeof node !== "string") {
      out.push({ ...node, children: tidy(node.children, pre || node.tag === "pre") });
      continue;
    }
    const text = pre ? node.replace(/\n+$/, "") : node.replace(/\s+/g, " ").trim();
    if (text !== "") out.push(text);
  }
  return out;
}

/** Every tag (with its Intercom classes) that occurs, counted: the block kinds of a body. */
export function countBlockKinds(nodes: readonly StructureNode[], counts: Map<string, number> = new Map()): Map<string, number> {
  for (const node of nodes) {
    if (typeof node === "string") continue;
    const intercomClasses = (node.attributes.class ?? "").split(" ").filter((name) => name.startsWith("intercom-"));
    const kind = [node.tag, ...intercomClasses].join(".");
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    countBlockKinds(node.children, counts);
  }
  return counts;
}
