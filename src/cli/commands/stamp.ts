import { formatDiagnostics } from "../../diagnostics/format-diagnostics.js";
import { stampFiles } from "../../stamp/stamp-files.js";
import { resolveProjectConfig } from "../../sync/project-config.js";
import type { CommandContext } from "../context.js";
import { plural } from "../../errors/plural.js";

export interface StampFlags {
  outdated?: boolean;
}

/**
 * `intercom-sync stamp <files or folders>`: set `source_hash` in translation files. Outdated
 * translations below a folder are listed and left alone unless `--outdated`. Exits 1 when a path
 * was refused (not a translation, no source), after stamping the others.
 */
export async function runStamp(paths: string[], flags: StampFlags, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  const config = await resolveProjectConfig(ctx.project);
  const result = await stampFiles(config, paths, ctx.cwd, { outdated: flags.outdated === true });
  const stamped = result.files.filter((file) => file.outcome === "stamped");
  const skipped = result.files.filter((file) => file.outcome === "skipped-outdated");
  const unchanged = result.files.length - stamped.length - skipped.length;
  if (out.json) {
    out.printJson({ ok: result.refused.length === 0, files: result.files, refused: result.refused });
  } else {
    for (const file of stamped) out.info(`${out.colors.green("✔")} ${file.file}${file.wasOutdated ? out.colors.yellow(" (was outdated: its source changed since the last stamp)") : ""}`);
    if (skipped.length > 0) {
      out.warn(out.colors.yellow(`Outdated, not stamped (the source changed since the last stamp; update them, then name each file or pass --outdated):`));
      for (const file of skipped) out.warn(`  ${file.file}`);
    }
    if (result.refused.length > 0) {
      out.error(formatDiagnostics(result.refused, { color: out.colors.isColorSupported, rootDir: config.rootDir, cwd: ctx.cwd }));
    }
    const skippedPart = skipped.length > 0 ? `; ${skipped.length} outdated skipped` : "";
    out.result(`Stamped ${plural(stamped.length, "file")}; ${unchanged} already up to date${skippedPart}; ${result.refused.length} refused.`);
  }
  return result.refused.length === 0 ? 0 : 1;
}
