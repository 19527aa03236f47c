/**
 * A throwaway copy of the example project wired to a test emulator, with helpers to edit files,
 * run the library or the CLI, and read what Intercom now holds.
 */
import { cp, mkdtemp, readFile, rm, writeFile, mkdir, rename } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { EmulatorOptions, EmulatorSnapshot } from "../../src/emulator/index.js";
import { planProject, type PlanProjectOptions } from "../../src/sync/plan-project.js";
import { pushProject, type PushProjectOptions } from "../../src/sync/push-project.js";
import { startTestEmulator, TEST_TOKEN, type TestEmulator } from "../support/emulator.js";
import { loadConformanceChecker } from "../support/openapi-conformance.js";
import { runCliInProcess, type CliRun } from "../support/run-cli.js";

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type { CliRun };

export interface TestProject {
  dir: string;
  emulator: TestEmulator;
  env: NodeJS.ProcessEnv;
  write(file: string, text: string): Promise<void>;
  read(file: string): Promise<string>;
  remove(file: string): Promise<void>;
  move(from: string, to: string): Promise<void>;
  push(options?: PushProjectOptions): ReturnType<typeof pushProject>;
  plan(options?: PlanProjectOptions): ReturnType<typeof planProject>;
  cli(...args: string[]): Promise<CliRun>;
  /** Writes (POST/PUT/DELETE) the emulator received since the last call. */
  takeWrites(): { method: string; path: string; body: unknown }[];
  state(): EmulatorSnapshot;
  close(): Promise<void>;
}

/** Copies `source` (default: the example project) into a temp folder, with `config` as JSON if given. */
export async function createTestProject(
  options: { source?: string; config?: Record<string, unknown>; emulator?: EmulatorOptions; extraEnv?: NodeJS.ProcessEnv } = {},
): Promise<TestProject> {
  const dir = await mkdtemp(path.join(tmpdir(), "intercom-sync-test-"));
  const source = options.source ?? repositoryRoot;
  await cp(path.join(source, "content"), path.join(dir, "content"), { recursive: true });
  await cp(path.join(source, "locales"), path.join(dir, "locales"), { recursive: true });
  if (options.config) {
    await writeFile(path.join(dir, "intercom-sync.config.json"), JSON.stringify(options.config, null, 2));
  } else {
    await cp(path.join(source, "intercom-sync.config.ts"), path.join(dir, "intercom-sync.config.ts"));
  }
  const emulator = await startTestEmulator(options.emulator ?? {});
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    INTERCOM_API_URL: emulator.url,
    INTERCOM_ACCESS_TOKEN: TEST_TOKEN,
    NO_COLOR: "1",
    // The render cache stays in the temp folder (outside content/ and locales/), removed with it.
    INTERCOM_SYNC_CACHE_DIR: path.join(dir, ".intercom-sync-cache"),
    ...options.extraEnv,
  };
  let seen = 0;
  const abs = (file: string): string => path.join(dir, file);
  return {
    dir,
    emulator,
    env,
    write: async (file, text) => {
      await mkdir(path.dirname(abs(file)), { recursive: true });
      await writeFile(abs(file), text);
    },
    read: (file) => readFile(abs(file), "utf8"),
    remove: (file) => rm(abs(file)),
    move: async (from, to) => {
      await mkdir(path.dirname(abs(to)), { recursive: true });
      await rename(abs(from), abs(to));
    },
    push: (extra = {}) => pushProject({ cwd: dir, env, ...extra }),
    plan: (extra = {}) => planProject({ cwd: dir, env, ...extra }),
    cli: (...args) => runCliInProcess(args, { cwd: dir, env }),
    takeWrites: () => {
      const writes = emulator.requests.slice(seen).filter((entry) => entry.write);
      seen = emulator.requests.length;
      return writes.map(({ method, path: requestPath, body }) => ({ method, path: requestPath, body }));
    },
    state: () => emulator.state.dump(),
    close: async () => {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Asserts that every write request body conforms to the 2.16 request schemas. */
export function expectRequestsConform(writes: readonly { method: string; path: string; body: unknown }[]): void {
  const checker = loadConformanceChecker();
  if (!checker) return;
  const violations = writes.flatMap((write) => checker.checkRequest(write));
  expect(violations).toEqual([]);
}

/** Visible text of stored HTML: tags dropped, whitespace collapsed. */
export function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
}
