/**
 * Creates are the one write that is not idempotent: a POST whose response was lost (5xx after the
 * write, a timeout, a dropped connection) may or may not have created the item. Before each retry
 * it is looked for (same parent and title, owned by no lock entry), so a lost response never leads
 * to a duplicate; the retries share the one budget (`retries`) with every other request.
 */
import type { WireArticle, WireCollection } from "../intercom/wire.js";
import { SyncError } from "../errors/sync-error.js";
import { computeBackoffMs } from "../remote/backoff.js";
import type { ApplyRun } from "./apply-run.js";
import type { LostCreate } from "./find-lost-creates.js";

/** True for an error whose request may have taken effect (the client sets `outcomeUnknown`). */
export function isOutcomeUnknown(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { outcomeUnknown?: unknown }).outcomeUnknown === true;
}

/**
 * True when the client gave up waiting: unlike a dropped connection or a 5xx, Intercom may still be
 * working on the request, so an item not listed yet may appear later.
 */
function isTimeout(error: unknown): boolean {
  const { status, networkCode } = error as { status?: unknown; networkCode?: unknown };
  return status === null && typeof networkCode === "string" && networkCode.includes("TIMEOUT");
}

export interface Recovered<T> {
  response: T;
  /** True when the response was lost and the item was found by listing. */
  recovered: boolean;
}

/** The last failure of a create that was looked for and not found after every retry. */
function giveUp(error: unknown, what: string, retries: number): unknown {
  if (!isTimeout(error)) return error;
  return new SyncError("apply/create-pending", { what, attempts: retries + 1 }, { cause: error });
}

/**
 * Sends a create; when its outcome is unknown, looks for the item (one look serves every create
 * lost at that moment, see find-lost-creates.ts) and adopts it, else waits and sends it again,
 * up to `run.retries` times. A create that timed out may still be applied late: it is looked for
 * a second time after `run.lateCreateWaitMs` before being sent again.
 */
export async function createWithRecovery<T extends WireArticle | WireCollection>(
  run: ApplyRun,
  lost: Omit<LostCreate, "floor">,
  what: string,
  send: () => Promise<T>,
): Promise<Recovered<T>> {
  for (let attempt = 0; ; attempt += 1) {
    const floor = run.finder.serverTime();
    let error: unknown;
    try {
      const response = await send();
      run.finder.noteServerTime(response.updated_at);
      return { response, recovered: false };
    } catch (caught) {
      if (!isOutcomeUnknown(caught)) throw caught;
      error = caught;
    }
    // The slot is given back while waiting, so the rest of the level keeps going meanwhile.
    run.slots.release();
    try {
      const found = await lookAgainIfLate(run, { ...lost, floor }, error, what);
      if (found !== undefined) return { response: found as T, recovered: true };
      // Interrupted: what was not found is left to the next push, which adopts or creates it.
      if (attempt >= run.retries || run.stopping()) throw giveUp(error, what, attempt);
      run.finder.stats.resent += 1;
      await run.wait(computeBackoffMs(attempt, run.random), `before retry ${attempt + 1} of ${run.retries} of creating the ${what}`);
    } finally {
      await run.slots.acquire(true);
    }
  }
}

/** Looks for a lost create; one that timed out is given time to be applied late, and looked for again. */
async function lookAgainIfLate(run: ApplyRun, lost: LostCreate, error: unknown, what: string): Promise<WireArticle | WireCollection | undefined> {
  const found = await run.finder.find(lost);
  if (found !== undefined || !isTimeout(error)) return found;
  await run.wait(run.lateCreateWaitMs, `for the ${what}, whose create timed out, to show up in Intercom`);
  return run.finder.find(lost);
}
