import { plural } from "../../errors/plural.js";
import path from "node:path";
import { createInterface, type Interface } from "node:readline";
import { SyncError } from "../../errors/sync-error.js";
import { formatRun } from "../../watch/format-run.js";
import type { WatchRunSummary, WatchSession } from "../../watch/types.js";
import { watchProject } from "../../sync/watch-project.js";
import type { CommandContext } from "../context.js";

export interface WatchFlags {
  force?: boolean;
  debounce?: string;
  poll?: boolean;
}

/** Highest `--debounce` accepted: beyond a few seconds a save no longer feels live. */
const MAX_DEBOUNCE_MS = 10_000;

function parseDebounce(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_DEBOUNCE_MS) {
    throw new SyncError("cli/invalid-flag", { flag: "debounce", value, max: MAX_DEBOUNCE_MS });
  }
  return ms;
}

function printRun(summary: WatchRunSummary, ctx: CommandContext): void {
  const { out } = ctx;
  if (out.json) {
    out.printJsonLine({ event: "run", ...summary });
    return;
  }
  const lines = formatRun(summary, { color: out.colors.isColorSupported });
  out.result(lines.line);
  for (const line of lines.errors) out.error(line);
  for (const line of lines.warnings) out.warn(line);
}

function describeTargets(session: WatchSession): string {
  const [contentDir = ".", localesDir = ".", ...configs] = session.watchedPaths.map((target) => path.relative(session.rootDir, target) || ".");
  const folders = `${contentDir}/, ${localesDir}/`;
  // Without a config file every name one could appear under is watched; listing them is noise.
  return configs.length === 1 ? `${folders} and ${configs[0] ?? ""}` : folders;
}

/**
 * `intercom-sync watch`: one full push, then a push of the difference after every change.
 * `r` + Enter (on a terminal) or SIGHUP lists Intercom again; Ctrl-C stops watching, lets a
 * running push finish its requests in flight, saves the lock and exits 0.
 */
export async function runWatch(flags: WatchFlags, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  const controller = new AbortController();
  let session: WatchSession | null = null;
  let input: Interface | null = null;
  const onStop = (): void => {
    if (controller.signal.aborted) return;
    out.warn(out.colors.yellow("Stopping: finishing the requests in flight and saving the lock…"));
    controller.abort();
  };
  const onRefresh = (): void => session?.refresh();
  process.on("SIGINT", onStop);
  process.on("SIGTERM", onStop);
  process.on("SIGHUP", onRefresh);
  try {
    session = await watchProject({
      ...ctx.project,
      force: flags.force,
      debounceMs: parseDebounce(flags.debounce),
      usePolling: flags.poll,
      signal: controller.signal,
      onRun: (summary) => printRun(summary, ctx),
      onError: (error) => out.error(out.colors.red(`✖ ${error.message}`)),
    });
    if (out.json) out.printJsonLine({ event: "watching", paths: session.watchedPaths });
    else out.info(out.colors.dim(`Watching ${describeTargets(session)}${process.stdin.isTTY ? "  (r + Enter: refresh from Intercom, Ctrl-C: stop)" : "  (Ctrl-C: stop)"}`));
    if (process.stdin.isTTY) {
      // No output stream: the terminal stays in line mode, so Ctrl-C still arrives as SIGINT.
      input = createInterface({ input: process.stdin });
      input.on("line", (line) => {
        if (line.trim().toLowerCase() === "r") onRefresh();
      });
    }
    const result = await session.closed;
    if (out.json) out.printJsonLine({ event: "stopped", ...result });
    else out.info(out.colors.dim(`Stopped after ${plural(result.runs, "run")}; the lock is saved.`));
    return 0;
  } finally {
    input?.close();
    process.off("SIGINT", onStop);
    process.off("SIGTERM", onStop);
    process.off("SIGHUP", onRefresh);
  }
}
