/**
 * Child process of the local benchmark: runs the pipeline once on the project named on the command
 * line, with the render cache in the folder named second, and prints one JSON line. A fresh process
 * per run keeps each run's peak RSS its own.
 */
import { loadConfig } from "../src/config/load-config.js";
import { runLocalPipeline } from "./local-pipeline.js";
import { startRssSampler, type LocalChildReport } from "./local-report.js";

async function main(): Promise<void> {
  const [dir, cacheDir] = process.argv.slice(2);
  if (dir === undefined || cacheDir === undefined) throw new Error("usage: local-child <project dir> <cache dir>");
  const config = await loadConfig({ cwd: dir, env: {} });
  const sampler = startRssSampler();
  const run = await runLocalPipeline(config, { cache: cacheDir });
  const report: LocalChildReport = {
    files: run.files,
    errors: run.errors,
    cacheHits: run.cacheHits,
    steps: run.steps,
    totalMs: run.totalMs,
    peakRssMb: sampler.stop(),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
