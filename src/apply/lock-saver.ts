import type { LockFile } from "../types.js";

export interface LockSaver {
  /** Asks for a save of the current lock. Returns at once; saves run one at a time. */
  request(): void;
  /** Waits until every requested save has run. Resolves with the last save error, if any. */
  flush(): Promise<unknown>;
}

/**
 * Serialises lock saves: never two writes of the lock file at once, and a burst of requests while
 * a save runs becomes one more save of the newest state (each save writes a snapshot).
 */
export function createLockSaver(save: (lock: LockFile) => Promise<void>, current: () => LockFile): LockSaver {
  let running: Promise<void> | null = null;
  let pending = false;
  let lastError: unknown;

  async function drain(): Promise<void> {
    while (pending) {
      pending = false;
      try {
        await save(structuredClone(current()));
        lastError = undefined;
      } catch (error) {
        lastError = error;
      }
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
      while (running !== null) await running;
      return lastError;
    },
  };
}
