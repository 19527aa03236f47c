import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCALES } from "../../src/locales.js";
import { createTestProject, repositoryRoot, type TestProject } from "../support/project.js";

const corpus = path.resolve(repositoryRoot, "../shared/corpus/fastapi");
const present = existsSync(corpus);
if (!present) console.warn(`corpus sync tests skipped: ${corpus} not found`);

describe.skipIf(!present)("push of the FastAPI corpus", () => {
  let project: TestProject;
  beforeAll(async () => {
    // Every Intercom locale enabled: the corpus has ten translation locales.
    project = await createTestProject({ tree: { copy: corpus }, emulator: { seed: { locales: [...LOCALES] } } });
    // The corpus config is a plain object with no import of the package.
    const { cp } = await import("node:fs/promises");
    await cp(path.join(corpus, "intercom-sync.config.ts"), path.join(project.dir, "intercom-sync.config.ts"));
  }, 60_000);
  afterAll(async () => project?.close());

  it("syncs every article and translation, then syncs again with zero writes", async () => {
    const first = await project.push();
    expect(first.result?.ok).toBe(true);
    expect(first.result?.counts.created).toBe(139); // 10 collections + 129 articles
    expect(first.result?.counts.failed).toBe(0);
    const state = project.state();
    expect(state.articles).toHaveLength(129);
    const translations = state.articles.reduce((sum, article) => sum + Object.keys(article.locales).length - 1, 0);
    expect(translations).toBe(1220);
    // Unsupported syntax is reported as warnings, never sent as HTML Intercom would refuse.
    expect(first.diagnostics.some((d) => d.code === "render/mkdocs-admonition")).toBe(true);

    project.takeWrites();
    const second = await project.push();
    expect(project.takeWrites()).toEqual([]);
    expect(second.plan.summary.writes).toBe(0);
  }, 120_000);

  it("sends one request when one file in one locale changes", async () => {
    const file = "locales/ja/features.md";
    await project.write(file, (await project.read(file)) + "\n追加の段落。\n");
    project.takeWrites();
    await project.push();
    const writes = project.takeWrites();
    expect(writes).toHaveLength(1);
    expect(Object.keys((writes[0]?.body as { translated_content: object }).translated_content)).toEqual(["ja"]);
  }, 60_000);
});
