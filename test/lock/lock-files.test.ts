import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SyncError } from "../../src/errors/sync-error.js";
import { LOCK_FILE_NAME } from "../../src/lock/lock-schema.js";
import { readLock, writeLockAtomic } from "../../src/lock/read-write-lock.js";
import { acquireRunLock, RUN_LOCK_FILE_NAME } from "../../src/lock/run-lock.js";
import { serializeLock } from "../../src/lock/serialize-lock.js";
import { emptyLock, type LockFile } from "../../src/types.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

let dir: string;
beforeEach(async () => {
  dir = await createTempDir("lock");
});
afterEach(async () => {
  await removeTempDir(dir);
});

const lock: LockFile = {
  version: 1,
  helpCenterId: "7",
  collections: { guides: { id: "1", locales: { en: { hash: "a", updatedAt: 10 } } } },
  articles: { "guides/one": { id: "2", locales: { en: { hash: "b", updatedAt: 11 } } } },
};

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid ?? 999_999_999;
}

describe("readLock and writeLockAtomic", () => {
  it("reads a missing lock as an empty one", async () => {
    expect(await readLock(path.join(dir, LOCK_FILE_NAME))).toEqual(emptyLock());
  });

  it("writes the serialised lock and reads it back", async () => {
    const file = path.join(dir, LOCK_FILE_NAME);
    await writeLockAtomic(file, lock);
    expect(await fs.readFile(file, "utf8")).toBe(serializeLock(lock));
    expect(await readLock(file)).toEqual(lock);
  });

  it("replaces the old lock and leaves no temp file behind", async () => {
    const file = path.join(dir, LOCK_FILE_NAME);
    await writeLockAtomic(file, emptyLock());
    await writeLockAtomic(file, lock);
    expect(await fs.readdir(dir)).toEqual([LOCK_FILE_NAME]);
    expect(await readLock(file)).toEqual(lock);
  });

  it("keeps the old lock when the write fails, and cleans up", async () => {
    const file = path.join(dir, LOCK_FILE_NAME);
    await writeLockAtomic(file, lock);
    const broken = { ...lock, version: 1n } as unknown as LockFile; // JSON cannot hold a bigint
    await expect(writeLockAtomic(file, broken)).rejects.toThrow();
    expect(await fs.readdir(dir)).toEqual([LOCK_FILE_NAME]);
    expect(await readLock(file)).toEqual(lock);
  });

  it("names the file when the lock is corrupt", async () => {
    const file = path.join(dir, LOCK_FILE_NAME);
    await fs.writeFile(file, "{ not json");
    await expect(readLock(file, LOCK_FILE_NAME)).rejects.toThrow(/intercom-sync\.lock\.json is not valid JSON/);
  });
});

describe("acquireRunLock", () => {
  it("writes a pid file and removes it on release, twice harmlessly", async () => {
    const run = await acquireRunLock(dir);
    const holder = JSON.parse(await fs.readFile(path.join(dir, RUN_LOCK_FILE_NAME), "utf8")) as { pid: number; startedAt: string };
    expect(holder.pid).toBe(process.pid);
    expect(Number.isNaN(Date.parse(holder.startedAt))).toBe(false);
    await run.release();
    await run.release();
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it("keeps a second run out while the first one holds the folder", async () => {
    const first = await acquireRunLock(dir);
    const error = await acquireRunLock(dir, { timeoutMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).message).toBe(`another intercom-sync run (pid ${process.pid}) is using this folder.`);
    await first.release();
    const second = await acquireRunLock(dir, { timeoutMs: 0 });
    await second.release();
  });

  it("waits for a live run up to the timeout, polling through the injected sleep", async () => {
    const first = await acquireRunLock(dir);
    let now = 0;
    const sleeps: number[] = [];
    const error = await acquireRunLock(dir, {
      timeoutMs: 1_000,
      pollMs: 300,
      clock: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    }).catch((e: unknown) => e);
    expect((error as SyncError).code).toBe("lock/busy");
    expect(sleeps).toEqual([300, 300, 300, 100]);
    await first.release();
  });

  it("gets the folder once the other run releases it while waiting", async () => {
    const first = await acquireRunLock(dir);
    const second = await acquireRunLock(dir, {
      timeoutMs: 10_000,
      sleep: async () => {
        await first.release();
      },
    });
    expect(JSON.parse(await fs.readFile(second.file, "utf8")).pid).toBe(process.pid);
    await second.release();
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it("takes over a lock left by a process that is gone", async () => {
    const pid = deadPid();
    await fs.writeFile(path.join(dir, RUN_LOCK_FILE_NAME), JSON.stringify({ pid, startedAt: "2020-01-01T00:00:00.000Z", token: "x" }));
    const run = await acquireRunLock(dir, { timeoutMs: 0 });
    expect(JSON.parse(await fs.readFile(run.file, "utf8")).pid).toBe(process.pid);
    await run.release();
  });

  it("does not remove a lock another run took after this one was released", async () => {
    const first = await acquireRunLock(dir, { pid: 11 });
    await fs.rm(first.file);
    const other = await acquireRunLock(dir, { pid: 22, isProcessAlive: () => true });
    await first.release();
    expect(JSON.parse(await fs.readFile(other.file, "utf8")).pid).toBe(22);
    await other.release();
  });
});
