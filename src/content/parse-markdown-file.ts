import matter from "gray-matter";
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import { parseFrontMatterYaml } from "./parse-front-matter-yaml.js";
import type { FieldPosition } from "./types.js";

export interface ParsedMarkdown {
  /** The front matter as a plain object; null when it could not be read (see diagnostics). */
  data: Record<string, unknown> | null;
  /** The markdown after the front matter. */
  body: string;
  /** 1-based line of the file where `body` starts. */
  bodyStartLine: number;
  /** Where each top-level front-matter key was written, for precise diagnostics. */
  positions: Record<string, FieldPosition>;
  diagnostics: Diagnostic[];
}

const DELIMITER = "---";

/** Thrown by the stand-in JavaScript engine, so the caller can tell it from a YAML failure. */
class ScriptFrontMatterError extends Error {}

function refuseScript(): never {
  throw new ScriptFrontMatterError("JavaScript front matter is disabled");
}

function countLines(text: string, end: number): number {
  let lines = 1;
  for (let index = text.indexOf("\n"); index !== -1 && index < end; index = text.indexOf("\n", index + 1)) lines += 1;
  return lines;
}

function failure(text: string, problem: Diagnostic): ParsedMarkdown {
  return { data: null, body: text, bodyStartLine: 1, positions: {}, diagnostics: [problem] };
}

/**
 * Splits one markdown file into front matter and body, and parses the front matter as data.
 * Pure: string in, result out. The JavaScript engines are replaced so `---js` front matter is
 * reported, never run; YAML goes through a safe parser (see parseFrontMatterYaml). Every problem is
 * a diagnostic at `file:line:column`, 1-based in the file.
 */
export function parseMarkdownFile(text: string, file: string): ParsedMarkdown {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const hasFrontMatter = source.startsWith(DELIMITER) && source[DELIMITER.length] !== "-";
  if (!hasFrontMatter) {
    return { data: {}, body: source, bodyStartLine: 1, positions: {}, diagnostics: [] };
  }
  if (source.indexOf(`\n${DELIMITER}`, DELIMITER.length) === -1) {
    return failure(source, diagnostic("frontmatter/unclosed", {}, { file, line: 1, column: 1 }));
  }

  let yaml: ReturnType<typeof parseFrontMatterYaml> = { data: {}, positions: {}, diagnostics: [] };
  // gray-matter hands the engine the block starting with the newline that ends the `---` line, so
  // YAML's line numbers already match the file's: no offset to add.
  const yamlEngine = (block: string): object => {
    yaml = parseFrontMatterYaml(block, file, 0);
    return {};
  };
  let content: string;
  try {
    // Passing options (the engines) also keeps gray-matter from caching results per input string.
    content = matter(source, {
      engines: { yaml: yamlEngine, json: yamlEngine, javascript: refuseScript },
    }).content;
  } catch (error) {
    const isScript = error instanceof ScriptFrontMatterError;
    const language = source.slice(DELIMITER.length, source.indexOf("\n")).trim();
    const location = { file, line: 1, column: 1 };
    return failure(source, isScript ? diagnostic("frontmatter/javascript", {}, location) : diagnostic("frontmatter/language", { language }, location));
  }

  const bodyStartLine = countLines(source, source.length - content.length);
  const { data, positions, diagnostics } = yaml;
  if (diagnostics.length > 0) return { data: null, body: content, bodyStartLine, positions, diagnostics };
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    diagnostics.push(diagnostic("frontmatter/not-a-mapping", {}, { file, line: 2, column: 1 }));
    return { data: null, body: content, bodyStartLine, positions, diagnostics };
  }
  return { data: data as Record<string, unknown>, body: content, bodyStartLine, positions, diagnostics };
}
