import type * as z from "zod";
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import { formatSuggestion } from "../model/suggest-name.js";
import { CONFIG_KEYS, type HintParams } from "./config-schema.js";

/** The config field a zod path points at, as a user would write it: `locales[2]`. */
function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text === "" ? String(part) : `.${String(part)}`;
  }
  return text === "" ? "the config" : `"${text}"`;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

function issueToDiagnostic(file: string, message: string, hint?: string): Diagnostic {
  return diagnostic("config/invalid", { problem: "field", text: message, hint }, { file });
}

/**
 * Turns one zod issue into the diagnostics a user reads: what is wrong with which field, and how
 * to fix it. Unknown keys give one diagnostic per key, each with its own suggestion.
 */
export function describeConfigIssue(issue: z.core.$ZodIssue, file: string): Diagnostic[] {
  const field = formatPath(issue.path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) =>
        issueToDiagnostic(
          file,
          `Unknown config key "${key}".`,
          formatSuggestion(key, CONFIG_KEYS) ?? `Known keys: ${CONFIG_KEYS.join(", ")}.`,
        ),
      );
    case "invalid_type": {
      const expected = issue.expected === "int" ? "an integer" : `${/^[aeiou]/.test(issue.expected) ? "an" : "a"} ${issue.expected}`;
      if (issue.path.length === 0) {
        return [issueToDiagnostic(file, `The config must be an object; got ${describeValue(input)}.`, "Export an object: export default defineConfig({ ... }).")];
      }
      return [issueToDiagnostic(file, `${field} must be ${expected}; got ${describeValue(input)}.`)];
    }
    case "invalid_value": {
      const options = issue.values.map((value) => `"${String(value)}"`).join(", ");
      const hint = typeof input === "string" ? formatSuggestion(input, issue.values.map(String)) : undefined;
      return [issueToDiagnostic(file, `${field} must be one of ${options}; got ${describeValue(input)}.`, hint)];
    }
    case "too_small":
      if (issue.origin === "string") return [issueToDiagnostic(file, `${field} must not be empty.`)];
      return [issueToDiagnostic(file, `${field} must be ${issue.inclusive === false ? "more than" : "at least"} ${String(issue.minimum)}; got ${describeValue(input)}.`)];
    case "too_big":
      return [issueToDiagnostic(file, `${field} must be ${issue.inclusive === false ? "less than" : "at most"} ${String(issue.maximum)}; got ${describeValue(input)}.`)];
    case "custom": {
      const params = (issue.params ?? {}) as HintParams;
      return [issueToDiagnostic(file, `${field}: ${issue.message}`, params.hint)];
    }
    case "invalid_union":
      return [issueToDiagnostic(file, `${field} has the wrong type; got ${describeValue(input)}.`)];
    default:
      return [issueToDiagnostic(file, `${field}: ${issue.message}`)];
  }
}
