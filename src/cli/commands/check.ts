import { plural } from "../../errors/plural.js";
import { checkProject } from "../../check/check-project.js";
import { formatDiagnostics } from "../../diagnostics/format-diagnostics.js";
import { formatGithubAnnotations } from "../../diagnostics/format-github-annotations.js";
import { formatJsonReport } from "../../diagnostics/format-json-report.js";
import { resolveProjectConfig } from "../../sync/project-config.js";
import type { CommandContext } from "../context.js";

export interface CheckFlags {
  strict?: boolean;
}

/** `intercom-sync check`: every error and warning in one run; exit 1 on errors. No network. */
export async function runCheck(flags: CheckFlags, ctx: CommandContext): Promise<number> {
  const config = await resolveProjectConfig(ctx.project);
  const report = await checkProject(config, { strict: flags.strict ?? false });
  const paths = { rootDir: config.rootDir, cwd: ctx.cwd };
  const { out } = ctx;
  if (out.json) {
    out.printJson({ ...formatJsonReport(report.diagnostics, paths), counts: report.counts });
  } else {
    const { counts } = report;
    out.info(
      out.colors.dim(
        `Checked ${plural(counts.files, "file")}: ${plural(counts.collections, "collection")}, ${plural(counts.articles, "article")}, ` +
          `${plural(counts.translations, "translation")} in ${plural(counts.locales, "locale")}.`,
      ),
    );
    out.result(formatDiagnostics(report.diagnostics, { color: out.colors.isColorSupported, ...paths }));
  }
  if (ctx.github && report.diagnostics.length > 0) out.annotation(formatGithubAnnotations(report.diagnostics, paths));
  return report.ok ? 0 : 1;
}
