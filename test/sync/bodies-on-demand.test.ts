import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_ADMINS } from "../../src/emulator/seed.js";
import { buildDesiredState } from "../../src/load/build-desired-state.js";
import { memorySource } from "../../src/load/memory-source.js";
import { readContentTree } from "../../src/content/read-content-tree.js";
import type { WireUpdateArticleRequest } from "../../src/intercom/wire.js";
import { lookupUrl, resolveLinks } from "../../src/render/resolve-links.js";
import type { RequestEvent } from "../../src/remote/request-with-policy.js";
import { createPlanBodies, loadPlanBodies } from "../../src/load/plan-bodies.js";
import { readValidState } from "../../src/sync/plan-project.js";
import { applyStep } from "../../src/sync/apply-step.js";
import { openProject } from "../../src/sync/open-project.js";
import { resolveProjectConfig } from "../../src/sync/project-config.js";
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

  it("sends the HTML of the file it writes, rendered again with its links resolved, and leaves the plan as planned", async () => {
    project = await createTestProject();
    await project.push();
    project.takeWrites();
    const file = "content/writing/links.md";
    await project.write(file, `${await project.read(file)}\nOne more line, with [a link](markdown.md#text).\n`);
    const run = await project.plan();
    const planned = JSON.stringify(run.plan);
    const rendered: string[] = [];
    const opened = await openProject({ cwd: project.dir, env: project.env }, { runLock: true });
    const result = await applyStep(opened, {
      ...run,
      loadBody: async (request) => {
        rendered.push(`${request.key} ${request.locale}`);
        return run.loadBody(request);
      },
    }).finally(() => opened.close());
    expect(result.ok).toBe(true);
    const writes = project.takeWrites();
    expect(writes).toHaveLength(1);
    const sent = (writes[0]?.body as WireUpdateArticleRequest).body ?? "";

    // What the renderer makes of the edited file, links resolved against what Intercom holds.
    const config = await resolveProjectConfig({ cwd: project.dir, env: project.env });
    const html = (await buildDesiredState(memorySource(await readContentTree(config)), config, { keepHtml: true })).state.articles.find((a) => a.key === "writing/links")?.locales.en?.html ?? "";
    expect(sent).toBe(resolveLinks(html, "en", lookupUrl(run.plan.urls, "en")).body);
    expect(sent).toContain("One more line, with");
    expect(sent).not.toContain("intercom-sync:");
    // Only the written locale was rendered again (no link target's URL changed), beside the plan.
    expect(rendered).toEqual(["writing/links en"]);
    expect(JSON.stringify(run.plan)).toBe(planned);
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
    await expect(loadPlanBodies(run.plan, createPlanBodies(run.desired, changed))).rejects.toMatchObject({ code: "content/changed-during-run" });
    expect(project.takeWrites()).toEqual([]);
  });
});
