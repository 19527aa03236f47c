import { setTimeout as sleepFor } from "node:timers/promises";
import { DEFAULT_RETRIES } from "../config/defaults.js";
import { SyncError } from "../errors/sync-error.js";
import { blockingErrors } from "../plan/summarise-plan.js";
import type { ArticlePlanItem, Plan, PlanItem } from "../plan/types.js";
import { describeError, ownedIds, type ApplyRun } from "./apply-run.js";
import { createLostCreateFinder } from "./find-lost-creates.js";
import { chainLengths, dependenciesOf, indexItems, linkTargetsOf } from "./item-dependencies.js";
import { applyLinkRefresh, findLinkRefreshes } from "./link-pass.js";
import { createLockSaver } from "./lock-saver.js";
import { createSlots } from "./slots.js";
import { isInert, itemOutcome, runItem } from "./run-item.js";
import { DEFAULT_CONCURRENCY, DEFAULT_LATE_CREATE_WAIT_MS, OUTCOME_KINDS, type ApplyDeps, type ApplyResult, type ItemOutcome, type OutcomeKind } from "./types.js";

const INTERRUPTED = "interrupted";
/**
 * Slot priority of a second-pass link refresh: behind every first write waiting for a slot (their
 * priorities are chain lengths, 1 and up), so refreshes fill the gaps while chains of linked
 * creates wait for answers, instead of queueing up after the last create.
 */
const REFRESH_PRIORITY = 0;

function groupByLevel(items: readonly PlanItem[]): PlanItem[][] {
  const levels = new Map<number, PlanItem[]>();
  for (const item of items) levels.set(item.level, [...(levels.get(item.level) ?? []), item]);
  return [...levels.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
}

function countOutcomes(outcomes: readonly ItemOutcome[]): Record<OutcomeKind, number> {
  const counts = Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, 0])) as Record<OutcomeKind, number>;
  for (const outcome of outcomes) counts[outcome.outcome] += 1;
  return counts;
}

function assertApplicable(plan: Plan): void {
  const blocking = blockingErrors(plan);
  if (blocking.length > 0) {
    throw new SyncError("apply/plan-has-errors", { count: blocking.length, firstHint: blocking[0]?.hint }, { diagnostics: blocking });
  }
}

/** Resolves when `signal` aborts; never without one. */
function whenAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) resolve();
    else signal?.addEventListener("abort", () => resolve(), { once: true });
  });
}

const WRITTEN_OUTCOMES = new Set(["created", "updated", "moved", "adopted"]);

/** Sets the Intercom URLs of the articles written on their outcomes, for the locales written. */
function noteOutcomeUrls(plan: Plan, all: ItemOutcome[], urls: Record<string, Record<string, string>>): void {
  const written = new Map<string, Set<string>>();
  for (const item of plan.items) {
    if (item.type !== "article") continue;
    written.set(item.key, new Set(item.locales.filter((change) => change.change === "add" || change.change === "update").map((change) => change.locale)));
  }
  for (const outcome of all) {
    if (outcome.type !== "article" || !WRITTEN_OUTCOMES.has(outcome.outcome)) continue;
    const known = urls[outcome.key];
    if (known === undefined) continue;
    const locales = written.get(outcome.key);
    const wanted = Object.entries(known).filter(([locale]) => locales === undefined || locales.size === 0 || locales.has(locale));
    if (wanted.length > 0) outcome.urls = Object.fromEntries(wanted);
  }
}

/**
 * Runs a plan against Intercom: each write as soon as its parent collection and the articles it
 * links to that come before it are done, and each article's second-pass link refresh (links to
 * articles created in this run) as soon as those articles are written; then removals level by
 * level. At most `concurrency` items are under way (the client keeps fewer requests in flight
 * when the rate limit and the latency call for fewer). One failure does not stop the others. The
 * lock is updated after every successful write and saved as work completes. A create whose
 * response was lost is looked for before it is sent again (recover-create.ts).
 */
export async function applyPlan(plan: Plan, deps: ApplyDeps): Promise<ApplyResult> {
  assertApplicable(plan);
  const lock = structuredClone(deps.lock);
  lock.helpCenterId = plan.helpCenterId;
  const sleep = deps.sleep ?? ((ms: number) => sleepFor(ms).then(() => undefined));
  const halted = (): boolean => deps.haltSignal?.aborted === true;
  const concurrency = Math.max(1, Math.floor(deps.concurrency ?? DEFAULT_CONCURRENCY));
  // No more items under way than the client lets requests be in flight: the rest wait here, by priority.
  const slots = createSlots(() => Math.min(concurrency, deps.api.inFlightLimit?.() ?? concurrency));
  const run: ApplyRun = {
    plan,
    api: deps.api,
    lock,
    // A shallow copy: noteArticleUrls replaces a key's URLs, never changes them in place.
    urls: { ...plan.urls, ...(deps.remoteUrls ?? {}) },
    helpCenterId: deps.helpCenterId ?? plan.helpCenterId,
    saver: createLockSaver(deps.saveLock, () => lock),
    bodies: deps.bodies ?? new Map(),
    defaultAuthorId: deps.defaultAuthorId ?? plan.defaultAuthorId,
    unavailableCollections: new Set(),
    newUrls: new Set(),
    slots,
    finder: createLostCreateFinder({ api: deps.api, slots, concurrency, ownedIds: (kind) => ownedIds(lock, kind), serverTime: deps.serverTime ?? null }),
    retries: deps.retries ?? DEFAULT_RETRIES,
    wait: async (ms, reason) => {
      deps.onWait?.({ ms, reason });
      await sleep(ms);
    },
    random: deps.random ?? Math.random,
    lateCreateWaitMs: deps.lateCreateWaitMs ?? DEFAULT_LATE_CREATE_WAIT_MS,
    stopping: () => deps.signal?.aborted === true || halted(),
    unconfirmedMarks: new Set(),
  };
  if (deps.loadBody !== undefined) run.loadBody = deps.loadBody;
  const active = plan.items.filter((item) => !isInert(item));
  // Lock-only noops (forgotten items, dropped locales) report nothing.
  const total = active.filter((item) => item.action !== "noop").length;
  const outcomes = new Map<PlanItem, ItemOutcome>();
  const extra: ItemOutcome[] = [];
  let completed = 0;
  const report = (item: PlanItem, outcome: ItemOutcome): void => {
    completed += 1;
    const phase = item.removal === true ? "removals" : item.type === "collection" ? "collections" : "articles";
    deps.onProgress?.({ phase, key: item.key, outcome, completed, total });
  };

  async function execute(item: PlanItem, priority = 0): Promise<void> {
    let outcome: ItemOutcome | undefined;
    run.finder.setRunning(1);
    await run.slots.acquire(false, priority);
    try {
      // Lock-only noops make no request, so an abort does not hold them back.
      if (deps.signal?.aborted === true && item.action !== "noop") {
        outcome = itemOutcome(item, "skipped", { reason: INTERRUPTED });
      } else {
        try {
          outcome = await runItem(run, item);
          if (!halted()) run.saver.request();
        } catch (error) {
          outcome = itemOutcome(item, "failed", { error: describeError(error) });
        }
      }
    } finally {
      run.slots.release();
      run.finder.setRunning(-1);
    }
    const unavailable = outcome?.outcome === "failed" || outcome?.outcome === "skipped";
    if (unavailable && item.type === "collection" && (item.action === "create" || item.action === "recreate")) {
      run.unavailableCollections.add(item.key);
    }
    if (outcome !== undefined) {
      outcomes.set(item, outcome);
      report(item, outcome);
    }
  }

  async function runLevels(): Promise<void> {
    // Writes start as soon as what they wait for is done (see item-dependencies.ts), and each
    // article's links are refreshed as soon as the articles it links to are written; removals
    // then run level by level.
    const writes = active.filter((item) => item.removal !== true);
    const writeSet = new Set(writes);
    const byKey = indexItems(writes);
    const chains = chainLengths(writes, byKey);
    const finished = new Map<PlanItem, Promise<void>>();
    const start = (item: PlanItem): Promise<void> => {
      let done = finished.get(item);
      if (done === undefined) {
        done = Promise.all(dependenciesOf(item, byKey).map(start)).then(() => (halted() ? undefined : execute(item, chains.get(item))));
        finished.set(item, done);
      }
      return done;
    };
    const refreshWhenLinksKnown = async (item: ArticlePlanItem): Promise<void> => {
      await Promise.all([writeSet.has(item) ? start(item) : undefined, ...linkTargetsOf(item, byKey).map(start)]);
      await refreshLinks([item]);
    };
    // Unchanged articles too: their links may point at an article whose URL changed in this run.
    const articles = plan.items.filter((item): item is ArticlePlanItem => item.type === "article");
    await Promise.all([...writes.map(start), ...articles.filter((item) => item.removal !== true).map(refreshWhenLinksKnown)]);
    for (const level of groupByLevel(active.filter((item) => item.removal === true))) {
      if (halted()) return;
      await Promise.all(level.map((item) => execute(item)));
    }
    // An article being removed is refreshed only if it is still there (unpublished, not deleted).
    await refreshLinks(articles.filter((item) => item.removal === true));
  }

  async function runInSlot(work: () => Promise<void>): Promise<void> {
    await run.slots.acquire(false, REFRESH_PRIORITY);
    try {
      await work();
    } finally {
      run.slots.release();
    }
  }

  // Fix-ups are found as the run goes (each once its article's link targets are written), so the
  // bar's total of fix-ups grows with them.
  let fixUpsFound = 0;
  let fixed = 0;

  async function refreshLinks(items: readonly ArticlePlanItem[]): Promise<void> {
    if (halted() || deps.signal?.aborted === true) return;
    const candidates = items.filter((item) => !["failed", "skipped"].includes(outcomes.get(item)?.outcome ?? ""));
    const refreshes = findLinkRefreshes(run, candidates);
    fixUpsFound += refreshes.length;
    await Promise.all(
      refreshes.map((refresh) =>
        runInSlot(async () => {
          if (deps.signal?.aborted === true) return;
          const previous = outcomes.get(refresh.item);
          try {
            await applyLinkRefresh(run, refresh);
            if (!halted()) run.saver.request();
            if (previous !== undefined) previous.reason = [previous.reason, "links updated in a second pass"].filter(Boolean).join("; ");
            else extra.push(itemOutcome(refresh.item, "updated", { id: refresh.id, reason: "links refreshed" }));
          } catch (error) {
            extra.push(itemOutcome(refresh.item, "failed", { id: refresh.id, reason: "updating links", error: describeError(error) }));
          }
          // Reported when it ends, whatever the outcome: the bar counts fix-ups done.
          fixed += 1;
          deps.onProgress?.({ phase: "link fix-ups", key: refresh.item.key, completed: fixed, total: fixUpsFound });
        }),
      ),
    );
  }

  // A second interrupt stops waiting for the requests in flight: updates among them may have been
  // applied, so the lock marks them unconfirmed, and the next plan recognises them.
  await Promise.race([runLevels(), whenAborted(deps.haltSignal)]);
  if (halted()) for (const mark of run.unconfirmedMarks) mark();

  // Each item asked for its own save; this last one is for a lock that changed otherwise (a new
  // help center). A run that did nothing leaves the file as it is, as a no-op push should.
  if (active.length > 0 || extra.length > 0 || lock.helpCenterId !== deps.lock.helpCenterId) run.saver.request();
  const lockError = await run.saver.flush();
  const unfinished = (item: PlanItem): ItemOutcome[] =>
    halted() && item.action !== "noop" && !isInert(item) ? [itemOutcome(item, "skipped", { reason: INTERRUPTED })] : [];
  const all = [...plan.items.flatMap((item) => outcomes.get(item) ?? unfinished(item)), ...extra];
  noteOutcomeUrls(plan, all, run.urls);
  const counts = countOutcomes(all);
  const interrupted = halted() || all.some((o) => o.outcome === "skipped" && o.reason === INTERRUPTED);
  const result: ApplyResult = {
    outcomes: all,
    counts,
    ok: counts.failed === 0 && plan.summary.conflict === 0 && !interrupted && lockError === undefined,
    interrupted,
    lock,
    recovery: { ...run.finder.stats },
  };
  if (halted()) result.halted = true;
  if (lockError !== undefined) result.lockError = describeError(lockError);
  return result;
}
