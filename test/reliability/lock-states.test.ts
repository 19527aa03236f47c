import { readFile, rm, writeFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { acquireRunLock } from "../../src/lock/run-lock.js";
import { expectConverged, findDuplicates } from "./support/converged.js";
import { createTestProject, type TestProject } from "../support/project.js";
import { countWritesOf } from "./support/kill-runs.js";

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

async function pushedProject(): Promise<TestProject> {
  project = await createTestProject({ tree: { generate: { seed: 9, articles: 20, locales: ["fr", "de"] } } });
  const run = await project.push();
  expect(run.result?.ok).toBe(true);
  return project;
}

describe("push with a missing, stale or foreign lock", () => {
  it("adopts everything already in Intercom when the lock file was deleted: zero writes", async () => {
    const p = await pushedProject();
    const before = await p.readLock();
    await rm(p.lockPath);
    let adopted = 0;
    const writes = await countWritesOf(p, async () => {
      const run = await p.push();
      expect(run.result?.ok).toBe(true);
      adopted = run.result?.counts.adopted ?? 0;
    });
    expect(writes).toBe(0);
    expect(adopted).toBe(Object.keys(before.articles).length + Object.keys(before.collections).length);
    const after = await p.readLock();
    expect(Object.fromEntries(Object.entries(after.articles).map(([k, v]) => [k, v.id]))).toEqual(
      Object.fromEntries(Object.entries(before.articles).map(([k, v]) => [k, v.id])),
    );
    await expectConverged(p);
    expect(await countWritesOf(p, () => p.push())).toBe(0);
  });

  it("recreates items the lock names but Intercom no longer has, and says so", async () => {
    const p = await pushedProject();
    const lock = await p.readLock();
    const state = p.emulator.state.dump();
    // Delete in Intercom: one leaf collection with everything in it, and one article elsewhere.
    const leafKey = Object.keys(lock.collections).find((key) => !Object.keys(lock.collections).some((other) => other.startsWith(`${key}/`)));
    const leafId = Number(lock.collections[leafKey ?? ""]?.id);
    const strayKey = Object.keys(lock.articles).find((key) => !key.startsWith(`${leafKey}/`)) ?? "";
    const strayId = Number(lock.articles[strayKey]?.id);
    const gone = state.articles.filter((a) => a.parentId === leafId || a.id === strayId).length;
    state.collections = state.collections.filter((c) => c.id !== leafId);
    state.articles = state.articles.filter((a) => a.parentId !== leafId && a.id !== strayId);
    p.emulator.state.load(state);

    const run = await p.cli("push");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("deleted in Intercom; creating it again");
    expect(run.stdout).toMatch(new RegExp(`Applied: ${gone + 1} created`));
    expect(findDuplicates(p.emulator.state.dump())).toEqual([]);
    await expectConverged(p);
    expect((await p.readLock()).articles[strayKey]?.id).not.toBe(String(strayId));
  });

  it("refuses a lock written by a newer version, before any write", async () => {
    const p = await pushedProject();
    const text = await readFile(p.lockPath, "utf8");
    await writeFile(p.lockPath, text.replace(/"version": \d+/, '"version": 99'));
    p.emulator.resetRequestLog();
    const run = await p.cli("push");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/version 99: it was written by a newer intercom-sync; upgrade/);
    expect(p.emulator.writeCount()).toBe(0);
    // Nothing rewrote it.
    expect(await readFile(p.lockPath, "utf8")).toContain('"version": 99');
  });

  it.each([
    ["cut short", (text: string) => text.slice(0, text.length / 2), /not valid JSON/],
    ["with merge markers", (text: string) => `<<<<<<< ours\n${text}=======\n${text}>>>>>>> theirs\n`, /unresolved git merge conflict/],
    ["of the wrong shape", () => '{"version": 1, "collections": []}', /not a valid lock file/],
  ])("stops with a clear message and no write on a lock file %s", async (_name, corrupt, message) => {
    const p = await pushedProject();
    await writeFile(p.lockPath, corrupt(await readFile(p.lockPath, "utf8")));
    p.emulator.resetRequestLog();
    const run = await p.cli("push");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain("This is a bug");
    expect(p.emulator.writeCount()).toBe(0);
  });

  it("refuses to start while another run holds the folder, and writes nothing", async () => {
    const p = await pushedProject();
    const held = await acquireRunLock(p.dir);
    try {
      await rm(p.lockPath);
      p.emulator.resetRequestLog();
      await expect(p.push({ runLockTimeoutMs: 0 })).rejects.toThrow(/another intercom-sync run \(pid \d+\) is using this folder/);
      expect(p.emulator.requests).toHaveLength(0);
    } finally {
      await held.release();
    }
  });
});
