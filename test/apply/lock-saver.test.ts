import { describe, expect, it } from "vitest";
import { createLockSaver } from "../../src/apply/lock-saver.js";
import { emptyLock, type LockFile } from "../../src/types.js";

describe("createLockSaver", () => {
  it("never runs two saves at once and coalesces a burst into one more save", async () => {
    const lock = emptyLock();
    let running = 0;
    let maxRunning = 0;
    const saved: LockFile[] = [];
    let openGate: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    const saver = createLockSaver(async (snapshot) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      // The first save is slow: every request below arrives while it runs.
      if (saved.length === 0) await gate;
      saved.push(snapshot);
      running -= 1;
    }, () => lock, { minIntervalMs: 0 });
    saver.request();
    for (let i = 0; i < 5; i += 1) {
      lock.articles[`k${i}`] = { id: String(i), locales: {} };
      saver.request();
    }
    openGate();
    expect(await saver.flush()).toBeUndefined();
    expect(maxRunning).toBe(1);
    expect(saved).toHaveLength(2);
    expect(Object.keys(saved[1]?.articles ?? {})).toHaveLength(5);
    // Snapshots: later changes do not alter what was saved.
    expect(Object.keys(saved[0]?.articles ?? {})).toHaveLength(0);
  });

  it("spaces saves out, and a flush saves the newest state at once", async () => {
    const lock = emptyLock();
    const saved: LockFile[] = [];
    const saver = createLockSaver(async (snapshot) => {
      saved.push(snapshot);
    }, () => lock, { minIntervalMs: 60_000 });
    saver.request();
    for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(saved).toHaveLength(1);
    lock.articles.a = { id: "1", locales: {} };
    saver.request();
    lock.articles.b = { id: "2", locales: {} };
    saver.request();
    for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
    // The second save waits its turn (a minute here) ...
    expect(saved).toHaveLength(1);
    // ... unless the run ends: then the newest state is saved once, at once.
    expect(await saver.flush()).toBeUndefined();
    expect(saved).toHaveLength(2);
    expect(Object.keys(saved[1]?.articles ?? {})).toEqual(["a", "b"]);
  });

  it("waits longer after a slow save: a save's spacing grows with its duration", async () => {
    let now = 0;
    const starts: number[] = [];
    const saver = createLockSaver(async () => {
      starts.push(now);
      now += 50;
    }, emptyLock, { clock: () => now, minIntervalMs: 0 });
    saver.request();
    for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
    saver.request();
    // The clock does not move while waiting, so the wait is a real timer of 4 x 50 ms: flush ends it.
    for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(starts).toEqual([0]);
    await saver.flush();
    expect(starts).toEqual([0, 50]);
  });

  it("reports the error of a failed save", async () => {
    const saver = createLockSaver(async () => {
      throw new Error("disk full");
    }, emptyLock);
    saver.request();
    expect(await saver.flush()).toMatchObject({ message: "disk full" });
  });
});
