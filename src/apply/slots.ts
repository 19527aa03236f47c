/**
 * The request slots of one level: at most `size` items hold one at a time. Unlike a plain limiter,
 * an item may give its slot back while it waits (a lost create waiting to be looked for, or for
 * its backoff), so waiting items never hold the level back.
 */
export interface Slots {
  /** Resolves once a slot is held. `first`: ahead of the queue (an item resuming its work). */
  acquire(first?: boolean): Promise<void>;
  release(): void;
}

export function createSlots(size: number): Slots {
  let free = Math.max(1, size);
  const queue: (() => void)[] = [];
  return {
    acquire(first = false) {
      if (free > 0) {
        free -= 1;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        if (first) queue.unshift(resolve);
        else queue.push(resolve);
      });
    },
    release() {
      const next = queue.shift();
      // The slot passes straight to the next waiter, so `free` does not change.
      if (next !== undefined) next();
      else free += 1;
    },
  };
}
