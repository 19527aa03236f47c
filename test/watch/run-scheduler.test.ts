import { describe, expect, it } from "vitest";
import { createRunScheduler, type RunBatch } from "../../src/watch/run-scheduler.js";
import type { FileEvent, SchedulerTimers } from "../../src/watch/types.js";

/** Timers driven by hand: `advance(ms)` fires whatever falls due, in order. */
function manualTimers(): SchedulerTimers & { now(): number; advance(ms: number): void; pending(): number } {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    set(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clear(handle) {
      timers.delete(handle as number);
    },
    now: () => now,
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (due === undefined) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = end;
    },
    pending: () => timers.size,
  };
}

function change(file: string): FileEvent {
  return { kind: "change", path: `/project/content/${file}` };
}

/** A run that stays open until `finish()` is called. */
function controllableRuns() {
  const batches: RunBatch[] = [];
  let finish: () => void = () => undefined;
  const run = (batch: RunBatch): Promise<void> => {
    batches.push(batch);
    return new Promise<void>((resolve) => (finish = resolve));
  };
  return { batches, run, finish: () => finish() };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function setup(options: { debounceMs?: number; maxWaitMs?: number } = {}) {
  const timers = manualTimers();
  const runs = controllableRuns();
  const errors: unknown[] = [];
  const scheduler = createRunScheduler({
    debounceMs: options.debounceMs ?? 100,
    maxWaitMs: options.maxWaitMs ?? 2_000,
    timers,
    now: timers.now,
    run: runs.run,
    onError: (error) => errors.push(error),
  });
  return { timers, runs, scheduler, errors };
}

describe("createRunScheduler", () => {
  it("runs a burst of events once, after the quiet time", () => {
    const { timers, runs, scheduler } = setup();
    for (let i = 0; i < 300; i += 1) {
      scheduler.notify(change(`file-${i}.md`));
      timers.advance(1);
    }
    expect(runs.batches).toHaveLength(0);
    timers.advance(100);
    expect(runs.batches).toHaveLength(1);
    expect(runs.batches[0]?.events).toHaveLength(300);
  });

  it("starts a run after maxWait even while events keep coming", () => {
    const { timers, runs, scheduler } = setup({ debounceMs: 100, maxWaitMs: 500 });
    for (let i = 0; i < 20; i += 1) {
      scheduler.notify(change(`file-${i}.md`));
      timers.advance(50);
    }
    expect(runs.batches.length).toBeGreaterThanOrEqual(1);
    expect(runs.batches[0]?.events.length).toBeLessThan(20);
  });

  it("turns events that arrive during a run into exactly one more run after it", async () => {
    const { timers, runs, scheduler } = setup();
    scheduler.notify(change("a.md"));
    timers.advance(100);
    expect(runs.batches).toHaveLength(1);

    scheduler.notify(change("b.md"));
    timers.advance(100);
    scheduler.notify(change("c.md"));
    timers.advance(500);
    expect(runs.batches).toHaveLength(1);

    runs.finish();
    await flush();
    expect(runs.batches).toHaveLength(2);
    expect(runs.batches[1]?.events.map((event) => event.path)).toEqual(["/project/content/b.md", "/project/content/c.md"]);
    runs.finish();
    await flush();
    timers.advance(1_000);
    expect(runs.batches).toHaveLength(2);
  });

  it("runs a refresh without waiting for file events, once the current run ends", async () => {
    const { timers, runs, scheduler } = setup();
    scheduler.start();
    expect(runs.batches[0]).toMatchObject({ initial: true, refresh: false });
    scheduler.requestRefresh();
    expect(runs.batches).toHaveLength(1);
    runs.finish();
    await flush();
    expect(runs.batches[1]).toMatchObject({ initial: false, refresh: true, events: [] });
    runs.finish();
    await flush();
    scheduler.requestRefresh();
    timers.advance(0);
    expect(runs.batches).toHaveLength(3);
  });

  it("reports when it is idle, and only then", async () => {
    const { timers, runs, scheduler } = setup();
    let idle = false;
    scheduler.notify(change("a.md"));
    void scheduler.idle().then(() => (idle = true));
    timers.advance(100);
    await flush();
    expect(idle).toBe(false);
    runs.finish();
    await flush();
    expect(idle).toBe(true);
  });

  it("on close drops waiting events, lets the running batch finish, and runs nothing more", async () => {
    const { timers, runs, scheduler } = setup();
    scheduler.notify(change("a.md"));
    timers.advance(100);
    scheduler.notify(change("b.md"));
    let closed = false;
    const closing = scheduler.close().then(() => (closed = true));
    await flush();
    expect(closed).toBe(false);
    runs.finish();
    await closing;
    scheduler.notify(change("c.md"));
    timers.advance(1_000);
    expect(runs.batches).toHaveLength(1);
    expect(timers.pending()).toBe(0);
  });

  it("passes a failing run to onError and keeps scheduling", async () => {
    const timers = manualTimers();
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = createRunScheduler({
      debounceMs: 10,
      maxWaitMs: 100,
      timers,
      now: timers.now,
      run: () => {
        calls += 1;
        return Promise.reject(new Error("boom"));
      },
      onError: (error) => errors.push(error),
    });
    scheduler.notify(change("a.md"));
    timers.advance(10);
    await flush();
    scheduler.notify(change("b.md"));
    timers.advance(10);
    await flush();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
  });
});
