import { setImmediate as yieldToIo } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RETRIES } from "../../src/config/defaults.js";
import { createSeededRandom, type FaultSettings } from "../../src/emulator/index.js";
import { createIntercomClient, DEFAULT_MAX_RATE_LIMIT_RETRIES } from "../../src/remote/client.js";
import type { WaitEvent } from "../../src/remote/request-with-policy.js";
import { resolveProjectConfig } from "../../src/sync/project-config.js";
import { TEST_TOKEN } from "../support/emulator.js";
import { expectConverged, findDuplicates, readDesired } from "./support/converged.js";
import { createTestProject, type TestProject } from "../support/project.js";
import { countWritesOf, startAfresh } from "./support/kill-runs.js";

/** Several hundred articles in three locales (en, fr, de). */
const ARTICLES = 300;
const LOCALES = ["fr", "de"];
/** Most attempts one request may make: the first, its 5xx retries and its 429 retries. */
const maxAttempts = (retries: number): number => 1 + retries + DEFAULT_MAX_RATE_LIMIT_RETRIES;
/** In a 429 storm, every this many responses another integration spends the budget for a few requests. */
const STORM_EVERY = 40;
const STORM_LENGTH = 4;
/** Recovery may cost this share of a fault-free push's requests, at most. */
const MAX_RECOVERY_SHARE = 0.05;

interface FaultMix {
  name: string;
  faults: Partial<FaultSettings>;
  storm?: boolean;
  /**
   * The config's `retries`, when not the default. The default is made for 10%: at 20% one request
   * in 0.2^7 = 78,000 fails all its attempts, about one run in a hundred here, so that mix runs
   * with 8 (one in 2 million).
   */
  retries?: number;
  /** Recovery's share of a fault-free push's requests, when not MAX_RECOVERY_SHARE. */
  maxRecoveryShare?: number;
}

const TIGHT_WINDOW = { limit: 25, windowMs: 1_000 };
const MIXES: FaultMix[] = [
  { name: "10% 5xx on every request", faults: { errorRate: 0.1 } },
  // One request in five failing, looks included: each look is retried like any read.
  { name: "20% 5xx on every request (retries: 8)", faults: { errorRate: 0.2 }, retries: 8, maxRecoveryShare: 0.08 },
  { name: "3% of responses dropped after the write was applied", faults: { dropAfterWriteRate: 0.03 } },
  { name: "429 storms in a tight window", faults: { rateLimit: TIGHT_WINDOW }, storm: true },
  { name: "random latency", faults: { latencyMs: [0, 15] } },
  {
    name: "all of them at once",
    faults: { errorRate: 0.1, dropAfterWriteRate: 0.03, rateLimit: TIGHT_WINDOW, latencyMs: [0, 15] },
    storm: true,
  },
];

/**
 * Intercom's clock and the client's waits on one time line that runs with real time, and jumps
 * ahead by every wait: a run paced by 1-second windows or backed off for seconds takes no real
 * seconds, while `updated_at` still advances as a run goes on.
 */
function createVirtualTime(): { clock: () => number; sleep: (ms: number) => Promise<void> } {
  let offset = 0;
  return {
    clock: () => Date.now() + offset,
    sleep: async (ms) => {
      offset += ms;
      await yieldToIo();
    },
  };
}

const time = createVirtualTime();
let project: TestProject;
/** Requests of a push of the whole tree into an empty help center, without faults. */
let faultFreeRequests = 0;
const figures: string[] = [];

beforeAll(async () => {
  project = await createTestProject({
    tree: { generate: { seed: 9, articles: ARTICLES, locales: LOCALES } },
    emulator: { clock: time.clock, random: createSeededRandom(9) },
  });
  // The reference: the whole tree into an empty help center, without faults.
  const started = performance.now();
  const run = await pushOnce(1);
  expect(run.result?.ok).toBe(true);
  faultFreeRequests = project.emulator.requests.length;
  const desired = await readDesired(project);
  expect(desired.articles).toHaveLength(ARTICLES);
  expect(Object.keys(desired.articles[0]?.locales ?? {}).sort()).toEqual(["de", "en", "fr"]);
  await expectConverged(project);
  figures.push(`  fault-free: exit 0, ${faultFreeRequests} requests, ${Math.round(performance.now() - started)} ms`);
}, 120_000);

afterAll(async () => {
  if (figures.length > 0) console.info(`push under faults (${ARTICLES} articles x ${LOCALES.length + 1} locales):\n${figures.join("\n")}`);
  await project?.close();
});

/** A push through an HTTP client on the virtual time line; every wait of the client and of apply goes to `onWait`. */
async function pushOnce(seed: number, onWait: (event: WaitEvent) => void = () => undefined, retries = DEFAULT_RETRIES) {
  const config = { ...(await resolveProjectConfig({ cwd: project.dir, env: project.env })), retries };
  const api = createIntercomClient({
    baseUrl: project.emulator.url,
    token: TEST_TOKEN,
    clock: time.clock,
    sleep: time.sleep,
    random: createSeededRandom(seed),
    maxRetries: retries,
    onWait,
  });
  return project.push({ api, config, applyTiming: { sleep: time.sleep, random: createSeededRandom(seed + 1) }, onWait });
}

describe("one push under faults", () => {
  it.each(MIXES.map((mix, index) => ({ ...mix, seed: 100 + index })))(
    "converges in one push with $name: exact state, no duplicate, recovery counted and bounded",
    async ({ name, faults, storm, retries = DEFAULT_RETRIES, maxRecoveryShare = MAX_RECOVERY_SHARE, seed }) => {
      expect(faultFreeRequests).toBeGreaterThan(0);
      await startAfresh(project);
      project.emulator.setFaults({ ...faults });
      let answered = 0;
      if (storm === true) {
        project.onResponse = () => {
          if ((answered += 1) % STORM_EVERY === 0) project.emulator.failNext(STORM_LENGTH, 429);
        };
      }
      const waits: WaitEvent[] = [];
      const started = performance.now();
      const run = await pushOnce(seed, (event) => waits.push(event), retries);
      const elapsed = Math.round(performance.now() - started);
      project.onResponse = null;
      const requests = project.emulator.requests.length;
      project.emulator.setFaults({ errorRate: 0, dropAfterWriteRate: 0, rateLimit: null, latencyMs: 0 });

      const result = run.result;
      const trouble = result?.outcomes.filter((o) => o.outcome === "failed" || o.outcome === "skipped");
      // What `push` exits 0 on: every item done, no plan error.
      expect(result?.ok, JSON.stringify(trouble)).toBe(true);
      expect(run.plan.errors).toEqual([]);
      expect(findDuplicates(project.emulator.state.dump())).toEqual([]);
      await expectConverged(project);

      // Recovery is counted, shared between the creates lost at the same time, and cheap.
      const recovery = result?.recovery ?? { lost: 0, found: 0, resent: 0, requests: 0, looks: 0 };
      const lostPosts = project.emulator.requests.filter((e) => e.method === "POST" && (e.dropped || e.status >= 500)).length;
      expect(recovery.lost).toBe(lostPosts);
      if (faults.errorRate !== undefined || faults.dropAfterWriteRate !== undefined) expect(recovery.lost).toBeGreaterThan(0);
      if (recovery.lost > 16) expect(recovery.looks).toBeLessThan(recovery.lost / 2);
      expect(recovery.requests).toBeLessThanOrEqual(Math.max(2, Math.ceil(faultFreeRequests * maxRecoveryShare)));
      expect(recovery.found + recovery.resent).toBe(recovery.lost);

      // Bounded: no request is tried more often than its budgets allow, and no create more than
      // once plus its retries.
      const streaks = new Map<string, { run: number; longest: number }>();
      const creates = new Map<string, number>();
      for (const entry of project.emulator.requests) {
        const key = `${entry.method} ${entry.path} ${JSON.stringify(entry.query)}`;
        const streak = streaks.get(key) ?? { run: 0, longest: 0 };
        streak.run = entry.status >= 429 || entry.dropped ? streak.run + 1 : 0;
        streak.longest = Math.max(streak.longest, streak.run);
        streaks.set(key, streak);
        const body = entry.body as { title?: string; name?: string; parent_id?: unknown } | undefined;
        if (entry.method === "POST" && entry.status !== 429) {
          const item = `${entry.path} ${String(body?.parent_id)} ${body?.title ?? body?.name}`;
          creates.set(item, (creates.get(item) ?? 0) + 1);
        }
      }
      for (const [key, streak] of streaks) expect(streak.longest, key).toBeLessThan(maxAttempts(retries));
      for (const [key, count] of creates) expect(count, key).toBeLessThanOrEqual(1 + retries);

      // Waits are announced with what they wait for.
      if (faults.rateLimit !== undefined) expect(waits.some((w) => w.reason === "for the rate limit to reset")).toBe(true);
      expect(run.config.retries).toBe(retries);
      if (faults.errorRate !== undefined) {
        expect(waits.some((w) => new RegExp(`^before retry \\d+ of ${retries} of (GET|PUT) /\\S+ after a 50[03]$`).test(w.reason))).toBe(true);
        expect(waits.some((w) => new RegExp(`^before retry \\d+ of ${retries} of creating the (article|collection) "`).test(w.reason))).toBe(true);
      }

      // Nothing is left for a second push.
      expect(await countWritesOf(project, () => pushOnce(seed + 50))).toBe(0);
      const extra = requests - faultFreeRequests;
      figures.push(
        `  ${name}: exit ${result?.ok === true ? 0 : 1}, ${requests} requests (${extra >= 0 ? "+" : ""}${extra}, ` +
          `${((extra / faultFreeRequests) * 100).toFixed(1)}% over fault-free; recovery ${recovery.requests} request(s) in ${recovery.looks} look(s) ` +
          `for ${recovery.lost} lost create(s)), ${elapsed} ms`,
      );
    },
    60_000,
  );
});
