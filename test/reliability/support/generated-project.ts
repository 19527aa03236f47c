/**
 * A generated help center (bench/) in a temp folder, wired to a spec-checked test emulator.
 * A hook sees every emulator response just before it is sent, after a write has been applied:
 * the kill and Ctrl-C tests act there, deterministically.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateHelpCenter } from "../../../bench/generate-help-center.js";
import { writeGeneratedTree } from "../../../bench/write-generated-tree.js";
import type { EmulatorOptions, ResponseCheck } from "../../../src/emulator/index.js";
import { LOCK_FILE_NAME } from "../../../src/lock/lock-schema.js";
import { parseLock } from "../../../src/lock/parse-lock.js";
import { planProject, type PlanProjectOptions } from "../../../src/sync/plan-project.js";
import { pushProject, type PushProjectOptions } from "../../../src/sync/push-project.js";
import type { LockFile } from "../../../src/types.js";
import { startTestEmulator, TEST_TOKEN, type TestEmulator } from "../../support/emulator.js";

export interface GeneratedProjectOptions {
  seed?: number;
  articles?: number;
  locales?: string[];
  maxDepth?: number;
  emulator?: EmulatorOptions;
  token?: string;
}

export interface GeneratedProject {
  dir: string;
  emulator: TestEmulator;
  /** Environment for the CLI: the emulator's URL, the token, no colours, nothing inherited but PATH. */
  env: NodeJS.ProcessEnv;
  lockPath: string;
  /** Called with every API response the emulator is about to send (null: none). */
  onResponse: ((check: ResponseCheck) => void) | null;
  /** An in-process push of the project. */
  push(options?: PushProjectOptions): ReturnType<typeof pushProject>;
  /** An in-process plan of the project. */
  plan(options?: PlanProjectOptions): ReturnType<typeof planProject>;
  /** The lock file, parsed (throws when it does not parse). */
  readLock(): Promise<LockFile>;
  close(): Promise<void>;
}

/** True for a response to a write that Intercom applied (2xx to POST, PUT or DELETE). */
export function isAppliedWrite(check: ResponseCheck): boolean {
  return check.method !== "GET" && check.status >= 200 && check.status < 300;
}

/** Writes a generated help center into a temp folder and starts an emulator for it. */
export async function createGeneratedProject(options: GeneratedProjectOptions = {}): Promise<GeneratedProject> {
  const dir = await mkdtemp(path.join(tmpdir(), "intercom-sync-reliability-"));
  const tree = generateHelpCenter({
    seed: options.seed ?? 7,
    articles: options.articles ?? 30,
    locales: options.locales ?? ["fr", "de"],
    maxDepth: options.maxDepth ?? 3,
  });
  await writeGeneratedTree(tree, dir);
  const project: GeneratedProject = {
    dir,
    emulator: undefined as unknown as TestEmulator,
    env: {},
    lockPath: path.join(dir, LOCK_FILE_NAME),
    onResponse: null,
    push: (extra = {}) => pushProject({ cwd: dir, env: project.env, ...extra }),
    plan: (extra = {}) => planProject({ cwd: dir, env: project.env, ...extra }),
    readLock: async () => parseLock(await readFile(project.lockPath, "utf8"), LOCK_FILE_NAME),
    close: async () => {
      await project.emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  project.emulator = await startTestEmulator({
    ...options.emulator,
    responseValidator: (check) => project.onResponse?.(check),
  });
  project.env = {
    PATH: process.env.PATH,
    INTERCOM_API_URL: project.emulator.url,
    INTERCOM_ACCESS_TOKEN: options.token ?? TEST_TOKEN,
    NO_COLOR: "1",
  };
  return project;
}
