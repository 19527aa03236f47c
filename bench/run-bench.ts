import { cpus, totalmem } from "node:os";
import { measureLocal, type LocalResult } from "./measure-local.js";
import { measurePush, SCALED_RATE_LIMIT, type PushResult, type StartEmulator } from "./measure-push.js";
import { measureWatch, type WatchResult } from "./measure-watch.js";

/** Sizes of the full benchmark (articles; each in 5 locales). */
export const FULL_SIZES = { local: [2_000, 10_000], push: 2_000, watch: 2_000 } as const;
/** Sizes of `--quick`: a smoke run of every measurement in seconds. */
export const QUICK_SIZES = { local: [40, 120], push: 40, watch: 40 } as const;

export interface BenchOptions {
  quick?: boolean;
  /** Reports each measurement as it starts (progress on stderr). */
  onStep?: (message: string) => void;
  /** The emulator to push to. Default: the in-process one, unchecked. */
  startEmulator?: StartEmulator;
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
}

export interface BenchReport {
  date: string;
  quick: boolean;
  machine: MachineInfo;
  local: LocalResult[];
  push: PushResult;
  watch: WatchResult;
}

/** The machine the figures come from (they only compare on the same one). */
export function describeMachine(): MachineInfo {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/**
 * Runs every measurement one after the other (never in parallel: they would slow each other):
 * local pipeline per size, pushes against the rate-limited emulator, watch latency.
 *
 * @param now the report's date (injectable for tests)
 */
export async function runBench(options: BenchOptions = {}, now: () => Date = () => new Date()): Promise<BenchReport> {
  const sizes = options.quick === true ? QUICK_SIZES : FULL_SIZES;
  const step = options.onStep ?? (() => undefined);
  const local: LocalResult[] = [];
  for (const articles of sizes.local) {
    step(`local pipeline: ${articles} articles x 5 locales`);
    local.push(await measureLocal(articles));
  }
  step(`push: ${sizes.push} articles x 5 locales at ${SCALED_RATE_LIMIT.limit} requests / ${SCALED_RATE_LIMIT.windowMs} ms`);
  const push = await measurePush(sizes.push, { startEmulator: options.startEmulator });
  step("watch latency");
  const watch = await measureWatch(sizes.watch, { startEmulator: options.startEmulator });
  return { date: now().toISOString(), quick: options.quick === true, machine: describeMachine(), local, push, watch };
}
