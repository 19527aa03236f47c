import { ERROR_CATALOG, type ErrorCode } from "./catalog.js";

/** The markers around the generated table in the README. */
export const ERROR_TABLE_START = "<!-- error-codes:start -->";
export const ERROR_TABLE_END = "<!-- error-codes:end -->";

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/**
 * The README's table of codes: one markdown table per area (the part of the code before the
 * slash), in catalog order, with each code's severity and summary. Pure.
 */
export function formatErrorTable(): string {
  const areas = new Map<string, ErrorCode[]>();
  for (const code of Object.keys(ERROR_CATALOG) as ErrorCode[]) {
    const area = code.slice(0, code.indexOf("/"));
    const codes = areas.get(area) ?? [];
    codes.push(code);
    areas.set(area, codes);
  }
  const sections: string[] = [];
  for (const [area, codes] of areas) {
    const rows = codes.map((code) => {
      const entry = ERROR_CATALOG[code];
      return `| \`${code}\` | ${entry.severity} | ${escapeCell(entry.summary)} |`;
    });
    sections.push([`**${area}**`, "", "| code | severity | meaning |", "|---|---|---|", ...rows].join("\n"));
  }
  return `${sections.join("\n\n")}\n`;
}

/** The README text with the section between the markers replaced by the current table. */
export function replaceErrorTable(readme: string): string {
  const start = readme.indexOf(ERROR_TABLE_START);
  const end = readme.indexOf(ERROR_TABLE_END);
  if (start === -1 || end < start) throw new Error(`The README has no ${ERROR_TABLE_START} ... ${ERROR_TABLE_END} section.`);
  return `${readme.slice(0, start + ERROR_TABLE_START.length)}\n${formatErrorTable()}${readme.slice(end)}`;
}
