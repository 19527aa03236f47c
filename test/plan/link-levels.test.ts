import { describe, expect, it } from "vitest";
import { computeLinkLevels, MAX_LINK_LEVELS } from "../../src/plan/link-levels.js";
import { planSync } from "../../src/plan/plan-sync.js";
import type { PlanItem } from "../../src/plan/types.js";
import { emptyLock } from "../../src/types.js";
import { push } from "../apply/helpers.js";
import { FakeIntercomApi } from "../support/fake-intercom-api.js";
import { asPlan, fixUpsOf, isAcyclicWithout, meshGraph, minimumFixUps, previousFixUpsOf, randomGraph, ringGraph, standInsOf } from "../../bench/link-graphs.js";
import { createRandom } from "../../bench/prng.js";
import { article, collection, desiredState, emptyRemote, planInput, syncedWorld } from "./builders.js";

const link = (target: string): string => `<p><a href="intercom-sync:${target}">see</a></p>`;

function linking(key: string, ...targets: string[]) {
  return article(key, { body: targets.map(link).join(""), links: targets });
}

function levelOf(items: readonly PlanItem[], key: string): number {
  const item = items.find((candidate) => candidate.key === key);
  if (item === undefined) throw new Error(`no plan item for ${key}`);
  return item.level;
}

function item(key: string, action: PlanItem["action"], write = true): PlanItem {
  return { type: "article", action, key, parentKey: null, level: 0, reason: "", locales: [], write, defaultLocale: null, content: {} };
}

describe("plan: link ordering", () => {
  it("creates link targets before the articles that link to them", () => {
    const desired = desiredState({
      collections: [collection("guides")],
      articles: [linking("a-intro", "guides/setup"), linking("guides/setup", "z-reference"), article("z-reference")],
    });
    const plan = planSync(planInput(desired, { remote: emptyRemote(), lock: emptyLock() }));
    expect(plan.errors).toEqual([]);
    expect(levelOf(plan.items, "guides")).toBeLessThan(levelOf(plan.items, "z-reference"));
    expect(levelOf(plan.items, "z-reference")).toBeLessThan(levelOf(plan.items, "guides/setup"));
    expect(levelOf(plan.items, "guides/setup")).toBeLessThan(levelOf(plan.items, "a-intro"));
    expect(plan.items.map((i) => i.level)).toEqual([...plan.items.map((i) => i.level)].sort((a, b) => a - b));
  });

  it("makes one write per new article when links form no cycle (no second pass)", async () => {
    const api = new FakeIntercomApi();
    const desired = desiredState({
      articles: [linking("a-hub", "b-guide", "c-guide"), linking("b-guide", "d-detail"), linking("c-guide", "d-detail"), article("d-detail")],
    });
    const { result } = await push(api, desired);
    expect(result.ok).toBe(true);
    expect(api.writes()).toHaveLength(4);
    expect(result.outcomes.filter((o) => /links/.test(o.reason ?? ""))).toEqual([]);
    const hub = api.articles.get(result.lock.articles["a-hub"]?.id ?? "");
    const guide = api.articles.get(result.lock.articles["b-guide"]?.id ?? "");
    expect(hub?.contents.en?.body).toContain(`href="${guide?.contents.en?.url}"`);
  });

  it("keeps removals after every article level", () => {
    const before = desiredState({ articles: [article("old"), article("kept")] });
    const world = syncedWorld(before);
    const after = desiredState({ articles: [article("kept"), linking("new-a", "new-b"), article("new-b")] });
    const plan = planSync(planInput(after, world, { onDelete: "delete" }));
    const removal = plan.items.find((i) => i.key === "old");
    expect(removal?.action).toBe("delete");
    expect(removal?.level).toBeGreaterThan(levelOf(plan.items, "new-a"));
    expect(levelOf(plan.items, "new-b")).toBeLessThan(levelOf(plan.items, "new-a"));
  });

  it("orders an update that adds a link after the article it links to", () => {
    const links = new Map([["existing", ["fresh"]]]);
    const levels = computeLinkLevels([item("existing", "update"), item("fresh", "create")], (key) => links.get(key) ?? []);
    expect(levels.get("fresh")).toBe(0);
    expect(levels.get("existing")).toBe(1);
  });

  it("ignores links to articles that already exist and items that write nothing", () => {
    const links = new Map([["a", ["b"]], ["c", ["d"]]]);
    const levels = computeLinkLevels(
      [item("a", "create"), item("b", "update"), item("c", "noop", false), item("d", "create")],
      (key) => links.get(key) ?? [],
    );
    expect([...levels.values()]).toEqual([0, 0, 0, 0]);
  });

  it("sends one article of a link cycle with stand-in links and orders the rest of the cycle after it", () => {
    const links = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]], ["e", []]]);
    const items = ["a", "b", "c", "d", "e"].map((key) => item(key, "create"));
    const levels = computeLinkLevels(items, (key) => links.get(key) ?? []);
    // c goes first with a stand-in link to a; b, a and d then each find their targets created.
    expect(Object.fromEntries(levels)).toEqual({ a: 2, b: 1, c: 0, d: 3, e: 0 });
  });

  it("caps the depth of a long chain of links: one article goes out with a stand-in link instead", () => {
    const count = MAX_LINK_LEVELS + 5;
    const keys = Array.from({ length: count }, (_, index) => `article-${String(index).padStart(2, "0")}`);
    // article-00 links to article-01, ... : the last one links to nothing.
    const graph = new Map(keys.map((key, index) => [key, index + 1 < count ? [keys[index + 1] as string] : []]));
    const { items, linksOf } = asPlan(graph);
    const levels = computeLinkLevels(items, linksOf);
    expect(levels.get(keys[count - 1] as string)).toBe(0);
    expect(levels.get(keys[count - 2] as string)).toBe(1);
    expect(Math.max(...levels.values())).toBe(MAX_LINK_LEVELS - 1);
    expect(standInsOf(graph, levels)).toEqual([keys[count - 1 - MAX_LINK_LEVELS]]);
  });

  it("sends two articles per collection with stand-in links when each article links the next two in a ring", () => {
    const graph = ringGraph(10, 10);
    const { items, linksOf } = asPlan(graph);
    const standIns = standInsOf(graph, computeLinkLevels(items, linksOf));
    expect(standIns).toHaveLength(20);
    for (let collection = 0; collection < 10; collection += 1) {
      expect(standIns.filter((key) => key.startsWith(`c${String(collection).padStart(2, "0")}/`))).toHaveLength(2);
    }
  });

  it("finds the minimum on rings and meshes small enough to check every set", () => {
    for (const graph of [ringGraph(1, 6, 1), ringGraph(1, 8, 2), ringGraph(1, 9, 3), meshGraph(5), meshGraph(7)]) {
      expect(fixUpsOf(graph)).toBe(minimumFixUps(graph));
    }
  });

  it("gives a valid order on random link graphs: every article not sent with stand-ins comes after its targets, and never more stand-ins than ordering by rounds", () => {
    const random = createRandom(20261203);
    for (let trial = 0; trial < 300; trial += 1) {
      const graph = randomGraph(random, random.int(2, 40), random.pick([0.02, 0.05, 0.1, 0.2]));
      const { items, linksOf } = asPlan(graph);
      const levels = computeLinkLevels(items, linksOf);
      const standIns = new Set(standInsOf(graph, levels));
      // Without the articles sent with stand-in links, the rest must have no cycle.
      expect(isAcyclicWithout(graph, standIns)).toBe(true);
      for (const level of levels.values()) expect(level).toBeLessThan(MAX_LINK_LEVELS);
      expect(standIns.size).toBeLessThanOrEqual(previousFixUpsOf(graph));
    }
  });
});
