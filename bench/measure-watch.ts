import { watchProject } from "../src/sync/watch-project.js";
import { startBenchEmulator } from "./emulator-thread.js";
import { BenchError } from "./bench-error.js";
import { createBenchProject } from "./bench-project.js";
import type { StartEmulator } from "./measure-push.js";
import { editArticleFile, pickArticleInDir } from "./mutate-article.js";

/** Edits measured after the first push; the median is reported. */
export const WATCH_EDITS = 5;
/** Longest wait for one edit to reach Intercom before the measurement gives up. */
export const WATCH_EDIT_TIMEOUT_MS = 30_000;
/** Pause between edits, so each save is its own run rather than one debounced batch. */
const SETTLE_MS = 300;
const BENCH_TOKEN = "bench-token";

export interface WatchResult {
  articles: number;
  edits: number;
  /** Milliseconds from writing the file to the answer of its write request. */
  latenciesMs: number[];
  medianMs: number;
  maxMs: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Save-to-Intercom latency of `watch`: after the first push of a generated tree, edits one file at
 * a time and times each until its write is answered.
 */
export async function measureWatch(
  articles: number,
  options: { edits?: number; startEmulator?: StartEmulator } = {},
): Promise<WatchResult> {
  const edits = options.edits ?? WATCH_EDITS;
  const project = await createBenchProject(articles);
  const emulator = await (options.startEmulator ?? startBenchEmulator)({ rateLimit: null });
  let waiting: { resolve: () => void } | null = null;
  let firstRun: () => void = () => undefined;
  const firstRunDone = new Promise<void>((resolve) => (firstRun = resolve));
  try {
    const session = await watchProject({
      cwd: project.dir,
      env: { INTERCOM_API_URL: emulator.url, INTERCOM_ACCESS_TOKEN: BENCH_TOKEN },
      onRun: (summary) => {
        if (summary.index === 1) firstRun();
      },
      // Reported once a write is answered: the edit has reached Intercom.
      onWrite: (event) => {
        if (event.run > 1) waiting?.resolve();
      },
    });
    try {
      await firstRunDone;
      await session.idle();
      const latenciesMs: number[] = [];
      for (let edit = 1; edit <= edits; edit += 1) {
        const written = new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new BenchError("bench/watch-timeout", `Edit ${edit} did not reach Intercom within ${WATCH_EDIT_TIMEOUT_MS} ms.`)), WATCH_EDIT_TIMEOUT_MS);
          waiting = {
            resolve: () => {
              clearTimeout(timer);
              resolve();
            },
          };
        });
        // The file is chosen (the tree listed) before the clock starts: the save alone is timed.
        const file = await pickArticleInDir(project.dir, edit);
        const started = performance.now();
        await editArticleFile(project.dir, file, edit);
        await written;
        latenciesMs.push(performance.now() - started);
        waiting = null;
        await session.idle();
        await delay(SETTLE_MS);
      }
      return { articles, edits, latenciesMs, medianMs: median(latenciesMs), maxMs: Math.max(...latenciesMs) };
    } finally {
      await session.close();
    }
  } finally {
    await emulator.close();
    await project.remove();
  }
}
