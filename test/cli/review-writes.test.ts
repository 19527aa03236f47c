import { afterEach, describe, expect, it } from "vitest";
import { createTestProject, type TestProject } from "../support/project.js";

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

async function pushed(): Promise<TestProject> {
  const made = await createTestProject();
  const first = await made.cli("push");
  expect(first.code).toBe(0);
  made.takeWrites();
  return made;
}

async function edit(p: TestProject, file: string, from: string, to: string): Promise<void> {
  const text = await p.read(file);
  expect(text).toContain(from);
  await p.write(file, text.replace(from, to));
}

describe("push without a terminal", () => {
  it("never asks, even for a plan that unpublishes", async () => {
    project = await pushed();
    await project.remove("content/writing/attachments.md");
    const run = await project.cli("push");
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain("Apply it?");
    expect(run.stdout).toContain("Applied: 0 created, 0 updated, 0 moved, 0 adopted, 1 unpublished");
  });
});

describe("plan --diff", () => {
  it("shows the visible text of a changed locale as a unified markdown diff, not HTML", async () => {
    project = await pushed();
    await edit(project, "content/welcome.md", "one calm place", "one quiet place");
    const run = await project.cli("plan", "--diff");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("article welcome (en, update)");
    expect(run.stdout).toContain("--- Intercom");
    expect(run.stdout).toContain("+++ content/welcome.md");
    expect(run.stdout).toMatch(/^-Lumen keeps your notes, tasks and files in one calm place/m);
    expect(run.stdout).toMatch(/^\+Lumen keeps your notes, tasks and files in one quiet place/m);
    expect(run.stdout).not.toMatch(/^[+-].*<p/m);
  });

  it("shows what was changed in Intercom for drift, from the file to Intercom", async () => {
    project = await pushed();
    const lock = await project.readLock();
    project.emulator.editInEditor(lock.articles.welcome?.id as string, "en", { title: "Welcome, edited in Intercom" });
    const run = await project.cli("plan", "--diff", "--json");
    const plan = JSON.parse(run.stdout) as { diffs: { key: string; change: string; patch: string }[] };
    const diff = plan.diffs.find((d) => d.key === "welcome");
    expect(diff?.change).toBe("drift");
    expect(diff?.patch).toContain("--- content/welcome.md");
    expect(diff?.patch).toContain("+++ Intercom");
    expect(diff?.patch).toContain("-title: Welcome to Lumen");
    expect(diff?.patch).toContain("+title: Welcome, edited in Intercom");
  });
});

describe("plan --diff on a conflict", () => {
  it("shows Intercom's side of the conflict, from the file to Intercom", async () => {
    project = await pushed();
    const lock = await project.readLock();
    project.emulator.editInEditor(lock.articles.welcome?.id as string, "en", { title: "Welcome, from Intercom" });
    await edit(project, "content/welcome.md", "title: Welcome to Lumen", "title: Welcome, from git");
    const run = await project.cli("plan", "--diff", "--json");
    expect(run.code).toBe(1);
    const plan = JSON.parse(run.stdout) as { diffs: { key: string; change: string; patch: string }[] };
    const diff = plan.diffs.find((d) => d.key === "welcome");
    expect(diff?.change).toBe("conflict");
    expect(diff?.patch).toContain("-title: Welcome, from git");
    expect(diff?.patch).toContain("+title: Welcome, from Intercom");
  });
});

describe("push --diff", () => {
  it("prints the diff with the plan, then applies", async () => {
    project = await pushed();
    await edit(project, "locales/fr/writing/links.md", "Reliez vos notes", "Liez vos notes");
    const run = await project.cli("push", "--diff");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("article writing/links (fr, update)");
    expect(run.stdout).toContain("-description: Reliez vos notes entre elles et au web.");
    expect(run.stdout).toContain("+description: Liez vos notes entre elles et au web.");
    expect(run.stdout).toContain("1 updated");
  });
});

describe("push --plan FILE", () => {
  it("applies a saved plan that still matches the files and Intercom", async () => {
    project = await pushed();
    await edit(project, "content/welcome.md", "one calm place", "one quiet place");
    expect((await project.cli("plan", "--out", "plan.json")).code).toBe(0);
    const run = await project.cli("push", "--plan", "plan.json");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Applied: 0 created, 1 updated");
    expect(project.takeWrites()).toHaveLength(1);
  });

  it("keeps the selection it was made with", async () => {
    project = await pushed();
    await edit(project, "content/welcome.md", "one calm place", "one quiet place");
    await edit(project, "content/writing/markdown.md", "Lumen understands", "Lumen reads");
    expect((await project.cli("plan", "content/writing", "--out", "plan.json")).code).toBe(0);
    const run = await project.cli("push", "--plan", "plan.json", "--json");
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as { result: { outcomes: { key: string }[] } };
    expect(output.result.outcomes.map((o) => o.key)).toEqual(["writing/markdown"]);
  });

  it("refuses a stale plan with exit 1 and writes nothing", async () => {
    project = await pushed();
    await edit(project, "content/welcome.md", "one calm place", "one quiet place");
    await project.cli("plan", "--out", "plan.json");
    await edit(project, "content/writing/markdown.md", "Lumen understands", "Lumen reads");
    const run = await project.cli("push", "--plan", "plan.json");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("The saved plan is out of date: 1 item would now be planned differently");
    expect(project.takeWrites()).toEqual([]);
  });

  it("refuses a plan made before Intercom changed", async () => {
    project = await pushed();
    await edit(project, "content/welcome.md", "one calm place", "one quiet place");
    await project.cli("plan", "--out", "plan.json");
    const lock = await project.readLock();
    project.emulator.editInEditor(lock.articles["writing/markdown"]?.id as string, "en", { title: "Edited in Intercom" });
    const run = await project.cli("push", "--plan", "plan.json");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("out of date");
    expect(project.takeWrites()).toEqual([]);
  });

  it("points `push plan.json` to --plan", async () => {
    project = await pushed();
    await project.cli("plan", "--out", "plan.json");
    const run = await project.cli("push", "plan.json");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("run `intercom-sync push --plan plan.json`");
    const extra = await project.cli("push", "--plan", "plan.json", "--force");
    expect(extra.code).toBe(1);
    expect(extra.stderr).toContain("push --plan applies the plan with the paths, --locale, --force and --stage it was made with");
    expect(project.takeWrites()).toEqual([]);
  });

  it("refuses a file that is not a saved plan, naming it", async () => {
    project = await pushed();
    await project.write("plan.json", "{}");
    const run = await project.cli("push", "--plan", "plan.json");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("plan.json");
    expect(run.stderr).toMatch(/format version undefined|not a plan/);
  });
});

describe("push [paths...] --locale", () => {
  it("writes only the named file; the rest waits for a later push", async () => {
    project = await pushed();
    await edit(project, "content/welcome.md", "one calm place", "one quiet place");
    await edit(project, "content/writing/markdown.md", "Lumen understands", "Lumen reads");
    await project.remove("content/writing/attachments.md");
    const run = await project.cli("push", "content/welcome.md");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 changes outside the selected files and locales are left for a later push.");
    const writes = project.takeWrites();
    expect(writes).toHaveLength(1);
    expect(writes[0]?.path).toBe(`/articles/${(await project.readLock()).articles.welcome?.id}`);
    const rest = await project.cli("plan");
    expect(rest.stdout).toContain("~ article writing/markdown");
    expect(rest.stdout).toContain("- article writing/attachments");
  });

  it("writes a folder's removals, and only one locale with --locale", async () => {
    project = await pushed();
    await edit(project, "locales/fr/welcome.md", "---\n", "---\n");
    const frWelcome = await project.read("locales/fr/welcome.md");
    await project.write("locales/fr/welcome.md", frWelcome.replace(/^title: .*$/m, "title: Bienvenue, modifié"));
    await edit(project, "content/welcome.md", "one calm place", "one quiet place");
    const run = await project.cli("push", "--locale", "fr", "--json");
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as { result: { outcomes: { key: string; urls?: Record<string, string> }[] } };
    expect(output.result.outcomes.map((o) => o.key)).toEqual(["welcome"]);
    const writes = project.takeWrites();
    expect(writes).toHaveLength(1);
    expect(JSON.stringify(writes[0]?.body)).toContain("Bienvenue, modifié");
    expect(JSON.stringify(writes[0]?.body)).not.toContain("quiet place");

    await project.remove("content/troubleshooting/sign-in.md");
    const folder = await project.cli("push", "content/troubleshooting");
    expect(folder.code).toBe(0);
    expect(folder.stdout).toContain("1 unpublished");
  });

  it("refuses a path outside content/ and locales/, and a locale the project does not sync", async () => {
    project = await pushed();
    const outside = await project.cli("push", "README.md");
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('"README.md" is not under content/ or locales/<locale>/');
    const locale = await project.cli("push", "--locale", "ja");
    expect(locale.code).toBe(1);
    expect(locale.stderr).toContain("--locale ja is not a locale of this project");
    expect(project.takeWrites()).toEqual([]);
  });
});

describe("URLs and states", () => {
  it("shows each new article's state and where it comes from", async () => {
    project = await createTestProject({ config: { sourceLocale: "en", locales: ["fr", "de"], assetBaseUrl: "https://assets.example.com/" } });
    await project.write("content/welcome.md", (await project.read("content/welcome.md")).replace("title: Welcome to Lumen", "title: Welcome to Lumen\nstate: published"));
    const run = await project.cli("plan");
    // The translations follow their source article's state.
    expect(run.stdout).toMatch(/\+ article welcome \(new article\)\n {4}\+ [a-z, ]+ · published \(front matter state\)\n/);
    expect(run.stdout).toMatch(/\+ article writing\/markdown \(new article\)\n {4}\+ [a-z, ]+ · draft \(config defaultState\)\n/);
  });

  it("lists the Intercom URL of each article written, and `open` prints it without a terminal", async () => {
    project = await pushed();
    await edit(project, "content/welcome.md", "one calm place", "one quiet place");
    const run = await project.cli("push");
    expect(run.stdout).toMatch(/In Intercom:\n {2}~ article welcome \(en\) https?:\/\/\S+/);
    const url = /~ article welcome \(en\) (\S+)/.exec(run.stdout)?.[1];
    const open = await project.cli("open", "content/welcome.md");
    expect(open.code).toBe(0);
    expect(open.stdout.trim()).toBe(url);
    const fr = await project.cli("open", "welcome", "--locale", "fr", "--json");
    expect((JSON.parse(fr.stdout) as { locale: string; url: string }).url).toMatch(/^http/);
    const collection = await project.cli("open", "content/getting-started/_collection.md", "--json");
    expect(JSON.parse(collection.stdout)).toMatchObject({ type: "collection", key: "getting-started", url: expect.stringMatching(/^http/) as unknown });
    const unknown = await project.cli("open", "nothing/here");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('"nothing/here" is not an article or collection this project has pushed.');
  });
});

describe("counted nouns", () => {
  it("says 1 file, 1 collection, 1 article", async () => {
    project = await createTestProject({ tree: "empty", config: { sourceLocale: "en" } });
    await project.write("content/one.md", "---\ntitle: One\n---\nText.\n");
    const run = await project.cli("check");
    expect(run.stdout).toContain("Checked 1 file: 0 collections, 1 article, 0 translations in 1 locale.");
  });
});

describe("push --json", () => {
  it("lists only the items with an action, unless --json-all", async () => {
    project = await pushed();
    await edit(project, "content/welcome.md", "one calm place", "one quiet place");
    const run = await project.cli("push", "--json", "--dry-run");
    const output = JSON.parse(run.stdout) as { plan: { items: { key: string }[]; urls: Record<string, unknown> } };
    expect(output.plan.items.map((item) => item.key)).toEqual(["welcome"]);
    expect(Object.keys(output.plan.urls)).toEqual(["welcome"]);
    const all = JSON.parse((await project.cli("push", "--json", "--dry-run", "--json-all")).stdout) as { plan: { items: unknown[] } };
    expect(all.plan.items.length).toBeGreaterThan(10);
    const applied = JSON.parse((await project.cli("push", "--json")).stdout) as { result: { outcomes: { key: string; urls: Record<string, string> }[] } };
    expect(applied.result.outcomes).toHaveLength(1);
    expect(applied.result.outcomes[0]?.urls.en).toMatch(/^http/);
  });
});
