import type { FieldPosition } from "../content/types.js";
import { diagnostic, type Diagnostic, diagnosticOf, type Finding } from "../errors/sync-error.js";
import type { FinSettings, NameList } from "../types.js";
import { checkDateTime, checkFin, checkNames, describeValue } from "./check-settings.js";
import { formatSuggestion } from "./suggest-name.js";

type FieldType = "text" | "state" | "author" | "hash" | "redirects" | "fin" | "names" | "datetime";

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
  redirect_from: { type: "redirects" },
  tags: { type: "names" },
  audiences: { type: "names" },
  fin: { type: "fin" },
  publish_at: { type: "datetime" },
  unpublish_at: { type: "datetime" },
};

/** Front matter of a translated article: no author (it is the source's), plus `source_hash`. */
export const TRANSLATED_ARTICLE_FIELDS: FrontMatterSpec = {
  title: { type: "text", required: true },
  description: { type: "text" },
  state: { type: "state" },
  source_hash: { type: "hash" },
  redirect_from: { type: "redirects" },
  audiences: { type: "names" },
  fin: { type: "fin" },
};

/** Settings of the whole article: only a source file may set them (a translation is told so). */
export const SOURCE_ONLY_FIELDS: readonly string[] = ["tags", "publish_at", "unpublish_at"];

/** Front matter of a `_collection.md`, source or translated. */
export const COLLECTION_FIELDS: FrontMatterSpec = {
  name: { type: "text", required: true },
  description: { type: "text" },
  redirect_from: { type: "redirects" },
};

const STATES = ["published", "draft"];

export interface FrontMatterValues {
  /** Valid values by key; a field that is absent or invalid is left out. */
  values: Record<string, string | number>;
  /** Valid list values by key (`redirect_from`), with the line of their key. */
  lists: Record<string, { items: string[]; line: number }>;
  /** Valid settings values (2.16: `fin`, `tags`, `audiences`, `publish_at`, `unpublish_at`). */
  settings: FrontMatterSettings;
  diagnostics: Diagnostic[];
}

export interface FrontMatterSettings {
  fin?: FinSettings;
  names: Record<string, NameList>;
  dates: Record<string, { at: string; seconds: number; line: number }>;
}

/** `/old/page`, an absolute http(s) URL, or the key of an article (`guides/old-page`). */
const REDIRECT_FORM = /^(\/\S*|https?:\/\/\S+|[\w.-]+(\/[\w.-]+)*)$/;

/** Checks a `redirect_from` list: text entries, each a path, an absolute URL or an article key. */
function checkRedirects(key: string, value: unknown): { list: string[] } | Finding<"frontmatter/invalid-type" | "frontmatter/invalid-redirect"> {
  const entries = typeof value === "string" ? [value] : value;
  if (!Array.isArray(entries) || entries.some((entry) => typeof entry !== "string")) {
    return { code: "frontmatter/invalid-type", details: { key, got: describeValue(value), expected: "redirects" } };
  }
  const list = (entries as string[]).map((entry) => entry.trim()).filter((entry) => entry !== "");
  const bad = list.find((entry) => !REDIRECT_FORM.test(entry));
  if (bad !== undefined) {
    return { code: "frontmatter/invalid-redirect", details: { key, entry: bad } };
  }
  return { list: list.map((entry) => entry.replace(/\.md$/, "")) };
}

/** Checks one value against its type; returns the value to keep, or a problem to report. */
function checkValue(key: string, type: Exclude<FieldType, "redirects" | "fin" | "names" | "datetime">, value: unknown): { value: string | number } | Finding<"frontmatter/invalid-type" | "frontmatter/invalid-value"> {
  switch (type) {
    case "text":
      // YAML turns `title: 404` into a number; the writer meant the text.
      if (typeof value === "number" && Number.isFinite(value)) return { value: String(value) };
      if (typeof value === "string") return { value: value.trim() };
      return { code: "frontmatter/invalid-type", details: { key, got: describeValue(value), expected: "text" } };
    case "state":
      if (typeof value === "string" && STATES.includes(value)) return { value };
      return {
        code: "frontmatter/invalid-value",
        details: { key, got: describeValue(value), suggestion: typeof value === "string" ? formatSuggestion(value, STATES) : undefined },
      };
    case "author":
      if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return { value };
      return {
        code: "frontmatter/invalid-type",
        details: { key, got: describeValue(value), expected: "author", quotedId: typeof value === "string" && /^\d+$/.test(value) },
      };
    case "hash":
      if (typeof value === "string" && value.trim() !== "") return { value: value.trim() };
      return { code: "frontmatter/invalid-type", details: { key, got: describeValue(value), expected: "hash" } };
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
  const lists: Record<string, { items: string[]; line: number }> = {};
  const settings: FrontMatterSettings = { names: {}, dates: {} };
  const known = Object.keys(spec);
  const locate = (key: string) => {
    const position = positions[key];
    return position ? { file, line: position.line, column: position.column } : { file, line: 1 };
  };

  for (const [key, value] of Object.entries(data)) {
    const field = spec[key];
    if (field === undefined) {
      if (SOURCE_ONLY_FIELDS.includes(key) && spec === TRANSLATED_ARTICLE_FIELDS) {
        diagnostics.push(diagnostic("settings/translation-only-source", { key }, locate(key)));
        continue;
      }
      diagnostics.push(diagnostic("frontmatter/unknown-key", { key, suggestion: formatSuggestion(key, known), known }, locate(key)));
      continue;
    }
    if (value === null || value === undefined) continue;
    if (field.type === "fin" || field.type === "names" || field.type === "datetime") {
      const line = locate(key).line;
      const found = field.type === "fin" ? checkFin(key, value) : field.type === "names" ? checkNames(key, value) : checkDateTime(key, value);
      if ("code" in found) diagnostics.push(diagnosticOf(found, locate(key)));
      else if ("fin" in found) settings.fin = found.fin;
      else if ("names" in found) settings.names[key] = { names: found.names, line };
      else settings.dates[key] = { ...found, line };
      continue;
    }
    const checked = field.type === "redirects" ? checkRedirects(key, value) : checkValue(key, field.type, value);
    if ("list" in checked) {
      lists[key] = { items: checked.list, line: locate(key).line };
      continue;
    }
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
  return { values, lists, settings, diagnostics };
}
