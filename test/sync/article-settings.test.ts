import { afterEach, describe, expect, it } from "vitest";
import { createPushedProject, editInIntercom, readsOf, expectRequestsConform, setFrontMatterKeys, type TestProject } from "../support/project.js";

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

const LINKS = "content/writing/links.md";
const LINKS_FR = "locales/fr/writing/links.md";

async function idOf(p: TestProject, key: string): Promise<string> {
  return (await p.readLock()).articles[key]?.id ?? "";
}

function storedArticle(p: TestProject, id: string) {
  const found = p.state().articles.find((article) => String(article.id) === id);
  if (found === undefined) throw new Error(`no article ${id}`);
  return found;
}

function pushedProject(): Promise<TestProject> {
  return createPushedProject({ emulator: { seed: { audiences: ["VIP customers", "Trial users"], tags: ["Billing"] } } });
}

describe("fin in front matter", () => {
  it("sets availability in every locale with one write, changes one locale alone, and releases it when removed", async () => {
    project = await pushedProject();
    const id = await idOf(project, "writing/links");
    expect(storedArticle(project, id).locales.en?.aiChatbot).toBeUndefined();

    await setFrontMatterKeys(project, LINKS, ["fin: { agent: false }"]);
    expect((await project.cli("push")).code).toBe(0);
    const writes = project.takeWrites();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ method: "PUT", path: `/articles/${id}`, body: { ai_chatbot_availability: false, translated_content: { fr: { ai_chatbot_availability: false } } } });
    expectRequestsConform(writes);
    expect(storedArticle(project, id).locales.fr?.aiChatbot).toBe(false);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);

    // A translation overrides the source for its own locale only.
    await setFrontMatterKeys(project, LINKS_FR, ["fin: { agent: true }"]);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites().map((w) => w.body)).toEqual([{ translated_content: { fr: { ai_chatbot_availability: true } } }]);
    expect(storedArticle(project, id).locales.en?.aiChatbot).toBe(false);

    // Removing the key stops managing it: no write, Intercom keeps what it has.
    await setFrontMatterKeys(project, LINKS, ["fin"]);
    await setFrontMatterKeys(project, LINKS_FR, ["fin"]);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
    expect(storedArticle(project, id).locales.en?.aiChatbot).toBe(false);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });

  it("keeps an edit made in Intercom as drift, stops on a conflict, overwrites with --force, and pulls it back", async () => {
    project = await pushedProject();
    const id = await idOf(project, "writing/links");
    await setFrontMatterKeys(project, LINKS, ["fin: { copilot: false }"]);
    await project.cli("push");
    project.takeWrites();

    await editInIntercom(project, `/articles/${id}`, { ai_copilot_availability: true });
    const drift = await project.cli("push");
    expect(drift.code).toBe(0);
    expect(drift.stdout).toContain("drift");
    expect(drift.stdout).toContain("fin");
    expect(project.takeWrites()).toEqual([]);
    expect(storedArticle(project, id).locales.en?.aiCopilot).toBe(true);

    await setFrontMatterKeys(project, LINKS, ["fin: { copilot: false, sales_agent: false }"]);
    const conflict = await project.cli("push");
    expect(conflict.code).toBe(1);
    expect(conflict.stdout + conflict.stderr).toContain("conflict");
    // The conflicting locale is left alone; the translations (changed here only, through the source) are not in conflict.
    const partial = project.takeWrites();
    expect(partial.every((w) => !("ai_copilot_availability" in (w.body as object)))).toBe(true);
    expect(storedArticle(project, id).locales.en?.aiCopilot).toBe(true);

    const forced = await project.cli("push", "--force");
    expect(forced.code).toBe(0);
    const overwrite = project.takeWrites();
    expect(overwrite).toHaveLength(1);
    expect(overwrite[0]?.body).toMatchObject({ ai_copilot_availability: false, ai_sales_agent_availability: false });
    expect(storedArticle(project, id).locales.en).toMatchObject({ aiCopilot: false, aiSalesAgent: false });

    await editInIntercom(project, `/articles/${id}`, { ai_copilot_availability: true });
    expect((await project.cli("pull")).code).toBe(0);
    const pulled = await project.read(LINKS);
    expect(pulled).toContain("fin:\n  sales_agent: false\n");
    expect(pulled).not.toContain("copilot");
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });

  it("rejects a fin key it does not know, with a suggestion and the line", async () => {
    project = await pushedProject();
    await setFrontMatterKeys(project, LINKS, ["fin: { agnet: false }"]);
    const check = await project.cli("check");
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/content\/writing\/links\.md\n {2}2:1 +error +settings\/invalid-fin/);
    expect(check.stdout + check.stderr).toContain('Did you mean "agent"?');
  });
});

describe("audiences in front matter", () => {
  it("resolves names to ids, sends them per locale, clears them with [], and reads /audiences only when a file names one", async () => {
    project = await pushedProject();
    expect(readsOf(project, "/audiences")).toBe(0);
    expect(readsOf(project, "/tags")).toBe(0);
    const id = await idOf(project, "writing/links");

    await setFrontMatterKeys(project, LINKS, ["audiences: [VIP customers]"]);
    expect((await project.cli("push")).code).toBe(0);
    const writes = project.takeWrites();
    expect(writes).toHaveLength(1);
    // On a multilingual help center a top-level audience_ids would go to every locale: each goes in its own entry.
    expect(writes[0]?.body).toEqual({ translated_content: { en: { audience_ids: [1] }, fr: { audience_ids: [1] }, de: { audience_ids: [1] } } });
    expectRequestsConform(writes);
    expect(readsOf(project, "/audiences")).toBe(1);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);

    await setFrontMatterKeys(project, LINKS_FR, ["audiences: [Trial users, VIP customers]"]);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites().map((w) => w.body)).toEqual([{ translated_content: { fr: { audience_ids: [1, 2] } } }]);

    await setFrontMatterKeys(project, LINKS, ["audiences: []"]);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites().map((w) => w.body)).toEqual([{ translated_content: { en: { audience_ids: [] }, de: { audience_ids: [] } } }]);
    expect(storedArticle(project, id).locales.en?.audienceIds).toEqual([]);
    expect(storedArticle(project, id).locales.fr?.audienceIds).toEqual([1, 2]);
  });

  it("stops plan and push on an unknown audience before any write, naming the file and line", async () => {
    project = await pushedProject();
    await setFrontMatterKeys(project, "content/writing/markdown.md", ["title: Markdown, renamed"]);
    await setFrontMatterKeys(project, LINKS, ["audiences: [VIP customer]"]);
    for (const command of ["plan", "push"]) {
      const run = await project.cli(command);
      expect(run.code).toBe(1);
      // plan prints `(file:line)` after the message, push a table by file with the line first.
      expect(run.stdout + run.stderr).toMatch(/content\/writing\/links\.md(:2\)|\n {2}2 +error +settings\/unknown-audience)/);
      expect(run.stdout + run.stderr).not.toContain("locales/fr/writing/links.md");
      expect(run.stdout + run.stderr).toContain('No audience named "VIP customer"');
      expect(run.stdout + run.stderr).toContain('Did you mean "VIP customers"?');
    }
    expect(project.takeWrites()).toEqual([]);
  });

  it("reports an audience change made in Intercom as drift and pulls it back as names", async () => {
    project = await pushedProject();
    const id = await idOf(project, "writing/links");
    await setFrontMatterKeys(project, LINKS, ["audiences: [VIP customers]"]);
    await project.cli("push");
    project.takeWrites();

    await editInIntercom(project, `/articles/${id}`, { translated_content: { en: { audience_ids: [2] } } });
    const drift = await project.cli("push");
    expect(drift.code).toBe(0);
    expect(drift.stdout).toContain("audiences");
    expect(project.takeWrites()).toEqual([]);

    expect((await project.cli("pull")).code).toBe(0);
    expect(await project.read(LINKS)).toContain("audiences:\n  - Trial users\n");
    expect(await project.read(LINKS_FR)).toContain("audiences:\n  - VIP customers\n");
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });
});

describe("config defaults", () => {
  it("gives fin and audiences to every article that does not say, and a file's own values win", async () => {
    project = await pushedProject();
    const config = (await project.read("intercom-sync.config.ts")).replace(
      'onDelete: "unpublish",',
      'onDelete: "unpublish",\n  defaults: { fin: { sales_agent: false }, audiences: ["VIP customers"] },',
    );
    await project.write("intercom-sync.config.ts", config);
    await setFrontMatterKeys(project, LINKS, ["fin: { sales_agent: true }", "audiences: []"]);
    expect((await project.cli("push")).code).toBe(0);
    const writes = project.takeWrites();
    const articles = (await project.readLock()).articles;
    // writing/links says what Intercom already holds (available, no audience): it costs no write.
    expect(writes.filter((w) => w.method === "PUT")).toHaveLength(Object.keys(articles).length - 1);
    for (const article of project.state().articles) {
      const own = String(article.id) === articles["writing/links"]?.id;
      // The emulator stores nothing for what was never set: available, no audience.
      const en = article.locales.en;
      expect([en?.aiSalesAgent ?? true, en?.audienceIds ?? []]).toEqual(own ? [true, []] : [false, [1]]);
    }
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });

  it("reports an unknown default audience once, at the config file, before any write", async () => {
    project = await pushedProject();
    const config = (await project.read("intercom-sync.config.ts")).replace('onDelete: "unpublish",', 'onDelete: "unpublish",\n  defaults: { audiences: ["VIP customer"] },');
    await project.write("intercom-sync.config.ts", config);
    const run = await project.cli("push");
    expect(run.code).toBe(1);
    const output = run.stdout + run.stderr;
    expect(output.match(/No audience named "VIP customer"/g)).toHaveLength(1);
    expect(output).toMatch(/intercom-sync\.config\.ts(:1|\n {2}1 )/);
    expect(project.takeWrites()).toEqual([]);
  });

  it("rejects an unknown key in defaults", async () => {
    project = await pushedProject();
    await project.write("intercom-sync.config.ts", 'export default { defaults: { fin: { agnet: false } } };\n');
    const check = await project.cli("check");
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toContain("agnet");
  });
});

describe("settings with push --stage", () => {
  it("writes settings to the live article while the text waits as a draft", async () => {
    project = await pushedProject();
    const id = await idOf(project, "writing/links");
    await setFrontMatterKeys(project, LINKS, ["fin: { agent: false }"]);
    expect((await project.cli("push", "--stage")).code).toBe(0);
    expect(project.takeWrites().map((w) => [w.method, w.path])).toEqual([["PUT", `/articles/${id}`]]);
    expect(storedArticle(project, id).locales.en?.aiChatbot).toBe(false);

    await setFrontMatterKeys(project, LINKS, ["fin: { agent: true }"]);
    await project.write(LINKS, (await project.read(LINKS)).replace("Lumen suggests notes", "Lumen offers notes"));
    expect((await project.cli("push", "--stage")).code).toBe(0);
    const writes = project.takeWrites();
    expect(writes.map((w) => [w.method, w.path])).toEqual([
      ["PUT", `/articles/${id}`],
      ["PUT", `/articles/${id}/draft`],
    ]);
    expect(writes[0]?.body).toEqual({ ai_chatbot_availability: true, translated_content: { fr: { ai_chatbot_availability: true }, de: { ai_chatbot_availability: true } } });
    expect(storedArticle(project, id).locales.en?.draft).toBeDefined();
    expect((await project.cli("push", "--stage")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });
});
