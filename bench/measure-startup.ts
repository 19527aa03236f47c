/**
 * Start-up of the CLI as shipped (`dist/bin/intercom-sync.js`, built by `npm install`): wall time (process start
 * to exit, node's own start included) and peak RSS of `--help` and `--version`, the median of a few
 * runs each, beside a bare `node -e ""` for scale.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface StartupResult {
  args: string;
  medianMs: number;
  peakRssMb: number;
}

export interface StartupScripts {
  /** The CLI to start. Default: `dist/bin/intercom-sync.js` of the checkout (`npm run bench` runs from build/bench/). */
  cli?: string;
  /** The compiled report-peak-rss.js. Default: the one beside this file. */
  reportRss?: string;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function measure(label: string, args: readonly string[], runs: number, reportRss: string): StartupResult {
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const child = spawnSync(process.execPath, ["--import", pathToFileURL(reportRss).href, ...args], { encoding: "utf8" });
    times.push(performance.now() - started);
    if (child.status !== 0) throw new Error(`${label} exited ${child.status}: ${child.stderr}`);
    const last = child.stderr.trim().split("\n").pop() ?? "";
    rss.push(last.startsWith("{") ? (JSON.parse(last) as { peakRssMb: number }).peakRssMb : 0);
  }
  return { args: label, medianMs: median(times), peakRssMb: median(rss) };
}

export function measureStartup(runs = 7, scripts: StartupScripts = {}): StartupResult[] {
  const cli = scripts.cli ?? fileURLToPath(new URL("../../dist/bin/intercom-sync.js", import.meta.url));
  const reportRss = scripts.reportRss ?? fileURLToPath(new URL("./report-peak-rss.js", import.meta.url));
  return [
    measure('node -e "" (for scale)', ["-e", ""], runs, reportRss),
    measure("intercom-sync --help", [cli, "--help"], runs, reportRss),
    measure("intercom-sync --version", [cli, "--version"], runs, reportRss),
  ];
}
