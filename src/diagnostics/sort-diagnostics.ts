import type { Diagnostic } from "../errors/sync-error.js";

/**
 * Orders diagnostics by file, then line and column (file-level findings first), so output does not
 * depend on the order files happened to be read in. Stable for equal locations.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    if (a.location.file !== b.location.file) return a.location.file < b.location.file ? -1 : 1;
    const line = (a.location.line ?? 0) - (b.location.line ?? 0);
    if (line !== 0) return line;
    return (a.location.column ?? 0) - (b.location.column ?? 0);
  });
}
