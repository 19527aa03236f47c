import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../../bench/bench-args.js";
import { formatBenchTable } from "../../bench/format-bench.js";
import { QUICK_SIZES, runBench } from "../../bench/run-bench.js";
import path from "node:path";
import { ensureBuiltCli } from "../support/cli-build.js";
import { startTestEmulator } from "../support/emulator.js";

describe("runBench --quick", () => {
  it("measures every step and reports a complete, printable result", { timeout: 240_000 }, async () => {
    const steps: string[] = [];
    const cli = await ensureBuiltCli();
    const startupScripts = { cli, reportRss: path.join(path.dirname(cli), "..", "bench", "report-peak-rss.js") };
    const report = await runBench({ quick: true, startEmulator: startTestEmulator, startupScripts, onStep: (message) => steps.push(message) }, () => new Date("2026-01-02T03:04:05Z"));

    expect(report.date).toBe("2026-01-02T03:04:05.000Z");
    expect(report.quick).toBe(true);
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(steps).toHaveLength(QUICK_SIZES.local.length + 6);

    expect(report.local.map((local) => local.articles)).toEqual([...QUICK_SIZES.local]);
    for (const local of report.local) {
      // Source articles and their 4 translations, plus the collections' files.
      expect(local.files).toBeGreaterThan(local.articles * 5);
      for (const run of [local.cold, local.warm]) {
        expect(run.filesPerSecond).toBeGreaterThan(0);
        expect(run.peakRssMb).toBeGreaterThan(0);
        expect(Object.keys(run.steps).sort()).toEqual(["hash", "parse", "render", "rest"]);
      }
      // The warm run takes every file from the cache the cold run wrote.
      expect(local.cold.cacheHits).toBe(0);
      expect(local.warm.cacheHits).toBe(local.files);
    }

    const { push } = report;
    expect(push.articles).toBe(QUICK_SIZES.push);
    expect(push.articleLocales).toBe(QUICK_SIZES.push * 5);
    expect(push.first.writes).toBeGreaterThanOrEqual(push.first.plannedWrites);
    expect(push.first.plannedWrites).toBeGreaterThan(QUICK_SIZES.push);
    expect(push.first.rateLimited).toBe(0);
    // A no-op push lists the help center and writes nothing; one edit is one write.
    expect(push.noop.writes).toBe(0);
    expect(push.noop.listRequests).toBe(push.expectedListRequests);
    // No `/me`: the default author is asked for only when a write needs it.
    expect(push.noop.otherReads).toBe(0);
    expect(push.noopCold.writes).toBe(0);
    expect(push.noopCold.requests).toBe(push.expectedListRequests);
    expect(push.edit.writes).toBe(1);
    expect(push.edit.listRequests).toBe(push.expectedListRequests);

    expect(report.watch.latenciesMs).toHaveLength(report.watch.edits);
    for (const latency of report.watch.latenciesMs) expect(latency).toBeGreaterThan(0);

    // Fix-ups never exceed the order used before, and the rings are at their minimum.
    for (const row of report.fixUps) expect(row.fixUps).toBeLessThanOrEqual(row.previous);
    for (const row of report.fixUps.filter((r) => r.graph.startsWith("ring"))) expect(row.fixUps).toBe(row.minimum);
    expect(report.startup.map((row) => row.args)).toEqual(['node -e "" (for scale)', "intercom-sync --help", "intercom-sync --version"]);
    for (const row of report.startup) expect(row.peakRssMb).toBeGreaterThan(0);

    expect(report.latency.map((row) => row.latencyMs)).toEqual([20, 100, 300, 500]);
    for (const row of report.latency) expect(row.writes).toBeGreaterThan(QUICK_SIZES.latency);
    expect(report.cpu.cpuMs).toBeGreaterThan(0);
    expect(report.cpu.requests).toBeGreaterThan(QUICK_SIZES.cpu);

    const table = formatBenchTable(report);
    expect(table).toContain("6. link fix-ups");
    expect(table).toContain("7. start-up");
    expect(table).toContain("8. first pushes at Intercom's latency");
    expect(table).toContain("9. CPU of a first push");
    expect(table).toContain("1. local pipeline");
    expect(table).toContain(`no-op push: 0 writes, ${push.expectedListRequests} list requests`);
    expect(table).toContain("5. watch latency");
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe("parseBenchArgs", () => {
  it("reads --json and --quick", () => {
    expect(parseBenchArgs([])).toEqual({ json: false, quick: false });
    expect(parseBenchArgs(["--json", "--quick"])).toEqual({ json: true, quick: true });
  });

  it("refuses anything else with the usage", () => {
    expect(parseBenchArgs(["--fast"])).toMatch(/Unknown option --fast\. Usage: npm run bench/);
  });
});
