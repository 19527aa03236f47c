import { describe, expect, it } from "vitest";
import { planSync } from "../../src/plan/plan-sync.js";
import type { PlanItem } from "../../src/plan/types.js";
import type { RemoteArticle } from "../../src/types.js";
import { article, collection, desiredState, planInput, syncedWorld } from "./builders.js";

function itemFor(items: PlanItem[], key: string): PlanItem | undefined {
  return items.find((i) => i.key === key);
}

const tree = desiredState({
  collections: [collection("guides"), collection("guides/old")],
  articles: [article("guides/keep"), article("guides/old/gone")],
});
const pruned = desiredState({ collections: [collection("guides")], articles: [article("guides/keep")] });

describe("plan: removed files", () => {
  it("unpublishes a removed article by default and keeps owning it", () => {
    const plan = planSync(planInput(pruned, syncedWorld(tree)));
    const item = itemFor(plan.items, "guides/old/gone");
    expect(item).toMatchObject({ action: "unpublish", id: "a2", write: true });
    expect(item?.forget).toBeUndefined();
    expect(item?.locales).toEqual([{ locale: "en", change: "update", fields: ["state"] }]);
    // Collections are only deleted under "delete"; under "unpublish" the folder's collection stays.
    expect(itemFor(plan.items, "guides/old")).toBeUndefined();
    expect(plan.summary).toMatchObject({ unpublish: 1, delete: 0, writes: 1 });
  });

  it("makes no write to unpublish an article that is already a draft", () => {
    const world = syncedWorld(tree);
    const gone = world.remote.articles.find((a) => a.id === "a2")?.locales.en;
    if (gone === undefined) throw new Error("fixture");
    gone.state = "draft";
    const plan = planSync(planInput(pruned, world));
    expect(itemFor(plan.items, "guides/old/gone")).toMatchObject({ action: "noop", write: false });
    expect(plan.summary.writes).toBe(0);
  });

  it("deletes a removed article and then its empty collection under onDelete delete", () => {
    const plan = planSync(planInput(pruned, syncedWorld(tree), { onDelete: "delete" }));
    const articleItem = itemFor(plan.items, "guides/old/gone");
    const collectionItem = itemFor(plan.items, "guides/old");
    expect(articleItem).toMatchObject({ action: "delete", id: "a2", forget: true });
    expect(collectionItem).toMatchObject({ action: "delete", id: "c2", forget: true });
    expect(collectionItem?.level).toBeGreaterThan(articleItem?.level ?? Infinity);
    expect(plan.summary.delete).toBe(2);
  });

  it("deletes nested removed collections children first", () => {
    const nested = desiredState({ collections: [collection("a"), collection("a/b"), collection("a/b/c")] });
    const plan = planSync(planInput(desiredState({}), syncedWorld(nested), { onDelete: "delete" }));
    const order = [...plan.items].sort((x, y) => x.level - y.level).map((i) => i.key);
    expect(order).toEqual(["a/b/c", "a/b", "a"]);
    expect(plan.items.every((i) => i.action === "delete")).toBe(true);
  });

  it("keeps a removed collection that still holds an item it does not own", () => {
    const world = syncedWorld(tree);
    const foreign: RemoteArticle = { id: "x1", parentId: "c2", defaultLocale: "en", updatedAt: 5, locales: {} };
    world.remote.articles.push(foreign);
    const plan = planSync(planInput(pruned, world, { onDelete: "delete" }));
    expect(itemFor(plan.items, "guides/old/gone")?.action).toBe("delete");
    expect(itemFor(plan.items, "guides/old")).toBeUndefined();
    expect(plan.warnings.map((w) => w.code)).toContain("plan/collection-not-empty");
    expect(plan.items.some((i) => i.id === "x1")).toBe(false);
  });

  it("stops managing a removed article under onDelete keep, with no write", () => {
    const plan = planSync(planInput(pruned, syncedWorld(tree), { onDelete: "keep" }));
    expect(itemFor(plan.items, "guides/old/gone")).toMatchObject({ action: "noop", write: false, forget: true });
    expect(itemFor(plan.items, "guides/old")).toMatchObject({ action: "noop", write: false, forget: true });
    expect(plan.summary.writes).toBe(0);
  });

  it("never touches remote items that the lock does not own", () => {
    const world = syncedWorld(pruned);
    world.remote.articles.push({
      id: "x9",
      parentId: "c1",
      defaultLocale: "en",
      updatedAt: 99_999,
      locales: { en: { title: "Written in Intercom", description: "", body: "<p>hi</p>", state: "published", authorId: 1, updatedAt: 99_999, url: "u" } },
    });
    world.remote.collections.push({ id: "cx", parentId: null, helpCenterId: "hc1", defaultLocale: "en", updatedAt: 1, url: null, locales: { en: { name: "Theirs", description: "" } } });
    for (const onDelete of ["unpublish", "delete", "keep"] as const) {
      const plan = planSync(planInput(pruned, world, { onDelete }));
      expect(plan.items.some((i) => i.id === "x9" || i.id === "cx")).toBe(false);
      expect(plan.summary.writes).toBe(0);
    }
  });
});
