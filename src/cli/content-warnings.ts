import { formatDiagnostics, formatSummary } from "../diagnostics/format-diagnostics.js";
import type { Diagnostic } from "../errors/sync-error.js";
import type { CommandContext } from "./context.js";

/**
 * Warnings about the files during plan/push: every one under --verbose, else one line pointing at
 * `check`, so a tree with thousands of findings (unsupported syntax in imported docs) does not bury
 * the plan.
 */
export function printContentWarnings(ctx: CommandContext, diagnostics: readonly Diagnostic[], rootDir: string): void {
  const { out } = ctx;
  if (diagnostics.length === 0 || out.json) return;
  const color = out.colors.isColorSupported;
  if (out.verbose) {
    out.warn(formatDiagnostics(diagnostics, { color, rootDir, cwd: ctx.cwd }));
    return;
  }
  out.warn(`${formatSummary(diagnostics, color)} ${out.colors.dim("(run `intercom-sync check` to see them)")}`);
}
