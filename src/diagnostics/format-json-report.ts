import type { Diagnostic, Severity } from "../errors/sync-error.js";
import { toDisplayPath, type PathOptions } from "./display-path.js";

export interface JsonDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  hint?: string;
  file: string;
  line?: number;
  column?: number;
}

/** What `check --json` prints: stable, flat, documented. */
export interface JsonReport {
  ok: boolean;
  errors: number;
  warnings: number;
  diagnostics: JsonDiagnostic[];
}

/** The `--json` shape of a list of diagnostics. Pure; the caller stringifies it. */
export function formatJsonReport(diagnostics: readonly Diagnostic[], options: PathOptions = {}): JsonReport {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  return {
    ok: errors === 0,
    errors,
    warnings: diagnostics.length - errors,
    diagnostics: diagnostics.map((diagnostic) => {
      const entry: JsonDiagnostic = {
        code: diagnostic.code,
        severity: diagnostic.severity,
        message: diagnostic.message,
        file: toDisplayPath(diagnostic.location.file, options),
      };
      if (diagnostic.hint !== undefined) entry.hint = diagnostic.hint;
      if (diagnostic.location.line !== undefined) entry.line = diagnostic.location.line;
      if (diagnostic.location.column !== undefined) entry.column = diagnostic.location.column;
      return entry;
    }),
  };
}
