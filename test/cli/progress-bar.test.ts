import { describe, expect, it } from "vitest";
import { createProgressTracker, formatProgressLine } from "../../src/cli/progress-bar.js";

describe("progress line", () => {
  it("shows the phase, a bar, done/total and the time left at the pace so far", () => {
    expect(formatProgressLine({ phase: "articles", completed: 5, total: 10, leftMs: 12_000 })).toBe("articles     [████████████░░░░░░░░░░░░]  5/10  about 12 s left");
    let now = 0;
    const track = createProgressTracker(() => now);
    track({ phase: "collections", key: "c", completed: 1, total: 3 });
    now = 1_000;
    // Collections and articles share one count and one pace.
    expect(track({ phase: "articles", key: "x", completed: 2, total: 3 })).toBe("articles     [████████████████░░░░░░░░]  2/3  about 1 s left");
    expect(track({ phase: "articles", key: "y", completed: 3, total: 3 })).toContain("3/3  done");
    now = 10_000;
    track({ phase: "link fix-ups", key: "a", completed: 1, total: 5 });
    now = 12_000;
    // Two seconds for one fix-up, three left.
    expect(track({ phase: "link fix-ups", key: "b", completed: 2, total: 5 })).toContain("2/5  about 6 s left");
    now = 12_100;
    expect(track({ phase: "link fix-ups", key: "c", completed: 3, total: 5 })).toContain("3/5  about 2 s left");
    expect(formatProgressLine({ phase: "articles", completed: 9, total: 10, leftMs: 300 })).toContain("9/10  less than 1 s left");
    expect(formatProgressLine({ phase: "articles", completed: 10, total: 10, leftMs: 0 })).toContain("10/10  done");
  });
});
