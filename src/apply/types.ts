import type { LockFile } from "../types.js";
import type { IntercomApi } from "../remote/api.js";
import type { ArticlePlanItem, PlanAction, PlanItemType } from "../plan/types.js";

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
}

export interface ApplyProgressEvent {
  outcome: ItemOutcome;
  /** Items finished so far, out of `total` (items with an outcome; lock-only noops are not counted). */
  completed: number;
  total: number;
}

/** Default number of requests in flight within one level. */
export const DEFAULT_CONCURRENCY = 8;

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
}
