import { afterEach, describe, expect, it } from "vitest";
import type { EmulatorSnapshot, StoredArticle } from "../../src/emulator/index.js";
import { countTree } from "../support/count-tree.js";
import { createTestProject, expectRequestsConform, textOf, type TestProject } from "../support/project.js";

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

function articleByTitle(state: EmulatorSnapshot, title: string): StoredArticle {
  const found = state.articles.filter((article) => article.locales.en?.title === title);
  expect(found).toHaveLength(1);
  return found[0] as StoredArticle;
}

function collectionIdByName(state: EmulatorSnapshot, name: string): number {
  const found = state.collections.filter((collection) => collection.locales.en?.name === name);
  expect(found).toHaveLength(1);
  return (found[0] as { id: number }).id;
}

describe("push", () => {
  it("creates the example help center exactly: nesting, locales, titles, bodies and states", async () => {
    project = await createTestProject();
    const tree = await countTree(project.dir);
    const run = await project.push();
    expect(run.result?.ok).toBe(true);
    const writes = project.takeWrites();
    expectRequestsConform(writes);

    const state = project.state();
    expect(state.collections).toHaveLength(tree.collections);
    const gettingStarted = collectionIdByName(state, "Getting started");
    const advanced = state.collections.find((collection) => collection.locales.en?.name === "Advanced setup");
    expect(advanced?.parentId).toBe(gettingStarted);
    expect(advanced?.locales.fr?.name).toBe("Configuration avancée");
    expect(advanced?.locales.de?.name).toBe("Erweiterte Einrichtung");

    expect(state.articles).toHaveLength(tree.articles);
    const install = articleByTitle(state, "Install Lumen");
    expect(install.parentId).toBe(gettingStarted);
    expect(install.locales.fr?.title).toBe("Installer Lumen");
    expect(install.locales.de?.title).toBe("Lumen installieren");
    expect(textOf(install.locales.en?.body ?? "")).toContain("Lumen runs on macOS, Windows, Linux, iOS and Android.");
    expect(install.locales.en?.body).toContain("<table>");

    const sso = articleByTitle(state, "Single sign-on (SSO)");
    expect(sso.locales.en?.state).toBe("draft");
    // A translation without `state` follows its source.
    expect(sso.locales.fr?.state).toBe("draft");
    expect(articleByTitle(state, "Welcome to Lumen").parentId).toBeNull();

    // The French translation of sign-in.md was left out on purpose: no French locale remotely.
    const signIn = articleByTitle(state, "Cannot sign in");
    expect(Object.keys(signIn.locales).sort()).toEqual(["de", "en"]);
  });

  it("makes no write on a second push", async () => {
    project = await createTestProject();
    await project.push();
    project.takeWrites();
    const second = await project.push();
    expect(project.takeWrites()).toEqual([]);
    expect(second.plan.summary.writes).toBe(0);
    expect(second.result?.ok).toBe(true);
  });

  it("sends exactly one request, with only that locale, for an edit to one locale of one article", async () => {
    project = await createTestProject();
    await project.push();
    project.takeWrites();
    const file = "locales/fr/writing/attachments.md";
    await project.write(file, (await project.read(file)).replace("1 Go", "2 Go"));
    await project.push();
    const writes = project.takeWrites();
    expect(writes).toHaveLength(1);
    expectRequestsConform(writes);
    const body = writes[0]?.body as { translated_content?: Record<string, unknown>; title?: string };
    expect(Object.keys(body.translated_content ?? {})).toEqual(["fr"]);
    expect(body.title).toBeUndefined();
    const attachments = articleByTitle(project.state(), "Attach files");
    expect(textOf(attachments.locales.fr?.body ?? "")).toContain("2 Go");
  });

  it("ends with a working link when a new article links to another new article", async () => {
    project = await createTestProject();
    await project.push();
    await project.write("content/writing/tables.md", "---\ntitle: Tables\n---\nSee [Columns](columns.md#widths) for widths.\n");
    await project.write("content/writing/columns.md", "---\ntitle: Columns\n---\n## Widths\n\nDrag the border.\n");
    await project.push();
    const state = project.state();
    const columns = articleByTitle(state, "Columns");
    const tables = articleByTitle(state, "Tables");
    expect(tables.locales.en?.body).toContain(`/en/articles/${columns.id}-columns#widths`);
    expect(tables.locales.en?.body).not.toContain("intercom-sync:");
    // And the tree is settled: nothing left to do.
    project.takeWrites();
    await project.push();
    expect(project.takeWrites()).toEqual([]);
  });

  it("moves an article moved to another collection: same id, new parent", async () => {
    project = await createTestProject();
    const tree = await countTree(project.dir);
    await project.push();
    const before = articleByTitle(project.state(), "Attach files");
    for (const root of ["content", "locales/fr", "locales/de"]) {
      await project.move(`${root}/writing/attachments.md`, `${root}/getting-started/attachments.md`);
    }
    project.takeWrites();
    const run = await project.push();
    expect(run.plan.items.find((item) => item.action === "move")?.key).toBe("getting-started/attachments");
    const writes = project.takeWrites();
    expect(writes.map((write) => write.method)).toEqual(["PUT"]);
    expectRequestsConform(writes);
    const after = articleByTitle(project.state(), "Attach files");
    expect(after.id).toBe(before.id);
    expect(after.parentId).toBe(collectionIdByName(project.state(), "Getting started"));
    expect(project.state().articles).toHaveLength(tree.articles);
  });

  it("unpublishes a removed article by default and leaves items it never owned alone", async () => {
    project = await createTestProject();
    await project.push();
    const foreign = project.emulator.state.dump();
    foreign.articles.push({
      id: 9999,
      parentId: null,
      defaultLocale: "en",
      createdAt: 1,
      updatedAt: 1,
      locales: { en: { title: "Written in Intercom", description: "", body: "<p>Hi</p>", authorId: foreign.meAdminId, state: "published", createdAt: 1, updatedAt: 1 } },
    });
    project.emulator.state.load(foreign);
    for (const root of ["content", "locales/fr", "locales/de"]) await project.remove(`${root}/writing/attachments.md`);
    const run = await project.push();
    expect(run.result?.counts.unpublished).toBe(1);
    const state = project.state();
    const attachments = articleByTitle(state, "Attach files");
    expect(Object.values(attachments.locales).map((locale) => locale.state)).toEqual(["draft", "draft", "draft"]);
    expect(articleByTitle(state, "Written in Intercom").locales.en?.state).toBe("published");
  });

  it("deletes a removed article with onDelete: delete, and its collection once empty", async () => {
    project = await createTestProject({
      config: { locales: ["fr", "de"], defaultState: "published", assetBaseUrl: "https://assets.example.com/", onDelete: "delete" },
    });
    const tree = await countTree(project.dir);
    await project.write("content/billing/_collection.md", "---\nname: Billing\n---\n");
    await project.write("content/billing/invoices.md", "---\ntitle: Invoices\n---\nDownload invoices from Settings.\n");
    await project.push();
    await project.remove("content/billing/invoices.md");
    await project.remove("content/billing/_collection.md");
    const run = await project.push();
    expect(run.result?.counts.deleted).toBe(2);
    const state = project.state();
    expect(state.articles.map((article) => article.locales.en?.title)).not.toContain("Invoices");
    expect(state.collections.map((collection) => collection.locales.en?.name)).not.toContain("Billing");
    expect(state.articles).toHaveLength(tree.articles);
  });

  it("keeps an edit made in Intercom as drift, and stops on a conflict unless forced", async () => {
    project = await createTestProject();
    const first = await project.push();
    const welcome = first.result?.lock.articles.welcome?.id as string;
    project.emulator.editInEditor(welcome, "de", { title: "Willkommen!" });

    const drift = await project.push();
    expect(drift.plan.summary.drift).toBe(1);
    expect(drift.result?.ok).toBe(true);
    expect(articleByTitle(project.state(), "Welcome to Lumen").locales.de?.title).toBe("Willkommen!");

    await project.write("locales/de/welcome.md", (await project.read("locales/de/welcome.md")).replace("ruhigen Ort", "stillen Ort"));
    const conflict = await project.cli("push");
    expect(conflict.code).toBe(1);
    expect(conflict.stdout + conflict.stderr).toContain("conflict");
    expect(articleByTitle(project.state(), "Welcome to Lumen").locales.de?.title).toBe("Willkommen!");

    const forced = await project.cli("push", "--force");
    expect(forced.code).toBe(0);
    const de = articleByTitle(project.state(), "Welcome to Lumen").locales.de;
    expect(de?.title).toBe("Willkommen bei Lumen");
    expect(textOf(de?.body ?? "")).toContain("stillen Ort");
  });
});
