import { describe, expect, it } from "vitest";
import { planSync } from "../../src/plan/plan-sync.js";
import type { ArticlePlanItem } from "../../src/plan/types.js";
import { combineFieldHashes, hashField } from "../../src/digest/field-hashes.js";
import { article, desiredState, planInput, SYNCED_AT, syncedWorld } from "./builders.js";

const AUDIENCES = [
  { id: "1", name: "VIP customers" },
  { id: "2", name: "Trial users" },
];

describe("plan of article settings", () => {
  it("is unchanged by settings no file names: the lock of a tree without settings still matches", () => {
    const desired = desiredState({ articles: [article("welcome")] });
    expect(planSync(planInput(desired, syncedWorld(desired))).summary.writes).toBe(0);
  });

  it("resolves audience names to ids without regard to case, and reports an unknown one with a suggestion at its line", () => {
    const plain = desiredState({ articles: [article("welcome"), article("other")] });
    const world = syncedWorld(plain);
    world.remote.audiences = AUDIENCES;
    const desired = desiredState({ articles: [article("welcome"), article("other")] });
    const [welcome, other] = desired.articles;
    if (welcome?.locales.en === undefined || other?.locales.en === undefined) throw new Error("fixture");
    welcome.locales.en.audiences = { names: ["trial users", "VIP customers"], line: 3 };
    other.locales.en.audiences = { names: ["VIP customer"], line: 4 };

    const plan = planSync(planInput(desired, world));
    const item = plan.items.find((i) => i.key === "welcome") as ArticlePlanItem;
    expect(item.locales).toEqual([{ locale: "en", change: "update", fields: ["audiences"] }]);
    expect(item.content.en?.audienceIds).toEqual([1, 2]);
    expect(plan.errors.map((e) => [e.code, e.location.file, e.location.line, e.hint])).toEqual([
      ["settings/unknown-audience", other.locales.en.file, 4, 'Did you mean "VIP customers"?'],
    ]);
  });

  it("records, without a write, a setting Intercom already holds as the file says", () => {
    const plain = desiredState({ articles: [article("welcome")] });
    const world = syncedWorld(plain);
    const remoteEn = world.remote.articles[0]?.locales.en;
    if (remoteEn === undefined) throw new Error("fixture");
    remoteEn.fin = { agent: false, copilot: true, salesAgent: true };
    const desired = desiredState({ articles: [article("welcome")] });
    const en = desired.articles[0]?.locales.en;
    if (en === undefined) throw new Error("fixture");
    en.fin = { agent: false };
    const plan = planSync(planInput(desired, world));
    expect(plan.summary.writes).toBe(0);
    expect(plan.items[0]?.record?.en?.fields?.fin).toBeDefined();
    expect(plan.items[0]?.record?.en?.updatedAt).toBe(SYNCED_AT);
  });

  it("releases a setting a file no longer names: the lock forgets it, nothing is written", () => {
    const desired = desiredState({ articles: [article("welcome")] });
    const en = desired.articles[0]?.locales.en;
    if (en === undefined) throw new Error("fixture");
    en.fin = { agent: false };
    const world = syncedWorld(desired);
    // The lock as a push of that file left it: with the digest of `fin`.
    const locked = world.lock.articles.welcome?.locales.en;
    if (locked?.fields === undefined) throw new Error("fixture");
    locked.fields.fin = hashField({ agent: false });
    locked.hash = combineFieldHashes(locked.fields);
    expect(planSync(planInput(desired, world)).items[0]?.action).toBe("noop");

    delete en.fin;
    const plan = planSync(planInput(desired, world));
    expect(plan.summary.writes).toBe(0);
    const recorded = plan.items[0]?.record?.en;
    expect(recorded?.fields).toBeDefined();
    expect(recorded?.fields?.fin).toBeUndefined();
  });
});
