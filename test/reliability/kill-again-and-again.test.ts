import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutateArticleInDir } from "../../bench/mutate-article.js";
import { createSeededRandom } from "../../src/emulator/index.js";
import { builtCli } from "../support/built-cli.js";
import { findDuplicates } from "./support/converged.js";
import type { TestProject } from "../support/project.js";
import { createKillProject, expectRerunConverges, pushKilledAt, startAfresh } from "./support/kill-runs.js";

const RANDOM_RUN_SEEDS = [11, 23, 37];
/** A randomised sequence gives up killing after this many runs and lets the push finish. */
const MAX_KILLS_PER_SEQUENCE = 6;

const cli = builtCli();
let project: TestProject;
/** Writes of an uninterrupted first push of the generated tree. */
let fullRunWrites = 0;

beforeAll(async () => {
  ({ project, fullRunWrites } = await createKillProject());
}, 60_000);

afterAll(async () => {
  await project?.close();
});

describe("pushes killed again and again", () => {
  it("converge after runs killed again and again at seeded random points", async () => {
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
      await expectRerunConverges(project);
    }
  }, 240_000);

  it("keep every edit when the push that carries them is killed", async () => {
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
      await expectRerunConverges(project);
    }
  }, 240_000);
});
