import { Agent, type Dispatcher } from "undici";

/**
 * How long a kept-alive connection may sit unused before it is left alone. undici drops idle
 * connections on a timer (4 s by default, less when the server announces its own timeout), and
 * servers close theirs on a timer too (Node's default: 5 s).
 */
export const IDLE_CONNECTION_MS = 3_000;

/**
 * The dispatcher for each request: a fresh connection pool after an idle gap. Keep-alive expiry
 * runs on timers, and a long synchronous stretch (rendering thousands of bodies) holds every timer
 * back: the next request then goes out on a connection the server closes a moment later, and a
 * create fails with ECONNRESET, applied or not. The gap is measured on the clock instead; the old
 * pool is closed gracefully (requests still in it finish).
 */
export function createIdleAwareDispatcher(clock: () => number = Date.now, idleMs = IDLE_CONNECTION_MS): () => Dispatcher {
  let agent: Agent | null = null;
  let lastUse = -Infinity;
  return () => {
    const now = clock();
    if (agent === null || now - lastUse > idleMs) {
      void agent?.close();
      agent = new Agent();
    }
    lastUse = now;
    return agent;
  };
}
