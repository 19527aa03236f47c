import { isMap, isScalar, LineCounter, parseDocument, type ScalarTag, type Tags } from "yaml";
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import type { FieldPosition } from "./types.js";

/**
 * Aliases allowed while expanding front matter. Real front matter needs none; a handful keeps
 * honest anchors working while a "billion laughs" document fails at once instead of eating memory.
 */
export const MAX_YAML_ALIASES = 20;

const INT_TAG = "tag:yaml.org,2002:int";
const FLOAT_TAG = "tag:yaml.org,2002:float";
// YAML 1.2 reads `0123` as 123; front matter values like ZIP codes and ids must keep their zeros,
// so a number with a leading zero stays a string.
const DECIMAL_INT = /^[-+]?(?:0|[1-9][0-9]*)$/;
const DECIMAL_FLOAT = /^[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)\.[0-9]*)$/;

function keepLeadingZeros(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== "object" || !("test" in tag) || tag.format !== undefined) return tag;
    const scalar = tag as ScalarTag;
    if (scalar.tag === INT_TAG) return { ...scalar, test: DECIMAL_INT };
    // The plain decimal float (the other float tags handle `.inf`/`.nan` and exponents).
    if (scalar.tag === FLOAT_TAG && scalar.test?.test("1.5")) return { ...scalar, test: DECIMAL_FLOAT };
    return tag;
  });
}

export interface FrontMatterYaml {
  data: unknown;
  positions: Record<string, FieldPosition>;
  diagnostics: Diagnostic[];
}

function firstLine(message: string): string {
  const line = message.split("\n", 1)[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "").trim();
}

/**
 * Parses a front-matter block with the YAML 1.2 core schema and nothing else: no custom tags
 * (`!!js/function` is an error), dates stay strings, duplicate keys are errors, and alias expansion
 * is bounded. `lineOffset` is added to YAML's line numbers so locations point into the file.
 */
export function parseFrontMatterYaml(source: string, file: string, lineOffset: number): FrontMatterYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, {
    schema: "core",
    customTags: keepLeadingZeros,
    uniqueKeys: true,
    prettyErrors: true,
    lineCounter,
  });
  const diagnostics: Diagnostic[] = [];
  for (const problem of [...document.errors, ...document.warnings]) {
    const position = problem.linePos?.[0];
    const isTag = problem.code === "TAG_RESOLVE_FAILED";
    const location = position ? { file, line: position.line + lineOffset, column: position.col } : { file, line: 1 + lineOffset };
    diagnostics.push(diagnostic(isTag ? "frontmatter/yaml-tag" : "frontmatter/yaml-syntax", { reason: firstLine(problem.message) }, location));
  }
  if (diagnostics.length > 0) return { data: null, positions: {}, diagnostics };

  const positions: Record<string, FieldPosition> = {};
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        const { line, col } = lineCounter.linePos(pair.key.range[0]);
        positions[String(pair.key.value)] = { line: line + lineOffset, column: col };
      }
    }
  }
  try {
    return { data: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }), positions, diagnostics };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      data: null,
      positions: {},
      diagnostics: [
        diagnostic("frontmatter/yaml-aliases", { reason, limit: MAX_YAML_ALIASES }, { file, line: 1 }),
      ],
    };
  }
}
