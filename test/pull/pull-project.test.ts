import { afterEach, describe, expect, it } from "vitest";
import { loadDesiredState } from "../../src/load/disk-source.js";
import { resolveProjectConfig } from "../../src/sync/project-config.js";
import { createTestProject, type TestProject } from "../support/project.js";
import { beforeFirstPull, IDS } from "./existing-help-center.js";

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

async function pulledProject(config: Record<string, unknown> = {}): Promise<TestProject> {
  project = await createTestProject(beforeFirstPull(config));
  await project.pull();
  return project;
}

describe("pull into an empty folder", () => {
  it("writes a folder and _collection.md per collection, nested as in Intercom", async () => {
    const p = await pulledProject();
    expect(await p.read("content/getting-started/_collection.md")).toBe(
      "---\nname: Getting Started\ndescription: Install Lumen and take your first steps.\n---\n",
    );
    expect(await p.read("content/getting-started/advanced-setup/power-users/_collection.md")).toContain("name: Power Users");
    expect(await p.read("locales/fr/getting-started/advanced-setup/_collection.md")).toBe("---\nname: Configuration avancée\n---\n");
  });

  it("writes one file per article and locale with title, description, state and a non-default author", async () => {
    const p = await pulledProject();
    expect(await p.read("content/welcome-to-lumen.md")).toMatch(/^---\ntitle: Welcome to Lumen\ndescription: What Lumen is, in one page.\nstate: published\n---\n\n/);
    expect(await p.read("content/getting-started/advanced-setup/power-users/keyboard-shortcuts.md")).toContain("author_id: 991000002\n");
    expect(await p.read("content/welcome-to-lumen.md")).not.toContain("author_id");
    // A title YAML would misread is quoted.
    expect(await p.read("content/getting-started/advanced-setup/tuning-cache-sync.md")).toContain('title: "Tuning: cache & sync"\n');
    // A translation states its state only when it differs from the source's.
    expect(await p.read("locales/fr/billing-plans/invoices.md")).toContain("state: published\n");
    expect(await p.read("locales/fr/welcome-to-lumen.md")).not.toContain("state:");
  });

  it("undoes Intercom's rewriting: callouts, images, videos, tables, lists and article links", async () => {
    const p = await pulledProject();
    const welcome = await p.read("content/welcome-to-lumen.md");
    expect(welcome).toContain("[installing the app](getting-started/install-the-app.md)");
    expect(welcome).toContain("![The main window](https://downloads.intercomcdn.com/i/o/1234/abcd/screen.png)");
    expect(welcome).toContain("\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n");
    const install = await p.read("content/getting-started/install-the-app.md");
    expect(install).toContain("> [!NOTE]\n> Admin rights are needed on Windows.");
    expect(install).toContain("## Download\n");
    expect(install).not.toMatch(/no-margin|id=|<div/);
    expect(await p.read("content/billing-plans/invoices.md")).toContain("[the overview](../welcome-to-lumen.md#intro)");
    expect(await p.read("content/getting-started/advanced-setup/tuning-cache-sync.md")).toContain("| cache | `256 MB` |");
  });

  it("writes no file for a locale Intercom has no text in", async () => {
    const p = await pulledProject();
    const files = [...(await p.snapshot()).keys()];
    expect(files.some((file) => file.startsWith("locales/es/"))).toBe(false);
    expect(files).not.toContain("locales/de/getting-started/install-the-app.md");
    expect(files).toContain("locales/de/welcome-to-lumen.md");
  });

  it("gives articles with the same title distinct file names", async () => {
    const p = await pulledProject();
    expect(await p.read("content/billing-plans/invoices.md")).toContain("state: draft");
    expect(await p.read("content/billing-plans/invoices-2.md")).toContain("description: For teams.");
  });

  it("only writes the configured locales when the config lists them", async () => {
    const p = await pulledProject({ locales: ["de"] });
    const files = [...(await p.snapshot()).keys()];
    expect(files.filter((file) => file.startsWith("locales/fr/"))).toEqual([]);
    expect(files).toContain("locales/de/welcome-to-lumen.md");
  });

  it("writes a tree that check accepts without errors or warnings", async () => {
    const p = await pulledProject();
    const loaded = await loadDesiredState(await resolveProjectConfig({ cwd: p.dir, env: p.env }));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.state.articles).toHaveLength(6);
    expect(loaded.state.collections).toHaveLength(4);
  });
});

describe("pull round trip", () => {
  it("pull then push makes no write", async () => {
    const p = await pulledProject();
    p.emulator.resetRequestLog();
    const pushed = await p.push();
    expect(p.emulator.writeCount()).toBe(0);
    expect(pushed.plan.summary.writes).toBe(0);
    expect(pushed.plan.items.filter((item) => item.action !== "noop")).toEqual([]);
    expect(pushed.plan.warnings).toEqual([]);
  });

  it("pulling twice changes no file", async () => {
    const p = await pulledProject();
    const first = await p.snapshot();
    const again = await p.pull();
    expect(await p.snapshot()).toEqual(first);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, skipped: 0 });
  });

  it("push, pull, push: a tree pushed by the tool pulls back to the same lock and no write", async () => {
    const p = await pulledProject();
    const pulledLock = await p.read("intercom-sync.lock.json");
    await p.write("content/welcome-to-lumen.md", (await p.read("content/welcome-to-lumen.md")).replace("**in sync**", "**in sync**, always"));
    await p.push();
    const again = await p.pull();
    expect(again.summary).toMatchObject({ created: 0, updated: 0, skipped: 0 });
    p.emulator.resetRequestLog();
    await p.push();
    expect(p.emulator.writeCount()).toBe(0);
    expect(await p.read("intercom-sync.lock.json")).not.toBe(pulledLock);
  });
});

describe("pull accepting web edits", () => {
  it("rewrites the file of an item edited in Intercom and records the new updated_at", async () => {
    const p = await pulledProject();
    p.tick();
    const edited = p.emulator.editInEditor(IDS.install, "en", { body: "<p>Download it from the website.</p>" });
    const result = await p.pull();
    expect(result.files.find((f) => f.file === "content/getting-started/install-the-app.md")).toMatchObject({ outcome: "updated" });
    expect(result.summary).toMatchObject({ updated: 1, skipped: 0 });
    expect(await p.read("content/getting-started/install-the-app.md")).toContain("Download it from the website.");
    const lock = JSON.parse(await p.read("intercom-sync.lock.json")) as { articles: Record<string, { locales: Record<string, { updatedAt: number }> }> };
    expect(lock.articles["getting-started/install-the-app"]?.locales.en?.updatedAt).toBe(edited.updated_at);
    p.emulator.resetRequestLog();
    const pushed = await p.push();
    expect(p.emulator.writeCount()).toBe(0);
    expect(pushed.plan.summary.drift).toBe(0);
  });

  it("never overwrites a file with unpushed local changes, and reports it", async () => {
    const p = await pulledProject();
    const file = "locales/fr/welcome-to-lumen.md";
    const local = (await p.read(file)).replace("synchronise", "synchronise toujours");
    await p.write(file, local);
    p.tick();
    p.emulator.editInEditor(IDS.welcome, "fr", { title: "Bienvenue !" });
    const result = await p.pull();
    expect(result.files.find((f) => f.file === file)).toMatchObject({ outcome: "skipped", reason: "changed locally and in Intercom since the last push" });
    expect(await p.read(file)).toBe(local);
  });

  it("overwrites local changes with --force", async () => {
    const p = await pulledProject();
    const file = "locales/fr/welcome-to-lumen.md";
    await p.write(file, (await p.read(file)).replace("synchronise", "synchronise toujours"));
    p.tick();
    p.emulator.editInEditor(IDS.welcome, "fr", { title: "Bienvenue !" });
    const result = await p.pull({ force: true });
    expect(result.files.find((f) => f.file === file)).toMatchObject({ outcome: "updated" });
    expect(await p.read(file)).toContain('title: Bienvenue !\n');
    p.emulator.resetRequestLog();
    await p.push();
    expect(p.emulator.writeCount()).toBe(0);
  });

  it("leaves local changes alone when Intercom did not change", async () => {
    const p = await pulledProject();
    const file = "content/billing-plans/invoices-2.md";
    const local = (await p.read(file)).replace("every seat", "every seat and add-on");
    await p.write(file, local);
    const result = await p.pull();
    expect(result.files.find((f) => f.file === file)).toMatchObject({ outcome: "unchanged", reason: "local changes not pushed yet" });
    expect(await p.read(file)).toBe(local);
  });

  it("writes an article created in Intercom as a new owned file", async () => {
    const p = await pulledProject();
    const { createIntercomClient } = await import("../../src/remote/client.js");
    const client = createIntercomClient({ baseUrl: p.emulator.url, token: "t" });
    await client.createArticle({ title: "Refunds", body: "<p>Ask within 30 days.</p>", author_id: 991000001, parent_id: 103, parent_type: "collection", state: "published" });
    const result = await p.pull();
    expect(result.summary).toMatchObject({ created: 1, updated: 0, skipped: 0 });
    expect(await p.read("content/billing-plans/refunds.md")).toContain("Ask within 30 days.");
    p.emulator.resetRequestLog();
    await p.push();
    expect(p.emulator.writeCount()).toBe(0);
  });

  it("keeps the source_hash of a translation it rewrites", async () => {
    const p = await pulledProject();
    const file = "locales/de/welcome-to-lumen.md";
    // As `stamp` would write it: lock hashes do not depend on source_hash, so the file is still clean.
    await p.write(file, (await p.read(file)).replace("---\n\n", "source_hash: abc123\n---\n\n"));
    p.tick();
    p.emulator.editInEditor(IDS.welcome, "de", { body: "<p>Neu.</p>" });
    await p.pull();
    expect(await p.read(file)).toBe("---\ntitle: Willkommen bei Lumen\nsource_hash: abc123\n---\n\nNeu.\n");
  });

  it("reports items deleted in Intercom and keeps their files", async () => {
    const p = await pulledProject();
    const { createIntercomClient } = await import("../../src/remote/client.js");
    await createIntercomClient({ baseUrl: p.emulator.url, token: "t" }).deleteArticle(IDS.invoicesAgain);
    const result = await p.pull();
    expect(result.notices.map((n) => n.code)).toEqual(["pull/deleted-in-intercom"]);
    expect(await p.read("content/billing-plans/invoices-2.md")).toContain("title: Invoices");
  });

  it("rebuilds a lost lock from files named and formatted differently, changing no file", async () => {
    const p = await pulledProject();
    const { rename, rm } = await import("node:fs/promises");
    const path = await import("node:path");
    for (const root of ["content", "locales/fr"]) {
      const folder = path.join(p.dir, root, "getting-started/advanced-setup");
      await rename(path.join(folder, "tuning-cache-sync.md"), path.join(folder, "tuning.md"));
    }
    const install = "content/getting-started/install-the-app.md";
    await p.write(install, (await p.read(install)).replaceAll("-   ", "* "));
    await rm(path.join(p.dir, "intercom-sync.lock.json"));
    const before = await p.snapshot();
    const result = await p.pull();
    expect(result.summary).toMatchObject({ created: 0, updated: 0, skipped: 0 });
    expect(await p.snapshot()).toEqual(new Map([...before, ["intercom-sync.lock.json", await p.read("intercom-sync.lock.json")]]));
    expect(result.lock.articles["getting-started/advanced-setup/tuning"]?.id).toBe(IDS.tuning);
    expect(result.lock.articles["getting-started/install-the-app"]?.locales.en).toBeDefined();
    p.emulator.resetRequestLog();
    await p.push();
    expect(p.emulator.writeCount()).toBe(0);
  });

  it("keeps a never-pushed local file that differs from Intercom and exits as a conflict", async () => {
    project = await createTestProject(beforeFirstPull());
    await project.write("intercom-sync.config.json", JSON.stringify({ defaultState: "published" }));
    const { mkdir } = await import("node:fs/promises");
    await mkdir(`${project.dir}/content`, { recursive: true });
    await project.write("content/welcome-to-lumen.md", "---\ntitle: Welcome to Lumen\n---\nMy own words.\n");
    const result = await project.pull();
    expect(result.files.find((f) => f.file === "content/welcome-to-lumen.md")).toMatchObject({ outcome: "skipped", conflict: true });
    expect(await project.read("content/welcome-to-lumen.md")).toBe("---\ntitle: Welcome to Lumen\n---\nMy own words.\n");
    expect(result.lock.articles["welcome-to-lumen"]?.locales.en).toBeUndefined();
  });

  it("refuses a lock that belongs to another help center, writing nothing", async () => {
    project = await createTestProject(beforeFirstPull());
    await project.write("intercom-sync.lock.json", JSON.stringify({ version: 1, helpCenterId: "99", collections: {}, articles: {} }));
    await expect(project.pull()).rejects.toMatchObject({ code: "pull/help-center-mismatch" });
    expect([...(await project.snapshot()).keys()]).toEqual(["intercom-sync.config.json", "intercom-sync.lock.json"]);
  });
});
