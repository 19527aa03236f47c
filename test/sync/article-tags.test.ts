import { afterEach, describe, expect, it } from "vitest";
import { callApi } from "../support/http.js";
import { createPushedProject, createTestProject, expectRequestsConform, setFrontMatterKeys, type TestProject } from "../support/project.js";

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

const LINKS = "content/writing/links.md";
const KEY = "writing/links";

function pushedProject(): Promise<TestProject> {
  return createPushedProject({ emulator: { seed: { tags: ["Billing", "Legacy"] } } });
}

async function tagsOf(p: TestProject): Promise<string[]> {
  const id = (await p.readLock()).articles[KEY]?.id;
  const article = p.state().articles.find((a) => String(a.id) === id);
  const names = new Map((p.state().tags ?? []).map((tag) => [tag.id, tag.name]));
  return (article?.tagIds ?? []).map((tagId) => names.get(tagId) ?? String(tagId));
}

describe("tags in front matter", () => {
  it("creates a missing tag (said in the plan), applies and removes tags one by one, and sends nothing the second time", async () => {
    project = await pushedProject();
    const id = (await project.readLock()).articles[KEY]?.id ?? "";
    await setFrontMatterKeys(project, LINKS, ["tags: [Billing, Onboarding]"]);
    const plan = await project.cli("plan");
    expect(plan.stdout).toContain('en update: tags (creates tag "Onboarding")');

    expect((await project.cli("push")).code).toBe(0);
    const writes = project.takeWrites();
    expect(writes.map((w) => [w.method, w.path, w.body])).toEqual([
      ["POST", `/articles/${id}/tags`, { id: "7000" }],
      ["POST", "/tags", { name: "Onboarding" }],
      ["POST", `/articles/${id}/tags`, { id: "7002" }],
    ]);
    expectRequestsConform(writes);
    expect(await tagsOf(project)).toEqual(["Billing", "Onboarding"]);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);

    await setFrontMatterKeys(project, LINKS, ["tags: [onboarding]"]);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites().map((w) => [w.method, w.path])).toEqual([["DELETE", `/articles/${id}/tags/7000`]]);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);

    // Without the key the tags are no longer managed: nothing is removed.
    await setFrontMatterKeys(project, LINKS, ["tags"]);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
    expect(await tagsOf(project)).toEqual(["Onboarding"]);
  });

  it("keeps a tag applied in Intercom as drift, stops on a conflict, overwrites with --force, and pulls names back", async () => {
    project = await pushedProject();
    const id = (await project.readLock()).articles[KEY]?.id ?? "";
    await setFrontMatterKeys(project, LINKS, ["tags: [Billing]"]);
    await project.cli("push");
    project.takeWrites();

    expect((await callApi(project.emulator.url, "POST", `/articles/${id}/tags`, { body: { id: "7001" } })).status).toBe(200);
    project.takeWrites();
    const drift = await project.cli("push");
    expect(drift.code).toBe(0);
    expect(drift.stdout).toContain("drift: tags");
    expect(project.takeWrites()).toEqual([]);

    await setFrontMatterKeys(project, LINKS, ["tags: [Billing, Setup]"]);
    expect((await project.cli("push")).code).toBe(1);
    expect(project.takeWrites()).toEqual([]);
    expect((await project.cli("push", "--force")).code).toBe(0);
    expect(await tagsOf(project)).toEqual(["Billing", "Setup"]);
    project.takeWrites();

    expect((await callApi(project.emulator.url, "DELETE", `/articles/${id}/tags/7000`)).status).toBe(200);
    expect((await project.cli("pull")).code).toBe(0);
    expect(await project.read(LINKS)).toContain("tags:\n  - Setup\n");
    project.takeWrites();
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });

  it("refuses tags in a translation: they belong to the whole article", async () => {
    project = await pushedProject();
    await setFrontMatterKeys(project, "locales/fr/writing/links.md", ["tags: [Facturation]"]);
    const check = await project.cli("check");
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/locales\/fr\/writing\/links\.md\n {2}2:1 +error +settings\/translation-only-source/);
  });
});

describe("settings of a new article", () => {
  it("creates it with its schedule, audiences and Fin availability in one request, then tags it, and sends nothing the second time", async () => {
    project = await createTestProject({ emulator: { seed: { tags: ["Billing"], audiences: ["VIP customers"] } } });
    await project.write(
      "content/writing/refunds.md",
      "---\ntitle: Refunds\npublish_at: 2099-01-01T09:00:00Z\ntags: [Billing]\naudiences: [VIP customers]\nfin: { copilot: false }\n---\nHow refunds work.\n",
    );
    expect((await project.cli("push")).code).toBe(0);
    const create = project.takeWrites().find((w) => w.method === "POST" && w.path === "/articles" && (w.body as { title?: string }).title === "Refunds");
    expect(create?.body).toMatchObject({ state: "published", scheduled_publish_at: "2099-01-01T09:00:00Z", ai_copilot_availability: false, translated_content: { en: { audience_ids: [1] } } });
    const id = (await project.readLock()).articles["writing/refunds"]?.id;
    const stored = project.state().articles.find((a) => String(a.id) === id);
    expect(stored).toMatchObject({ scheduledPublishAt: Date.parse("2099-01-01T09:00:00Z") / 1000, tagIds: [7000] });
    expect(stored?.locales.en).toMatchObject({ state: "draft", aiCopilot: false, audienceIds: [1] });
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });
});
