/**
 * The request slots of one run: at most `size` items hold one at a time. Unlike a plain limiter,
 * an item may give its slot back while it waits (a lost create waiting to be looked for, or for
 * its backoff), so waiting items never hold the others back. Waiting items get a slot in order of
 * priority, then of arrival: an item that many later writes wait for goes before one none does.
 */
export interface Slots {
  /**
   * Resolves once a slot is held. `first`: ahead of the queue (an item resuming its work);
   * otherwise by `priority` (higher first, default 0), then in arrival order.
   */
  acquire(first?: boolean, priority?: number): Promise<void>;
  release(): void;
}

interface Waiter {
  priority: number;
  resolve: () => void;
}

export function createSlots(size: number): Slots {
  let free = Math.max(1, size);
  // Sorted by priority, highest first; equal priorities keep their arrival order.
  const queue: Waiter[] = [];
  return {
    acquire(first = false, priority = 0) {
      if (free > 0) {
        free -= 1;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        if (first) {
          queue.unshift({ priority: Number.POSITIVE_INFINITY, resolve });
          return;
        }
        // After the last waiter of at least this priority (binary search: queues reach thousands).
        let low = 0;
        let high = queue.length;
        while (low < high) {
          const middle = (low + high) >> 1;
          if ((queue[middle] as Waiter).priority >= priority) low = middle + 1;
          else high = middle;
        }
        queue.splice(low, 0, { priority, resolve });
      });
    },
    release() {
      const next = queue.shift();
      // The slot passes straight to the next waiter, so `free` does not change.
      if (next !== undefined) next.resolve();
      else free += 1;
    },
  };
}
