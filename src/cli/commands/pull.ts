import { plural } from "../../errors/plural.js";
import { formatDiagnostics } from "../../diagnostics/format-diagnostics.js";
import { formatPullResult } from "../../pull/format-pull-result.js";
import { pullProject } from "../../sync/pull-project.js";
import type { CommandContext } from "../context.js";
import { annotate } from "../github.js";

export interface PullFlags {
  force?: boolean;
}

/**
 * `intercom-sync pull`: write the help center into the tree and the lock. Exits 1 when a file was
 * kept because it changed both locally and in Intercom (a conflict), 0 otherwise.
 */
export async function runPull(flags: PullFlags, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  const result = await pullProject({ ...ctx.project, force: flags.force });
  const internalConflicts = (result.internal ?? []).filter((file) => file.outcome === "conflict");
  const conflicts = [...result.files.filter((file) => file.conflict === true), ...internalConflicts];
  if (out.json) {
    out.printJson({
      ok: conflicts.length === 0,
      helpCenterId: result.helpCenterId,
      summary: result.summary,
      files: result.files.map(({ text: _text, ...file }) => file),
      notices: result.notices,
      diagnostics: result.diagnostics,
      ...(result.internal === undefined ? {} : { internal: result.internal }),
    });
  } else {
    out.result(formatPullResult(result, { color: out.colors.isColorSupported, verbose: out.verbose }));
    for (const file of result.internal ?? []) {
      out.result(file.outcome === "conflict" ? `✗ internal ${file.key}: changed here and in Intercom; kept the file (pull --force takes Intercom's)` : `internal ${file.outcome} ${file.file}`);
    }
    if (result.diagnostics.length > 0) {
      const paths = { rootDir: ctx.rootDir, cwd: ctx.cwd };
      if (out.verbose) out.warn(formatDiagnostics(result.diagnostics, { color: out.colors.isColorSupported, ...paths }));
      else out.warn(out.colors.yellow(`${plural(result.diagnostics.length, "warning")} in the pulled files; run \`intercom-sync check\` to see them.`));
    }
  }
  annotate(ctx, result.notices, ctx.rootDir);
  return conflicts.length === 0 ? 0 : 1;
}
