import { cpus, totalmem } from "node:os";
import { measureLocal, type LocalResult } from "./measure-local.js";
import { measurePush, SCALED_RATE_LIMIT, type PushResult, type StartEmulator } from "./measure-push.js";
import { measureWatch, type WatchResult } from "./measure-watch.js";
import { measureFixUps, type FixUpRow } from "./measure-fix-ups.js";
import { measureStartup, type StartupResult, type StartupScripts } from "./measure-startup.js";
import { measureFirstPushCpu, measureLatencyPushes, type FirstPushCpu, type LatencyPush } from "./measure-latency.js";

/** Sizes of the full benchmark (articles; each in 5 locales). */
export const FULL_SIZES = { local: [2_000, 10_000], push: 2_000, watch: 2_000, latency: 2_000, cpu: 100 } as const;
/** Sizes of `--quick`: a smoke run of every measurement in seconds. */
export const QUICK_SIZES = { local: [40, 120], push: 40, watch: 40, latency: 20, cpu: 10 } as const;
/** Emulator latencies of the slow first pushes: Intercom answers in 100-500 ms, and the write rate must hold from 20 ms up. */
export const LATENCIES_MS: readonly number[] = [20, 100, 300, 500];

export interface BenchOptions {
  quick?: boolean;
  /** Reports each measurement as it starts (progress on stderr). */
  onStep?: (message: string) => void;
  /** The emulator to push to. Default: the in-process one, unchecked. */
  startEmulator?: StartEmulator;
  /** Where the start-up measurement finds the CLI (tests run from sources, not build/). */
  startupScripts?: StartupScripts;
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
  fixUps: FixUpRow[];
  startup: StartupResult[];
  latency: LatencyPush[];
  cpu: FirstPushCpu;
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
 * local pipeline per size, pushes against the rate-limited emulator, watch latency, link fix-ups
 * against the minimum, CLI start-up.
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
  step("link fix-ups against the minimum");
  const fixUps = measureFixUps(options.quick === true ? 5 : 50);
  step("start-up of --help and --version");
  const startup = measureStartup(options.quick === true ? 3 : 7, options.startupScripts);
  step(`first pushes of ${sizes.latency} articles x 5 locales at ${LATENCIES_MS.join(", ")} ms a request`);
  const latency = await measureLatencyPushes(sizes.latency, LATENCIES_MS, options.startEmulator);
  step(`CPU of a first push of ${sizes.cpu} articles x 2 locales`);
  const cpu = await measureFirstPushCpu(sizes.cpu, options.startupScripts, options.startEmulator);
  return { date: now().toISOString(), quick: options.quick === true, machine: describeMachine(), local, push, watch, fixUps, startup, latency, cpu };
}
