import { copyFile, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtCli } from "../support/built-cli.js";
import { startTestEmulator, type TestEmulator } from "../support/emulator.js";
import { repositoryRoot } from "../support/project.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";
import { runAction, type ActionRun } from "./run-action.js";

const TOKEN = "dG9rOjEyMzQ1Njc4OWFiY2RlZjoxOjA=";
let root: string;
let emulator: TestEmulator;
let actionPath: string;
let workspace: string;
let stepSummary: string;

/**
 * The action as a package install holds it: action.yml beside dist/bin/intercom-sync.js, here the
 * CLI the tests built (its `tsc` output; the bundle is made from the same, see test/install).
 */
async function installAction(dir: string): Promise<string> {
  const folder = path.join(dir, "action");
  await mkdir(path.join(folder, "dist", "bin"), { recursive: true });
  await copyFile(path.join(repositoryRoot, "action.yml"), path.join(folder, "action.yml"));
  await symlink(builtCli(), path.join(folder, "dist", "bin", "intercom-sync.js"), "file");
  return folder;
}

function run(inputs: Record<string, string>, token = TOKEN): Promise<ActionRun> {
  return runAction({
    actionPath,
    workspace,
    inputs: { "working-directory": "help", ...inputs },
    env: { INTERCOM_ACCESS_TOKEN: token, INTERCOM_API_URL: emulator.url, INTERCOM_SYNC_CACHE_DIR: path.join(root, "cache"), NO_COLOR: "1" },
    stepSummary,
    runnerTemp: path.join(root, "runner-temp"),
  });
}

beforeAll(async () => {
  root = await createTempDir("action");
  emulator = await startTestEmulator({ tokens: [TOKEN] });
  actionPath = await installAction(root);
  workspace = path.join(root, "workspace");
  await mkdir(path.join(workspace, "help"), { recursive: true });
  await mkdir(path.join(root, "runner-temp"));
  stepSummary = path.join(root, "step-summary.md");
  await writeFile(stepSummary, "");
});

afterAll(async () => {
  await emulator.close();
  await removeTempDir(root);
});

describe("the GitHub Action (action.yml)", () => {
  it("runs init, check, plan and push in the working directory, with the number of changes and the plan summary as outputs", async () => {
    const init = await run({ command: "init", args: "--yes --locales fr" });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain("+ intercom-sync.config.ts");

    const check = await run({ command: "check", args: "--strict" });
    expect(check.code, check.stderr).toBe(0);
    expect(check.outputs.changes).toBe("");

    const plan = await run({ command: "plan" });
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.outputs.changes).toBe("2");
    const planSummary = await readFile(plan.outputs.summary ?? "", "utf8");
    expect(planSummary).toContain("getting-started/welcome");
    // The job summary gets the same text.
    expect(await readFile(stepSummary, "utf8")).toContain(planSummary.trim());

    // --detailed-exitcode fails the step with 2, and the outputs are still there.
    const pending = await run({ command: "plan", args: "--detailed-exitcode" });
    expect(pending.code).toBe(2);
    expect(pending.outputs.changes).toBe("2");
    expect(await readFile(pending.outputs.summary ?? "", "utf8")).toContain("getting-started/welcome");

    const push = await run({ command: "push" });
    expect(push.code, push.stderr).toBe(0);
    expect(push.outputs.changes).toBe("2");
    expect(emulator.state.dump().articles).toHaveLength(1);
    expect(JSON.parse(await readFile(path.join(workspace, "help", "intercom-sync.lock.json"), "utf8"))).toBeTruthy();

    const again = await run({ command: "plan", args: "--detailed-exitcode" });
    expect(again.code, again.stderr).toBe(0);
    expect(again.outputs.changes).toBe("0");
    expect([init, check, plan, push, again].map((step) => step.stdout + step.stderr).join("")).not.toContain(TOKEN);
  });

  it("fails the step when Intercom refuses the token", async () => {
    const plan = await run({ command: "plan" }, "not-the-token");
    expect(plan.code).toBe(1);
    expect(plan.stderr).toMatch(/401|token/i);
  });
});
