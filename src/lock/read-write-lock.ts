import { promises as fs } from "node:fs";
import { writeFileAtomic } from "../fs/write-file-atomic.js";
import { emptyLock, type LockFile } from "../types.js";
import { parseLock } from "./parse-lock.js";
import { serializeLock } from "./serialize-lock.js";

/**
 * Reads the lock file; a missing file is an empty lock (first run). `displayName` names the file in
 * errors (default: `file`).
 */
export async function readLock(file: string, displayName: string = file): Promise<LockFile> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyLock();
    throw error;
  }
  return parseLock(text, displayName);
}

/** Replaces the lock file atomically and durably: a crash leaves the old lock or the new one, never a mix. */
export async function writeLockAtomic(file: string, lock: LockFile): Promise<void> {
  await writeFileAtomic(file, serializeLock(lock));
}
