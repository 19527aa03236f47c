import { describe, expect, it } from "vitest";
import type { WireCreateArticleRequest, WireUpdateArticleRequest } from "../../src/intercom/wire.js";
import { formatApplyResult } from "../../src/apply/format-result.js";
import { applyPlan } from "../../src/apply/apply-plan.js";
import { loadPlanBodies } from "../../src/load/plan-bodies.js";
import { bodyKey } from "../../src/apply/types.js";
import type { ArticlePlanItem } from "../../src/plan/types.js";
import { article, collection, desiredState, withoutHtml } from "../plan/builders.js";
import { FakeIntercomApi } from "../support/fake-intercom-api.js";
import { planNow, push } from "./helpers.js";

/** Backoff waits of apply take no time in these tests. */
const noWaits = { sleep: async (): Promise<void> => undefined };

const link = (target: string) => `<p>See <a href="intercom-sync:${target}#setup">this</a>.</p>`;

describe("applyPlan: links, lost responses and interruptions", () => {
  it("fixes links to articles created in the same run with a second pass", async () => {
    const api = new FakeIntercomApi();
    // Two articles linking to each other: one must be created before the other's URL is known,
    // and is fixed by the second pass; the other is created second, with the real link.
    const desired = desiredState({
      locales: ["en", "fr"],
      articles: [
        article("guide", { body: link("target"), links: ["target"] }, { fr: { body: link("target"), links: ["target"] } }),
        article("target", { body: link("guide"), links: ["guide"] }, { fr: { body: link("guide"), links: ["guide"] } }),
      ],
    });
    const { result } = await push(api, desired);
    expect(result.ok).toBe(true);
    const guide = api.articles.get(result.lock.articles.guide?.id ?? "");
    const target = api.articles.get(result.lock.articles.target?.id ?? "");
    expect(guide?.contents.en?.body).toContain(`href="${target?.contents.en?.url}#setup"`);
    expect(guide?.contents.fr?.body).toContain(`href="${target?.contents.fr?.url}#setup"`);
    expect(target?.contents.en?.body).toContain(`href="${guide?.contents.en?.url}#setup"`);
    expect(target?.contents.fr?.body).toContain(`href="${guide?.contents.fr?.url}#setup"`);
    expect(result.outcomes.filter((o) => /links updated/.test(o.reason ?? "")).map((o) => o.key)).toEqual(["target"]);
    expect(api.writes()).toHaveLength(3);
    expect(planNow(api, desired, result.lock).summary.writes).toBe(0);
  });

  it("refreshes an article's links as soon as the articles it links to are written, not after every write", async () => {
    const api = new FakeIntercomApi();
    // A cycle (guide <-> target) beside a chain of five creates, each linking the one before it.
    const chain = ["c1", "c2", "c3", "c4", "c5"].map((key, index, keys) =>
      index === 0 ? article(key) : article(key, { body: link(keys[index - 1] as string), links: [keys[index - 1] as string] }),
    );
    const desired = desiredState({
      articles: [article("guide", { body: link("target"), links: ["target"] }), article("target", { body: link("guide"), links: ["guide"] }), ...chain],
    });
    const { result } = await push(api, desired);
    expect(result.ok).toBe(true);
    const writes = api.writes();
    const refresh = writes.findIndex((call) => call.method === "updateArticle");
    const lastCreate = writes.findLastIndex((call) => call.method === "createArticle");
    expect(writes.filter((call) => call.method === "updateArticle")).toHaveLength(1);
    // The refresh went out while the chain was still being created.
    expect(refresh).toBeLessThan(lastCreate);
    expect(planNow(api, desired, result.lock).summary.writes).toBe(0);
  });

  it("refreshes links to an article whose URL changed in this run", async () => {
    const api = new FakeIntercomApi();
    const before = desiredState({ articles: [article("guide", { body: link("target"), links: ["target"] }), article("target", { title: "Old" })] });
    const first = await push(api, before);
    const after = desiredState({ articles: [article("guide", { body: link("target"), links: ["target"] }), article("target", { title: "New name" })] });
    const { result } = await push(api, after, first.result.lock);
    const target = api.articles.get(result.lock.articles.target?.id ?? "");
    expect(api.articles.get(result.lock.articles.guide?.id ?? "")?.contents.en?.body).toContain(`${target?.contents.en?.url}#setup`);
    expect(planNow(api, after, result.lock).summary.writes).toBe(0);
  });

  it("renders an unchanged body in the second pass only when its link target's URL changed", async () => {
    const api = new FakeIntercomApi();
    const guide = article("guide", { body: link("target"), links: ["target"] });
    let lock = (await push(api, desiredState({ articles: [guide, article("target", { title: "Old", body: "<p>v1</p>" })] }))).result.lock;
    const steps = [
      { title: "Old", wanted: ["target en"] },
      { title: "New name", wanted: ["target en", "guide en"] },
    ];
    for (const { title, wanted } of steps) {
      const edited = desiredState({ articles: [guide, article("target", { title, body: `<p>${title}</p>` })] });
      const html = new Map(edited.articles.map((a) => [a.key, a.locales.en?.html ?? ""]));
      const loaded: string[] = [];
      const loadBody = async (item: ArticlePlanItem, locale: string): Promise<string> => {
        loaded.push(`${item.key} ${locale}`);
        return html.get(item.key) ?? "";
      };
      const plan = planNow(api, withoutHtml(edited), lock);
      const bodies = new Map<string, string>();
      await loadPlanBodies(plan, {
        html: bodies,
        load: async (item, locale) => {
          const body = await loadBody(item, locale);
          bodies.set(bodyKey(item.key, locale), body);
          return body;
        },
      });
      const result = await applyPlan(plan, { api, lock, concurrency: 4, saveLock: async () => undefined, bodies, loadBody });
      expect(result.outcomes.filter((o) => o.outcome === "failed")).toEqual([]);
      expect(loaded).toEqual(wanted);
      lock = result.lock;
      expect(planNow(api, edited, lock).summary.writes).toBe(0);
    }
    const target = api.articles.get(lock.articles.target?.id ?? "");
    expect(target?.contents.en?.title).toBe("New name");
    expect(api.articles.get(lock.articles.guide?.id ?? "")?.contents.en?.body).toContain(`${target?.contents.en?.url}#setup`);
  });

  it("adopts an article whose create response was lost instead of creating it twice", async () => {
    const api = new FakeIntercomApi();
    api.failNext("createArticle", { status: 502, afterWrite: true, outcomeUnknown: true });
    const desired = desiredState({ collections: [collection("guides")], articles: [article("guides/install")] });
    const { result } = await push(api, desired);
    expect(api.articles.size).toBe(1);
    expect(api.calls.filter((c) => c.method === "createArticle")).toHaveLength(1);
    const outcome = result.outcomes.find((o) => o.key === "guides/install");
    expect(outcome).toMatchObject({ outcome: "created", id: [...api.articles.keys()][0], reason: expect.stringMatching(/response was lost/) });
    expect(result.ok).toBe(true);
    expect(planNow(api, desired, result.lock).summary.writes).toBe(0);
  });

  it("retries a create after two 500s and makes no duplicate, looking for it before each retry", async () => {
    const api = new FakeIntercomApi();
    api.failNext("createCollection", { status: 500, outcomeUnknown: true });
    api.failNext("createCollection", { status: 500, outcomeUnknown: true });
    const desired = desiredState({ collections: [collection("guides")], articles: [article("guides/install")] });
    const waits: string[] = [];
    const { result } = await push(api, desired, undefined, { deps: { ...noWaits, onWait: (event) => waits.push(event.reason) } });
    expect(result.ok).toBe(true);
    expect(api.collections.size).toBe(1);
    expect(api.articles.size).toBe(1);
    expect(api.calls.map((c) => c.method).filter((m) => m === "createCollection" || m === "listCollections")).toEqual([
      "createCollection",
      "listCollections",
      "createCollection",
      "listCollections",
      "createCollection",
    ]);
    expect(waits).toEqual([1, 2].map((n) => `before retry ${n} of 6 of creating the collection "Collection guides"`));
    expect(result.recovery).toEqual({ lost: 2, found: 0, resent: 2, requests: 2, looks: 2 });
    expect(planNow(api, desired, result.lock).summary.writes).toBe(0);
  });

  it("gives up on a create after its retries, each after a look, and fails only that item and its children", async () => {
    const api = new FakeIntercomApi();
    for (let i = 0; i < 3; i += 1) api.failNext("createCollection", { status: 503, outcomeUnknown: true });
    const desired = desiredState({ collections: [collection("guides")], articles: [article("guides/install"), article("welcome")] });
    const { result } = await push(api, desired, undefined, { deps: { ...noWaits, retries: 2 } });
    expect(api.calls.filter((c) => c.method === "createCollection")).toHaveLength(3);
    expect(api.collections.size).toBe(0);
    expect(result.counts).toMatchObject({ failed: 1, skipped: 1, created: 1 });
    expect(result.recovery).toMatchObject({ lost: 3, found: 0, resent: 2 });
  });

  it("finds many creates lost at once with one look, not one listing each", async () => {
    const api = new FakeIntercomApi();
    const keys = Array.from({ length: 8 }, (_, i) => `a${i}`);
    for (let i = 0; i < 4; i += 1) api.failNext("createArticle", { status: 502, afterWrite: true, outcomeUnknown: true });
    const desired = desiredState({ articles: keys.map((key) => article(key)) });
    const { result } = await push(api, desired, undefined, { deps: { ...noWaits, concurrency: 4 } });
    expect(result.ok).toBe(true);
    expect(api.articles.size).toBe(8);
    expect(api.calls.filter((c) => c.method === "createArticle")).toHaveLength(8);
    expect(api.calls.filter((c) => c.method === "listArticles")).toHaveLength(1);
    expect(result.recovery).toEqual({ lost: 4, found: 4, resent: 0, requests: 1, looks: 1 });
    expect(result.outcomes.filter((o) => o.reason?.includes("response was lost"))).toHaveLength(4);
  });

  it("does not retry a create that failed for a known reason", async () => {
    const api = new FakeIntercomApi();
    api.failNext("createArticle", { status: 400, message: "bad request" });
    const { result } = await push(api, desiredState({ articles: [article("a")] }));
    expect(api.calls.filter((c) => c.method === "createArticle")).toHaveLength(1);
    expect(result.counts.failed).toBe(1);
  });

  it("stops starting new requests once aborted, saves the lock and lists what did not start", async () => {
    const api = new FakeIntercomApi();
    const controller = new AbortController();
    const desired = desiredState({ articles: Array.from({ length: 10 }, (_, i) => article(`a${i}`)) });
    let saves = 0;
    const { result } = await push(api, desired, undefined, {
      deps: {
        concurrency: 2,
        signal: controller.signal,
        onProgress: (event) => {
          if (event.completed === 3) controller.abort();
        },
        saveLock: async () => {
          saves += 1;
        },
      },
    });
    const started = api.calls.filter((c) => c.method === "createArticle").length;
    expect(started).toBeLessThan(10);
    expect(result.interrupted).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.counts.created).toBe(started);
    expect(result.counts.skipped).toBe(10 - started);
    expect(result.outcomes.filter((o) => o.outcome === "skipped").every((o) => o.reason === "interrupted")).toBe(true);
    expect(Object.keys(result.lock.articles)).toHaveLength(started);
    expect(saves).toBeGreaterThan(0);
    // The next run creates only what was not started.
    expect(planNow(api, desired, result.lock).summary.create).toBe(10 - started);
  });

  it("stops at once when halted: saves the lock, marks the update in flight unconfirmed, and the next plan takes it as pushed", async () => {
    const api = new FakeIntercomApi();
    const before = desiredState({ articles: [article("a"), article("b")] });
    const first = await push(api, before);
    const halt = new AbortController();
    // The update is applied, then its answer never comes: the halt arrives meanwhile.
    const hanging = Object.assign(Object.create(api) as FakeIntercomApi, {
      updateArticle: (id: string, body: WireUpdateArticleRequest) => {
        void api.updateArticle(id, body).then(() => halt.abort());
        return new Promise<never>(() => undefined);
      },
    });
    const edited = desiredState({ articles: [article("a", { title: "A2" }), article("b", { title: "B2" })] });
    const { result, saves } = await push(hanging, edited, first.result.lock, { deps: { concurrency: 1, haltSignal: halt.signal } });
    expect(result.halted).toBe(true);
    expect(result.interrupted).toBe(true);
    expect(result.outcomes.map((o) => `${o.key} ${o.outcome} ${o.reason ?? ""}`)).toEqual(["a skipped interrupted", "b skipped interrupted"]);
    const saved = saves.at(-1);
    const inFlight = Object.values(saved?.articles ?? {}).filter((entry) => entry.locales.en?.unconfirmed !== undefined);
    expect(inFlight).toHaveLength(1);
    expect(formatApplyResult(result, { color: false })).toContain("Stopped at once: 2 items were not finished; push again to finish.");

    // Edited again before the next run: an update of what the lost write left, not a conflict.
    const again = desiredState({ articles: [article("a", { title: "A3" }), article("b", { title: "B3" })] });
    const next = planNow(api, again, saved ?? first.result.lock);
    expect(next.summary.conflict).toBe(0);
    expect(next.summary.update).toBe(2);
  });

  it("never creates a duplicate when the previous run was cut short before saving", async () => {
    const api = new FakeIntercomApi();
    const desired = desiredState({ collections: [collection("guides")], articles: [article("guides/install"), article("welcome")] });
    await push(api, desired);
    // The lock file was lost: the next run adopts everything instead of creating it again.
    const { plan, result } = await push(api, desired);
    expect(plan.summary.create).toBe(0);
    expect(result.counts.adopted).toBe(3);
    expect(api.articles.size).toBe(2);
    expect(api.collections.size).toBe(1);
    expect(api.writes().filter((c) => c.method.startsWith("create"))).toHaveLength(3);
  });

  it("puts the source locale in translated_content too when the help center's default locale differs", async () => {
    const api = new FakeIntercomApi({ defaultLocale: "fr", locales: ["fr", "en"] });
    const desired = desiredState({ articles: [article("welcome")] });
    const { result } = await push(api, desired);
    const body = api.calls.find((c) => c.method === "createArticle")?.body as WireCreateArticleRequest;
    expect(body.title).toBe("Title of welcome");
    expect(body.translated_content?.en?.title).toBe("Title of welcome");
    expect(result.ok).toBe(true);
  });
});
