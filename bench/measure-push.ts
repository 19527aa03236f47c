import { rm } from "node:fs/promises";
import path from "node:path";
import { Agent } from "undici";
import { BenchError } from "./bench-error.js";
import type { EmulatorOptions, RateLimitSettings } from "../src/emulator/index.js";
import { DEFAULT_PAGE_SIZE } from "../src/remote/list-all-pages.js";
import { pushProject, type PushRun } from "../src/sync/push-project.js";
import { createBenchProject } from "./bench-project.js";
import { startBenchEmulator, type BenchEmulator } from "./emulator-thread.js";
import { mutateArticleInDir } from "./mutate-article.js";
import { createRequestTally, type RequestCounts } from "./request-tally.js";

/**
 * Intercom's budget (1,666 requests per 10 s window) scaled down ten times in window length, so a
 * first push of thousands of items is paced by the limit in seconds rather than minutes.
 */
export const SCALED_RATE_LIMIT: Readonly<RateLimitSettings> = { limit: 166, windowMs: 1_000 };
/** Token the in-process emulator is called with (it accepts any non-empty token). */
const BENCH_TOKEN = "bench-token";
const MS_PER_SECOND = 1000;
/** The render cache's folder inside the generated project (removed with it). */
const CACHE_FOLDER = ".bench-cache";

/** Starts the emulator a measurement runs against (tests pass one that checks every response). */
export type StartEmulator = (options: EmulatorOptions) => Promise<BenchEmulator>;

export interface PushStep extends RequestCounts {
  wallMs: number;
  /** Writes the plan's first pass made; the rest were second-pass link refreshes. */
  plannedWrites: number;
  /** Writes per second between the first and the last answered write. */
  achievedRate: number;
  /** `achievedRate` over the limit's rate: how much of the budget the push used while sending. */
  rateUtilisation: number;
  /** Share of requests answered 429. */
  rateLimitedShare: number;
}

export interface PushResult {
  articles: number;
  /** Article locales pushed (one per markdown file). */
  articleLocales: number;
  rateLimit: RateLimitSettings;
  /** True when the emulator answered from a thread of its own (see bench/emulator-thread.ts). */
  emulatorOnOwnThread: boolean;
  /** Requests per second the limit allows. */
  allowedRate: number;
  /** List pages a full listing of the pushed help center needs (1 help-center page included). */
  expectedListRequests: number;
  /** With an empty render cache. */
  first: PushStep;
  /** Right after, with the render cache the first push left. */
  noop: PushStep;
  /** The same no-op with the render cache removed (a CI runner that does not restore it). */
  noopCold: PushStep;
  edit: PushStep & { file: string };
}

function pagesFor(items: number): number {
  return Math.max(1, Math.ceil(items / DEFAULT_PAGE_SIZE));
}

/** One push of the project in `dir` through the composer, with its requests counted and its write rate measured. */
export async function measureStep(dir: string, env: NodeJS.ProcessEnv, allowedRate: number): Promise<PushStep & { run: PushRun }> {
  const tally = createRequestTally();
  // A connection pool per push, as a CLI process per push would have: pooled sockets left idle by
  // the previous push are closed by the server while the next one renders, and reusing them would
  // cost retries that a real run does not make.
  const dispatcher = new Agent();
  const started = performance.now();
  const run = await pushProject({ cwd: dir, env, dispatcher, onRequest: tally.onRequest, runLockTimeoutMs: 0 }).finally(() => dispatcher.close());
  const wallMs = performance.now() - started;
  const counts = tally.counts();
  // The rate while writing: from the first write to the last. The listing and the local work
  // before the first write (reading the files, rendering again the bodies to send) are in `wallMs`.
  const span = tally.writeSpanMs();
  const achievedRate = span > 0 ? ((counts.writes - 1) * MS_PER_SECOND) / span : 0;
  return {
    ...counts,
    run,
    wallMs,
    plannedWrites: run.plan.summary.writes,
    achievedRate,
    rateUtilisation: allowedRate > 0 ? achievedRate / allowedRate : 0,
    rateLimitedShare: counts.requests > 0 ? counts.rateLimited / counts.requests : 0,
  };
}

function withoutRun<T extends { run: PushRun }>(step: T): Omit<T, "run"> {
  const { run: _run, ...rest } = step;
  return rest;
}

/**
 * First push, no-op push and a one-file edit of a generated tree of `articles` x 5 locales,
 * against the in-process emulator limiting at `rateLimit`, through the composer (`pushProject`).
 */
export async function measurePush(
  articles: number,
  options: { rateLimit?: RateLimitSettings; startEmulator?: StartEmulator } = {},
): Promise<PushResult> {
  const rateLimit = options.rateLimit ?? SCALED_RATE_LIMIT;
  const project = await createBenchProject(articles);
  const emulator = await (options.startEmulator ?? startBenchEmulator)({ rateLimit: { ...rateLimit } });
  try {
    const cacheDir = path.join(project.dir, CACHE_FOLDER);
    const env: NodeJS.ProcessEnv = { INTERCOM_API_URL: emulator.url, INTERCOM_ACCESS_TOKEN: BENCH_TOKEN, INTERCOM_SYNC_CACHE_DIR: cacheDir };
    const allowedRate = (rateLimit.limit * MS_PER_SECOND) / rateLimit.windowMs;
    const first = await measureStep(project.dir, env, allowedRate);
    const state = await emulator.state.dump();
    const expectedListRequests = 1 + pagesFor(state.collections.length) + pagesFor(state.articles.length);
    const noop = await measureStep(project.dir, env, allowedRate);
    await rm(cacheDir, { recursive: true, force: true });
    const noopCold = await measureStep(project.dir, env, allowedRate);
    const edited = await mutateArticleInDir(project.dir, articles);
    const edit = await measureStep(project.dir, env, allowedRate);
    for (const step of [first, noop, noopCold, edit]) {
      if (step.run.result?.ok !== true) {
        throw new BenchError("bench/push-failed", `A benchmark push did not succeed: ${JSON.stringify(step.run.result?.counts)}.`, {
          hint: "Run the same push with `intercom-sync push --verbose` against `intercom-sync emulator` to see why.",
        });
      }
    }
    return {
      articles,
      articleLocales: first.run.desired.articles.reduce((sum, article) => sum + Object.keys(article.locales).length, 0),
      rateLimit: { ...rateLimit },
      emulatorOnOwnThread: emulator.onOwnThread === true,
      allowedRate,
      expectedListRequests,
      first: withoutRun(first),
      noop: withoutRun(noop),
      noopCold: withoutRun(noopCold),
      edit: { ...withoutRun(edit), file: edited.path },
    };
  } finally {
    await emulator.close();
    await project.remove();
  }
}
