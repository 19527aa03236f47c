/**
 * Pushes that die: the CLI is started as a child process and killed with SIGKILL right when the
 * emulator has applied its k-th write, either before that write's response is sent (the worst
 * case: applied, never acknowledged, nothing saved) or just after it.
 */
import { rm } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { expect } from "vitest";
import { createSeededRandom } from "../../../src/emulator/index.js";
import { spawnCli, type ChildResult } from "../../support/child-cli.js";
import { expectConverged } from "./converged.js";
import { createTestProject, isAppliedWrite, type TestProject } from "../../support/project.js";

export type KillMoment = "before-response" | "after-response";

export interface KilledPush extends ChildResult {
  /** Writes the emulator applied during this run, the killed one's stragglers included. */
  applied: number;
  killed: boolean;
}

const IDLE_POLL_MS = 10;

/** Waits until the emulator has answered (or dropped) every request it received. */
export async function waitForIdleEmulator(project: TestProject): Promise<void> {
  while (project.emulator.requests.some((entry) => entry.status === 0)) await sleep(IDLE_POLL_MS);
}

/**
 * The tree the kill suites push again and again (they run side by side, on the same tree), and the
 * writes of its uninterrupted first push. Big enough for collections, articles, translations and
 * link refreshes at every kill point, and several requests in flight at each; small enough to push
 * thirty times.
 */
export async function createKillProject(): Promise<{ project: TestProject; fullRunWrites: number }> {
  const project = await createTestProject({ tree: { generate: { seed: 7, articles: 16, locales: ["fr", "de"] } } });
  const fullRunWrites = await countWritesOf(project, async () => {
    const run = await project.push();
    expect(run.result?.ok).toBe(true);
  });
  return { project, fullRunWrites };
}

/** Back to an empty help center and no lock file. */
export async function startAfresh(project: TestProject): Promise<void> {
  project.onResponse = null;
  project.emulator.reset();
  await rm(project.lockPath, { force: true });
}

/** Runs `push` in a child process and SIGKILLs it at the k-th applied write (if it gets that far). */
export async function pushKilledAt(cli: string, project: TestProject, k: number, moment: KillMoment): Promise<KilledPush> {
  let applied = 0;
  let killed = false;
  const run = spawnCli(cli, ["push"], { cwd: project.dir, env: project.env });
  const kill = (): void => {
    killed = run.child.kill("SIGKILL");
  };
  project.onResponse = (check) => {
    if (!isAppliedWrite(check)) return;
    applied += 1;
    if (applied !== k) return;
    // The hook runs before the response is written: killing now loses it for sure.
    if (moment === "before-response") kill();
    else setImmediate(kill);
  };
  const result = await run.done;
  await waitForIdleEmulator(project);
  project.onResponse = null;
  return { ...result, applied, killed: killed && result.signal === "SIGKILL" };
}

/** Writes a full in-process push makes, counted by the emulator. */
export async function countWritesOf(project: TestProject, run: () => Promise<unknown>): Promise<number> {
  const before = project.emulator.requests.length;
  await run();
  return project.emulator.requests.slice(before).filter((entry) => entry.write).length;
}

/** Kill points spread evenly over a run, plus this many seeded random ones. */
export const EVEN_KILL_POINTS = 8;
export const RANDOM_KILL_POINTS = 5;

/** Write numbers to kill at: `EVEN_KILL_POINTS` spread over `total` writes, then seeded random ones. */
export function killPoints(total: number, seed: number): number[] {
  const step = Math.max(1, Math.ceil(total / EVEN_KILL_POINTS));
  const points = new Set<number>();
  for (let k = 1; k <= total; k += step) points.add(k);
  const random = createSeededRandom(seed);
  while (points.size < Math.min(total, EVEN_KILL_POINTS + RANDOM_KILL_POINTS)) points.add(1 + Math.floor(random() * total));
  return [...points].sort((a, b) => a - b);
}

/** After a kill: a complete rerun, the intended help center, and a third push that writes nothing. */
export async function expectRerunConverges(project: TestProject): Promise<void> {
  const rerun = await project.push();
  const trouble = rerun.result?.outcomes.filter((o) => o.outcome === "failed" || o.outcome === "skipped");
  expect(rerun.result?.ok, JSON.stringify({ trouble, errors: rerun.plan.errors, lockError: rerun.result?.lockError })).toBe(true);
  await expectConverged(project);
  const writes = await countWritesOf(project, () => project.push());
  expect(writes).toBe(0);
}
