import { afterEach, describe, expect, it } from "vitest";
import { createPushedProject, createTestProject, expectRequestsConform, textOf, type TestProject } from "../support/project.js";

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

const EXAMPLE_CONFIG = {
  sourceLocale: "en",
  locales: ["fr", "de"],
  defaultState: "published",
  assetBaseUrl: "https://assets.lumen-notes.example/help/",
};

interface LockShape {
  articles: Record<string, { id: string; locales: Record<string, { hash: string; staged?: { hash: string }; held?: boolean }> }>;
}

async function lockOf(p: TestProject): Promise<LockShape> {
  return JSON.parse(await p.read("intercom-sync.lock.json")) as LockShape;
}

async function idOf(p: TestProject, key: string): Promise<string> {
  const entry = (await lockOf(p)).articles[key];
  if (entry === undefined) throw new Error(`${key} is not in the lock`);
  return entry.id;
}

/** A pushed example project, with the request log emptied. */
function pushedProject(config: Record<string, unknown> = EXAMPLE_CONFIG): Promise<TestProject> {
  return createPushedProject({ config });
}

async function editWelcome(p: TestProject, locales: readonly string[]): Promise<void> {
  for (const locale of locales) {
    const file = locale === "en" ? "content/welcome.md" : `locales/${locale}/welcome.md`;
    const text = await p.read(file);
    await p.write(file, `${text}\nReviewed paragraph (${locale}).\n`);
  }
}

function liveText(p: TestProject, id: string, locale: string): string {
  const article = p.state().articles.find((a) => String(a.id) === id);
  return textOf(article?.locales[locale]?.body ?? "");
}

describe("push --stage and publish", () => {
  it("stages a change to a published article as a draft, sends nothing the second time, and publishes it without a body", async () => {
    project = await pushedProject();
    const id = await idOf(project, "welcome");
    await editWelcome(project, ["en", "fr"]);

    const staged = await project.cli("push", "--stage");
    expect(staged.code).toBe(0);
    const writes = project.takeWrites();
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([`PUT /articles/${id}/draft`]);
    expectRequestsConform(writes);
    // Readers keep the live version.
    expect(liveText(project, id, "en")).not.toContain("Reviewed paragraph");
    expect(liveText(project, id, "fr")).not.toContain("Reviewed paragraph");
    expect((await lockOf(project)).articles.welcome?.locales.fr?.staged).toBeDefined();

    expect((await project.cli("push", "--stage")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);

    const plan = await project.cli("plan");
    expect(plan.stdout).toContain("Staged in Intercom, not yet published (1)");
    expect(plan.stdout).toContain("article welcome: en, fr");
    const status = await project.cli("status");
    expect(status.stdout).toMatch(/Staged, not yet published: welcome \(en, fr\)/);

    const published = await project.cli("publish");
    expect(published.code).toBe(0);
    expect(published.stdout).toContain("article welcome: published en, fr");
    const publishWrites = project.takeWrites();
    expect(publishWrites).toEqual([{ method: "POST", path: `/articles/${id}/draft/publish`, body: { locales: ["en", "fr"] } }]);
    expectRequestsConform(publishWrites);
    expect(liveText(project, id, "en")).toContain("Reviewed paragraph (en)");
    expect(liveText(project, id, "fr")).toContain("Reviewed paragraph (fr)");

    const live = await project.cli("push");
    expect(live.code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
    expect((await project.cli("plan")).stdout).toContain("No changes.");
  });

  it("publishes only the named article, by key or by file", async () => {
    project = await pushedProject();
    await editWelcome(project, ["en"]);
    await project.write("content/writing/links.md", `${await project.read("content/writing/links.md")}\nOne more line.\n`);
    await project.cli("push", "--stage");
    project.takeWrites();
    const welcome = await idOf(project, "welcome");
    const links = await idOf(project, "writing/links");

    expect((await project.cli("publish", "welcome")).code).toBe(0);
    expect(project.takeWrites()).toEqual([{ method: "POST", path: `/articles/${welcome}/draft/publish`, body: { locales: ["en"] } }]);
    expect((await project.cli("publish", "content/writing/links.md")).code).toBe(0);
    expect(project.takeWrites().map((w) => w.path)).toEqual([`/articles/${links}/draft/publish`]);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });

  it("publishes one locale with --locale and leaves the other staged", async () => {
    project = await pushedProject();
    const id = await idOf(project, "welcome");
    await editWelcome(project, ["en", "fr"]);
    await project.cli("push", "--stage");
    project.takeWrites();

    expect((await project.cli("publish", "--locale", "fr")).code).toBe(0);
    expect(project.takeWrites()).toEqual([{ method: "POST", path: `/articles/${id}/draft/publish`, body: { locales: ["fr"] } }]);
    expect(liveText(project, id, "fr")).toContain("Reviewed paragraph (fr)");
    expect(liveText(project, id, "en")).not.toContain("Reviewed paragraph");
    expect((await project.cli("plan")).stdout).toContain("article welcome: en");
    // The staged en draft is not sent again by a staged push.
    await project.cli("push", "--stage");
    expect(project.takeWrites()).toEqual([]);
  });

  it("publishes the staged draft, and sends no text, when a live push finds the files' text already staged", async () => {
    project = await pushedProject();
    const id = await idOf(project, "welcome");
    await editWelcome(project, ["en"]);
    await project.cli("push", "--stage");
    project.takeWrites();
    const plan = await project.cli("plan");
    expect(plan.stdout).toContain("publishes the draft staged earlier");
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([{ method: "POST", path: `/articles/${id}/draft/publish`, body: { locales: ["en"] } }]);
    expect(liveText(project, id, "en")).toContain("Reviewed paragraph (en)");
    await project.cli("push");
    expect(project.takeWrites()).toEqual([]);
  });

  it("reports an edit made in Intercom to a staged draft as drift, and does not publish it", async () => {
    project = await pushedProject();
    const id = await idOf(project, "welcome");
    await editWelcome(project, ["en"]);
    await project.cli("push", "--stage");
    project.takeWrites();
    project.emulator.editInEditor(id, "en", { draft: true, title: "Welcome, reviewed" });

    const plan = await project.cli("plan", "--stage");
    expect(plan.stdout).toContain("? article welcome");
    expect(plan.stdout).toContain("en (edited in Intercom)");
    const pushed = await project.cli("push", "--stage");
    expect(pushed.code).toBe(0);
    expect(pushed.stdout + pushed.stderr).toMatch(/The en draft of article welcome staged for review was edited in Intercom since the last push/);
    const publish = await project.cli("publish", "welcome");
    expect(publish.code).toBe(1);
    expect(publish.stdout).toContain("The en draft of welcome was edited in Intercom after it was staged");
    expect(project.takeWrites()).toEqual([]);

    // Editing the file too is a conflict: skipped, exit 1.
    await project.write("content/welcome.md", `${await project.read("content/welcome.md")}\nAnother line.\n`);
    const conflict = await project.cli("push", "--stage");
    expect(conflict.code).toBe(1);
    expect(project.takeWrites()).toEqual([]);
  });

  it("creates a new article as a draft in stage mode (publishMode in the config), and publish makes it live", async () => {
    project = await pushedProject();
    await project.write("intercom-sync.config.json", JSON.stringify({ ...EXAMPLE_CONFIG, publishMode: "stage" }));
    await project.write("content/writing/tables.md", "---\ntitle: Tables\n---\nRows and columns.\n");
    expect((await project.cli("push")).code).toBe(0);
    const created = project.takeWrites();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ method: "POST", path: "/articles", body: { title: "Tables", state: "draft" } });
    const id = await idOf(project, "writing/tables");
    expect((await lockOf(project)).articles["writing/tables"]?.locales.en?.held).toBe(true);
    await project.cli("push");
    expect(project.takeWrites()).toEqual([]);

    expect((await project.cli("publish")).code).toBe(0);
    expect(project.takeWrites()).toEqual([{ method: "PUT", path: `/articles/${id}`, body: { state: "published" } }]);
    expect(project.state().articles.find((a) => String(a.id) === id)?.locales.en?.state).toBe("published");
    await project.cli("push", "--stage");
    await project.cli("push");
    expect(project.takeWrites()).toEqual([]);
  });

  it("refuses a name that is not an article of the lock, before any write", async () => {
    project = await pushedProject();
    await editWelcome(project, ["en"]);
    await project.cli("push", "--stage");
    project.takeWrites();
    const run = await project.cli("publish", "welcome", "no/such-page");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('"no/such-page" is not an article this project has pushed.');
    expect(project.takeWrites()).toEqual([]);
  });
});

describe("publish on a single-language help center", () => {
  it("sends the publish request with no body at all", async () => {
    project = await createTestProject({ config: { ...EXAMPLE_CONFIG, locales: [] }, emulator: { seed: { locales: ["en"] } } });
    expect((await project.cli("push")).code).toBe(0);
    const id = await idOf(project, "welcome");
    await editWelcome(project, ["en"]);
    await project.cli("push", "--stage");
    project.takeWrites();
    expect((await project.cli("publish")).code).toBe(0);
    expect(project.takeWrites()).toEqual([{ method: "POST", path: `/articles/${id}/draft/publish`, body: undefined }]);
    expect(liveText(project, id, "en")).toContain("Reviewed paragraph (en)");
  });
});
