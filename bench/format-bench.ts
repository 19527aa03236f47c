import type { BenchReport } from "./run-bench.js";
import type { LocalResult } from "./measure-local.js";
import type { PushStep } from "./measure-push.js";

/** Targets of the benchmark issue, checked in the table. */
export const TARGETS = {
  localFilesPerSecond: 5_000,
  localPeakRssMb: 300,
  noopWallMs: 2_000,
  rateUtilisation: 0.9,
  rateLimitedShare: 0.01,
  /** Time at 5x the articles may be at most this many times the time at 1x. */
  linearFactor: 5.5,
  /** `--help` and `--version`: wall ms and peak RSS. */
  startupMs: 150,
  startupRssMb: 60,
} as const;

function fixed(value: number, digits = 0): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function seconds(ms: number): string {
  return `${fixed(ms / 1000, 2)} s`;
}

function percent(share: number): string {
  return `${fixed(share * 100, 1)}%`;
}

function verdict(ok: boolean): string {
  return ok ? "ok" : "MISSED";
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd()).join("\n");
}

function pushRow(name: string, step: PushStep): string[] {
  return [
    name,
    fixed(step.requests),
    fixed(step.writes),
    fixed(step.listRequests),
    fixed(step.otherReads),
    fixed(step.rateLimited),
    seconds(step.wallMs),
    `${fixed(step.achievedRate, 1)}/s`,
  ];
}

/** The local pipeline's growth (cold): time per file at the largest size over the smallest. */
export function linearGrowth(report: BenchReport): number | null {
  const [small, large] = [report.local[0], report.local[report.local.length - 1]];
  if (small === undefined || large === undefined || small === large || small.cold.totalMs === 0) return null;
  return large.cold.totalMs / small.cold.totalMs / (large.articles / small.articles);
}

function localRow(local: LocalResult, name: "cold" | "warm"): string[] {
  const run = local[name];
  return [
    fixed(local.articles),
    fixed(local.files),
    name,
    fixed(run.cacheHits),
    seconds(run.steps.parse),
    seconds(run.steps.render),
    seconds(run.steps.hash),
    seconds(run.steps.rest),
    seconds(run.totalMs),
    fixed(run.filesPerSecond),
    `${fixed(run.peakRssMb)} MB`,
    verdict(run.filesPerSecond >= TARGETS.localFilesPerSecond && run.peakRssMb < TARGETS.localPeakRssMb),
  ];
}

/** The human table `npm run bench` prints. */
export function formatBenchTable(report: BenchReport): string {
  const { machine, push, watch } = report;
  const out: string[] = [];
  out.push(`intercom-sync benchmark, ${report.date}${report.quick ? " (quick sizes)" : ""}`);
  out.push(`machine: ${machine.cpus} x ${machine.cpuModel}, ${machine.memoryGb} GB, node ${machine.node}, ${machine.platform}`);
  out.push("");
  out.push("1. local pipeline (read + parse + render + summarise + build + hash), one child process per run; cold = empty render cache, warm = the cache the cold run left");
  out.push(
    table([
      ["articles", "files", "cache", "hits", "parse", "render", "hash", "rest", "total", "files/s", "peak RSS", "target"],
      ...report.local.flatMap((local) => [localRow(local, "cold"), localRow(local, "warm")]),
    ]),
  );
  const growth = linearGrowth(report);
  if (growth !== null) out.push(`growth: ${fixed(growth, 2)}x time per article from the smallest to the largest size (1.00 = linear)`);
  out.push("");
  out.push(
    `2-4. pushes of ${fixed(push.articles)} articles (${fixed(push.articleLocales)} article locales), emulator limit ${push.rateLimit.limit} requests / ${push.rateLimit.windowMs} ms (${fixed(push.allowedRate)}/s), ` +
      `answering from ${push.emulatorOnOwnThread ? "a thread of its own" : "the benchmark's thread"}`,
  );
  out.push(
    table([
      ["push", "requests", "writes", "lists", "other GETs", "429s", "wall", "write rate"],
      pushRow("first", push.first),
      pushRow("no-op", push.noop),
      pushRow("no-op, cold cache", push.noopCold),
      pushRow("one edit", push.edit),
    ]),
  );
  out.push(
    `first push: ${fixed(push.first.plannedWrites)} planned writes + ${fixed(push.first.writes - push.first.plannedWrites)} link refreshes; ` +
      `${percent(push.first.rateUtilisation)} of the allowed rate (${verdict(push.first.rateUtilisation >= TARGETS.rateUtilisation)}), ` +
      `${percent(push.first.rateLimitedShare)} answered 429 (${verdict(push.first.rateLimitedShare < TARGETS.rateLimitedShare)})`,
  );
  out.push(
    `no-op push: ${push.noop.writes} writes, ${push.noop.listRequests} list requests for ${push.expectedListRequests} list pages, ` +
      `${push.noop.otherReads} other GET(s), ${seconds(push.noop.wallMs)} (${verdict(push.noop.writes === 0 && push.noop.listRequests === push.expectedListRequests && push.noop.wallMs < TARGETS.noopWallMs)})`,
  );
  out.push(`no-op push with no render cache (CI without a restored cache): ${seconds(push.noopCold.wallMs)} (${verdict(push.noopCold.wallMs < TARGETS.noopWallMs)})`);
  out.push(`one edit (${push.edit.file}): ${push.edit.writes} write(s) (${verdict(push.edit.writes === 1)}), ${seconds(push.edit.wallMs)}`);
  out.push("");
  out.push(
    `5. watch latency (${fixed(watch.articles)} articles, ${watch.edits} edits): median ${fixed(watch.medianMs)} ms, max ${fixed(watch.maxMs)} ms from save to answered write`,
  );
  out.push("");
  out.push("6. link fix-ups of a first push: articles sent with stand-in links (one more request each), against the exact minimum and the order used before");
  out.push(
    table([
      ["graph", "articles", "links", "fix-ups", "minimum", "before"],
      ...report.fixUps.map((row) => [row.graph, fixed(row.articles), fixed(row.links), fixed(row.fixUps), fixed(row.minimum), fixed(row.previous)]),
    ]),
  );
  out.push("");
  out.push("7. start-up of the shipped CLI (dist/bin/intercom-sync.js), median wall time including node's own start, and peak RSS");
  out.push(
    table([
      ["command", "wall", "peak RSS", "target"],
      ...report.startup.map((row, index) => [
        row.args,
        `${fixed(row.medianMs)} ms`,
        `${fixed(row.peakRssMb)} MB`,
        index === 0 ? "" : verdict(row.medianMs < TARGETS.startupMs && row.peakRssMb < TARGETS.startupRssMb),
      ]),
    ]),
  );
  out.push("");
  out.push(`8. first pushes at Intercom's latency, limit ${push.rateLimit.limit} requests / ${push.rateLimit.windowMs} ms`);
  out.push(
    table([
      ["latency", "articles", "requests", "writes", "429s", "wall", "of the rate", "target"],
      ...report.latency.map((row) => [
        `${fixed(row.latencyMs)} ms`,
        fixed(row.articles),
        fixed(row.requests),
        fixed(row.writes),
        fixed(row.rateLimited),
        seconds(row.wallMs),
        percent(row.rateUtilisation),
        verdict(row.rateUtilisation >= TARGETS.rateUtilisation && row.rateLimited / Math.max(1, row.requests) < TARGETS.rateLimitedShare),
      ]),
    ]),
  );
  out.push("");
  out.push(`9. CPU of a first push of ${fixed(report.cpu.articles)} articles x ${report.cpu.locales} locales (the CLI process, start-up included): ${fixed(report.cpu.cpuMs)} ms for ${fixed(report.cpu.requests)} requests, ${seconds(report.cpu.wallMs)} wall`);
  return `${out.join("\n")}\n`;
}
