import { describe, expect, it } from "vitest";
import { plural } from "../../src/errors/plural.js";
import { FORCE_NOTE } from "../../src/plan/diff-locale.js";
import { reviewReasons } from "../../src/plan/review-reasons.js";
import { summarisePlan } from "../../src/plan/summarise-plan.js";
import type { Plan, PlanItem } from "../../src/plan/types.js";

function item(action: PlanItem["action"], key: string, extra: Partial<PlanItem> = {}): PlanItem {
  return { type: "article", action, key, parentKey: null, level: 0, reason: "", locales: [], write: true, defaultLocale: "en", content: {}, ...extra } as PlanItem;
}

function planOf(items: PlanItem[]): Plan {
  return { version: 1, helpCenterId: "1", sourceLocale: "en", locales: ["en"], remoteDefaultLocale: "en", defaultAuthorId: 1, items, urls: {}, errors: [], warnings: [], summary: summarisePlan(items) };
}

describe("reviewReasons", () => {
  it("asks for unpublishing, deleting, overwriting with --force and more than 25 creates, nothing else", () => {
    expect(reviewReasons(planOf([item("update", "a"), ...Array.from({ length: 25 }, (_, i) => item("create", `n${i}`))]))).toEqual([]);
    const risky = planOf([
      item("unpublish", "old"),
      item("delete", "gone"),
      item("delete", "gone2"),
      item("update", "forced", { locales: [{ locale: "en", change: "update", fields: ["title"], note: FORCE_NOTE }] }),
      ...Array.from({ length: 26 }, (_, i) => item("create", `n${i}`)),
    ]);
    expect(reviewReasons(risky)).toEqual([
      "unpublishes 1 article",
      "deletes 2 items",
      "overwrites edits made in Intercom on 1 item (--force)",
      "creates 26 items (more than 25)",
    ]);
  });
});

describe("plural", () => {
  it("counts one and many", () => {
    expect(plural(1, "file")).toBe("1 file");
    expect(plural(2, "file")).toBe("2 files");
    expect(plural(0, "entry", "entries")).toBe("0 entries");
  });
});
