import { describe, expect, it } from "vitest";
import { planSync } from "../../src/plan/plan-sync.js";
import type { PlanItem } from "../../src/plan/types.js";
import { emptyLock } from "../../src/types.js";
import { article, collection, desiredState, planInput, syncedWorld } from "./builders.js";

function itemFor(items: PlanItem[], key: string): PlanItem {
  const item = items.find((i) => i.key === key);
  if (item === undefined) throw new Error(`no plan item for ${key}`);
  return item;
}

describe("plan: adopting, recreating and moving", () => {
  it("adopts matching remote items without a write when the lock file is gone", () => {
    const desired = desiredState({
      locales: ["en", "fr"],
      collections: [collection("guides", "Guides", { fr: "Guides FR" })],
      articles: [article("guides/install", {}, { fr: {} }), article("welcome")],
    });
    const { remote } = syncedWorld(desired);
    const plan = planSync(planInput(desired, { remote, lock: emptyLock() }));
    expect(plan.summary.create).toBe(0);
    expect(plan.summary.writes).toBe(0);
    expect(plan.items.map((i) => [i.key, i.action, i.id])).toEqual([
      ["guides", "adopt", "c1"],
      ["guides/install", "adopt", "a1"],
      ["welcome", "adopt", "a2"],
    ]);
    expect(Object.keys(itemFor(plan.items, "guides/install").record ?? {})).toEqual(["en", "fr"]);
  });

  it("adopts and updates a remote article whose visible text differs", () => {
    const desired = desiredState({ articles: [article("welcome", { body: "<p>New words</p>" })] });
    const { remote } = syncedWorld(desiredState({ articles: [article("welcome", { body: "<p>Old words</p>" })] }));
    const plan = planSync(planInput(desired, { remote, lock: emptyLock() }));
    const item = itemFor(plan.items, "welcome");
    expect(item).toMatchObject({ action: "adopt", id: "a1", write: true });
    expect(item.locales).toEqual([{ locale: "en", change: "update", fields: ["body"] }]);
  });

  it("never adopts an item another lock entry owns, nor one in another collection", () => {
    const desired = desiredState({ collections: [collection("a"), collection("b")], articles: [article("a/setup", { title: "Setup" })] });
    const world = syncedWorld(desired);
    // A second file with the same title: the remote article already belongs to a/setup.
    const twin = desiredState({
      collections: [collection("a"), collection("b")],
      articles: [article("a/setup", { title: "Setup" }), article("a/setup-copy", { title: "Setup" }), article("b/setup", { title: "Setup" })],
    });
    const plan = planSync(planInput(twin, world));
    expect(itemFor(plan.items, "a/setup-copy").action).toBe("create");
    expect(itemFor(plan.items, "b/setup").action).toBe("create");
  });

  it("recreates an article that was deleted in Intercom", () => {
    const desired = desiredState({ articles: [article("welcome")] });
    const world = syncedWorld(desired);
    world.remote.articles = [];
    const plan = planSync(planInput(desired, world));
    expect(itemFor(plan.items, "welcome")).toMatchObject({ action: "recreate", write: true });
    expect(plan.summary.create).toBe(1);
  });

  it("moves a renamed file with the same content: same id, no delete, no create", () => {
    const before = desiredState({ collections: [collection("guides")], articles: [article("guides/install", { title: "Install", body: "<p>Same</p>" })] });
    const world = syncedWorld(before);
    const after = desiredState({ collections: [collection("guides")], articles: [article("guides/installation", { title: "Install", body: "<p>Same</p>" })] });
    const plan = planSync(planInput(after, world));
    const moved = itemFor(plan.items, "guides/installation");
    expect(moved).toMatchObject({ action: "move", id: "a1", previousKey: "guides/install", write: false });
    expect(plan.items.some((i) => i.action === "create" || i.action === "delete" || i.action === "unpublish")).toBe(false);
  });

  it("moves an article to another collection folder with one parent change", () => {
    const before = desiredState({ collections: [collection("a"), collection("b")], articles: [article("a/setup")] });
    const world = syncedWorld(before);
    const after = desiredState({ collections: [collection("a"), collection("b")], articles: [article("b/setup", { title: "Title of a/setup", body: "<p>Body of a/setup (en)</p>" })] });
    const plan = planSync(planInput(after, world));
    const moved = itemFor(plan.items, "b/setup");
    expect(moved).toMatchObject({ action: "move", id: "a1", previousKey: "a/setup", moveParent: true, parentKey: "b", write: true });
    expect(moved.locales).toEqual([]);
    expect(plan.summary).toMatchObject({ move: 1, writes: 1, create: 0, unpublish: 0 });
  });

  it("treats a renamed collection folder as moves of the collection and its articles, with no write", () => {
    const before = desiredState({ collections: [collection("guides", "Guides")], articles: [article("guides/install", { title: "Install", body: "<p>x</p>" })] });
    const world = syncedWorld(before);
    const after = desiredState({ collections: [collection("handbook", "Guides")], articles: [article("handbook/install", { title: "Install", body: "<p>x</p>" })] });
    const plan = planSync(planInput(after, world));
    expect(itemFor(plan.items, "handbook")).toMatchObject({ action: "move", id: "c1", previousKey: "guides", write: false });
    expect(itemFor(plan.items, "handbook/install")).toMatchObject({ action: "move", id: "a1", previousKey: "guides/install", write: false });
    expect(plan.summary.writes).toBe(0);
  });

  it("moves articles into a new collection created in the same run", () => {
    const before = desiredState({ collections: [collection("guides", "Guides")], articles: [article("guides/install", { title: "Install", body: "<p>x</p>" })] });
    const world = syncedWorld(before);
    const after = desiredState({ collections: [collection("manual", "Manual")], articles: [article("manual/install", { title: "Install", body: "<p>x</p>" })] });
    const plan = planSync(planInput(after, world, { onDelete: "delete" }));
    expect(itemFor(plan.items, "manual").action).toBe("create");
    const moved = itemFor(plan.items, "manual/install");
    expect(moved).toMatchObject({ action: "move", id: "a1", moveParent: true, write: true });
    // The old collection is empty once the article moved out, so under "delete" it goes.
    expect(itemFor(plan.items, "guides")).toMatchObject({ action: "delete", id: "c1" });
    expect(itemFor(plan.items, "guides").level).toBeGreaterThan(moved.level);
  });
});
