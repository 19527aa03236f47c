import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtCli } from "../support/built-cli.js";
import { expectConverged, findDuplicates } from "./support/converged.js";
import type { TestProject } from "../support/project.js";
import {
  createKillProject, EVEN_KILL_POINTS, expectRerunConverges, killPoints, pushKilledAt, RANDOM_KILL_POINTS, startAfresh, type KillMoment,
} from "./support/kill-runs.js";

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

describe("a push killed at any point", () => {
  it("converges from an uninterrupted first push, the reference for the kill points", async () => {
    expect(fullRunWrites).toBeGreaterThan(2 * (EVEN_KILL_POINTS + RANDOM_KILL_POINTS));
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
      await expectRerunConverges(project);
    }
  }, 240_000);
});
