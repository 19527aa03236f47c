import { setTimeout as wait } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { builtCli } from "../support/built-cli.js";
import { spawnCli } from "../support/child-cli.js";
import { expectConverged, findDuplicates, readDesired } from "./support/converged.js";
import { createTestProject, isAppliedWrite, type TestProject } from "../support/project.js";
import { countWritesOf, startAfresh, waitForIdleEmulator } from "./support/kill-runs.js";

/** Ctrl-C arrives when the emulator has applied this many writes. */
const INTERRUPT_AFTER_WRITES = 12;
/** Latency of the requests a second Ctrl-C abandons: long enough that they are still in flight at the exit. */
const SLOW_LATENCY_MS = 3_000;

const cli = builtCli();
let project: TestProject;

beforeAll(async () => {
  // Latency keeps requests in flight when the signal arrives.
  project = await createTestProject({ tree: { generate: { seed: 21, articles: 30, locales: ["fr", "de"] } }, emulator: { latencyMs: [5, 25] } });
});

afterAll(async () => {
  await project?.close();
});

beforeEach(async () => {
  await startAfresh(project);
});

describe("Ctrl-C during push", () => {
  it("finishes the requests in flight, saves the lock, reports what was and was not done, and exits 130", async () => {
    let applied = 0;
    const run = spawnCli(cli, ["push"], { cwd: project.dir, env: project.env });
    project.onResponse = (check) => {
      if (isAppliedWrite(check) && (applied += 1) === INTERRUPT_AFTER_WRITES) run.child.kill("SIGINT");
    };
    const result = await run.done;
    await waitForIdleEmulator(project);
    project.onResponse = null;

    expect(result.code).toBe(130);
    expect(result.stderr).toContain("Interrupted: finishing the requests in flight and saving the lock");
    expect(result.stdout).toMatch(/Interrupted: \d+ items? (?:was|were) not started; push again to finish\./);
    expect(result.stdout).toMatch(/Applied: \d+ created/);
    const created = Number(/Applied: (\d+) created/.exec(result.stdout)?.[1]);
    const desired = await readDesired(project);
    expect(created).toBeGreaterThanOrEqual(INTERRUPT_AFTER_WRITES);
    expect(created).toBeLessThan(desired.articles.length + desired.collections.length);

    // The lock names exactly what Intercom now holds: every write in flight was recorded.
    const lock = await project.readLock();
    const state = project.emulator.state.dump();
    const lockIds = [...Object.values(lock.collections), ...Object.values(lock.articles)].map((entry) => entry.id).sort();
    const remoteIds = [...state.collections, ...state.articles].map((item) => String(item.id)).sort();
    expect(lockIds).toEqual(remoteIds);
    expect(lockIds).toHaveLength(created);

    const rerun = await project.push();
    expect(rerun.result?.counts.created).toBe(desired.articles.length + desired.collections.length - created);
    await expectConverged(project);
  }, 60_000);
});

describe("a second Ctrl-C during push", () => {
  it("stops at once: abandons the requests in flight, saves the lock, exits 130, and the next push converges", async () => {
    let applied = 0;
    let slowFrom = Number.POSITIVE_INFINITY;
    const run = spawnCli(cli, ["push"], { cwd: project.dir, env: project.env });
    project.onResponse = (check) => {
      if (!isAppliedWrite(check) || (applied += 1) !== INTERRUPT_AFTER_WRITES) return;
      // From now on Intercom is slow: the requests in flight when Ctrl-C comes twice stay in flight.
      slowFrom = project.emulator.requests.length;
      project.emulator.setFaults({ latencyMs: SLOW_LATENCY_MS });
    };
    try {
      while (!project.emulator.requests.slice(slowFrom).some((entry) => entry.status === 0)) await wait(10);
      run.child.kill("SIGINT");
      await wait(100);
      run.child.kill("SIGINT");
      const result = await run.done;
      const inFlightAtExit = project.emulator.requests.filter((entry) => entry.status === 0).length;

      expect(result.code).toBe(130);
      expect(inFlightAtExit).toBeGreaterThan(0);
      expect(result.stderr).toContain("Interrupted again: stopping now and saving the lock");
      expect(result.stdout).toMatch(/Stopped at once: \d+ items? (?:was|were) not finished; push again to finish\./);
      const lock = await project.readLock();
      expect(Object.keys(lock.collections).length + Object.keys(lock.articles).length).toBeGreaterThanOrEqual(INTERRUPT_AFTER_WRITES);
    } finally {
      project.onResponse = null;
      project.emulator.setFaults({ latencyMs: [5, 25] });
      await waitForIdleEmulator(project);
    }
    // The abandoned requests were applied after the exit: the next push adopts them.
    const rerun = await project.push();
    expect(rerun.result?.ok).toBe(true);
    expect(findDuplicates(project.emulator.state.dump())).toEqual([]);
    await expectConverged(project);
  }, 60_000);
});

describe("two pushes at once in one folder", () => {
  it("never interleave: the second waits for the first, then finds nothing to do", async () => {
    const first = spawnCli(cli, ["push"], { cwd: project.dir, env: project.env });
    const second = spawnCli(cli, ["push"], { cwd: project.dir, env: project.env });
    const results = await Promise.all([first.done, second.done]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const outputs = results.map((result) => result.stdout);
    const desired = await readDesired(project);
    const everything = desired.articles.length + desired.collections.length;
    // One run created everything; the other planned against its lock afterwards.
    expect(outputs.filter((text) => text.includes(`Applied: ${everything} created`))).toHaveLength(1);
    expect(outputs.filter((text) => text.includes("No changes."))).toHaveLength(1);
    expect(project.emulator.requests.filter((entry) => entry.method === "POST")).toHaveLength(everything);
    expect(findDuplicates(project.emulator.state.dump())).toEqual([]);
    await expectConverged(project);
    expect(await countWritesOf(project, () => project.push())).toBe(0);
  }, 60_000);
});
