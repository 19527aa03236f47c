import { afterEach, describe, expect, it } from "vitest";
import { beforeFirstPull } from "../pull/existing-help-center.js";
import { createTestProject, type TestProject } from "../support/project.js";
import { runCliInProcess } from "../support/run-cli.js";

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

/** Pulled, the French welcome stamped, then the source and (without restamping) the translation edited. */
async function outdatedTranslation(config: Record<string, unknown>): Promise<TestProject> {
  const p = await createTestProject(beforeFirstPull(config));
  project = p;
  await p.pull();
  expect((await runCliInProcess(["stamp", "locales/fr/welcome-to-lumen.md"], { cwd: p.dir })).code).toBe(0);
  await p.write("content/welcome-to-lumen.md", (await p.read("content/welcome-to-lumen.md")).replace("**in sync**", "**in sync** everywhere"));
  await p.write("locales/fr/welcome-to-lumen.md", (await p.read("locales/fr/welcome-to-lumen.md")).replace("vos notes", "toutes vos notes"));
  p.emulator.resetRequestLog();
  return p;
}

function articleWrites(p: TestProject): { path: string; locales: string[] }[] {
  return p.emulator.requests
    .filter((r) => r.write)
    .map((r) => ({ path: r.path, locales: Object.keys(((r.body ?? {}) as { translated_content?: Record<string, unknown> }).translated_content ?? {}).filter((k) => k !== "type") }));
}

describe("outdatedTranslations", () => {
  it("is reported by status once the source changes", async () => {
    const p = await outdatedTranslation({});
    const run = await runCliInProcess(["status", "--json", "--locale", "fr"], { cwd: p.dir });
    expect(JSON.parse(run.stdout)).toMatchObject({ locales: [{ locale: "fr", outdated: 1, outdatedFiles: ["locales/fr/welcome-to-lumen.md"] }] });
  });

  it("pushes an outdated translation by default, with a warning", async () => {
    const p = await outdatedTranslation({});
    const pushed = await p.push();
    expect(pushed.plan.warnings.map((w) => [w.code, w.location.file])).toEqual([["plan/outdated-translation", "locales/fr/welcome-to-lumen.md"]]);
    expect(pushed.plan.warnings[0]?.message).toContain("pushing it anyway");
    expect(pushed.result?.ok).toBe(true);
    expect(pushed.plan.items.find((i) => i.key === "welcome-to-lumen")?.locales.map((l) => l.locale).sort()).toEqual(["en", "fr"]);
    expect(articleWrites(p).some((w) => w.locales.includes("fr"))).toBe(true);
  });

  it("leaves an outdated translation unpushed under skip", async () => {
    const p = await outdatedTranslation({ outdatedTranslations: "skip" });
    const pushed = await p.push();
    expect(pushed.plan.warnings[0]?.message).toContain("not pushing it");
    expect(pushed.plan.items.find((i) => i.key === "welcome-to-lumen")?.locales.map((l) => l.locale)).toEqual(["en"]);
    expect(articleWrites(p).some((w) => w.locales.includes("fr"))).toBe(false);
  });
});
