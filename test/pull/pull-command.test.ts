import { afterEach, describe, expect, it } from "vitest";
import { createTestProject, type TestProject } from "../support/project.js";
import { beforeFirstPull, IDS } from "./existing-help-center.js";

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

describe("intercom-sync pull", () => {
  it("lists the new files and prints a summary", async () => {
    project = await createTestProject(beforeFirstPull());
    const run = await project.cli("pull");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("+ content/welcome-to-lumen.md  new from Intercom");
    expect(run.stdout).toContain("Pulled help center 1: 20 created, 0 updated, 0 unchanged, 0 skipped.");
  });

  it("exits 1 and names the file when a file changed on both sides", async () => {
    project = await createTestProject(beforeFirstPull());
    await project.cli("pull");
    const file = "content/getting-started/install-the-app.md";
    await project.write(file, `${await project.read(file)}\nA local line.\n`);
    project.tick();
    project.emulator.editInEditor(IDS.install, "en", { title: "Install Lumen" });
    const run = await project.cli("pull");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`! ${file}  changed locally and in Intercom since the last push`);
    expect(run.stdout).toContain("`pull --force` takes Intercom's version instead");
  });

  it("prints one JSON document with --json, without file texts", async () => {
    project = await createTestProject(beforeFirstPull());
    const run = await project.cli("pull", "--json");
    const result = JSON.parse(run.stdout) as { ok: boolean; summary: { created: number }; files: Record<string, unknown>[] };
    expect(result.ok).toBe(true);
    expect(result.summary.created).toBe(20);
    expect(result.files[0]).not.toHaveProperty("text");
    expect(run.stdout).not.toContain(String(project.env.INTERCOM_ACCESS_TOKEN));
  });
});
