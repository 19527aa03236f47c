import type { LockFile } from "../types.js";

export interface LockSaver {
  /** Asks for a save of the current lock. Returns at once; saves run one at a time. */
  request(): void;
  /** Waits until every requested save has run, without waiting for spacing. Resolves with the last save error, if any. */
  flush(): Promise<unknown>;
}

/**
 * A save waits this many times the last save's duration after that save ended, so saves take at
 * most a fifth of a run however large the lock is. Copying, serialising and syncing a lock of
 * 2,000 articles x 5 locales takes tens of milliseconds on the thread that sends the requests;
 * saved back to back during a first push, that was a third of the thread and held requests back.
 */
export const SAVE_SPACING = 4;
/**
 * Fewest milliseconds between the end of a save and the start of the next. A kill loses at most
 * the writes acknowledged in that time, and the next plan recognises them in Intercom (a write
 * whose acknowledgement was lost is recorded, a create is adopted) without writing them again.
 */
export const MIN_SAVE_INTERVAL_MS = 100;

export interface LockSaverOptions {
  clock?: () => number;
  /** Default: {@link MIN_SAVE_INTERVAL_MS}. */
  minIntervalMs?: number;
}

/**
 * Serialises lock saves: never two writes of the lock file at once, and the requests that arrive
 * while a save runs or waits its turn become one save of the newest state (each save writes a
 * snapshot). `flush` ends the wait, so the last state is saved at once when a run ends.
 */
export function createLockSaver(save: (lock: LockFile) => Promise<void>, current: () => LockFile, options: LockSaverOptions = {}): LockSaver {
  const clock = options.clock ?? (() => performance.now());
  const minIntervalMs = options.minIntervalMs ?? MIN_SAVE_INTERVAL_MS;
  let running: Promise<void> | null = null;
  let pending = false;
  let flushing = false;
  let lastError: unknown;
  let nextSaveAt = Number.NEGATIVE_INFINITY;
  /** Ends the current wait for the next save's turn early. */
  let endWait: (() => void) | null = null;

  function waitForTurn(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        endWait = null;
        resolve();
      }
      endWait = done;
    });
  }

  async function drain(): Promise<void> {
    while (pending) {
      const wait = nextSaveAt - clock();
      if (wait > 0 && !flushing) await waitForTurn(wait);
      pending = false;
      const started = clock();
      try {
        await save(structuredClone(current()));
        lastError = undefined;
      } catch (error) {
        lastError = error;
      }
      const ended = clock();
      nextSaveAt = ended + Math.max(minIntervalMs, SAVE_SPACING * (ended - started));
    }
  }

  function start(): void {
    running = drain().finally(() => {
      running = null;
      // A request that arrived after the loop's last check but before this callback.
      if (pending) start();
    });
  }

  return {
    request() {
      pending = true;
      if (running === null) start();
    },
    async flush() {
      flushing = true;
      try {
        endWait?.();
        while (running !== null) await running;
      } finally {
        flushing = false;
      }
      return lastError;
    },
  };
}
