import type { FieldPosition } from "../content/types.js";
import { diagnostic, type Diagnostic, diagnosticOf, type Finding } from "../errors/sync-error.js";
import { formatSuggestion } from "./suggest-name.js";

type FieldType = "text" | "state" | "author" | "hash";

interface FieldSpec {
  type: FieldType;
  required?: boolean;
}

export type FrontMatterSpec = Readonly<Record<string, FieldSpec>>;

/** Front matter of a source article (PRODUCT.md). */
export const SOURCE_ARTICLE_FIELDS: FrontMatterSpec = {
  title: { type: "text", required: true },
  description: { type: "text" },
  state: { type: "state" },
  author_id: { type: "author" },
};

/** Front matter of a translated article: no author (it is the source's), plus `source_hash`. */
export const TRANSLATED_ARTICLE_FIELDS: FrontMatterSpec = {
  title: { type: "text", required: true },
  description: { type: "text" },
  state: { type: "state" },
  source_hash: { type: "hash" },
};

/** Front matter of a `_collection.md`, source or translated. */
export const COLLECTION_FIELDS: FrontMatterSpec = {
  name: { type: "text", required: true },
  description: { type: "text" },
};

const STATES = ["published", "draft"];

export interface FrontMatterValues {
  /** Valid values by key; a field that is absent or invalid is left out. */
  values: Record<string, string | number>;
  diagnostics: Diagnostic[];
}

function describe(value: unknown): string {
  if (value === null) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a nested mapping";
  if (typeof value === "string") return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

/** Checks one value against its type; returns the value to keep, or a problem to report. */
function checkValue(key: string, type: FieldType, value: unknown): { value: string | number } | Finding<"frontmatter/invalid-type" | "frontmatter/invalid-value"> {
  switch (type) {
    case "text":
      // YAML turns `title: 404` into a number; the writer meant the text.
      if (typeof value === "number" && Number.isFinite(value)) return { value: String(value) };
      if (typeof value === "string") return { value: value.trim() };
      return { code: "frontmatter/invalid-type", details: { key, got: describe(value), expected: "text" } };
    case "state":
      if (typeof value === "string" && STATES.includes(value)) return { value };
      return {
        code: "frontmatter/invalid-value",
        details: { key, got: describe(value), suggestion: typeof value === "string" ? formatSuggestion(value, STATES) : undefined },
      };
    case "author":
      if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return { value };
      return {
        code: "frontmatter/invalid-type",
        details: { key, got: describe(value), expected: "author", quotedId: typeof value === "string" && /^\d+$/.test(value) },
      };
    case "hash":
      if (typeof value === "string" && value.trim() !== "") return { value: value.trim() };
      return { code: "frontmatter/invalid-type", details: { key, got: describe(value), expected: "hash" } };
  }
}

/**
 * Validates front matter against a spec. Unknown keys are warnings with a "did you mean"; missing
 * required fields and wrong types are errors, located at the key's line when known. An empty value
 * (`description:`) counts as absent. Pure.
 */
export function validateFrontMatter(
  data: Record<string, unknown>,
  positions: Readonly<Record<string, FieldPosition>>,
  spec: FrontMatterSpec,
  file: string,
): FrontMatterValues {
  const diagnostics: Diagnostic[] = [];
  const values: Record<string, string | number> = {};
  const known = Object.keys(spec);
  const locate = (key: string) => {
    const position = positions[key];
    return position ? { file, line: position.line, column: position.column } : { file, line: 1 };
  };

  for (const [key, value] of Object.entries(data)) {
    const field = spec[key];
    if (field === undefined) {
      diagnostics.push(diagnostic("frontmatter/unknown-key", { key, suggestion: formatSuggestion(key, known), known }, locate(key)));
      continue;
    }
    if (value === null || value === undefined) continue;
    const checked = checkValue(key, field.type, value);
    if ("value" in checked) {
      values[key] = checked.value;
    } else {
      diagnostics.push(diagnosticOf(checked, locate(key)));
    }
  }

  for (const [key, field] of Object.entries(spec)) {
    if (!field.required || key in values) continue;
    const present = key in data && data[key] !== null && data[key] !== undefined;
    if (present) continue; // wrong type, already reported
    diagnostics.push(diagnostic("frontmatter/missing-field", { key, empty: false }, locate(key)));
  }
  // An empty required text (`title: ""`) is as good as missing.
  for (const [key, field] of Object.entries(spec)) {
    if (field.required && values[key] === "") {
      delete values[key];
      diagnostics.push(diagnostic("frontmatter/missing-field", { key, empty: true }, locate(key)));
    }
  }
  return { values, diagnostics };
}
