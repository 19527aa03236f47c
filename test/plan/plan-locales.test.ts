import { describe, expect, it } from "vitest";
import { planSync } from "../../src/plan/plan-sync.js";
import type { ArticlePlanItem, PlanItem } from "../../src/plan/types.js";
import { emptyLock } from "../../src/types.js";
import { article, desiredState, emptyRemote, planInput, syncedWorld, urlFor } from "./builders.js";

function articleItem(items: PlanItem[], key: string): ArticlePlanItem {
  const item = items.find((i) => i.key === key);
  if (item?.type !== "article") throw new Error(`no article item for ${key}`);
  return item;
}

describe("plan: locales", () => {
  it("leaves locales it does not manage untouched", () => {
    const desired = desiredState({ locales: ["en"], articles: [article("install", { title: "New title" })] });
    const world = syncedWorld(desiredState({ locales: ["en", "de"], articles: [article("install", {}, { de: {} })] }));
    const plan = planSync(planInput(desired, world));
    const item = articleItem(plan.items, "install");
    expect(item.locales.map((l) => l.locale)).toEqual(["en"]);
    expect(Object.keys(item.content)).toEqual(["en"]);
    // The de translation is no longer managed: forgotten in the lock, never wiped in Intercom.
    expect(item.dropLocales).toEqual(["de"]);
  });

  it("forgets a removed translation file without writing", () => {
    const before = desiredState({ locales: ["en", "fr"], articles: [article("install", {}, { fr: {} })] });
    const after = desiredState({ locales: ["en", "fr"], articles: [article("install")] });
    const plan = planSync(planInput(after, syncedWorld(before)));
    const item = articleItem(plan.items, "install");
    expect(item).toMatchObject({ action: "noop", write: false, dropLocales: ["fr"] });
  });

  it("adds a new translation as one update with only that locale", () => {
    const before = desiredState({ locales: ["en", "fr"], articles: [article("install")] });
    const after = desiredState({ locales: ["en", "fr"], articles: [article("install", {}, { fr: {} })] });
    const plan = planSync(planInput(after, syncedWorld(before)));
    expect(articleItem(plan.items, "install").locales).toEqual([
      { locale: "fr", change: "add", fields: ["title", "description", "body", "state", "author"] },
    ]);
    expect(plan.summary.writes).toBe(1);
  });

  describe("outdated translations", () => {
    const before = desiredState({ locales: ["en", "fr"], articles: [article("install", {}, { fr: {} })] });
    const after = desiredState({ locales: ["en", "fr"], articles: [article("install", {}, { fr: { title: "Nouveau", sourceHash: "src-v0" } })] });

    it("pushes an outdated translation under push, with a warning", () => {
      const plan = planSync(planInput(after, syncedWorld(before), { outdatedTranslations: "push" }));
      expect(articleItem(plan.items, "install").locales).toEqual([{ locale: "fr", change: "update", fields: ["title"] }]);
      expect(plan.warnings.map((w) => w.code)).toEqual(["plan/outdated-translation"]);
    });

    it("does not push an outdated translation under skip", () => {
      const plan = planSync(planInput(after, syncedWorld(before), { outdatedTranslations: "skip" }));
      expect(articleItem(plan.items, "install")).toMatchObject({ action: "noop", write: false, locales: [] });
      expect(plan.warnings[0]?.message).toMatch(/not pushing it/);
    });

    it("pushes an outdated translation as a draft under draft", () => {
      const plan = planSync(planInput(after, syncedWorld(before), { outdatedTranslations: "draft" }));
      const item = articleItem(plan.items, "install");
      expect(item.locales).toEqual([{ locale: "fr", change: "update", fields: ["title", "state"] }]);
      expect(item.content.fr?.state).toBe("draft");
    });

    it("pushes a translation stamped with the current source hash without a warning", () => {
      const current = desiredState({ locales: ["en", "fr"], articles: [article("install", {}, { fr: { title: "Nouveau", sourceHash: "src-v1" } })] });
      const plan = planSync(planInput(current, syncedWorld(before), { outdatedTranslations: "skip" }));
      expect(articleItem(plan.items, "install").write).toBe(true);
      expect(plan.warnings).toEqual([]);
    });
  });

  describe("links", () => {
    const link = (target: string) => `<p><a href="intercom-sync:${target}#setup">see</a></p>`;

    it("records in the plan the URLs of existing link targets, per locale", () => {
      const desired = desiredState({
        locales: ["en", "fr"],
        articles: [article("target", {}, { fr: {} }), article("source", { body: link("target"), links: ["target"] }, { fr: { body: link("target"), links: ["target"] } })],
      });
      const plan = planSync(planInput(desired, syncedWorld(desired)));
      expect(plan.urls.target).toEqual({ en: urlFor("a1", "en"), fr: urlFor("a1", "fr") });
      expect(plan.summary.writes).toBe(0);
      // Unchanged bodies with links stay in the plan so apply can refresh them if a URL changes.
      expect(Object.keys(articleItem(plan.items, "source").content)).toEqual(["en", "fr"]);
    });

    it("updates a linking article when the target's URL changed", () => {
      const desired = desiredState({ articles: [article("target"), article("source", { body: link("target"), links: ["target"] })] });
      const world = syncedWorld(desired);
      const target = world.remote.articles[0]?.locales.en;
      if (target === undefined) throw new Error("fixture");
      target.url = "https://help.example.com/en/articles/a1-renamed";
      const plan = planSync(planInput(desired, world));
      expect(articleItem(plan.items, "source").locales).toEqual([{ locale: "en", change: "update", fields: ["body"] }]);
    });

    it("plans a link to an article created in the same run without a warning", () => {
      const desired = desiredState({ articles: [article("new-target"), article("source", { body: link("new-target"), links: ["new-target"] })] });
      const plan = planSync(planInput(desired, { remote: emptyRemote(), lock: emptyLock() }));
      expect(articleItem(plan.items, "source").content.en?.body).toContain("intercom-sync:new-target#setup");
      expect(plan.urls["new-target"]).toBeUndefined();
      expect(plan.warnings).toEqual([]);
    });

    it("warns about a link to an article that exists nowhere", () => {
      const desired = desiredState({ articles: [article("source", { body: link("missing"), links: ["missing"] })] });
      const plan = planSync(planInput(desired, { remote: emptyRemote(), lock: emptyLock() }));
      expect(plan.warnings.map((w) => w.code)).toEqual(["plan/unknown-link-target"]);
    });
  });
});
