import { afterEach, describe, expect, it } from "vitest";
import { checkProject } from "../../src/check/check-project.js";
import { resolveProjectConfig } from "../../src/sync/project-config.js";
import { callApi } from "../support/http.js";
import { createPushedProject, expectRequestsConform, setFrontMatterKeys, type TestProject } from "../support/project.js";

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

const SSO = "content/getting-started/advanced/single-sign-on.md";
const LINKS = "content/writing/links.md";
/** The emulator's clock starts here; files schedule in 2099, in the future of every clock involved. */
const START_MS = Date.parse("2026-01-01T00:00:00Z");
const PUBLISH_AT = "2099-01-01T09:00:00Z";
const LATER = "2099-02-01T09:00:00Z";

function pushedProject(): Promise<TestProject> {
  return createPushedProject({ clockStartMs: START_MS });
}

async function articleOf(p: TestProject, key: string) {
  const id = (await p.readLock()).articles[key]?.id;
  const found = p.state().articles.find((article) => String(article.id) === id);
  if (found === undefined) throw new Error(`no article ${key}`);
  return found;
}

/** Moves the emulator's clock to just after `iso`. */
function moveClockPast(p: TestProject, iso: string): void {
  const now = START_MS + 0;
  p.tick(Math.ceil((Date.parse(iso) - now) / 1000) + 60);
}

describe("publish_at and unpublish_at", () => {
  it("schedules a draft's publication, moves it, and once it happened makes no write, and pull keeps the file", async () => {
    project = await pushedProject();
    await setFrontMatterKeys(project, SSO, [`publish_at: ${PUBLISH_AT}`]);
    expect((await project.cli("push")).code).toBe(0);
    const writes = project.takeWrites();
    expect(writes.map((w) => w.body)).toEqual([{ scheduled_publish_at: PUBLISH_AT, state: "published" }]);
    expectRequestsConform(writes);
    const scheduled = await articleOf(project, "getting-started/advanced/single-sign-on");
    expect(scheduled.scheduledPublishAt).toBe(Date.parse(PUBLISH_AT) / 1000);
    expect(scheduled.locales.en?.state).toBe("draft");
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);

    await setFrontMatterKeys(project, SSO, [`publish_at: ${LATER}`]);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites().map((w) => w.body)).toEqual([{ scheduled_publish_at: LATER, state: "published" }]);

    moveClockPast(project, LATER);
    const after = await project.cli("push");
    expect(after.code).toBe(0);
    expect(after.stdout).not.toContain("drift");
    expect(project.takeWrites()).toEqual([]);
    const published = await articleOf(project, "getting-started/advanced/single-sign-on");
    expect(published.scheduledPublishAt).toBeNull();
    expect(Object.values(published.locales).map((locale) => locale.state)).toEqual(["published", "published", "published"]);

    // The lock learnt the new stamp: Intercom did what the file said, so the file stays as written.
    const before = await project.read(SSO);
    expect((await project.cli("pull")).code).toBe(0);
    expect(await project.read(SSO)).toBe(before);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });

  it("pulls a schedule set in Intercom as publish_at, and one that happened as state: published", async () => {
    project = await pushedProject();
    const id = (await project.readLock()).articles["getting-started/advanced/single-sign-on"]?.id ?? "";
    project.tick(5);
    expect((await callApi(project.emulator.url, "PUT", `/articles/${id}`, { body: { scheduled_publish_at: PUBLISH_AT, state: "published" } })).status).toBe(200);
    expect((await project.cli("pull")).code).toBe(0);
    expect(await project.read(SSO)).toContain(`publish_at: ${PUBLISH_AT}\n`);
    project.takeWrites();
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);

    moveClockPast(project, PUBLISH_AT);
    expect((await project.cli("pull")).code).toBe(0);
    const pulled = await project.read(SSO);
    expect(pulled).not.toContain("publish_at");
    expect(pulled).toContain("state: published");
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });

  it("cancels a pending schedule when the key is removed", async () => {
    project = await pushedProject();
    await setFrontMatterKeys(project, SSO, [`publish_at: ${PUBLISH_AT}`]);
    await project.cli("push");
    project.takeWrites();
    await setFrontMatterKeys(project, SSO, ["publish_at"]);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites().map((w) => w.body)).toEqual([{ scheduled_publish_at: null }]);
    expect((await articleOf(project, "getting-started/advanced/single-sign-on")).scheduledPublishAt).toBeNull();
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });

  it("schedules the unpublication of a published article, which then makes no write", async () => {
    project = await pushedProject();
    await setFrontMatterKeys(project, LINKS, [`unpublish_at: ${PUBLISH_AT}`]);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites().map((w) => w.body)).toEqual([{ scheduled_unpublish_at: PUBLISH_AT }]);
    moveClockPast(project, PUBLISH_AT);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
    expect((await articleOf(project, "writing/links")).locales.en?.state).toBe("draft");
  });

  it("keeps a schedule changed in Intercom as drift, stops on a conflict, and overwrites it with --force", async () => {
    project = await pushedProject();
    await setFrontMatterKeys(project, SSO, [`publish_at: ${PUBLISH_AT}`]);
    await project.cli("push");
    project.takeWrites();
    const id = (await project.readLock()).articles["getting-started/advanced/single-sign-on"]?.id ?? "";
    project.tick(5);
    expect((await callApi(project.emulator.url, "PUT", `/articles/${id}`, { body: { scheduled_publish_at: "2098-06-01T00:00:00Z", state: "published" } })).status).toBe(200);
    project.takeWrites();

    const drift = await project.cli("push");
    expect(drift.code).toBe(0);
    expect(drift.stdout).toContain("drift: schedule");
    expect(project.takeWrites()).toEqual([]);

    await setFrontMatterKeys(project, SSO, [`publish_at: ${LATER}`]);
    const conflict = await project.cli("push");
    expect(conflict.code).toBe(1);
    expect(project.takeWrites()).toEqual([]);
    expect((await project.cli("push", "--force")).code).toBe(0);
    expect(project.takeWrites()).toHaveLength(1);
    expect((await articleOf(project, "getting-started/advanced/single-sign-on")).scheduledPublishAt).toBe(Date.parse(LATER) / 1000);
  });

  it("finds broken schedules with check, offline, and push writes nothing", async () => {
    project = await pushedProject();
    await setFrontMatterKeys(project, SSO, ["publish_at: 2020-01-01T00:00:00Z"]);
    await setFrontMatterKeys(project, LINKS, ["state: published", `publish_at: ${PUBLISH_AT}`]);
    await setFrontMatterKeys(project, "content/writing/markdown.md", [`publish_at: ${PUBLISH_AT}`, `unpublish_at: ${LATER}`]);
    await setFrontMatterKeys(project, "content/welcome.md", ["state: draft", `unpublish_at: ${PUBLISH_AT}`]);
    await setFrontMatterKeys(project, "content/troubleshooting/sign-in.md", ["publish_at: tomorrow"]);
    const requestsBefore = project.emulator.requests.length;
    const check = await project.cli("check");
    expect(check.code).toBe(1);
    expect(project.emulator.requests.length).toBe(requestsBefore);
    for (const [file, code] of [
      [SSO, "settings/schedule-in-past"],
      [LINKS, "settings/publish-at-published"],
      ["content/writing/markdown.md", "settings/both-schedules"],
      ["content/welcome.md", "settings/unpublish-at-draft"],
      ["content/troubleshooting/sign-in.md", "settings/invalid-datetime"],
    ] as const) {
      expect(check.stdout).toMatch(new RegExp(`${file.replace(/[/.]/g, "\\$&")}\\n {2}\\d+(:\\d+)? +error +${code.replace("/", "\\/")}`));
    }
    expect((await project.cli("push")).code).toBe(1);
    expect(project.takeWrites()).toEqual([]);
  });

  it("warns once a pushed schedule's time has passed, and errs on one that was never pushed", async () => {
    project = await pushedProject();
    await setFrontMatterKeys(project, SSO, [`publish_at: ${PUBLISH_AT}`]);
    await project.cli("push");
    const config = await resolveProjectConfig({ cwd: project.dir, env: project.env });
    const later = (): number => Date.parse(PUBLISH_AT) + 3_600_000;
    const stale = await checkProject(config, { clock: later });
    expect(stale.ok).toBe(true);
    expect(stale.diagnostics.map((d) => [d.code, d.severity, d.location.file, d.location.line])).toEqual([["settings/schedule-passed", "warning", SSO, 2]]);

    await setFrontMatterKeys(project, SSO, [`publish_at: ${LATER}`]);
    const never = await checkProject(config, { clock: () => Date.parse(LATER) + 1000 });
    expect(never.diagnostics.map((d) => [d.code, d.severity])).toEqual([["settings/schedule-in-past", "error"]]);
  });
});
