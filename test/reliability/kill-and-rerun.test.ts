import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutateArticleInDir } from "../../src/bench/mutate-article.js";
import { createSeededRandom } from "../../src/emulator/index.js";
import { builtCli } from "../support/built-cli.js";
import { expectConverged, findDuplicates } from "./support/converged.js";
import { createGeneratedProject, type GeneratedProject } from "./support/generated-project.js";
import { countWritesOf, pushKilledAt, startAfresh, type KillMoment } from "./support/kill-runs.js";

/** Kill points spread evenly over a run, plus this many seeded random ones. */
const EVEN_KILL_POINTS = 8;
const RANDOM_KILL_POINTS = 5;
const RANDOM_RUN_SEEDS = [11, 23, 37];
/** A randomised sequence gives up killing after this many runs and lets the push finish. */
const MAX_KILLS_PER_SEQUENCE = 6;

const cli = builtCli();
let project: GeneratedProject;
/** Writes of an uninterrupted first push of the generated tree. */
let fullRunWrites = 0;

beforeAll(async () => {
  project = await createGeneratedProject({ seed: 7, articles: 30, locales: ["fr", "de"] });
  fullRunWrites = await countWritesOf(project, async () => {
    const run = await project.push();
    expect(run.result?.ok).toBe(true);
  });
}, 60_000);

afterAll(async () => {
  await project?.close();
});

function killPoints(total: number, seed: number): number[] {
  const step = Math.max(1, Math.ceil(total / EVEN_KILL_POINTS));
  const points = new Set<number>();
  for (let k = 1; k <= total; k += step) points.add(k);
  const random = createSeededRandom(seed);
  while (points.size < Math.min(total, EVEN_KILL_POINTS + RANDOM_KILL_POINTS)) points.add(1 + Math.floor(random() * total));
  return [...points].sort((a, b) => a - b);
}

/** After a kill: a complete rerun, the intended help center, and a third push that writes nothing. */
async function expectRerunConverges(): Promise<void> {
  const rerun = await project.push();
  const trouble = rerun.result?.outcomes.filter((o) => o.outcome === "failed" || o.outcome === "skipped");
  expect(rerun.result?.ok, JSON.stringify({ trouble, errors: rerun.plan.errors, lockError: rerun.result?.lockError })).toBe(true);
  await expectConverged(project);
  const writes = await countWritesOf(project, () => project.push());
  expect(writes).toBe(0);
}

describe("a push killed at any point", () => {
  it("converges from an uninterrupted first push, the reference for the kill points", async () => {
    expect(fullRunWrites).toBeGreaterThan(40);
    await expectConverged(project);
  });

  it("converges after a SIGKILL at every kill point of a first push, with no duplicate", async () => {
    const points = killPoints(fullRunWrites, 101);
    expect(points.length).toBeGreaterThanOrEqual(EVEN_KILL_POINTS);
    for (const [index, k] of points.entries()) {
      await startAfresh(project);
      const moment: KillMoment = index % 2 === 0 ? "before-response" : "after-response";
      const killed = await pushKilledAt(cli, project, k, moment);
      expect(killed.killed, `kill at write ${k}`).toBe(true);
      expect(findDuplicates(project.emulator.state.dump())).toEqual([]);
      // Whatever was saved before the kill is a whole lock (or none yet).
      await project.readLock().catch((error: unknown) => {
        expect((error as NodeJS.ErrnoException).code, `lock after a kill at write ${k}`).toBe("ENOENT");
      });
      await expectRerunConverges();
    }
  }, 240_000);

  it("converges after runs killed again and again at seeded random points", async () => {
    for (const seed of RANDOM_RUN_SEEDS) {
      await startAfresh(project);
      const random = createSeededRandom(seed);
      let finished = false;
      for (let attempt = 0; attempt < MAX_KILLS_PER_SEQUENCE && !finished; attempt += 1) {
        const k = 1 + Math.floor(random() * (fullRunWrites / 3));
        const run = await pushKilledAt(cli, project, k, random() < 0.5 ? "before-response" : "after-response");
        finished = !run.killed;
        if (finished) expect(run.code, run.stdout.slice(-1500) + run.stderr).toBe(0);
        expect(findDuplicates(project.emulator.state.dump()), `seed ${seed}, run ${attempt + 1}`).toEqual([]);
        await project.readLock().catch((error: unknown) => expect((error as NodeJS.ErrnoException).code).toBe("ENOENT"));
      }
      await expectRerunConverges();
    }
  }, 240_000);

  it("keeps every edit when the push that carries them is killed", async () => {
    const points = [1, 2, 4, 7];
    for (const k of points) {
      await startAfresh(project);
      const first = await project.push();
      expect(first.result?.ok).toBe(true);
      for (const seed of [1, 2, 3, 4, 5]) await mutateArticleInDir(project.dir, seed + k * 10);
      const folder = path.join(project.dir, "content", `added-${k}`);
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, "_collection.md"), `---\nname: Added ${k}\n---\n`);
      await writeFile(path.join(folder, "note.md"), `---\ntitle: Note ${k}\n---\nWritten while a push was killed at write ${k}.\n`);
      const killed = await pushKilledAt(cli, project, k, k % 2 === 0 ? "before-response" : "after-response");
      expect(killed.killed).toBe(true);
      await expectRerunConverges();
    }
  }, 240_000);
});
