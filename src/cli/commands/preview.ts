import { formatDiagnostics } from "../../diagnostics/format-diagnostics.js";
import type { Diagnostic } from "../../errors/sync-error.js";
import { SyncError } from "../../errors/sync-error.js";
import { previewProject, writePreviewSite } from "../../sync/preview-project.js";
import type { CommandContext } from "../context.js";
import { plural } from "../../errors/plural.js";

export interface PreviewFlags {
  port: string;
  host?: string;
  open?: boolean;
  out?: string;
  title?: string;
  poll?: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SyncError("cli/invalid-flag", { flag: "port", value, min: 0, max: 65535 });
  return port;
}

function countLine(diagnostics: readonly Diagnostic[]): string | null {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) return null;
  return `${plural(errors, "error")} and ${plural(warnings, "warning")} in the tree: each shows on its page.`;
}

/**
 * `intercom-sync preview`: serves the help center from the working tree, as readers will see it,
 * and reloads open pages after every save; `--out DIR` writes it as static files instead. No
 * network. Exits 0 (findings show in the pages; `check` is the gate).
 */
export async function runPreview(flags: PreviewFlags, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  const paths = { rootDir: ctx.rootDir, cwd: ctx.cwd };
  if (flags.out !== undefined) {
    const result = await writePreviewSite({ ...ctx.project, outDir: flags.out, title: flags.title });
    if (out.json) out.printJson({ outDir: result.outDir, pages: result.pages, assets: result.assets, diagnostics: result.diagnostics.length });
    else {
      out.result(`Wrote ${result.pages} pages and copied ${result.assets} ${result.assets === 1 ? "file" : "files"} to ${flags.out}.`);
      const counts = countLine(result.diagnostics);
      if (counts !== null) out.warn(out.colors.yellow(counts));
    }
    return 0;
  }
  const port = parsePort(flags.port);
  const controller = new AbortController();
  const onStop = (): void => controller.abort();
  process.on("SIGINT", onStop);
  process.on("SIGTERM", onStop);
  try {
    const session = await previewProject({
      ...ctx.project,
      host: flags.host,
      port,
      title: flags.title,
      usePolling: flags.poll,
      signal: controller.signal,
      onBuild: (info) => {
        if (out.json) {
          out.printJsonLine({ event: "build", index: info.index, changedFiles: info.changedFiles, diagnostics: info.diagnostics.length });
          return;
        }
        if (info.index > 1) out.info(out.colors.dim(`Rebuilt after ${info.changedFiles.join(", ") || "a change"} in ${info.durationMs} ms; open pages reload.`));
        const errors = info.diagnostics.filter((d) => d.severity === "error");
        if (errors.length > 0) out.result(formatDiagnostics(errors, { color: out.colors.isColorSupported, ...paths }));
      },
      onError: (error) => out.error(out.colors.red(`✖ ${error.message}`)),
    });
    if (out.json) out.printJsonLine({ event: "serving", url: session.url });
    else out.result(`Preview of the help center at ${session.url}  (Ctrl-C: stop)`);
    if (flags.open === true) {
      const { default: open } = await import("open");
      // No browser (a server, CI): the URL above is the way in.
      await open(session.url).catch(() => out.warn(`Could not open a browser; open ${session.url} yourself.`));
    }
    await session.closed;
    return 0;
  } finally {
    process.off("SIGINT", onStop);
    process.off("SIGTERM", onStop);
  }
}
