import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { setTimeout as sleepFor } from "node:timers/promises";
import { SyncError } from "../errors/sync-error.js";
import { LOCK_FILE_NAME } from "./lock-schema.js";

/** File that marks a run in progress in a folder. */
export const RUN_LOCK_FILE_NAME = `${LOCK_FILE_NAME}.pid`;
/** How long a second run waits for the first before giving up. */
export const DEFAULT_RUN_LOCK_TIMEOUT_MS = 10_000;
/** How often a waiting run looks again. */
export const RUN_LOCK_POLL_MS = 250;
/** A run-lock file that stays unreadable this long was left half-written by a crash. */
const UNREADABLE_GRACE_MS = 5_000;

export interface RunLock {
  /** Absolute path of the pid file. */
  readonly file: string;
  /** Removes the pid file if it is still ours. Calling it again does nothing. */
  release(): Promise<void>;
}

export interface RunLockOptions {
  /** Wait this long for a live run to finish. Default 10 s; 0 fails at once. */
  timeoutMs?: number;
  pollMs?: number;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Default: signal 0 to the pid. */
  isProcessAlive?: (pid: number) => boolean;
  /** Default `process.pid`. */
  pid?: number;
}

interface Holder {
  pid: number;
  startedAt: string;
  token: string;
}

/**
 * Takes the folder's run lock, so two pushes in one folder never interleave their writes and lock
 * updates. The pid file is created exclusively (O_EXCL); one left by a process that is gone is
 * taken over; a live one is waited for, up to `timeoutMs`.
 */
export async function acquireRunLock(dir: string, options: RunLockOptions = {}): Promise<RunLock> {
  const file = path.join(dir, RUN_LOCK_FILE_NAME);
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms).then(() => undefined));
  const isAlive = options.isProcessAlive ?? isProcessAlive;
  const timeoutMs = options.timeoutMs ?? DEFAULT_RUN_LOCK_TIMEOUT_MS;
  const pollMs = options.pollMs ?? RUN_LOCK_POLL_MS;
  const mine: Holder = {
    pid: options.pid ?? process.pid,
    startedAt: new Date(clock()).toISOString(),
    token: randomBytes(8).toString("hex"),
  };
  const mineText = `${JSON.stringify(mine)}\n`;
  const deadline = clock() + timeoutMs;

  for (;;) {
    if (await tryCreate(file, mineText)) return createHandle(file, mineText);

    const current = await readHolder(file);
    if (current === "gone") continue;
    if (current === "unreadable") {
      if (await isOlderThan(file, clock, UNREADABLE_GRACE_MS)) await removeIfUnchanged(file, null);
    } else if (!isAlive(current.holder.pid)) {
      // Re-check the content right before removing, so a lock another run just took is kept.
      await removeIfUnchanged(file, current.text);
      continue;
    }

    if (clock() >= deadline) {
      const pid = current === "unreadable" ? "unknown" : String(current.holder.pid);
      throw new SyncError("lock/busy", { pid, file }, { location: { file } });
    }
    await sleep(Math.min(pollMs, deadline - clock()));
  }
}

async function tryCreate(file: string, text: string): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(text, "utf8");
  } finally {
    await handle.close();
  }
  return true;
}

async function readHolder(file: string): Promise<"gone" | "unreadable" | { holder: Holder; text: string }> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw error;
  }
  try {
    const holder = JSON.parse(text) as Partial<Holder>;
    if (typeof holder.pid === "number" && Number.isInteger(holder.pid) && holder.pid > 0) {
      return { holder: holder as Holder, text };
    }
  } catch {
    // Created but not yet written, or cut short by a crash: see UNREADABLE_GRACE_MS.
  }
  return "unreadable";
}

async function removeIfUnchanged(file: string, expected: string | null): Promise<void> {
  try {
    const now = await fs.readFile(file, "utf8");
    if (expected === null || now === expected) await fs.rm(file, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

async function isOlderThan(file: string, clock: () => number, ms: number): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    return clock() - stat.mtimeMs > ms;
  } catch {
    return false;
  }
}

function createHandle(file: string, mineText: string): RunLock {
  let released = false;
  return {
    file,
    async release() {
      if (released) return;
      released = true;
      await removeIfUnchanged(file, mineText);
    },
  };
}

/** True when a process with this pid exists (EPERM: it exists but belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
