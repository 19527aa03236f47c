import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
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

/**
 * Replaces the lock file atomically: the text goes to a temp file in the same folder (same file
 * system, so the rename is atomic), is flushed to disk, then renamed over the old file. A crash at
 * any point leaves the old lock or the new one, never a mix.
 */
export async function writeLockAtomic(file: string, lock: LockFile): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await fs.open(temp, "wx");
  try {
    try {
      await handle.writeFile(serializeLock(lock), "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/** Makes the rename itself durable; some platforms cannot open a folder, which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, "r");
    await handle.sync();
  } catch {
    // Best effort only: the rename already happened.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
