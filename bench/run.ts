/**
 * `npm run bench`: measures the local pipeline, the pushes against the in-process emulator and the
 * watch latency, then prints a table (or JSON with `--json`). `--quick` uses small sizes.
 */
import { parseBenchArgs } from "./bench-args.js";
import { formatBenchTable } from "./format-bench.js";
import { runBench } from "./run-bench.js";

async function main(): Promise<number> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (typeof args === "string") {
    process.stderr.write(`${args}\n`);
    return 1;
  }
  const report = await runBench({ quick: args.quick, onStep: (message) => process.stderr.write(`bench: ${message}\n`) });
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatBenchTable(report));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
