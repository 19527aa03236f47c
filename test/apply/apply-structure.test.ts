import { describe, expect, it, vi } from "vitest";
import { article, collection, desiredState } from "../plan/builders.js";
import { FakeIntercomApi } from "../support/fake-intercom-api.js";
import { planNow, push } from "./helpers.js";

const base = desiredState({
  locales: ["en", "fr"],
  collections: [collection("a", "A"), collection("b", "B")],
  articles: [article("a/setup", { body: "<p>setup</p>" }, { fr: { body: "<p>fr</p>" } }), article("a/old", { body: "<p>old</p>" })],
});

describe("applyPlan: moves, removals and locales", () => {
  it("moves an article to another folder with one PUT of parent_id, keeping its id", async () => {
    const api = new FakeIntercomApi();
    const first = await push(api, base);
    const id = first.result.lock.articles["a/setup"]?.id ?? "";
    const moved = desiredState({ ...base, articles: [article("b/setup", { title: "Title of a/setup", body: "<p>setup</p>" }, { fr: { title: "Title of a/setup (fr)", body: "<p>fr</p>" } }), article("a/old", { body: "<p>old</p>" })] });
    const before = api.writes().length;
    const { result } = await push(api, moved, first.result.lock);
    expect(api.writes().slice(before)).toEqual([
      { method: "updateArticle", id, body: { parent_id: first.result.lock.collections.b?.id, parent_type: "collection" } },
    ]);
    expect(result.outcomes).toEqual([expect.objectContaining({ key: "b/setup", outcome: "moved", id })]);
    expect(result.lock.articles["b/setup"]?.id).toBe(id);
    expect(result.lock.articles["a/setup"]).toBeUndefined();
    expect(api.articles.get(id)?.parent_ids).toEqual([Number(first.result.lock.collections.b?.id)]);
    expect(planNow(api, moved, result.lock).summary.writes).toBe(0);
  });

  it("renames the lock entries of a renamed folder without any request", async () => {
    const api = new FakeIntercomApi();
    const first = await push(api, base);
    const renamed = desiredState({
      ...base,
      collections: [collection("alpha", "A"), collection("b", "B")],
      articles: [article("alpha/setup", { title: "Title of a/setup", body: "<p>setup</p>" }, { fr: { title: "Title of a/setup (fr)", body: "<p>fr</p>" } }), article("alpha/old", { title: "Title of a/old", body: "<p>old</p>" })],
    });
    const before = api.writes().length;
    const { result } = await push(api, renamed, first.result.lock);
    expect(api.writes().length).toBe(before);
    expect(Object.keys(result.lock.collections).sort()).toEqual(["alpha", "b"]);
    expect(result.lock.collections.alpha?.id).toBe(first.result.lock.collections.a?.id);
    expect(Object.keys(result.lock.articles).sort()).toEqual(["alpha/old", "alpha/setup"]);
    expect(result.counts.moved).toBe(3);
  });

  it("unpublishes a removed article, and republishes it when the file comes back", async () => {
    const api = new FakeIntercomApi();
    const first = await push(api, base);
    const id = first.result.lock.articles["a/setup"]?.id ?? "";
    const without = desiredState({ ...base, articles: [article("a/old", { body: "<p>old</p>" })] });
    const removed = await push(api, without, first.result.lock);
    expect(removed.result.counts.unpublished).toBe(1);
    expect(api.articles.get(id)?.contents.en?.state).toBe("draft");
    expect(api.articles.get(id)?.contents.fr?.state).toBe("draft");
    expect(removed.result.lock.articles["a/setup"]?.id).toBe(id);
    expect(planNow(api, without, removed.result.lock).summary.writes).toBe(0);

    const restored = await push(api, base, removed.result.lock);
    expect(restored.plan.items.find((i) => i.key === "a/setup")?.locales).toEqual([
      { locale: "en", change: "update", fields: ["state"] },
      { locale: "fr", change: "update", fields: ["state"] },
    ]);
    expect(api.articles.get(id)?.contents.en?.state).toBe("published");
    expect(planNow(api, base, restored.result.lock).summary.writes).toBe(0);
  });

  it("deletes removed articles before their now-empty collection under onDelete delete", async () => {
    const api = new FakeIntercomApi();
    const first = await push(api, base);
    const onlyB = desiredState({ ...base, collections: [collection("b", "B")], articles: [] });
    const before = api.writes().length;
    const { result } = await push(api, onlyB, first.result.lock, { plan: { onDelete: "delete" } });
    const methods = api.writes().slice(before).map((c) => c.method);
    expect(methods.sort()).toEqual(["deleteArticle", "deleteArticle", "deleteCollection"]);
    expect(api.writes().at(-1)?.method).toBe("deleteCollection");
    expect(result.counts.deleted).toBe(3);
    expect(Object.keys(result.lock.articles)).toEqual([]);
    expect(Object.keys(result.lock.collections)).toEqual(["b"]);
  });

  it("forgets a removed translation without wiping it in Intercom", async () => {
    const api = new FakeIntercomApi();
    const first = await push(api, base);
    const id = first.result.lock.articles["a/setup"]?.id ?? "";
    const noFr = desiredState({ ...base, articles: [article("a/setup", { body: "<p>setup</p>" }), article("a/old", { body: "<p>old</p>" })] });
    const before = api.writes().length;
    const { result } = await push(api, noFr, first.result.lock);
    expect(api.writes().length).toBe(before);
    expect(api.articles.get(id)?.contents.fr?.title).toBe("Title of a/setup (fr)");
    expect(Object.keys(result.lock.articles["a/setup"]?.locales ?? {})).toEqual(["en"]);
  });

  it("skips a conflicting article, writes the rest and reports not ok", async () => {
    const api = new FakeIntercomApi();
    const first = await push(api, base);
    api.editInIntercom(first.result.lock.articles["a/old"]?.id ?? "", "en", { title: "Web edit" });
    const edited = desiredState({ ...base, articles: [article("a/setup", { body: "<p>setup v2</p>" }, { fr: { body: "<p>fr</p>" } }), article("a/old", { body: "<p>old v2</p>" })] });
    const { plan, result } = await push(api, edited, first.result.lock);
    expect(plan.summary.conflict).toBe(1);
    expect(result.ok).toBe(false);
    expect(result.counts).toMatchObject({ updated: 1, skipped: 1, failed: 0 });
    expect(api.articles.get(first.result.lock.articles["a/old"]?.id ?? "")?.contents.en?.title).toBe("Web edit");
  });

  it("refuses to apply a plan with a blocking error", async () => {
    const api = new FakeIntercomApi({ locales: ["en"] });
    await expect(push(api, base)).rejects.toMatchObject({ code: "apply/plan-has-errors" });
    expect(api.writes()).toEqual([]);
  });
});

describe("applyPlan: when each write starts", () => {
  it("creates an article as soon as its own collection exists, while another collection of the same level is still being created", async () => {
    const api = new FakeIntercomApi();
    let releaseSlow: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (releaseSlow = resolve));
    const createCollection = api.createCollection.bind(api);
    api.createCollection = async (body) => {
      if (body.name === "Slow") await slow;
      return createCollection(body);
    };
    const order: string[] = [];
    const createArticle = api.createArticle.bind(api);
    api.createArticle = async (body) => {
      order.push(body.title);
      return createArticle(body);
    };
    const desired = desiredState({
      collections: [collection("slow", "Slow"), collection("fast", "Fast")],
      articles: [article("fast/guide", { title: "Guide" }), article("slow/notes", { title: "Notes" })],
    });
    const pushing = push(api, desired);
    // The guide's collection is created; the slow one is not: the guide goes out anyway.
    await vi.waitFor(() => expect(order).toEqual(["Guide"]));
    releaseSlow();
    const { result } = await pushing;
    expect(result.ok).toBe(true);
    expect(order).toEqual(["Guide", "Notes"]);
  });
});
