/**
 * A watch session on a throwaway project wired to the test emulator, with helpers that wait on
 * run events (never on the clock) and a short "settle" to prove that no further run follows.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { createTestProject, type TestProject } from "../support/project.js";
import type { EmulatorOptions } from "../../src/emulator/index.js";
import { watchProject } from "../../src/sync/watch-project.js";
import type { WatchOptions } from "../../src/sync/watch-project.js";
import type { WatchRunSummary, WatchSession } from "../../src/watch/types.js";

/** How long a test waits for a run it expects. Generous: the machine is shared. */
export const RUN_TIMEOUT_MS = 20_000;
/** Quiet period after which a test concludes that no further run is coming. */
export const SETTLE_MS = 1_000;

export interface WatchedProject {
  project: TestProject;
  session: WatchSession;
  runs: WatchRunSummary[];
  /** Resolves with the first run, after the ones seen so far, that matches `predicate`. */
  nextRun(predicate?: (run: WatchRunSummary) => boolean): Promise<WatchRunSummary>;
  /** Waits until no run is running or waiting and none has started for SETTLE_MS. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startWatchedProject(
  options: { config?: Record<string, unknown>; emulator?: EmulatorOptions; watch?: Partial<WatchOptions>; setup?: (project: TestProject) => Promise<void> } = {},
): Promise<WatchedProject> {
  const project = await createTestProject({ config: options.config, emulator: options.emulator });
  await options.setup?.(project);
  const runs: WatchRunSummary[] = [];
  let waiters: { from: number; predicate: (run: WatchRunSummary) => boolean; resolve: (run: WatchRunSummary) => void }[] = [];
  const session = await watchProject({
    cwd: project.dir,
    env: project.env,
    ...options.watch,
    onRun: (summary) => {
      runs.push(summary);
      options.watch?.onRun?.(summary);
      const matched = waiters.filter((waiter) => runs.length > waiter.from && waiter.predicate(summary));
      waiters = waiters.filter((waiter) => !matched.includes(waiter));
      for (const waiter of matched) waiter.resolve(summary);
    },
  });
  let seen = 0;
  const nextRun = (predicate: (run: WatchRunSummary) => boolean = () => true): Promise<WatchRunSummary> => {
    const from = seen;
    const already = runs.slice(from).find(predicate);
    if (already) {
      seen = runs.indexOf(already) + 1;
      return Promise.resolve(already);
    }
    return new Promise<WatchRunSummary>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching run within ${RUN_TIMEOUT_MS} ms; runs: ${JSON.stringify(runs.map((r) => [r.index, r.status, r.changedFiles]))}`)), RUN_TIMEOUT_MS);
      waiters.push({
        from,
        predicate,
        resolve: (run) => {
          clearTimeout(timer);
          seen = runs.indexOf(run) + 1;
          resolve(run);
        },
      });
    });
  };
  return {
    project,
    session,
    runs,
    nextRun,
    async settle() {
      for (;;) {
        await session.idle();
        const count = runs.length;
        await sleep(SETTLE_MS);
        await session.idle();
        if (runs.length === count) return;
      }
    },
    async close() {
      await session.close();
      await project.close();
    },
  };
}
