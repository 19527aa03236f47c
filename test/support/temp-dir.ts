/** Throwaway folders under the system temp dir, named after what the test puts in them. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach } from "vitest";

/** A new empty folder `intercom-sync-<label>-XXXXXX`; the caller removes it (`removeTempDir`). */
export function createTempDir(label: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `intercom-sync-${label}-`));
}

export function removeTempDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/**
 * Registers hooks that give every test of the calling file (or describe block) a new empty folder,
 * removed after the test. Read the folder with `dir()` inside a test or a later hook.
 */
export function useTempDir(label: string): () => string {
  let current: string | undefined;
  beforeEach(async () => {
    current = await createTempDir(label);
  });
  afterEach(async () => {
    if (current !== undefined) await removeTempDir(current);
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error("The temp folder exists only inside a test.");
    return current;
  };
}
