import { describe, expect, it } from "vitest";
import { chainLengths, indexItems } from "../../src/apply/item-dependencies.js";
import { createSlots } from "../../src/apply/slots.js";
import type { PlanItem } from "../../src/plan/types.js";

describe("request slots", () => {
  it("gives a freed slot to the waiter of highest priority, then in arrival order; a resuming item goes first", async () => {
    const slots = createSlots(1);
    await slots.acquire();
    const order: string[] = [];
    const wait = (name: string, first: boolean, priority?: number) => slots.acquire(first, priority).then(() => order.push(name));
    const waiting = [wait("low", false, 1), wait("high", false, 5), wait("high-later", false, 5), wait("none", false), wait("resuming", true)];
    for (let i = 0; i < waiting.length; i += 1) {
      slots.release();
      await Promise.resolve();
      await Promise.resolve();
    }
    await Promise.all(waiting);
    expect(order).toEqual(["resuming", "high", "high-later", "low", "none"]);
  });
});

describe("chain lengths", () => {
  it("counts the longest chain of writes that wait on an item, its own included", () => {
    const item = (key: string, level: number, parentKey: string | null = null, type: "article" | "collection" = "article"): PlanItem =>
      ({ type, action: "create", key, parentKey, level, reason: "", locales: [], write: true, defaultLocale: null, content: {} }) as PlanItem;
    const collection = item("docs", 0, null, "collection");
    const first = item("docs/a", 1, "docs");
    const second = item("docs/b", 1, "docs");
    const lone = item("z", 1);
    const items = [collection, first, second, lone];
    const lengths = chainLengths(items, indexItems(items));
    expect([lengths.get(collection), lengths.get(first), lengths.get(second), lengths.get(lone)]).toEqual([2, 1, 1, 1]);
  });
});

describe("request slots of a changing size", () => {
  it("hands out no more slots than the size allows now, and more once it grows", async () => {
    let size = 1;
    const slots = createSlots(() => size);
    await slots.acquire();
    const order: string[] = [];
    const waiting = ["a", "b", "c"].map((name) => slots.acquire().then(() => order.push(name)));
    await Promise.resolve();
    expect(order).toEqual([]);
    // The client allows two in flight now: the release lets two go, in order.
    size = 2;
    slots.release();
    await Promise.resolve();
    expect(order).toEqual(["a", "b"]);
    // It shrinks to one: two are held, so a release hands nothing out.
    size = 1;
    slots.release();
    await Promise.resolve();
    expect(order).toEqual(["a", "b"]);
    slots.release();
    await Promise.all(waiting);
    expect(order).toEqual(["a", "b", "c"]);
  });
});
