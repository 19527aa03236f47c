import { describe, expect, it } from "vitest";
import { formatApplyResult } from "../../src/apply/format-result.js";
import type { ApplyResult } from "../../src/apply/types.js";
import { emptyLock } from "../../src/types.js";

function result(overrides: Partial<ApplyResult>): ApplyResult {
  return {
    outcomes: [],
    counts: { created: 0, updated: 0, moved: 0, adopted: 0, unpublished: 0, deleted: 0, skipped: 0, failed: 0 },
    ok: true,
    interrupted: false,
    lock: emptyLock(),
    recovery: { lost: 0, found: 0, resent: 0, requests: 0, looks: 0 },
    ...overrides,
  };
}

describe("formatApplyResult", () => {
  it("prints the counts of a clean run", () => {
    const text = formatApplyResult(result({ counts: { created: 3, updated: 2, moved: 1, adopted: 0, unpublished: 0, deleted: 0, skipped: 0, failed: 0 } }), { color: false });
    expect(text).toBe("Applied: 3 created, 2 updated, 1 moved, 0 adopted, 0 unpublished, 0 deleted; 0 skipped, 0 failed.");
  });

  it("lists failures and skipped items with their reasons", () => {
    const text = formatApplyResult(
      result({
        ok: false,
        interrupted: true,
        lockError: "disk full",
        counts: { created: 1, updated: 0, moved: 0, adopted: 0, unpublished: 0, deleted: 0, skipped: 2, failed: 1 },
        outcomes: [
          { type: "collection", key: "guides", action: "create", outcome: "failed", error: "Intercom answered 500" },
          { type: "article", key: "guides/install", action: "create", outcome: "skipped", reason: "its parent collection guides is not in Intercom (it failed or was skipped)" },
          { type: "article", key: "welcome", action: "update", outcome: "skipped", reason: "interrupted" },
          { type: "article", key: "faq", action: "create", outcome: "created", id: "9" },
        ],
      }),
      { color: false },
    );
    expect(text).toBe(
      [
        "Failed:",
        "  ✗ collection guides: Intercom answered 500",
        "Skipped:",
        "  - article guides/install: its parent collection guides is not in Intercom (it failed or was skipped)",
        "  - article welcome: interrupted",
        "Interrupted: 1 item was not started; push again to finish.",
        "The lock file could not be saved: disk full",
        "Applied: 1 created, 0 updated, 0 moved, 0 adopted, 0 unpublished, 0 deleted; 2 skipped, 1 failed.",
      ].join("\n"),
    );
  });
});
