import { describe, expect, it } from "vitest";
import { createLockSaver } from "../../src/apply/lock-saver.js";
import { emptyLock, type LockFile } from "../../src/types.js";

describe("createLockSaver", () => {
  it("never runs two saves at once and coalesces a burst into one more save", async () => {
    const lock = emptyLock();
    let running = 0;
    let maxRunning = 0;
    const saved: LockFile[] = [];
    let release: () => void = () => {};
    const saver = createLockSaver(async (snapshot) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      saved.push(snapshot);
      running -= 1;
    }, () => lock);
    saver.request();
    for (let i = 0; i < 5; i += 1) {
      lock.articles[`k${i}`] = { id: String(i), locales: {} };
      saver.request();
    }
    release();
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect(await saver.flush()).toBeUndefined();
    expect(maxRunning).toBe(1);
    expect(saved).toHaveLength(2);
    expect(Object.keys(saved[1]?.articles ?? {})).toHaveLength(5);
    // Snapshots: later changes do not alter what was saved.
    expect(Object.keys(saved[0]?.articles ?? {})).toHaveLength(0);
  });

  it("reports the error of a failed save", async () => {
    const saver = createLockSaver(async () => {
      throw new Error("disk full");
    }, emptyLock);
    saver.request();
    expect(await saver.flush()).toMatchObject({ message: "disk full" });
  });
});
