import { posix } from "node:path";
import matter from "gray-matter";
import MarkdownIt from "markdown-it";
import { parse as parseYaml } from "yaml";
import type { GeneratedFile, GeneratedTree } from "../../bench/types.js";

/** Front matter parsed the way the tool must: YAML only, the JavaScript engine refused. */
export function parseFrontMatter(text: string): { data: Record<string, unknown>; content: string } {
  const parsed = matter(text, {
    engines: {
      yaml: (input: string) => (parseYaml(input) ?? {}) as object,
      javascript: () => {
        throw new Error("JavaScript front matter is not allowed");
      },
    },
  });
  return { data: parsed.data, content: parsed.content };
}

export function textOf(file: GeneratedFile | undefined): string {
  if (file === undefined || typeof file.content !== "string") throw new Error("expected a text file");
  return file.content;
}

export function isArticlePath(path: string): boolean {
  return /^(content|locales\/[^/]+)\/.*\.md$/.test(path) && !path.endsWith("/_collection.md");
}

export function sourceArticles(tree: GeneratedTree): GeneratedFile[] {
  return tree.files.filter((file) => file.path.startsWith("content/") && isArticlePath(file.path));
}

export function translationArticles(tree: GeneratedTree, locale: string): GeneratedFile[] {
  return tree.files.filter((file) => file.path.startsWith(`locales/${locale}/`) && isArticlePath(file.path));
}

const md = new MarkdownIt({ linkify: true });

export interface Reference {
  kind: "link" | "image";
  /** As written after markdown-it's normalisation, percent-decoded. */
  target: string;
}

/** Every link and image target of a markdown body, read with a real CommonMark parser. */
export function extractReferences(markdown: string): Reference[] {
  const references: Reference[] = [];
  const visit = (tokens: ReturnType<typeof md.parse>): void => {
    for (const token of tokens) {
      if (token.type === "link_open") references.push({ kind: "link", target: decodeURI(String(token.attrGet("href") ?? "")) });
      if (token.type === "image") references.push({ kind: "image", target: decodeURI(String(token.attrGet("src") ?? "")) });
      if (token.children) visit(token.children);
    }
  };
  visit(md.parse(markdown, {}));
  return references;
}

export function isAbsoluteUrl(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

/**
 * Where a relative reference of `file` points, following the contract: against the file's own
 * folder first, then (for a translation) against its source file's folder. Null when neither exists.
 */
export function resolveReference(file: string, target: string, paths: ReadonlySet<string>): string | null {
  const [pathPart] = target.split("#");
  const candidates = [posix.join(posix.dirname(file), pathPart ?? "")];
  const translation = /^locales\/[^/]+\/(.*)$/.exec(file);
  if (translation?.[1] !== undefined) {
    candidates.push(posix.join(posix.dirname(`content/${translation[1]}`), pathPart ?? ""));
  }
  return candidates.find((candidate) => paths.has(candidate)) ?? null;
}

/** Anchor ids of the `##`/`###` headings of a markdown body, GitHub style. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const match of markdown.matchAll(/^#{2,3} (.+)$/gm)) {
    anchors.add((match[1] ?? "").toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, "").trim().replace(/\s/g, "-"));
  }
  return anchors;
}
