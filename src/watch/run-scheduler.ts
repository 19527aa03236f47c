import type { FileEvent, SchedulerTimers } from "./types.js";

/** What one run is asked to take in: the file events since the previous run, and a refresh. */
export interface RunBatch {
  events: FileEvent[];
  /** List the remote again before planning. */
  refresh: boolean;
  /** The session's first run (the full push). */
  initial: boolean;
}

export interface RunSchedulerOptions {
  debounceMs: number;
  /** Longest a batch waits while events keep arriving. */
  maxWaitMs: number;
  timers: SchedulerTimers;
  /** Current time in ms, for `maxWaitMs`. */
  now: () => number;
  /** Runs one batch. Never called twice at once. A rejection is passed to `onError`. */
  run(batch: RunBatch): Promise<void>;
  onError(error: unknown): void;
}

export interface RunScheduler {
  /** Adds a file event; a run follows once events stop for `debounceMs`. */
  notify(event: FileEvent): void;
  /** Asks for a run that refreshes the remote first, as soon as no run is running. */
  requestRefresh(): void;
  /** Starts the first run at once. */
  start(): void;
  /** Resolves when nothing runs and nothing waits. */
  idle(): Promise<void>;
  /** Drops waiting events, lets the running batch finish, and refuses new work. */
  close(): Promise<void>;
}

/**
 * Debounces file events into batches and runs them one at a time: a burst (an editor's save, a
 * checkout touching hundreds of files) becomes one run, and events that arrive during a run become
 * exactly one more run after it. Holds no IO itself; time comes from the injected timers.
 */
export function createRunScheduler(options: RunSchedulerOptions): RunScheduler {
  let events: FileEvent[] = [];
  let refresh = false;
  let initial = false;
  let timer: unknown = null;
  let firstPendingAt: number | null = null;
  let due = false;
  let active: Promise<void> | null = null;
  let closed = false;
  let waiters: (() => void)[] = [];

  const hasWork = (): boolean => events.length > 0 || refresh || initial;

  function settle(): void {
    if (active !== null || timer !== null || hasWork()) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  }

  function clearTimer(): void {
    if (timer === null) return;
    options.timers.clear(timer);
    timer = null;
  }

  function fire(): void {
    timer = null;
    if (active !== null) {
      due = true;
      return;
    }
    launch();
  }

  function launch(): void {
    clearTimer();
    due = false;
    if (closed || !hasWork()) {
      settle();
      return;
    }
    const batch: RunBatch = { events, refresh, initial };
    events = [];
    refresh = false;
    initial = false;
    firstPendingAt = null;
    active = options
      .run(batch)
      .catch((error: unknown) => options.onError(error))
      .finally(() => {
        active = null;
        if (due) launch();
        else settle();
      });
  }

  function arm(delay: number): void {
    clearTimer();
    timer = options.timers.set(fire, Math.max(0, delay));
  }

  return {
    notify(event) {
      if (closed) return;
      events.push(event);
      const now = options.now();
      firstPendingAt ??= now;
      // Debounce, but never past maxWait from the first waiting event.
      arm(Math.min(options.debounceMs, firstPendingAt + options.maxWaitMs - now));
    },
    requestRefresh() {
      if (closed) return;
      refresh = true;
      if (active !== null) due = true;
      else arm(0);
    },
    start() {
      if (closed) return;
      initial = true;
      if (active !== null) due = true;
      else launch();
    },
    idle() {
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      });
    },
    async close() {
      closed = true;
      clearTimer();
      events = [];
      refresh = false;
      initial = false;
      due = false;
      while (active !== null) await active;
      settle();
    },
  };
}
