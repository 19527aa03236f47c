/**
 * The step that commits the lock back, as `init`'s workflow and the README's CI snippet write it,
 * run with bash in a clone of a local bare repository after a push to the emulator.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { workflowText } from "../../src/init/init-templates.js";
import { startTestEmulator, TEST_TOKEN, type TestEmulator } from "../support/emulator.js";
import { repositoryRoot } from "../support/project.js";
import { runCliInProcess } from "../support/run-cli.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

const run = promisify(execFile);
let root: string;
let workspace: string;
let emulator: TestEmulator;

/** No global git config of the machine: the runner's checkout has no committer either. */
const gitEnv = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: root, GIT_CONFIG_NOSYSTEM: "1" });

async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await run("git", args, { cwd, env: gitEnv() })).stdout;
}

async function bash(script: string): Promise<void> {
  await run("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], { cwd: workspace, env: gitEnv() });
}

beforeEach(async () => {
  root = await createTempDir("lock-commit");
  emulator = await startTestEmulator();
  await git(root, "init", "--bare", "--initial-branch=main", "origin.git");
  await git(root, "clone", "origin.git", "workspace");
  workspace = path.join(root, "workspace");
  expect((await runCliInProcess(["init", "--yes"], { cwd: workspace })).code).toBe(0);
  await git(workspace, "add", "-A");
  await git(workspace, "-c", "user.name=Writer", "-c", "user.email=writer@example.com", "commit", "-m", "Help center");
  await git(workspace, "push", "origin", "main");
  const push = await runCliInProcess(["push"], { cwd: workspace, env: { INTERCOM_API_URL: emulator.url, INTERCOM_ACCESS_TOKEN: TEST_TOKEN, INTERCOM_SYNC_CACHE_DIR: path.join(root, "cache") } });
  expect(push.code, push.stderr).toBe(0);
});

afterEach(async () => {
  await emulator.close();
  await removeTempDir(root);
});

async function remoteHasLock(): Promise<void> {
  expect(await git(path.join(root, "origin.git"), "log", "--format=%an: %s", "main")).toMatch(/^github-actions\[bot\]: Update intercom-sync\.lock\.json\n/);
  expect(await git(path.join(root, "origin.git"), "show", "main:intercom-sync.lock.json")).toBe(await readFile(path.join(workspace, "intercom-sync.lock.json"), "utf8"));
}

describe("committing the lock back", () => {
  it("works as init's workflow writes it, and does nothing when the lock is unchanged", async () => {
    const workflow = parse(workflowText()) as { jobs: { push: { steps: { name?: string; run?: string }[] } } };
    const step = workflow.jobs.push.steps.find((candidate) => candidate.name === "Commit the lock");
    await bash(step?.run ?? "exit 1");
    await remoteHasLock();
    const before = await git(path.join(root, "origin.git"), "rev-parse", "main");
    await bash(step?.run ?? "exit 1");
    expect(await git(path.join(root, "origin.git"), "rev-parse", "main")).toBe(before);
  });

  it("works as the README's CI snippet writes it", async () => {
    const readme = await readFile(path.join(repositoryRoot, "README.md"), "utf8");
    const snippet = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? "").find((block) => block.includes("git add intercom-sync.lock.json"));
    const steps = parse(snippet ?? "[]") as { run: string }[];
    await bash(steps.at(-1)?.run ?? "exit 1");
    await remoteHasLock();
  });
});
