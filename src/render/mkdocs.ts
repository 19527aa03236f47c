import { ALERT_MARKERS, type CalloutKind } from "./callouts.js";

/** A piece of MkDocs syntax found in a body, at a 0-based body line. */
export interface MkDocsFinding {
  code: "render/mkdocs-admonition" | "render/mkdocs-tab" | "render/mkdocs-include";
  subject: string;
  line: number;
}

export interface MkDocsRewrite {
  markdown: string;
  findings: MkDocsFinding[];
  /** Callout titles (`/// tip | Title`) by the 0-based line of the blockquote they head. */
  titles: Map<number, string>;
}

const BLOCK_OPEN = /^(\/{3,})[ \t]*([A-Za-z][\w-]*)(?:[ \t]*\|[ \t]*(.*?))?[ \t]*$/;
const BLOCK_CLOSE = /^(\/{3,})[ \t]*$/;
const INCLUDE = /^[ \t]*\{\*[ \t]*(.+?)[ \t]*\*\}[ \t]*$/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/** MkDocs admonition types mapped onto the GitHub alert they mean; others become a plain quote. */
const ADMONITION_KINDS: Readonly<Record<string, Exclude<CalloutKind, "quote">>> = {
  note: "note", info: "note", abstract: "note", summary: "note", todo: "note", question: "note",
  tip: "tip", hint: "tip", check: "tip", success: "tip",
  important: "important",
  warning: "warning", attention: "warning",
  danger: "caution", caution: "caution", error: "caution", bug: "caution", failure: "caution",
};

interface OpenBlock {
  slashes: number;
  quoted: boolean;
}

/**
 * Rewrites MkDocs blocks (`/// tip` ... `///`, `//// tab | X` ... `////`) into markdown this
 * renderer understands, line for line so that line numbers stay true: an admonition becomes a
 * GitHub alert blockquote (its title kept as a bold first line), a tab becomes its bold title
 * followed by its content. `{* file *}` includes are left as text (they cannot be expanded
 * without the file system) and reported. Fenced code is left alone.
 */
export function rewriteMkDocsBlocks(markdown: string): MkDocsRewrite {
  const findings: MkDocsFinding[] = [];
  const titles = new Map<number, string>();
  if (!markdown.includes("///") && !markdown.includes("{*")) return { markdown, findings, titles };
  const lines = markdown.split("\n");
  const open: OpenBlock[] = [];
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const depth = countQuoted(open);
    if (fence !== undefined) {
      if (line.trimStart().startsWith(fence) && line.trim().replace(/[`~]/g, "") === "") fence = undefined;
      lines[index] = quote(line, depth);
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch !== null) {
      fence = fenceMatch[1]!;
      lines[index] = quote(line, depth);
      continue;
    }
    const close = BLOCK_CLOSE.exec(line);
    if (close !== null && open.some((block) => block.slashes === close[1]!.length)) {
      while (open.pop()?.slashes !== close[1]!.length) {
        // Pop inner blocks left open by the writer together with the one this line closes.
      }
      lines[index] = quote("", countQuoted(open));
      continue;
    }
    const start = BLOCK_OPEN.exec(line);
    if (start !== null) {
      lines[index] = openBlock(start, index, depth, open, findings, titles);
      continue;
    }
    const include = INCLUDE.exec(line);
    if (include !== null) findings.push({ code: "render/mkdocs-include", subject: "include", line: index });
    lines[index] = quote(line, depth);
  }
  return { markdown: lines.join("\n"), findings, titles };
}

function openBlock(
  start: RegExpExecArray,
  index: number,
  depth: number,
  open: OpenBlock[],
  findings: MkDocsFinding[],
  titles: Map<number, string>,
): string {
  const slashes = start[1]!.length;
  const type = start[2]!.toLowerCase();
  const title = start[3]?.trim() ?? "";
  if (type === "tab") {
    findings.push({ code: "render/mkdocs-tab", subject: "tab", line: index });
    open.push({ slashes, quoted: false });
    return quote(title === "" ? "" : `**${title}**`, depth);
  }
  findings.push({ code: "render/mkdocs-admonition", subject: type, line: index });
  open.push({ slashes, quoted: true });
  const alert = ADMONITION_KINDS[type];
  if (alert === undefined) return quote(`> **${title === "" ? capitalize(type) : title}**`, depth);
  if (title !== "") titles.set(index, title);
  return quote(`> [!${ALERT_MARKERS[alert]}]`, depth);
}

function countQuoted(open: readonly OpenBlock[]): number {
  let count = 0;
  for (const block of open) if (block.quoted) count++;
  return count;
}

function quote(line: string, depth: number): string {
  if (depth === 0) return line;
  const prefix = "> ".repeat(depth);
  return line === "" ? prefix.trimEnd() : prefix + line;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
