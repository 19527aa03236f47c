import { describe, expect, it } from "vitest";
import { planSync } from "../../src/plan/plan-sync.js";
import { compareWithSaved, parseSavedPlan, toSavedPlan } from "../../src/plan/saved-plan.js";
import { selectedPathOf, selectPlan } from "../../src/plan/select-plan.js";
import { emptyLock } from "../../src/types.js";
import { article, desiredState, emptyRemote, planInput, syncedWorld } from "./builders.js";

const layout = { sourceLocale: "en", contentDir: "content", localesDir: "locales" };

describe("selectedPathOf", () => {
  it("tells the locale and key of files and folders of content/ and locales/", () => {
    expect(selectedPathOf("content/guides/install.md", layout)).toEqual({ locale: "en", key: "guides/install" });
    expect(selectedPathOf("content/guides/", layout)).toEqual({ locale: "en", key: "guides" });
    expect(selectedPathOf("content/guides/_collection.md", layout)).toEqual({ locale: "en", key: "guides" });
    expect(selectedPathOf("locales/fr/guides/install.md", layout)).toEqual({ locale: "fr", key: "guides/install" });
    expect(selectedPathOf("content", layout)).toEqual({ locale: "en", key: "" });
    expect(selectedPathOf("README.md", layout)).toBeUndefined();
    expect(selectedPathOf("locales", layout)).toBeUndefined();
  });
});

const before = desiredState({ locales: ["en", "fr"], articles: [article("a", { body: "<p>a</p>" }, { fr: { body: "<p>fa</p>" } })] });

describe("selectPlan", () => {
  it("writes only the selected locale of an update and counts what it leaves out", () => {
    const world = syncedWorld(before);
    const after = desiredState({
      locales: ["en", "fr"],
      articles: [article("a", { body: "<p>a2</p>" }, { fr: { body: "<p>fa2</p>" } }), article("b", { body: "<p>b</p>" })],
    });
    const plan = planSync(planInput(after, world));
    const selected = selectPlan(plan, { locales: ["fr"] }, layout);
    expect(selected.items.map((item) => [item.key, item.locales.map((l) => l.locale)])).toEqual([["a", ["fr"]]]);
    expect(selected.excluded).toBe(1);
    expect(selected.summary.update).toBe(1);
    expect(plan.items.find((item) => item.key === "a")?.locales).toHaveLength(2);
  });

  it("moves an article with only the selected locale's changes, and removes a file whole", () => {
    const world = syncedWorld(desiredState({ locales: ["en", "fr"], articles: [article("a", { body: "<p>a</p>" }, { fr: { body: "<p>fa</p>" } }), article("gone")] }));
    const after = desiredState({ locales: ["en", "fr"], articles: [article("moved/a", { title: "Title of a", body: "<p>a</p>" }, { fr: { title: "Nouveau", body: "<p>fa</p>" } })] });
    const plan = planSync(planInput(after, world));
    const fr = selectPlan(plan, { locales: ["fr"] }, layout);
    const moved = fr.items.find((item) => item.key === "moved/a");
    expect(moved?.previousKey).toBe("a");
    expect(moved?.locales.map((l) => l.locale)).toEqual(["fr"]);
    expect(fr.items.find((item) => item.key === "gone")?.removal).toBe(true);
    expect(selectPlan(plan, { paths: ["content/moved"] }, layout).items.map((item) => item.key)).toEqual(["moved/a"]);
  });

  it("does not create an article from its translation alone", () => {
    const plan = planSync(planInput(before, { remote: emptyRemote(["en", "fr"]), lock: emptyLock() }));
    expect(selectPlan(plan, { paths: ["locales/fr/a.md"] }, layout).items).toEqual([]);
    const created = selectPlan(plan, { paths: ["content/a.md"] }, layout).items[0];
    expect(created?.locales.map((l) => l.locale)).toEqual(["en"]);
    expect(Object.keys(created?.content ?? {})).toEqual(["en"]);
  });
});

describe("saved plans", () => {
  it("reads back what it wrote and tells a changed plan by how many items differ", () => {
    const plan = planSync(planInput(before, { remote: emptyRemote(["en", "fr"]), lock: emptyLock() }));
    const saved = parseSavedPlan(JSON.stringify(toSavedPlan(plan, { force: false, stage: false, paths: [], locales: [] })), "plan.json");
    expect(compareWithSaved(saved, plan)).toBeNull();
    const other = planSync(planInput(desiredState({ locales: ["en", "fr"], articles: [article("a", { title: "Changed" })] }), { remote: emptyRemote(["en", "fr"]), lock: emptyLock() }));
    expect(compareWithSaved(saved, other)).toBe(1);
  });

  it("refuses text that is not a saved plan, and a version it does not know", () => {
    expect(() => parseSavedPlan("nope", "p.json")).toThrow(/not JSON/);
    expect(() => parseSavedPlan(JSON.stringify({ version: 99 }), "p.json")).toThrow(/format version 99/);
    expect(() => parseSavedPlan(JSON.stringify({ version: 1 }), "p.json")).toThrow(/"saved" section/);
  });
});
