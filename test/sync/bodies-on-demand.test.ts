import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_ADMINS } from "../../src/emulator/seed.js";
import { buildFromTree } from "../../src/check/load-desired-state.js";
import { readContentTree } from "../../src/content/read-content-tree.js";
import type { WireUpdateArticleRequest } from "../../src/intercom/wire.js";
import { lookupUrl, resolveLinks } from "../../src/plan/resolve-links.js";
import type { RequestEvent } from "../../src/remote/request-with-policy.js";
import { createPlanBodyLoader, loadPlanBodies, readValidState, resolveProjectConfig } from "../../src/sync.js";
import { createTestProject, type TestProject } from "../support/project.js";

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

function recorder(): { onRequest: (event: RequestEvent) => void; paths: string[] } {
  const paths: string[] = [];
  return { paths, onRequest: (event) => paths.push(`${event.method} ${event.path.replace(/\?.*$/, "")}`) };
}

describe("bodies on demand", () => {
  it("keeps no HTML in the desired state, only digests and links", async () => {
    project = await createTestProject();
    const config = await resolveProjectConfig({ cwd: project.dir, env: project.env });
    const { desired } = await readValidState(config, { cache: false });
    const links = desired.articles.find((article) => article.key === "writing/links")?.locales.en;
    expect(links?.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(links?.textDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(links?.hrefs).toContain("intercom-sync:writing/markdown#text");
    for (const article of desired.articles) {
      for (const locale of Object.values(article.locales)) {
        expect(locale.html).toBeUndefined();
        expect(locale).not.toHaveProperty("body");
      }
    }
    expect(JSON.stringify(desired)).not.toMatch(/<p>|<h1|<table/);
  });

  it("sends the HTML of the file it writes, rendered again with its links resolved", async () => {
    project = await createTestProject();
    await project.push();
    project.takeWrites();
    const file = "content/writing/links.md";
    await project.write(file, `${await project.read(file)}\nOne more line, with [a link](markdown.md#text).\n`);
    const run = await project.push();
    expect(run.result?.ok).toBe(true);
    const writes = project.takeWrites();
    expect(writes).toHaveLength(1);
    const sent = (writes[0]?.body as WireUpdateArticleRequest).body ?? "";

    // What the renderer makes of the edited file, links resolved against what Intercom holds.
    const config = await resolveProjectConfig({ cwd: project.dir, env: project.env });
    const html = buildFromTree(await readContentTree(config), config, { keepHtml: true }).state.articles.find((a) => a.key === "writing/links")?.locales.en?.html ?? "";
    expect(sent).toBe(resolveLinks(html, "en", lookupUrl(run.plan.urls, "en")).body);
    expect(sent).toContain("One more line, with");
    expect(sent).not.toContain("intercom-sync:");
    // Only the written locale was rendered again: no link target's URL changed.
    const loaded = run.plan.items.flatMap((item) =>
      item.type === "article" ? Object.entries(item.content).flatMap(([locale, content]) => (content.body === undefined ? [] : [`${item.key} ${locale}`])) : [],
    );
    expect(loaded).toEqual(["writing/links en"]);
  });

  it("asks /me on the first push, and makes list requests only on a push with nothing to do", async () => {
    project = await createTestProject();
    const first = recorder();
    await project.push({ onRequest: first.onRequest });
    expect(first.paths.filter((p) => p === "GET /me")).toHaveLength(1);

    const second = recorder();
    const run = await project.push({ onRequest: second.onRequest });
    expect(run.plan.summary.writes).toBe(0);
    expect(run.plan.defaultAuthorId).toBeNull();
    expect(second.paths.length).toBeGreaterThan(0);
    expect(second.paths.every((p) => p.startsWith("GET ") && p !== "GET /me")).toBe(true);
  });

  it("does not ask /me for an edit when the config names the author", async () => {
    project = await createTestProject({ config: { locales: ["fr", "de"], defaultState: "published", assetBaseUrl: "https://assets.example.com/", authorId: DEFAULT_ADMINS[1].id } });
    expect((await project.push()).result?.ok).toBe(true);
    const file = "content/welcome.md";
    await project.write(file, `${await project.read(file)}\nEdited.\n`);
    const edit = recorder();
    await project.push({ onRequest: edit.onRequest });
    expect(edit.paths).not.toContain("GET /me");
    expect(edit.paths.filter((p) => p.startsWith("PUT "))).toHaveLength(1);
  });

  it("stops before any write when a file changed after it was read", async () => {
    project = await createTestProject();
    const run = await project.plan();
    const changed = async (): Promise<string> => "<p>not what was planned</p>";
    await expect(loadPlanBodies(run.plan, createPlanBodyLoader(run.desired, changed))).rejects.toMatchObject({ code: "content/changed-during-run" });
    expect(project.takeWrites()).toEqual([]);
  });
});
