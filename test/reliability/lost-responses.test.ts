import { writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as wait } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { createSeededRandom } from "../../src/emulator/index.js";
import { serializeLock } from "../../src/lock/serialize-lock.js";
import { createIntercomClient } from "../../src/remote/client.js";
import { TEST_TOKEN } from "../support/emulator.js";
import { expectConverged, findDuplicates } from "./support/converged.js";
import { createTestProject, type TestProject } from "../support/project.js";
import { countWritesOf, waitForIdleEmulator } from "./support/kill-runs.js";

/** The client gives up on a request after this long in the timeout scenario. */
const CLIENT_TIMEOUT_MS = 150;
/** Creates that Intercom applies only after the client has given up on them. */
const SLOW_CREATES = 3;

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

function postsTo(p: TestProject, path: string): number {
  return p.emulator.requests.filter((entry) => entry.method === "POST" && entry.path === path).length;
}

describe("lost responses", () => {
  it("never turns a create whose response was lost into two items", async () => {
    project = await createTestProject({ tree: { generate: { seed: 3, articles: 30 } }, emulator: { dropAfterWriteRate: 0.3, random: createSeededRandom(5) } });
    const first = await project.push();
    const dropped = project.emulator.requests.filter((entry) => entry.dropped);
    expect(dropped.filter((entry) => entry.method === "POST").length).toBeGreaterThan(3);
    expect(findDuplicates(project.emulator.state.dump())).toEqual([]);
    const recovered = first.result?.outcomes.filter((o) => o.reason?.includes("response was lost")) ?? [];
    expect(recovered.length).toBeGreaterThan(0);
    // Every create was sent once: a lost one was found by listing, not sent again.
    expect(postsTo(project, "/articles")).toBe(30);

    project.emulator.setFaults({ dropAfterWriteRate: 0 });
    await project.push();
    await expectConverged(project);
    expect(await countWritesOf(project, () => project!.push())).toBe(0);
  });

  it("repeats an update whose response was lost, which is safe because a PUT of the same fields leaves the same article", async () => {
    project = await createTestProject({ tree: { generate: { seed: 3, articles: 8, locales: ["fr"] } } });
    await project.push();
    const lock = await project.readLock();
    const { mutateArticleInDir } = await import("../../bench/mutate-article.js");
    await mutateArticleInDir(project.dir, 1, { scope: "source" });
    project.emulator.resetRequestLog();
    project.emulator.dropNextWrites(1);
    const run = await project.push();
    expect(run.result?.ok).toBe(true);
    const puts = project.emulator.requests.filter((entry) => entry.method === "PUT");
    expect(puts).toHaveLength(2);
    expect(puts[0]?.dropped).toBe(true);
    expect(puts[1]?.path).toBe(puts[0]?.path);
    expect(project.emulator.state.dump().articles).toHaveLength(Object.keys(lock.articles).length);
    await expectConverged(project);
  });

  it("takes an update whose response was lost, followed by a local edit of the same locale, as a plain update, not a conflict", async () => {
    project = await createTestProject({ tree: { generate: { seed: 3, articles: 8, locales: ["fr"] } } });
    expect((await project.push()).result?.ok).toBe(true);
    const { editArticleFile, mutateArticleInDir } = await import("../../bench/mutate-article.js");
    const edit = await mutateArticleInDir(project.dir, 1, { scope: "source" });
    // A client that does not retry gives up on the PUT whose response is lost, as after a bad minute.
    const api = createIntercomClient({ baseUrl: project.emulator.url, token: TEST_TOKEN, maxRetries: 0 });
    project.emulator.resetRequestLog();
    project.emulator.dropNextWrites(1);
    const lost = await project.push({ api });
    expect(lost.result?.counts.failed).toBe(1);
    expect(project.emulator.requests.filter((entry) => entry.method === "PUT" && entry.applied)).toHaveLength(1);
    const lock = await project.readLock();
    const marked = Object.values(lock.articles).filter((entry) => Object.values(entry.locales).some((l) => l.unconfirmed !== undefined));
    expect(marked).toHaveLength(1);

    await editArticleFile(project.dir, edit.path, 2);
    // Without what the lock noted, the same state reads as an edit on both sides.
    const forgetful = structuredClone(lock);
    for (const entry of Object.values(forgetful.articles)) for (const value of Object.values(entry.locales)) delete value.unconfirmed;
    const forgetfulFile = path.join(project.dir, "forgetful.lock.json");
    await writeFile(forgetfulFile, serializeLock(forgetful));
    expect((await project.plan({ lockFile: forgetfulFile })).plan.summary.conflict).toBe(1);

    const next = await project.push();
    expect(next.plan.summary.conflict).toBe(0);
    expect(next.result?.ok).toBe(true);
    expect(next.result?.counts.updated).toBe(1);
    await expectConverged(project);
    expect(await countWritesOf(project, () => project!.push())).toBe(0);
  });

  it("waits for a create that timed out, finds it applied late, and never sends it twice", async () => {
    let slowed = 0;
    const created = await createTestProject({
      tree: { generate: { seed: 4, articles: 12, locales: ["fr"] } },
      emulator: {
        latencyMs: 1,
        // The newest log entry is the request being handled: hold a few article creates past the
        // client's timeout, then apply them anyway, as a slow Intercom would.
        sleep: (ms) => {
          const entry = created.emulator.requests.at(-1);
          if (entry?.method === "POST" && entry.path === "/articles" && slowed < SLOW_CREATES) {
            slowed += 1;
            return wait(CLIENT_TIMEOUT_MS * 4);
          }
          return wait(ms);
        },
      },
    }).then((p) => (project = p));
    const api = createIntercomClient({ baseUrl: created.emulator.url, token: TEST_TOKEN, timeoutMs: CLIENT_TIMEOUT_MS });
    const waits: string[] = [];
    const first = await created.push({
      api,
      applyTiming: { lateCreateWaitMs: CLIENT_TIMEOUT_MS * 8 },
      onWait: (event) => waits.push(event.reason),
    });
    expect(first.result?.ok).toBe(true);
    expect(first.result?.recovery).toMatchObject({ found: SLOW_CREATES, resent: 0 });
    expect(first.result?.outcomes.filter((o) => o.reason?.includes("response was lost"))).toHaveLength(SLOW_CREATES);
    expect(waits.filter((reason) => /whose create timed out, to show up/.test(reason)).length).toBeGreaterThan(0);
    await waitForIdleEmulator(created);
    expect(postsTo(created, "/articles")).toBe(12);
    expect(findDuplicates(created.emulator.state.dump())).toEqual([]);
    await expectConverged(created);
  });
});
