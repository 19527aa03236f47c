import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { EmulatorSeed } from "../../src/emulator/index.js";
import { pullProject, type PullProjectOptions } from "../../src/sync/pull-project.js";
import { pushProject } from "../../src/sync/push-project.js";
import { startTestEmulator, TEST_TOKEN, type TestEmulator } from "../support/emulator.js";
import { SEEDED_AT } from "./existing-help-center.js";

/** A temp project folder next to an emulator seeded with a help center. */
export interface PullProject {
  dir: string;
  emulator: TestEmulator;
  env: NodeJS.ProcessEnv;
  /** Advances the emulator's clock (seconds), so an edit gets a newer `updated_at`. */
  tick(seconds?: number): void;
  pull(options?: Partial<PullProjectOptions>): ReturnType<typeof pullProject>;
  push(): ReturnType<typeof pushProject>;
  read(file: string): Promise<string>;
  write(file: string, text: string): Promise<void>;
  /** Every file of the project (path -> text), lock included, run lock excluded. */
  snapshot(): Promise<Map<string, string>>;
  close(): Promise<void>;
}

async function listFiles(root: string, dir = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const relative = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(root, relative)));
    else files.push(relative);
  }
  return files.sort();
}

export async function createPullProject(seed: EmulatorSeed, config: Record<string, unknown> = {}): Promise<PullProject> {
  let now = (SEEDED_AT + 100) * 1000;
  const emulator = await startTestEmulator({ seed, clock: () => now, rateLimit: null });
  const dir = await mkdtemp(path.join(os.tmpdir(), "intercom-sync-pull-"));
  await writeFile(path.join(dir, "intercom-sync.config.json"), JSON.stringify({ defaultState: "published", ...config }));
  // The render cache stays in the temp folder (outside content/ and locales/), removed with it.
  const env = { INTERCOM_API_URL: emulator.url, INTERCOM_ACCESS_TOKEN: TEST_TOKEN, INTERCOM_SYNC_CACHE_DIR: path.join(dir, ".intercom-sync-cache") };
  return {
    dir,
    emulator,
    env,
    tick(seconds = 60) {
      now += seconds * 1000;
    },
    pull: (options = {}) => pullProject({ cwd: dir, env, ...options }),
    push: () => pushProject({ cwd: dir, env }),
    read: (file) => readFile(path.join(dir, file), "utf8"),
    write: (file, text) => writeFile(path.join(dir, file), text),
    async snapshot() {
      const files = await listFiles(dir);
      const result = new Map<string, string>();
      for (const file of files) result.set(file, await readFile(path.join(dir, file), "utf8"));
      return result;
    },
    async close() {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
