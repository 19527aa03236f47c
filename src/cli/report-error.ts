import { formatDiagnostics } from "../diagnostics/format-diagnostics.js";
import { formatGithubAnnotations } from "../diagnostics/format-github-annotations.js";
import { formatJsonReport } from "../diagnostics/format-json-report.js";
import { formatLocation, isSyncError } from "../errors/sync-error.js";
import type { CommandContext } from "./context.js";

/**
 * Prints an error that ended a command: a SyncError as its message, location, hint and findings;
 * anything else as a bug (with its stack under --verbose). Returns the exit code.
 */
export function reportError(error: unknown, ctx: CommandContext): number {
  const { out } = ctx;
  const c = out.colors;
  if (!isSyncError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    if (out.json) out.printJson({ ok: false, error: { code: "internal", message } });
    else out.error(`${c.red("✖")} ${message}`);
    if (out.verbose && error instanceof Error && error.stack) out.error(error.stack);
    else out.error(c.dim("This is a bug in intercom-sync; run with --verbose for details."));
    return 1;
  }
  const { rootDir } = ctx;
  if (out.json) {
    out.printJson({
      ok: false,
      error: { code: error.code, message: error.message, hint: error.hint, location: error.location },
      ...(error.diagnostics.length > 0 ? { diagnostics: formatJsonReport(error.diagnostics, { rootDir, cwd: ctx.cwd }).diagnostics } : {}),
    });
  } else {
    if (error.diagnostics.length > 0) {
      out.error(formatDiagnostics(error.diagnostics, { color: out.colors.isColorSupported, rootDir, cwd: ctx.cwd }));
      out.error("");
    }
    const where = error.location ? `${formatLocation(error.location)}: ` : "";
    out.error(`${c.red("✖")} ${where}${error.message}`);
    if (error.hint) out.error(`  ${c.cyan(error.hint)}`);
    if (out.verbose && error.cause instanceof Error) out.error(c.dim(`  caused by: ${error.cause.message}`));
  }
  if (ctx.github && error.diagnostics.length > 0) out.annotation(formatGithubAnnotations(error.diagnostics, { rootDir, cwd: ctx.cwd }));
  return 1;
}
