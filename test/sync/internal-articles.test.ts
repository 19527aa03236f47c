import { afterEach, describe, expect, it } from "vitest";
import { callApi } from "../support/http.js";
import { createPushedProject, editInIntercom, readsOf, createTestProject, expectRequestsConform, type TestProject } from "../support/project.js";

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

const REFUNDS = "internal/billing/refunds.md";
const REFUNDS_TEXT = ["---", "title: Refund policy", "owner_id: 991000002", "audiences: [VIP customers]", "fin: { agent: true, copilot: true }", "---", "", "Refund within **30 days**.", ""].join("\n");

function pushedProject(): Promise<TestProject> {
  return createPushedProject({ emulator: { seed: { audiences: ["VIP customers", "Trial users"] } } });
}

function internalArticle(p: TestProject, id: string) {
  const found = (p.state().internalArticles ?? []).find((article) => String(article.id) === id);
  if (found === undefined) throw new Error(`no internal article ${id}`);
  return found;
}

async function idOf(p: TestProject, key: string): Promise<string> {
  return (await p.readLock()).internalArticles?.[key]?.id ?? "";
}

async function replaceIn(p: TestProject, file: string, from: string, to: string): Promise<void> {
  await p.write(file, (await p.read(file)).replace(from, to));
}

describe("internal articles", () => {
  it("creates one from internal/ with its owner, audiences and Fin, keyed by its path, then writes nothing", async () => {
    project = await pushedProject();
    await project.write(REFUNDS, REFUNDS_TEXT);
    const run = await project.cli("push");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("internal create billing/refunds");
    const writes = project.takeWrites();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ method: "POST", path: "/internal_articles", body: { title: "Refund policy", owner_id: 991000002, ai_chatbot_availability: true, ai_copilot_availability: true } });
    expectRequestsConform(writes);
    const id = await idOf(project, "billing/refunds");
    const stored = internalArticle(project, id);
    expect(stored).toMatchObject({ title: "Refund policy", ownerId: 991000002, aiChatbot: true, aiCopilot: true, aiSalesAgent: false });
    expect(stored.audienceIds).toHaveLength(1);
    expect(stored.body).toContain("<strong>30 days</strong>");
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });
});

describe("internal articles: three-way", () => {
  it("updates only what changed, in one request; keeps a web edit as drift; stops on a conflict; --force overwrites", async () => {
    project = await pushedProject();
    await project.write(REFUNDS, REFUNDS_TEXT);
    await project.cli("push");
    project.takeWrites();
    const id = await idOf(project, "billing/refunds");

    await replaceIn(project, REFUNDS, "copilot: true", "copilot: false");
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([{ method: "PUT", path: `/internal_articles/${id}`, body: { ai_copilot_availability: false } }]);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);

    await editInIntercom(project, `/internal_articles/${id}`, { title: "Refunds (edited)" });
    const drift = await project.cli("push");
    expect(drift.code).toBe(0);
    expect(drift.stdout).toContain("internal drift billing/refunds");
    expect(project.takeWrites()).toEqual([]);

    await replaceIn(project, REFUNDS, "30 days", "14 days");
    const conflict = await project.cli("push");
    expect(conflict.code).toBe(1);
    expect(conflict.stdout + conflict.stderr).toContain("changed both here and in Intercom (body)");
    expect(project.takeWrites()).toEqual([]);
    expect(internalArticle(project, id).title).toBe("Refunds (edited)");

    const forced = await project.cli("push", "--force");
    expect(forced.code).toBe(0);
    const overwrite = project.takeWrites();
    expect(overwrite).toHaveLength(1);
    expect(overwrite[0]?.body).toMatchObject({ title: "Refund policy", owner_id: 991000002 });
    expectRequestsConform(overwrite);
    expect(internalArticle(project, id)).toMatchObject({ title: "Refund policy", aiCopilot: false });
    expect(internalArticle(project, id).body).toContain("14 days");
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });

  it("stops managing a setting whose key is removed, with no write", async () => {
    project = await pushedProject();
    await project.write(REFUNDS, REFUNDS_TEXT);
    await project.cli("push");
    project.takeWrites();
    await replaceIn(project, REFUNDS, "audiences: [VIP customers]\n", "");
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
    expect(internalArticle(project, await idOf(project, "billing/refunds")).audienceIds).toHaveLength(1);
    expect((await project.readLock()).internalArticles?.["billing/refunds"]?.fields.audiences).toBeUndefined();
    await replaceIn(project, REFUNDS, "title:", "audiences: []\ntitle:");
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites().map((w) => w.body)).toEqual([{ audience_ids: [] }]);
  });

  it("moves a renamed file without a write, and follows onDelete when a file is removed", async () => {
    project = await pushedProject();
    await project.write(REFUNDS, REFUNDS_TEXT);
    await project.cli("push");
    project.takeWrites();
    const id = await idOf(project, "billing/refunds");
    await project.move(REFUNDS, "internal/refunds.md");
    const moved = await project.cli("push");
    expect(moved.code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
    expect(await idOf(project, "refunds")).toBe(id);
    expect((await project.readLock()).internalArticles?.["billing/refunds"]).toBeUndefined();

    // onDelete "unpublish" (the default): an internal article has no state to take back, so it stays.
    await project.remove("internal/refunds.md");
    const kept = await project.cli("push");
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain("internal forget refunds");
    expect(project.takeWrites()).toEqual([]);
    expect(project.state().internalArticles).toHaveLength(1);
    expect((await project.readLock()).internalArticles).toBeUndefined();
  });

  it("deletes the article of a removed file under onDelete: delete", async () => {
    project = await pushedProject();
    await project.write("intercom-sync.config.json", JSON.stringify({ locales: ["fr", "de"], defaultState: "published", assetBaseUrl: "https://assets.lumen-notes.example/help/", onDelete: "delete" }));
    await project.remove("intercom-sync.config.ts");
    await project.write(REFUNDS, REFUNDS_TEXT);
    expect((await project.cli("push")).code).toBe(0);
    project.takeWrites();
    const id = await idOf(project, "billing/refunds");
    await project.remove(REFUNDS);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([{ method: "DELETE", path: `/internal_articles/${id}`, body: undefined }]);
    expect(project.state().internalArticles ?? []).toHaveLength(0);
  });
});

describe("internal articles: pull", () => {
  it("writes internal/ files for the workspace's internal articles; a push right after writes nothing", async () => {
    project = await pushedProject();
    const created = await callApi(project.emulator.url, "POST", "/internal_articles", {
      body: { title: "On-call guide", body: "<p>Page the <b>lead</b>.</p>", owner_id: 991000001, author_id: 991000002, audience_ids: [], ai_copilot_availability: true },
    });
    expect(created.status).toBe(200);
    project.takeWrites();
    await project.write("internal/.keep", "");
    const pulled = await project.cli("pull");
    expect(pulled.code).toBe(0);
    const text = await project.read("internal/on-call-guide.md");
    expect(text).toContain("title: On-call guide");
    expect(text).toContain("owner_id: 991000001");
    expect(text).toContain("**lead**");
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);

    // A web edit pulled back: the file changes, and the push after it writes nothing.
    const id = await idOf(project, "on-call-guide");
    await editInIntercom(project, `/internal_articles/${id}`, { ai_chatbot_availability: true, title: "On-call" });
    expect((await project.cli("pull")).code).toBe(0);
    expect(await project.read("internal/on-call-guide.md")).toContain("title: On-call\n");
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });
});

describe("internal articles: cost and bad input", () => {
  it("lists no internal articles when there is no internal/ folder and the lock owns none", async () => {
    project = await pushedProject();
    expect((await project.cli("push")).code).toBe(0);
    expect((await project.cli("plan")).code).toBe(0);
    expect((await project.cli("pull")).code).toBe(0);
    expect(readsOf(project, "/internal_articles")).toBe(0);
    expect((await project.readLock()).internalArticles).toBeUndefined();
    expect(await project.read("intercom-sync.lock.json")).not.toContain("internalArticles");
  });

  it("gives a file without owner_id or author_id the default author, and plan shows the create", async () => {
    project = await pushedProject();
    await project.write("internal/minimal.md", "---\ntitle: Minimal\n---\n\nText.\n");
    const plan = await project.cli("plan", "--detailed-exitcode");
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain("internal create minimal");
    expect(project.takeWrites()).toEqual([]);
    expect((await project.cli("push")).code).toBe(0);
    const writes = project.takeWrites();
    expect(writes).toMatchObject([{ method: "POST", path: "/internal_articles", body: { title: "Minimal", owner_id: 991000001, author_id: 991000001 } }]);
    expect((await project.cli("plan", "--detailed-exitcode")).code).toBe(0);
  });

  it("stops before any write on an unknown audience, a bad owner_id or a bad fin, naming file and line", async () => {
    project = await pushedProject();
    await project.write(REFUNDS, REFUNDS_TEXT.replace("VIP customers", "VIP customer"));
    const unknown = await project.cli("push");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr + unknown.stdout).toMatch(/internal\/billing\/refunds\.md\n {2}4 +error +settings\/unknown-audience/);
    expect(unknown.stderr + unknown.stdout).toContain('Did you mean "VIP customers"?');
    expect(project.takeWrites()).toEqual([]);

    await project.write(REFUNDS, REFUNDS_TEXT.replace("owner_id: 991000002", "owner_id: Grace").replace("agent: true", "agent: maybe"));
    await project.write("content/welcome.md", "---\ntitle: Welcome again\n---\n\nChanged.\n");
    const bad = await project.cli("push");
    expect(bad.code).toBe(1);
    const output = bad.stderr + bad.stdout;
    expect(output).toContain("internal/billing/refunds.md");
    expect(output).toMatch(/ {2}3:1 +error +internal\/invalid-field +"owner_id"/);
    expect(output).toMatch(/ {2}5:1 +error +settings\/invalid-fin/);
    expect(project.takeWrites()).toEqual([]);
  });
});

describe("internal articles: one locale", () => {
  it("refuses a translation of an internal article in a locale folder, writing nothing", async () => {
    project = await pushedProject();
    await project.write(REFUNDS, REFUNDS_TEXT);
    await project.write("locales/fr/billing/refunds.md", "---\ntitle: Remboursements\n---\n\nSous 30 jours.\n");
    const run = await project.cli("push");
    expect(run.code).toBe(1);
    expect(run.stderr + run.stdout).toMatch(/locales\/fr\/billing\/refunds\.md\n {2}1(:1)? +error +internal\/translation/);
    expect(project.takeWrites()).toEqual([]);
  });
});

describe("internal articles: links and pull conflicts", () => {
  it("links to a help-center article by its Intercom URL", async () => {
    project = await pushedProject();
    await project.write("internal/see-also.md", "---\ntitle: See also\n---\n\nRead [the welcome](../content/welcome.md#start).\n");
    expect((await project.cli("push")).code).toBe(0);
    const writes = project.takeWrites();
    expect(writes).toHaveLength(1);
    expect(String((writes[0]?.body as { body: string }).body)).toMatch(/<a href="https?:\/\/[^"]+#start">the welcome<\/a>/);
  });

  it("keeps a file changed here when Intercom changed too, and takes Intercom's with --force", async () => {
    project = await pushedProject();
    await project.write(REFUNDS, REFUNDS_TEXT);
    await project.cli("push");
    project.takeWrites();
    const id = await idOf(project, "billing/refunds");
    await editInIntercom(project, `/internal_articles/${id}`, { title: "Refunds (web)" });
    await replaceIn(project, REFUNDS, "30 days", "45 days");
    const kept = await project.cli("pull");
    expect(kept.code).toBe(1);
    expect(await project.read(REFUNDS)).toContain("45 days");
    expect((await project.cli("pull", "--force")).code).toBe(0);
    const text = await project.read(REFUNDS);
    expect(text).toContain("title: Refunds (web)");
    expect(text).toContain("30 days");
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
  });
});

describe("internal articles: check", () => {
  it("reports bad internal files offline, and warns about keys internal articles do not have", async () => {
    project = await createTestProject();
    await project.write(REFUNDS, REFUNDS_TEXT.replace("owner_id: 991000002", "owner_id: [1]").replace("title:", "state: published\ntitle:"));
    const run = await project.cli("check");
    expect(run.code).toBe(1);
    const output = run.stdout + run.stderr;
    expect(output).toMatch(/internal\/invalid-field/);
    expect(output).toMatch(/internal\/unknown-key +"state" does not apply to internal articles/);
    expect(project.emulator.requests).toEqual([]);
  });
});

describe("internal articles: saved plans", () => {
  it("leaves internal articles out of push --plan, which applies only what the saved plan holds", async () => {
    project = await pushedProject();
    await project.write("internal/minimal.md", "---\ntitle: Minimal\n---\n\nText.\n");
    expect((await project.cli("plan", "--out", "plan.json")).code).toBe(0);
    expect((await project.cli("push", "--plan", "plan.json")).code).toBe(0);
    expect(project.takeWrites()).toEqual([]);
    expect((await project.cli("push")).code).toBe(0);
    expect(project.takeWrites()).toHaveLength(1);
  });
});

describe("internal articles: convergence", () => {
  it("adopts an internal article of the same title the lock lacks (a lost create), and creates again one deleted in Intercom", async () => {
    project = await pushedProject();
    const made = await callApi(project.emulator.url, "POST", "/internal_articles", { body: { title: "Minimal", body: "<p>Old.</p>", owner_id: 991000001, author_id: 991000001 } });
    expect(made.status).toBe(200);
    project.takeWrites();
    await project.write("internal/minimal.md", "---\ntitle: Minimal\n---\n\nText.\n");
    expect((await project.cli("push")).code).toBe(0);
    const adopted = project.takeWrites();
    expect(adopted).toMatchObject([{ method: "PUT" }]);
    expect(project.state().internalArticles).toHaveLength(1);
    const id = await idOf(project, "minimal");

    expect((await callApi(project.emulator.url, "DELETE", `/internal_articles/${id}`)).status).toBe(200);
    project.takeWrites();
    const again = await project.cli("push");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("deleted in Intercom: created again");
    expect(project.takeWrites()).toMatchObject([{ method: "POST", path: "/internal_articles" }]);
    expect(await idOf(project, "minimal")).not.toBe(id);
  });
});
