import { describe, expect, it } from "vitest";
import { planSync } from "../../src/plan/plan-sync.js";
import type { PlanItem } from "../../src/plan/types.js";
import type { RemoteArticleLocale } from "../../src/types.js";
import { article, collection, desiredState, emptyRemote, planInput, SYNCED_AT, syncedWorld } from "./builders.js";

function itemFor(items: PlanItem[], key: string): PlanItem {
  const item = items.find((i) => i.key === key);
  if (item === undefined) throw new Error(`no plan item for ${key}`);
  return item;
}

/** The first article's source locale in Intercom, edited there after the last sync. */
function editRemoteSource(world: ReturnType<typeof syncedWorld>): RemoteArticleLocale {
  const remoteEn = world.remote.articles[0]?.locales.en;
  if (remoteEn === undefined) throw new Error("fixture");
  remoteEn.updatedAt = SYNCED_AT + 50;
  return remoteEn;
}

function writes(items: PlanItem[]): PlanItem[] {
  return items.filter((i) => i.write);
}

describe("plan", () => {
  it("creates child collections after their parent, and articles after collections", () => {
    const desired = desiredState({
      collections: [collection("guides"), collection("guides/advanced"), collection("guides/advanced/deep")],
      articles: [article("welcome"), article("guides/advanced/tuning")],
    });
    const plan = planSync(planInput(desired, { remote: emptyRemote(), lock: { version: 1, helpCenterId: null, collections: {}, articles: {} } }));
    expect(plan.errors).toEqual([]);
    const level = (key: string) => itemFor(plan.items, key).level;
    expect(level("guides")).toBeLessThan(level("guides/advanced"));
    expect(level("guides/advanced")).toBeLessThan(level("guides/advanced/deep"));
    expect(level("guides/advanced/deep")).toBeLessThan(level("guides/advanced/tuning"));
    expect(plan.items.map((i) => i.action)).toEqual(["create", "create", "create", "create", "create"]);
    expect(plan.items.map((i) => i.level)).toEqual([...plan.items.map((i) => i.level)].sort((a, b) => a - b));
    expect(plan.summary).toMatchObject({ create: 5, writes: 5 });
  });

  it("makes zero writes for an unchanged tree with a matching lock", () => {
    const desired = desiredState({
      locales: ["en", "fr"],
      collections: [collection("guides", "Guides", { fr: "Guides FR" })],
      articles: [article("guides/install", {}, { fr: {} }), article("welcome", { body: '<p><a href="intercom-sync:guides/install#step">x</a></p>', links: ["guides/install"] })],
    });
    const plan = planSync(planInput(desired, syncedWorld(desired)));
    expect(plan.errors).toEqual([]);
    expect(plan.summary.writes).toBe(0);
    expect(plan.items.every((i) => i.action === "noop")).toBe(true);
  });

  it("updates only the edited locale and field of one article, in one request", () => {
    const before = desiredState({ locales: ["en", "fr", "de"], articles: [article("install", {}, { fr: {}, de: {} })] });
    const world = syncedWorld(before);
    const after = desiredState({ locales: ["en", "fr", "de"], articles: [article("install", {}, { fr: { title: "Installer" }, de: {} })] });
    const plan = planSync(planInput(after, world));
    expect(writes(plan.items)).toHaveLength(1);
    const item = itemFor(plan.items, "install");
    expect(item.action).toBe("update");
    expect(item.locales).toEqual([{ locale: "fr", change: "update", fields: ["title"] }]);
    expect(Object.keys(item.type === "article" ? item.content : {})).toEqual(["fr"]);
  });

  it("reports drift when only Intercom changed, without writing", () => {
    const desired = desiredState({ articles: [article("install")] });
    const world = syncedWorld(desired);
    const remoteEn = editRemoteSource(world);
    remoteEn.title = "Edited in Intercom";
    const plan = planSync(planInput(desired, world));
    const item = itemFor(plan.items, "install");
    expect(item.action).toBe("drift");
    expect(item.write).toBe(false);
    expect(item.locales).toEqual([{ locale: "en", change: "drift", fields: ["title"] }]);
    expect(plan.warnings.map((w) => w.code)).toContain("plan/drift");
    expect(plan.errors).toEqual([]);
    expect(plan.summary.drift).toBe(1);
  });

  it("reports a conflict as an error when both sides changed, and skips the write", () => {
    const before = desiredState({ articles: [article("install")] });
    const world = syncedWorld(before);
    editRemoteSource(world);
    const after = desiredState({ articles: [article("install", { body: "<p>New body</p>" })] });
    const plan = planSync(planInput(after, world));
    const item = itemFor(plan.items, "install");
    expect(item.action).toBe("conflict");
    expect(item.write).toBe(false);
    expect(plan.errors.map((e) => e.code)).toEqual(["plan/conflict"]);
    expect(plan.errors[0]?.location.file).toBe("content/install.md");
    expect(plan.summary.conflict).toBe(1);
  });

  it("overwrites a conflict with force, sending every field", () => {
    const before = desiredState({ articles: [article("install")] });
    const world = syncedWorld(before);
    editRemoteSource(world);
    const after = desiredState({ articles: [article("install", { body: "<p>New body</p>" })] });
    const plan = planSync(planInput(after, world, { force: true }));
    const item = itemFor(plan.items, "install");
    expect(item.action).toBe("update");
    expect(item.write).toBe(true);
    expect(item.locales[0]).toMatchObject({ change: "update", fields: ["title", "description", "body", "state", "author"] });
    expect(plan.errors).toEqual([]);
  });

  it("sends the explicit author but never writes because the default author differs", () => {
    const desired = desiredState({ articles: [article("install")] });
    const world = syncedWorld(desired);
    const samePlan = planSync(planInput(desired, world, { defaultAuthorId: 99 }));
    expect(samePlan.summary.writes).toBe(0);
    const withAuthor = desiredState({ articles: [article("install", { authorId: 42 })] });
    const plan = planSync(planInput(withAuthor, world));
    expect(itemFor(plan.items, "install").locales).toEqual([{ locale: "en", change: "update", fields: ["author"] }]);
  });

  it("refuses to plan when a managed locale is not enabled on the help center", () => {
    const desired = desiredState({ locales: ["en", "ja"], articles: [article("install", {}, { ja: {} })] });
    const plan = planSync(planInput(desired, { remote: emptyRemote(["en", "fr"]), lock: { version: 1, helpCenterId: null, collections: {}, articles: {} } }));
    expect(plan.items).toEqual([]);
    expect(plan.summary.writes).toBe(0);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatchObject({ code: "plan/locale-not-enabled", location: { file: "locales/ja" } });
    expect(plan.errors[0]?.hint).toMatch(/Enable ja in Intercom.*leave it out of `locales`/);
  });

  it("is plain data that survives a JSON round trip", () => {
    const desired = desiredState({ collections: [collection("guides")], articles: [article("guides/install")] });
    const plan = planSync(planInput(desired, { remote: emptyRemote(), lock: { version: 1, helpCenterId: null, collections: {}, articles: {} } }));
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe("plan: remote changes", () => {
  it("overwrites drift with force", () => {
    const desired = desiredState({ articles: [article("install")] });
    const world = syncedWorld(desired);
    editRemoteSource(world);
    const plan = planSync(planInput(desired, world, { force: true }));
    expect(plan.items[0]).toMatchObject({ action: "update", write: true });
    expect(plan.items[0]?.locales[0]?.note).toMatch(/--force/);
  });

  it("reports drift only for the collection locale whose text changed in Intercom", () => {
    const desired = desiredState({ locales: ["en", "fr"], collections: [collection("guides", "Guides", { fr: "Guides FR" })] });
    const world = syncedWorld(desired);
    const remote = world.remote.collections[0];
    if (remote?.locales.fr === undefined) throw new Error("fixture");
    remote.updatedAt = SYNCED_AT + 9;
    remote.locales.fr.name = "Guides (édité)";
    const plan = planSync(planInput(desired, world));
    const item = plan.items[0];
    expect(item?.locales).toEqual([{ locale: "fr", change: "drift", fields: ["name"] }]);
    expect(item?.record?.en?.updatedAt).toBe(SYNCED_AT + 9);
    expect(plan.summary.writes).toBe(0);
  });
});
