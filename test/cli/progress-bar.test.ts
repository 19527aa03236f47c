import { describe, expect, it } from "vitest";
import { createProgressTracker, formatProgressLine } from "../../src/cli/progress-bar.js";

describe("progress line", () => {
  it("shows the phase, a bar, done/total and the time left at the phase's pace", () => {
    expect(formatProgressLine({ phase: "articles", completed: 5, total: 10, leftMs: 12_000 })).toBe("articles     [████████████░░░░░░░░░░░░]  5/10  about 12 s left");
    let now = 0;
    const track = createProgressTracker(() => now);
    track({ phase: "link fix-ups", key: "a", completed: 1, total: 5 });
    now = 2_000;
    // Two seconds for one fix-up, three left.
    expect(track({ phase: "link fix-ups", key: "b", completed: 2, total: 5 })).toContain("2/5  about 6 s left");
    now = 2_100;
    expect(track({ phase: "link fix-ups", key: "c", completed: 3, total: 5 })).toContain("3/5  about 2 s left");
    expect(formatProgressLine({ phase: "articles", completed: 9, total: 10, leftMs: 300 })).toContain("9/10  less than 1 s left");
    expect(formatProgressLine({ phase: "articles", completed: 10, total: 10, leftMs: 0 })).toContain("10/10  done");
  });
});
