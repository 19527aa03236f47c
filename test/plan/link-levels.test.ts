import { describe, expect, it } from "vitest";
import { computeLinkLevels, MAX_LINK_LEVELS } from "../../src/plan/link-levels.js";
import { planSync } from "../../src/plan/plan-sync.js";
import type { PlanItem } from "../../src/plan/types.js";
import { emptyLock } from "../../src/types.js";
import { push } from "../apply/helpers.js";
import { FakeIntercomApi } from "../support/fake-intercom-api.js";
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

  it("leaves articles linking in a cycle at the first level, where their URLs are known earliest", () => {
    const links = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]], ["e", []]]);
    const items = ["a", "b", "c", "d", "e"].map((key) => item(key, "create"));
    const levels = computeLinkLevels(items, (key) => links.get(key) ?? []);
    expect(Object.fromEntries(levels)).toEqual({ a: 0, b: 0, c: 0, d: 0, e: 0 });
  });

  it("caps the depth of a long chain of links, leaving the rest at the first level", () => {
    const count = MAX_LINK_LEVELS + 5;
    const keys = Array.from({ length: count }, (_, index) => `article-${String(index).padStart(2, "0")}`);
    // article-00 links to article-01, ... : the last one links to nothing.
    const links = new Map(keys.slice(0, -1).map((key, index) => [key, [keys[index + 1] as string]]));
    const levels = computeLinkLevels(keys.map((key) => item(key, "create")), (key) => links.get(key) ?? []);
    expect(levels.get(keys[count - 1] as string)).toBe(0);
    expect(levels.get(keys[count - 2] as string)).toBe(1);
    expect(Math.max(...levels.values())).toBe(MAX_LINK_LEVELS - 1);
    expect(levels.get(keys[0] as string)).toBe(0);
  });
});
