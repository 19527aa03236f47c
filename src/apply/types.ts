import type { LockFile } from "../types.js";
import type { IntercomApi } from "../remote/api.js";
import type { ArticlePlanItem, PlanAction, PlanItemType } from "../plan/types.js";
import type { WaitEvent } from "../remote/request-with-policy.js";
import type { RecoveryStats } from "./find-lost-creates.js";

export type OutcomeKind = "created" | "updated" | "moved" | "adopted" | "unpublished" | "deleted" | "skipped" | "failed";

export const OUTCOME_KINDS: readonly OutcomeKind[] = ["created", "updated", "moved", "adopted", "unpublished", "deleted", "skipped", "failed"];

export interface ItemOutcome {
  type: PlanItemType;
  key: string;
  action: PlanAction;
  outcome: OutcomeKind;
  /** Intercom id after the run, when known. */
  id?: string;
  /** Why it was skipped, or what else happened (a recovered create, links refreshed). */
  reason?: string;
  /** For `failed`: the error's message (never a token). */
  error?: string;
  /** An article created or updated: its Intercom URL per locale written (all its locales for a create). */
  urls?: Record<string, string>;
}

/** What apply is doing: collections and articles written, removals, then the second pass that fixes links. */
export type ApplyPhase = "collections" | "articles" | "removals" | "link fix-ups";

export interface ApplyProgressEvent {
  phase: ApplyPhase;
  /** The item just finished. */
  key: string;
  /** Its outcome; absent for a link fix-up. */
  outcome?: ItemOutcome;
  /**
   * Items finished so far, out of `total` (items with an outcome; lock-only noops are not counted).
   * In the link fix-ups phase: fix-ups done out of those found so far (they are found as the
   * articles they wait for are written).
   */
  completed: number;
  total: number;
}

/** Default number of requests in flight within one level. */
export const DEFAULT_CONCURRENCY = 8;
/**
 * How long a create that timed out is given to show up in Intercom before it is sent again: as
 * long again as the client's timeout (src/remote/client.ts), so a request that was slow to be
 * applied has had twice its time.
 */
export const DEFAULT_LATE_CREATE_WAIT_MS = 30_000;

export interface ApplyDeps {
  api: IntercomApi;
  /** The lock as read before planning; not mutated: the updated copy is in the result. */
  lock: LockFile;
  /** Requests in flight within one level. Default {@link DEFAULT_CONCURRENCY}. */
  concurrency?: number;
  /** Writes the lock file atomically. Calls never overlap; bursts are coalesced. */
  saveLock(lock: LockFile): Promise<void>;
  /** Stops starting new requests; running ones finish and the lock is saved. */
  signal?: AbortSignal;
  onProgress?(event: ApplyProgressEvent): void;
  /** Help center for top-level collections. Default: the plan's. */
  helpCenterId?: string;
  /** Article key -> locale -> URL from the remote state. Default: the plan's `urls`. */
  remoteUrls?: Record<string, Record<string, string>>;
  /**
   * The HTML of the bodies the plan writes, by {@link bodyKey}, rendered before the first write
   * (see loadPlanBodies): they travel beside the plan, which apply never edits. A plan may also
   * carry a body itself (`content[locale].body`).
   */
  bodies?: ReadonlyMap<string, string>;
  /**
   * Renders a body the plan does not carry: the second pass needs the unchanged bodies whose link
   * targets' URLs changed during the run. Without it such bodies are left to the next push.
   */
  loadBody?: PlanBodyLoader;
  /** Author of articles whose front matter names none. Default: the plan's `defaultAuthorId`. */
  defaultAuthorId?: number | null;
  /** Times a create is sent again after a look found nothing. Default: the config's default `retries`. */
  retries?: number;
  /** Every wait of apply (backoff before a create is resent) goes through this. Default a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1), for jitter. Default `Math.random`. */
  random?: () => number;
  /** Called before each wait of apply, with what it waits for. */
  onWait?: (event: WaitEvent) => void;
  /** See {@link DEFAULT_LATE_CREATE_WAIT_MS}. */
  lateCreateWaitMs?: number;
  /** Latest `updated_at` (seconds) in the remote state the plan was made from: the first floor of lost-create looks. */
  serverTime?: number | null;
  /**
   * Stops at once (a second Ctrl-C): requests in flight are abandoned, the lock is saved with
   * what is known, updates in flight marked unconfirmed, and applyPlan resolves.
   */
  haltSignal?: AbortSignal;
}

/** Renders and returns the HTML of one article locale of a plan (see createPlanBodies). */
export type PlanBodyLoader = (item: ArticlePlanItem, locale: string) => Promise<string>;

/** The key of one article locale's body in {@link ApplyDeps.bodies}. */
export function bodyKey(articleKey: string, locale: string): string {
  return `${articleKey}\u0000${locale}`;
}

export interface ApplyResult {
  /** One per item that does something, in plan order, plus link refreshes of unchanged articles. */
  outcomes: ItemOutcome[];
  counts: Record<OutcomeKind, number>;
  /** False when anything failed or conflicted, the run was interrupted, or the lock was not saved. */
  ok: boolean;
  interrupted: boolean;
  /** The lock after the run (also passed to `saveLock`). */
  lock: LockFile;
  /** Set when saving the lock failed: the next run may not know what this one created. */
  lockError?: string;
  /** Creates whose response was lost: how many, found, sent again, and the requests spent looking. */
  recovery: RecoveryStats;
  /** True when a second interrupt stopped the run at once, abandoning requests in flight. */
  halted?: boolean;
}
