import { describe, expect, it } from "vitest";
import { planSync } from "../../src/plan/plan-sync.js";
import type { ArticlePlanItem } from "../../src/plan/types.js";
import { article, desiredState, planInput, SYNCED_AT, syncedWorld } from "./builders.js";

function articleItem(items: readonly { key: string }[], key: string): ArticlePlanItem {
  const item = items.find((i) => i.key === key);
  if (item === undefined) throw new Error(`no plan item for ${key}`);
  return item as ArticlePlanItem;
}

describe("plan in stage mode", () => {
  it("stages a change to a published locale and sends a new article as a draft it holds", () => {
    const before = desiredState({ articles: [article("welcome", {}, { fr: {} })] });
    const after = desiredState({ articles: [article("welcome", { body: "<p>New text</p>" }, { fr: {} }), article("tables")] });
    const plan = planSync(planInput(after, syncedWorld(before), { publishMode: "stage" }));
    const welcome = articleItem(plan.items, "welcome");
    expect(welcome.stage).toEqual(["en"]);
    expect(welcome.publish).toBeUndefined();
    expect(welcome.locales[0]?.note).toMatch(/staged as a draft/);
    const tables = articleItem(plan.items, "tables");
    expect(tables.content.en?.state).toBe("draft");
    expect(tables.hold).toEqual(["en"]);
  });

  it("compares a staged locale with its staged digests and draft stamp: the same text is no write, a draft edit is drift", () => {
    const desired = desiredState({ articles: [article("welcome", { body: "<p>Staged text</p>" })] });
    const world = syncedWorld(desired);
    const entry = world.lock.articles.welcome;
    const remote = world.remote.articles[0]?.locales.en;
    if (entry?.locales.en === undefined || remote === undefined) throw new Error("fixture");
    const { hash, fields } = entry.locales.en;
    entry.locales.en = { hash: "live-hash", updatedAt: SYNCED_AT, staged: { hash, ...(fields ? { fields } : {}), draftUpdatedAt: SYNCED_AT } };
    remote.draftUpdatedAt = SYNCED_AT;
    const staged = planSync(planInput(desired, world, { publishMode: "stage" }));
    expect(articleItem(staged.items, "welcome").write).toBe(false);
    expect(staged.staged).toEqual([{ key: "welcome", locale: "en", draftUpdatedAt: SYNCED_AT, editedInIntercom: false }]);

    // A live push of the staged text only publishes it.
    const live = articleItem(planSync(planInput(desired, world)).items, "welcome");
    expect(live).toMatchObject({ action: "update", write: true, publish: ["en"] });
    expect(live.stage).toBeUndefined();

    remote.draftUpdatedAt = SYNCED_AT + 5;
    const drift = planSync(planInput(desired, world, { publishMode: "stage" }));
    expect(articleItem(drift.items, "welcome")).toMatchObject({ action: "drift", write: false });
    expect(drift.warnings.map((w) => w.code)).toContain("plan/drift");
  });
});
