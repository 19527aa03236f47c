/**
 * Checks of the 2.16 settings keys in front matter (`fin`, `tags`, `audiences`, `publish_at`,
 * `unpublish_at`): each returns the value to keep, or a finding to report. Pure: whether a time is
 * still in the future is decided later, by a step that knows the clock (see plan/check-schedule-times.ts).
 */
import type { Finding } from "../errors/catalog.js";
import type { FinSettings } from "../types.js";
import { formatSuggestion } from "./suggest-name.js";

/** Front matter sub-keys of `fin`, and the field each sets. */
export const FIN_KEYS: Readonly<Record<string, keyof FinSettings>> = { agent: "agent", copilot: "copilot", sales_agent: "salesAgent" };

/** A front matter value as a message shows it: `"text"`, `number 3`, `a list`, ... */
export function describeValue(value: unknown): string {
  if (value === null) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return `the date ${value.toISOString()}`;
  if (typeof value === "object") return "a nested mapping";
  if (typeof value === "string") return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

/** `fin: { agent: true, copilot: false, sales_agent: true }`, or `fin: false` for all three. */
export function checkFin(key: string, value: unknown): { fin: FinSettings } | Finding<"settings/invalid-fin"> {
  if (typeof value === "boolean") return { fin: { agent: value, copilot: value, salesAgent: value } };
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Date) {
    return { code: "settings/invalid-fin", details: { key, got: describeValue(value) } };
  }
  const fin: FinSettings = {};
  for (const [name, flag] of Object.entries(value as Record<string, unknown>)) {
    const field = FIN_KEYS[name];
    if (field === undefined) {
      return { code: "settings/invalid-fin", details: { key, got: `the key "${name}"`, suggestion: formatSuggestion(name, Object.keys(FIN_KEYS)) } };
    }
    if (typeof flag !== "boolean") return { code: "settings/invalid-fin", details: { key, got: `${name}: ${describeValue(flag)}` } };
    fin[field] = flag;
  }
  return { fin };
}

/** `tags: [Billing, Setup]` (a single name is taken as a list of one); empty entries are dropped. */
export function checkNames(key: string, value: unknown): { names: string[] } | Finding<"settings/invalid-names"> {
  const entries = typeof value === "string" ? [value] : value;
  if (!Array.isArray(entries) || entries.some((entry) => typeof entry !== "string" && typeof entry !== "number")) {
    return { code: "settings/invalid-names", details: { key, got: describeValue(value) } };
  }
  const names: string[] = [];
  for (const entry of entries as (string | number)[]) {
    const name = String(entry).trim();
    if (name !== "" && !names.includes(name)) names.push(name);
  }
  return { names };
}

/** A date-time with a date, a time and a zone (`Z` or an offset): a bare date or local time is ambiguous. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** `publish_at: 2030-01-31T09:00:00Z`: normalised to UTC ISO and to epoch seconds. */
export function checkDateTime(key: string, value: unknown): { at: string; seconds: number } | Finding<"settings/invalid-datetime"> {
  const text = value instanceof Date ? value.toISOString() : typeof value === "string" ? value.trim() : undefined;
  const ms = text !== undefined && ISO_DATE_TIME.test(text) ? Date.parse(text.replace(" ", "T")) : Number.NaN;
  if (!Number.isFinite(ms)) return { code: "settings/invalid-datetime", details: { key, got: describeValue(value) } };
  return { at: new Date(ms).toISOString(), seconds: Math.floor(ms / 1000) };
}
