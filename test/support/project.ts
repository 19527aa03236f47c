/**
 * The one project harness of the tests: a throwaway project folder (a copy of the example project
 * or another one, a generated help center, or nothing) wired to a spec-checked test emulator, with
 * helpers to edit files, run the library or the CLI in this process, and read what Intercom holds.
 */
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { generateHelpCenter } from "../../bench/generate-help-center.js";
import { writeGeneratedTree } from "../../bench/write-generated-tree.js";
import type { EmulatorOptions, EmulatorSnapshot, ResponseCheck } from "../../src/emulator/index.js";
import { LOCK_FILE_NAME } from "../../src/lock/lock-schema.js";
import { parseLock } from "../../src/lock/parse-lock.js";
import { planProject, type PlanProjectOptions } from "../../src/sync/plan-project.js";
import { pullProject, type PullProjectOptions } from "../../src/sync/pull-project.js";
import { pushProject, type PushProjectOptions } from "../../src/sync/push-project.js";
import type { LockFile } from "../../src/types.js";
import { startTestEmulator, TEST_TOKEN, type TestEmulator } from "./emulator.js";
import { callApi } from "./http.js";
import { loadConformanceChecker } from "./openapi-conformance.js";
import { runCliInProcess, type CliRun } from "./run-cli.js";
import { createTempDir } from "./temp-dir.js";

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type { CliRun };

/** What the project folder starts with. */
export type ProjectTree =
  /** content/, locales/ and the config file of a project folder (default: the example project). */
  | { copy: string }
  /** A help center from the benchmark's generator, with the config file it writes. */
  | { generate: { seed?: number; articles?: number; locales?: string[]; maxDepth?: number } }
  /** An empty folder, as before a first pull. */
  | "empty";

export interface TestProjectOptions {
  tree?: ProjectTree;
  /** Written as intercom-sync.config.json, in place of a copied config file. */
  config?: Record<string, unknown>;
  emulator?: EmulatorOptions;
  /** The emulator's clock starts here (ms) and moves only with `tick()`. Default: its own clock. */
  clockStartMs?: number;
  /** The access token in `env` (default: the one the test emulator accepts). */
  token?: string;
  extraEnv?: NodeJS.ProcessEnv;
}

export interface TestProject {
  dir: string;
  emulator: TestEmulator;
  /** The emulator's URL, the token, no colours, the render cache inside `dir`; nothing else inherited but PATH. */
  env: NodeJS.ProcessEnv;
  lockPath: string;
  /** Called with every API response the emulator is about to send, after a write was applied (null: none). */
  onResponse: ((check: ResponseCheck) => void) | null;
  /** Moves the emulator's clock (needs `clockStartMs`), so an edit gets a newer `updated_at`. */
  tick(seconds?: number): void;
  write(file: string, text: string): Promise<void>;
  read(file: string): Promise<string>;
  remove(file: string): Promise<void>;
  move(from: string, to: string): Promise<void>;
  /** Every file of the project (path -> text), lock included, run lock and render cache excluded. */
  snapshot(): Promise<Map<string, string>>;
  push(options?: PushProjectOptions): ReturnType<typeof pushProject>;
  plan(options?: PlanProjectOptions): ReturnType<typeof planProject>;
  pull(options?: Partial<PullProjectOptions>): ReturnType<typeof pullProject>;
  cli(...args: string[]): Promise<CliRun>;
  /** The lock file, parsed (throws when it does not parse). */
  readLock(): Promise<LockFile>;
  /** Writes (POST/PUT/DELETE) the emulator received since the last call. */
  takeWrites(): { method: string; path: string; body: unknown }[];
  state(): EmulatorSnapshot;
  close(): Promise<void>;
}

/** The render cache's folder inside the project (outside content/ and locales/), removed with it. */
const CACHE_FOLDER = ".intercom-sync-cache";
const CONFIG_JSON = "intercom-sync.config.json";
const CONFIG_TS = "intercom-sync.config.ts";

async function fillTree(dir: string, tree: ProjectTree, copyConfig: boolean): Promise<void> {
  if (tree === "empty") return;
  if ("generate" in tree) {
    const { seed = 7, articles = 30, locales = ["fr", "de"], maxDepth = 3 } = tree.generate;
    await writeGeneratedTree(generateHelpCenter({ seed, articles, locales, maxDepth }), dir);
    return;
  }
  await cp(path.join(tree.copy, "content"), path.join(dir, "content"), { recursive: true });
  await cp(path.join(tree.copy, "locales"), path.join(dir, "locales"), { recursive: true });
  if (copyConfig) await cp(path.join(tree.copy, CONFIG_TS), path.join(dir, CONFIG_TS));
}

async function listFiles(root: string, dir = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const relative = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (relative !== CACHE_FOLDER) files.push(...(await listFiles(root, relative)));
    } else files.push(relative);
  }
  return files.sort();
}

/** Fills a temp folder as `options.tree` says and starts an emulator for it. */
export async function createTestProject(options: TestProjectOptions = {}): Promise<TestProject> {
  const dir = await createTempDir("project");
  await fillTree(dir, options.tree ?? { copy: repositoryRoot }, options.config === undefined);
  if (options.config !== undefined) await writeFile(path.join(dir, CONFIG_JSON), JSON.stringify(options.config, null, 2));

  let now = options.clockStartMs ?? 0;
  const manualClock = options.clockStartMs === undefined ? {} : { clock: () => now };
  let onResponse: ((check: ResponseCheck) => void) | null = null;
  const emulator = await startTestEmulator({
    ...options.emulator,
    ...manualClock,
    responseValidator: (check) => {
      options.emulator?.responseValidator?.(check);
      onResponse?.(check);
    },
  });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    INTERCOM_API_URL: emulator.url,
    INTERCOM_ACCESS_TOKEN: options.token ?? TEST_TOKEN,
    NO_COLOR: "1",
    INTERCOM_SYNC_CACHE_DIR: path.join(dir, CACHE_FOLDER),
    ...options.extraEnv,
  };
  let seen = 0;
  const abs = (file: string): string => path.join(dir, file);
  const lockPath = abs(LOCK_FILE_NAME);
  return {
    dir,
    emulator,
    env,
    lockPath,
    get onResponse() {
      return onResponse;
    },
    set onResponse(hook) {
      onResponse = hook;
    },
    tick(seconds = 60) {
      if (options.clockStartMs === undefined) throw new Error("tick() needs a project created with clockStartMs.");
      now += seconds * 1000;
    },
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
    async snapshot() {
      const result = new Map<string, string>();
      for (const file of await listFiles(dir)) result.set(file, await readFile(abs(file), "utf8"));
      return result;
    },
    push: (extra = {}) => pushProject({ cwd: dir, env, ...extra }),
    plan: (extra = {}) => planProject({ cwd: dir, env, ...extra }),
    pull: (extra = {}) => pullProject({ cwd: dir, env, ...extra }),
    cli: (...args) => runCliInProcess(args, { cwd: dir, env }),
    readLock: async () => parseLock(await readFile(lockPath, "utf8"), LOCK_FILE_NAME),
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

/** True for a response to a write that Intercom applied (2xx to POST, PUT or DELETE). */
export function isAppliedWrite(check: ResponseCheck): boolean {
  return check.method !== "GET" && check.status >= 200 && check.status < 300;
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

/**
 * Sets front matter keys of a project file: each `key: value` line replaces the key's line (and
 * the indented lines under it) and goes right after the opening `---`; a key given alone is removed.
 */
export async function setFrontMatterKeys(p: TestProject, file: string, lines: readonly string[]): Promise<void> {
  let text = await p.read(file);
  for (const line of lines) {
    const key = line.split(":")[0] ?? line;
    text = text.replace(new RegExp(`^${key}:.*\\n(?:[ \\t]+.*\\n)*`, "m"), "");
    if (line.includes(":")) text = text.replace(/^---\n/, `---\n${line}\n`);
  }
  await p.write(file, text);
}

/** A test project pushed once through the CLI, with that push's writes taken: where most sync tests start. */
export async function createPushedProject(options: TestProjectOptions = {}): Promise<TestProject> {
  const created = await createTestProject(options);
  expect((await created.cli("push")).code).toBe(0);
  created.takeWrites();
  return created;
}

/** How many GET requests the project's emulator answered on `path` (query left out). */
export function readsOf(p: TestProject, requestPath: string): number {
  return p.emulator.requests.filter((entry) => entry.method === "GET" && entry.path === requestPath).length;
}

/** An edit made in Intercom, a PUT to `requestPath` as Intercom's UI would make it; its write is taken. */
export async function editInIntercom(p: TestProject, requestPath: string, body: unknown): Promise<void> {
  const response = await callApi(p.emulator.url, "PUT", requestPath, { body });
  expect(response.status).toBe(200);
  p.takeWrites();
}
