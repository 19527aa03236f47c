import { describe, expect, it } from "vitest";
import type { WireCreateArticleRequest, WireCreateCollectionRequest } from "../../src/intercom/wire.js";
import { article, collection, desiredState } from "../plan/builders.js";
import { FakeIntercomApi } from "../support/fake-intercom-api.js";
import { planNow, push } from "./helpers.js";

const tree = desiredState({
  locales: ["en", "fr"],
  collections: [collection("guides", "Guides", { fr: "Guides FR" }), collection("guides/advanced", "Advanced")],
  articles: [article("welcome"), article("guides/install", {}, { fr: {} }), article("guides/advanced/tuning")],
});

describe("applyPlan", () => {
  it("creates parents before children with 2.16 request shapes", async () => {
    const api = new FakeIntercomApi();
    const { result } = await push(api, tree);
    expect(result.ok).toBe(true);
    expect(result.counts.created).toBe(5);
    const writes = api.writes();
    const index = (pred: (body: unknown) => boolean) => writes.findIndex((c) => pred(c.body));
    const guides = index((b) => (b as WireCreateCollectionRequest).name === "Guides");
    const advanced = index((b) => (b as WireCreateCollectionRequest).name === "Advanced");
    const tuning = index((b) => (b as WireCreateArticleRequest).title === "Title of guides/advanced/tuning");
    expect(guides).toBeLessThan(advanced);
    expect(advanced).toBeLessThan(tuning);

    const top = writes[guides]?.body as WireCreateCollectionRequest;
    // An empty help center does not say its default locale: the source is repeated in translated_content.
    expect(top).toEqual({
      name: "Guides",
      description: "",
      parent_id: null,
      help_center_id: 1,
      translated_content: { en: { name: "Guides", description: "" }, fr: { name: "Guides FR", description: "" } },
    });
    const child = writes[advanced]?.body as WireCreateCollectionRequest;
    expect(child.parent_id).toBe(result.lock.collections.guides?.id);
    expect(child.help_center_id).toBeUndefined();
    const install = writes.find((c) => (c.body as WireCreateArticleRequest | undefined)?.title === "Title of guides/install")?.body as WireCreateArticleRequest;
    expect(install).toMatchObject({ author_id: 7, state: "published", parent_id: Number(result.lock.collections.guides?.id), parent_type: "collection" });
    expect(Object.keys(install.translated_content ?? {})).toEqual(["en", "fr"]);
  });

  it("keeps the default locale only at the top level once the help center's default is known", async () => {
    const api = new FakeIntercomApi();
    const first = await push(api, desiredState({ locales: ["en", "fr"], articles: [article("welcome")] }));
    await push(api, tree, first.result.lock);
    const install = api.calls.find((c) => (c.body as WireCreateArticleRequest | undefined)?.title === "Title of guides/install")?.body as WireCreateArticleRequest;
    expect(install.title).toBe("Title of guides/install");
    expect(Object.keys(install.translated_content ?? {})).toEqual(["fr"]);
  });

  it("makes no write on a second push right after the first", async () => {
    const api = new FakeIntercomApi();
    const first = await push(api, tree);
    const writesBefore = api.writes().length;
    const second = await push(api, tree, first.result.lock);
    expect(second.plan.summary.writes).toBe(0);
    expect(api.writes().length).toBe(writesBefore);
    expect(second.result.outcomes).toEqual([]);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    const api = new FakeIntercomApi();
    const many = desiredState({ articles: Array.from({ length: 20 }, (_, i) => article(`a${i}`)) });
    const { result } = await push(api, many, undefined, { deps: { concurrency: 3 } });
    expect(result.counts.created).toBe(20);
    expect(api.maxInFlight).toBeLessThanOrEqual(3);
    expect(api.maxInFlight).toBeGreaterThan(1);
  });

  it("keeps no more items under way than the client lets requests be in flight now", async () => {
    const api = new FakeIntercomApi();
    // The client's limit grows once answers come in, as the pacer's does.
    Object.assign(api, { inFlightLimit: () => (api.writes().length < 10 ? 2 : 6) });
    const many = desiredState({ articles: Array.from({ length: 30 }, (_, i) => article(`a${i}`)) });
    const { result } = await push(api, many, undefined, { deps: { concurrency: 100 } });
    expect(result.counts.created).toBe(30);
    expect(api.maxInFlight).toBeLessThanOrEqual(6);
    expect(api.maxInFlight).toBeGreaterThan(2);
  });

  it("keeps going after one failure and reports its message", async () => {
    const api = new FakeIntercomApi();
    api.failNext("createArticle", { status: 422, message: "body is invalid", match: (c) => (c.body as WireCreateArticleRequest).title === "Title of welcome" });
    const { result } = await push(api, tree);
    expect(result.ok).toBe(false);
    expect(result.counts).toMatchObject({ created: 4, failed: 1 });
    expect(result.outcomes.find((o) => o.outcome === "failed")).toMatchObject({ key: "welcome", error: "body is invalid" });
    expect(result.lock.articles.welcome).toBeUndefined();
    const next = planNow(api, tree, result.lock);
    expect(next.items.filter((i) => i.write).map((i) => [i.key, i.action])).toEqual([["welcome", "create"]]);
  });

  it("skips the children of a collection that failed to create", async () => {
    const api = new FakeIntercomApi();
    api.failNext("createCollection", { status: 500, message: "boom", match: (c) => (c.body as WireCreateCollectionRequest).name === "Guides" });
    const { result } = await push(api, tree);
    const byKey = Object.fromEntries(result.outcomes.map((o) => [o.key, o]));
    expect(byKey.guides?.outcome).toBe("failed");
    expect(byKey["guides/advanced"]).toMatchObject({ outcome: "skipped", reason: expect.stringMatching(/parent collection guides/) });
    expect(byKey["guides/install"]?.outcome).toBe("skipped");
    expect(byKey["guides/advanced/tuning"]?.outcome).toBe("skipped");
    expect(byKey.welcome?.outcome).toBe("created");
    expect(api.collections.size).toBe(0);
  });

  it("leaves the lock file alone when there is nothing to do", async () => {
    const api = new FakeIntercomApi();
    const first = await push(api, tree);
    const again = await push(api, tree, first.result.lock);
    expect(again.plan.summary.writes).toBe(0);
    expect(again.result.ok).toBe(true);
    expect(again.saves).toEqual([]);
    expect(again.result.lock).toEqual(first.result.lock);
  });

  it("saves the lock one save at a time and ends with the ids Intercom gave", async () => {
    const api = new FakeIntercomApi();
    let saving = 0;
    let maxSaving = 0;
    const saves: string[] = [];
    const { result } = await push(api, tree, undefined, {
      deps: {
        saveLock: async (lock) => {
          saving += 1;
          maxSaving = Math.max(maxSaving, saving);
          await new Promise((resolve) => setImmediate(resolve));
          saves.push(JSON.stringify(lock));
          saving -= 1;
        },
      },
    });
    expect(maxSaving).toBe(1);
    expect(saves.length).toBeGreaterThan(0);
    expect(JSON.parse(saves.at(-1) ?? "{}")).toEqual(result.lock);
    expect(result.lock.helpCenterId).toBe("1");
    expect(new Set(Object.values(result.lock.articles).map((e) => e.id))).toEqual(new Set(api.articles.keys()));
    const install = result.lock.articles["guides/install"];
    const stored = api.articles.get(install?.id ?? "");
    expect(install?.locales.fr?.updatedAt).toBe(stored?.contents.fr?.updated_at);
    expect(Object.keys(install?.locales ?? {})).toEqual(["en", "fr"]);
  });

  it("sends only the edited locale and field, and records it", async () => {
    const api = new FakeIntercomApi();
    const first = await push(api, tree);
    const edited = desiredState({ ...tree, articles: [article("welcome"), article("guides/install", {}, { fr: { title: "Installer" } }), article("guides/advanced/tuning")] });
    const { result } = await push(api, edited, first.result.lock);
    const writes = api.writes().slice(-1);
    expect(writes).toEqual([{ method: "updateArticle", id: first.result.lock.articles["guides/install"]?.id, body: { translated_content: { fr: { title: "Installer" } } } }]);
    expect(result.counts.updated).toBe(1);
    expect(planNow(api, edited, result.lock).summary.writes).toBe(0);
  });

  it("does not write an article edited in Intercom, and keeps reporting the drift", async () => {
    const api = new FakeIntercomApi();
    const first = await push(api, tree);
    api.editInIntercom(first.result.lock.articles.welcome?.id ?? "", "en", { title: "Edited on the web" });
    const count = api.writes().length;
    const { plan, result } = await push(api, tree, first.result.lock);
    expect(plan.summary.drift).toBe(1);
    expect(api.writes().length).toBe(count);
    expect(result.outcomes).toEqual([expect.objectContaining({ key: "welcome", outcome: "skipped" })]);
    expect(result.ok).toBe(true);
    expect(planNow(api, tree, result.lock).summary.drift).toBe(1);
  });
});
