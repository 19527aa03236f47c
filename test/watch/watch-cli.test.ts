import { spawn, type ChildProcess } from "node:child_process";
import { access } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { RUN_LOCK_FILE_NAME } from "../../src/lock/run-lock.js";
import { readLock } from "../../src/lock/read-write-lock.js";
import { builtCli } from "../support/built-cli.js";
import { createTestProject, type TestProject } from "../support/project.js";
import { RUN_TIMEOUT_MS } from "./session.js";

const cli = builtCli();

let child: ChildProcess | null = null;
let project: TestProject | null = null;

afterEach(async () => {
  if (child !== null && child.exitCode === null) child.kill("SIGKILL");
  child = null;
  await project?.close();
  project = null;
});

/** Collects a stream's text and resolves waiters when it matches. */
function follow(stream: NodeJS.ReadableStream): { text: () => string; until: (pattern: RegExp) => Promise<void> } {
  let text = "";
  let waiters: { pattern: RegExp; resolve: () => void }[] = [];
  stream.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
    const done = waiters.filter((waiter) => waiter.pattern.test(text));
    waiters = waiters.filter((waiter) => !done.includes(waiter));
    for (const waiter of done) waiter.resolve();
  });
  return {
    text: () => text,
    until: (pattern) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(text)) return resolve();
        const timer = setTimeout(() => reject(new Error(`output never matched ${pattern}:\n${text}`)), RUN_TIMEOUT_MS);
        waiters.push({
          pattern,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      }),
  };
}

describe("intercom-sync watch (CLI)", () => {
  it("prints one line per run, and on SIGINT saves the lock, frees the folder and exits 0", async () => {
    project = await createTestProject();
    child = spawn(process.execPath, [cli, "watch"], { cwd: project.dir, env: project.env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout = follow(child.stdout as NodeJS.ReadableStream);
    const stderr = follow(child.stderr as NodeJS.ReadableStream);
    const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));

    await stdout.until(/\d\d:\d\d:\d\d {2}.*created.* ms\n/);
    const text = await project.read("content/welcome.md");
    await project.write("content/welcome.md", text.replace("calm place", "calmer place"));
    await stdout.until(/\d\d:\d\d:\d\d {2}~ welcome \(en\) {2}1 updated {2}\d+ ms\n/);

    await project.write("content/welcome.md", "---\ntitle: [broken\n---\n");
    await stderr.until(/content\/welcome\.md:\d+:\d+ {2}/);

    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stdout.text()).toMatch(/Stopped after 3 runs; the lock is saved\./);
    const lock = await readLock(path.join(project.dir, "intercom-sync.lock.json"));
    expect(Object.keys(lock.articles)).toContain("welcome");
    await expect(access(path.join(project.dir, RUN_LOCK_FILE_NAME))).rejects.toThrow();
  });
});
