import pc from "picocolors";
import type { Diagnostic } from "../errors/sync-error.js";
import { toDisplayPath, type PathOptions } from "./display-path.js";

export interface FormatOptions extends PathOptions {
  /** ANSI colours; the CLI decides from the TTY and NO_COLOR. */
  color: boolean;
}

const SEVERITY_WIDTH = "warning".length;

function formatPosition(diagnostic: Diagnostic): string {
  const { line, column } = diagnostic.location;
  if (line === undefined) return "-";
  return column === undefined ? `${line}` : `${line}:${column}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** `✖ 3 errors, 2 warnings in 4 files`, or a tick when there is nothing to report. */
export function formatSummary(diagnostics: readonly Diagnostic[], color: boolean): string {
  const colors = pc.createColors(color);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) return colors.green("✔ No problems found.");
  const files = new Set(diagnostics.map((diagnostic) => diagnostic.location.file)).size;
  const text = `${errors > 0 ? "✖" : "⚠"} ${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(files, "file")}`;
  return errors > 0 ? colors.red(colors.bold(text)) : colors.yellow(colors.bold(text));
}

/**
 * Human output for `check`: diagnostics grouped by file (in the order given), one line each
 * (`  12:3  error    frontmatter/unknown-key  message`), the hint on the line below, and a summary.
 * Pure: colours only when asked.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const colors = pc.createColors(options.color);
  const groups = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const group = groups.get(diagnostic.location.file);
    if (group) group.push(diagnostic);
    else groups.set(diagnostic.location.file, [diagnostic]);
  }
  const lines: string[] = [];
  for (const [file, group] of groups) {
    lines.push(colors.underline(toDisplayPath(file, options)));
    const positionWidth = Math.max(...group.map((diagnostic) => formatPosition(diagnostic).length));
    const codeWidth = Math.max(...group.map((diagnostic) => diagnostic.code.length));
    const indent = " ".repeat(2 + positionWidth + 2 + SEVERITY_WIDTH + 2 + codeWidth + 2);
    for (const diagnostic of group) {
      const severity = diagnostic.severity.padEnd(SEVERITY_WIDTH);
      lines.push(
        `  ${colors.dim(formatPosition(diagnostic).padEnd(positionWidth))}  ` +
          `${diagnostic.severity === "error" ? colors.red(severity) : colors.yellow(severity)}  ` +
          `${colors.dim(diagnostic.code.padEnd(codeWidth))}  ${diagnostic.message}`,
      );
      if (diagnostic.hint) lines.push(`${indent}${colors.cyan(diagnostic.hint)}`);
    }
    lines.push("");
  }
  lines.push(formatSummary(diagnostics, options.color));
  return lines.join("\n");
}
