/**
 * The request slots of one run: at most `size` items hold one at a time. Unlike a plain limiter,
 * an item may give its slot back while it waits (a lost create waiting to be looked for, or for
 * its backoff), so waiting items never hold the others back. Waiting items get a slot in order of
 * priority, then of arrival: an item that many later writes wait for goes before one none does.
 *
 * The size may change while the run goes (a function): apply follows the client's in-flight
 * limit, so that requests wait here, in order of priority, rather than in the client's queue,
 * which serves them in arrival order.
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

export function createSlots(size: number | (() => number)): Slots {
  const sizeNow = typeof size === "number" ? () => size : size;
  const capacity = (): number => Math.max(1, Math.floor(sizeNow()));
  let held = 0;
  // Sorted by priority, highest first; equal priorities keep their arrival order.
  const queue: Waiter[] = [];
  /** Hands out as many slots as there is room for now: the size may have grown since the last look. */
  const pump = (): void => {
    while (queue.length > 0 && held < capacity()) {
      held += 1;
      (queue.shift() as Waiter).resolve();
    }
  };
  return {
    acquire(first = false, priority = 0) {
      if (held < capacity() && queue.length === 0) {
        held += 1;
        return Promise.resolve();
      }
      const queued = new Promise<void>((resolve) => {
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
      pump();
      return queued;
    },
    release() {
      held -= 1;
      pump();
    },
  };
}
