import { setImmediate as yieldToIo } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { formatApplyResult } from "../../src/apply/format-result.js";
import { createSeededRandom, type FaultSettings } from "../../src/emulator/index.js";
import { createIntercomClient, DEFAULT_MAX_RATE_LIMIT_RETRIES, DEFAULT_MAX_RETRIES } from "../../src/remote/client.js";
import { TEST_TOKEN } from "../support/emulator.js";
import { expectConverged, findDuplicates } from "./support/converged.js";
import { createTestProject, type TestProject } from "../support/project.js";
import { countWritesOf } from "./support/kill-runs.js";

/** Enough writes for several rate-limit windows and a few dozen injected 5xx in each mix. */
const ARTICLES = 100;
/** Most attempts one request may make: the first, its 5xx retries and its 429 retries. */
const MAX_ATTEMPTS = 1 + DEFAULT_MAX_RETRIES + DEFAULT_MAX_RATE_LIMIT_RETRIES;
/** With a window, every this many responses another integration is taken to spend the budget: a 429. */
const FOREIGN_429_EVERY = 40;

interface FaultMix {
  name: string;
  faults: Partial<FaultSettings>;
  seed: number;
}

const MIXES: FaultMix[] = [
  { name: "429s from a tight window", faults: { rateLimit: { limit: 25, windowMs: 1_000 } }, seed: 1 },
  { name: "10% 5xx and random latency", faults: { errorRate: 0.1, latencyMs: [0, 20] }, seed: 2 },
  { name: "a tight window, 10% 5xx and random latency", faults: { rateLimit: { limit: 25, windowMs: 1_000 }, errorRate: 0.1, latencyMs: [0, 20] }, seed: 3 },
];

let project: TestProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

/**
 * One clock for the emulator's rate-limit windows and the client's waits: a wait moves it forward
 * at once, so a run paced by 1-second windows takes no real seconds.
 */
function createVirtualTime(): { clock: () => number; sleep: (ms: number) => Promise<void> } {
  let now = Date.now();
  return {
    clock: () => now,
    sleep: async (ms) => {
      now += ms;
      await yieldToIo();
    },
  };
}

describe("push under faults", () => {
  it.each(MIXES)("completes $name, bounded and paced, listing what it gave up on", async ({ faults, seed }) => {
    const time = createVirtualTime();
    project = await createTestProject({
      tree: { generate: { seed, articles: ARTICLES, locales: ["fr"] } },
      emulator: { ...faults, clock: time.clock, random: createSeededRandom(seed) },
    });
    const waits: string[] = [];
    const api = createIntercomClient({
      baseUrl: project.emulator.url,
      token: TEST_TOKEN,
      clock: time.clock,
      sleep: time.sleep,
      random: createSeededRandom(seed + 100),
      logger: { debug: (message) => message.startsWith("rate limit: waiting") && waits.push(message) },
    });
    let answered = 0;
    if (faults.rateLimit) {
      // The pacer alone avoids every 429 of a window it sees whole; a shared budget does not.
      project.onResponse = () => {
        if ((answered += 1) % FOREIGN_429_EVERY === 0) project?.emulator.failNext(1, 429);
      };
    }
    const run = await project.push({ api });
    project.onResponse = null;
    const result = run.result;
    expect(result).toBeDefined();
    if (result === undefined) return;

    // Every item has an outcome: done, or listed as failed with its error.
    const failed = result.outcomes.filter((o) => o.outcome === "failed");
    expect(result.outcomes.filter((o) => o.outcome === "skipped" && o.reason === "interrupted")).toEqual([]);
    expect(result.ok).toBe(failed.length === 0);
    const report = formatApplyResult(result, { color: false });
    for (const outcome of failed) {
      expect(outcome.error).toMatch(/Intercom|timed out|failed/);
      expect(report).toContain(`${outcome.type} ${outcome.key}`);
    }
    expect(result.counts.created + failed.length + result.counts.skipped).toBeGreaterThanOrEqual(ARTICLES);
    expect(findDuplicates(project.emulator.state.dump())).toEqual([]);

    // Bounded: a request is given up after its retry budgets (the longest run of failed answers to
    // one method and path), and a create is sent at most twice (again only after a lookup).
    const failureRuns = new Map<string, { run: number; longest: number }>();
    const creates = new Map<string, number>();
    for (const entry of project.emulator.requests) {
      const key = `${entry.method} ${entry.path} ${JSON.stringify(entry.query)}`;
      const streak = failureRuns.get(key) ?? { run: 0, longest: 0 };
      streak.run = entry.status >= 429 ? streak.run + 1 : 0;
      streak.longest = Math.max(streak.longest, streak.run);
      failureRuns.set(key, streak);
      const body = entry.body as { title?: string; name?: string; parent_id?: unknown } | undefined;
      const item = `${entry.path} ${String(body?.parent_id)} ${body?.title ?? body?.name}`;
      if (entry.method === "POST" && entry.status !== 429) creates.set(item, (creates.get(item) ?? 0) + 1);
    }
    for (const [key, streak] of failureRuns) expect(streak.longest, key).toBeLessThan(MAX_ATTEMPTS);
    for (const [key, count] of creates) expect(count, key).toBeLessThanOrEqual(2);

    // Paced: with a window, the client waited for resets instead of running into 429 after 429.
    const limited = project.emulator.requests.filter((entry) => entry.status === 429).length;
    if (faults.rateLimit) {
      expect(waits.length).toBeGreaterThan(0);
      expect(limited).toBeGreaterThan(0);
      // Only the foreign 429s: none came from this client's own pace.
      expect(limited).toBeLessThanOrEqual(Math.ceil(answered / FOREIGN_429_EVERY));
    }

    // What it gave up on is done by the next run, once the faults are gone.
    project.emulator.setFaults({ errorRate: 0, rateLimit: null, latencyMs: 0 });
    const healed = await project.push({ api });
    expect(healed.result?.ok).toBe(true);
    await expectConverged(project);
    expect(await countWritesOf(project, () => project!.push({ api }))).toBe(0);
  }, 120_000);
});
