import { formatDiagnostics } from "../../diagnostics/format-diagnostics.js";
import { stampFiles } from "../../stamp/stamp-files.js";
import { resolveProjectConfig } from "../../sync/project-config.js";
import type { CommandContext } from "../context.js";

/**
 * `intercom-sync stamp <files or folders>`: set `source_hash` in translation files. Exits 1 when
 * a path was refused (not a translation, no source), after stamping the others.
 */
export async function runStamp(paths: string[], _flags: object, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  const config = await resolveProjectConfig(ctx.project);
  const result = await stampFiles(config, paths, ctx.cwd);
  const stamped = result.files.filter((file) => file.outcome === "stamped");
  const unchanged = result.files.length - stamped.length;
  if (out.json) {
    out.printJson({ ok: result.refused.length === 0, files: result.files, refused: result.refused });
  } else {
    for (const file of stamped) out.info(`${out.colors.green("✔")} ${file.file}`);
    if (result.refused.length > 0) {
      out.error(formatDiagnostics(result.refused, { color: out.colors.isColorSupported, rootDir: config.rootDir, cwd: ctx.cwd }));
    }
    out.result(`Stamped ${stamped.length} file(s); ${unchanged} already up to date; ${result.refused.length} refused.`);
  }
  return result.refused.length === 0 ? 0 : 1;
}
