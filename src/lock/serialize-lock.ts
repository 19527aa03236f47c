import type { LockFile } from "../types.js";

/**
 * The text of a lock file: top-level keys in a fixed order, entries sorted by key, one entry per
 * line, so that two branches adding different items merge without conflict and a diff shows one
 * line per changed item. Pure and stable: equal locks give equal text.
 */
export function serializeLock(lock: LockFile): string {
  const sections: [string, string][] = [
    ["version", JSON.stringify(lock.version)],
    ["helpCenterId", JSON.stringify(lock.helpCenterId)],
    ["collections", serializeEntries(lock.collections)],
    ["articles", serializeEntries(lock.articles)],
  ];
  // Written only when present, so locks of projects without redirects or internal articles keep their bytes.
  for (const name of OPTIONAL_SECTIONS) {
    const entries = lock[name];
    if (entries) sections.push([name, serializeEntries(entries)]);
  }
  return `{\n${sections.map(([name, value]) => `  "${name}": ${value}`).join(",\n")}\n}\n`;
}

/** Top-level maps a lock has only when a project uses them, in the order they are written. */
const OPTIONAL_SECTIONS = ["redirects", "urls", "internalArticles"] as const;

function serializeEntries(entries: Record<string, unknown>): string {
  const keys = Object.keys(entries).sort(compareCodeUnits);
  if (keys.length === 0) return "{}";
  const lines = keys.map((key) => `    ${JSON.stringify(key)}: ${stringifySorted(entries[key])}`);
  return `{\n${lines.join(",\n")}\n  }`;
}

/** Keys written first, in this order, wherever they appear; the rest follow sorted. */
const LEADING_KEYS = ["id", "locales", "hash", "updatedAt"];

/** Compact JSON with a fixed key order at every depth. */
function stringifySorted(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stringifySorted).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const parts = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort(compareKeys)
      .map((key) => `${JSON.stringify(key)}:${stringifySorted(record[key])}`);
    return `{${parts.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function compareKeys(a: string, b: string): number {
  const rankA = LEADING_KEYS.indexOf(a);
  const rankB = LEADING_KEYS.indexOf(b);
  if (rankA !== rankB) return (rankA === -1 ? LEADING_KEYS.length : rankA) - (rankB === -1 ? LEADING_KEYS.length : rankB);
  return compareCodeUnits(a, b);
}

/** Locale-independent order, so every machine writes the same bytes. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
