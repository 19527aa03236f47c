import { describe, expect, it } from "vitest";
import { zeroCounts } from "../../src/sync/watch-step.js";
import { formatRun } from "../../src/watch/format-run.js";
import type { WatchRunSummary } from "../../src/watch/types.js";

const at = new Date(2026, 0, 5, 12, 3, 4).getTime();

function summary(overrides: Partial<WatchRunSummary>): WatchRunSummary {
  return {
    index: 2,
    trigger: "change",
    status: "pushed",
    startedAt: at,
    durationMs: 180.4,
    changedFiles: ["locales/fr/writing/links.md"],
    remoteRefreshed: false,
    changes: [],
    counts: zeroCounts(),
    writes: 0,
    rendered: 1,
    diagnostics: [],
    failures: [],
    ...overrides,
  };
}

describe("formatRun", () => {
  it("prints one line: time, what changed, what was pushed, how long it took", () => {
    const lines = formatRun(
      summary({ changes: [{ type: "article", key: "writing/links", action: "update", locales: ["fr"] }], counts: { ...zeroCounts(), updated: 1 }, writes: 1 }),
      { color: false },
    );
    expect(lines).toEqual({ line: "12:03:04  ~ writing/links (fr)  1 updated  180 ms", errors: [], warnings: [] });
  });

  it("names a few items and counts the rest", () => {
    const changes = ["a", "b", "c", "d", "e"].map((key) => ({ type: "article" as const, key, action: "create" as const, locales: ["en"] }));
    const line = formatRun(summary({ changes, counts: { ...zeroCounts(), created: 5 } }), { color: false }).line;
    expect(line).toBe("12:03:04  + a, + b, + c +2 more  5 created  180 ms");
  });

  it("shows a rename and a collection as such", () => {
    const line = formatRun(
      summary({
        changes: [
          { type: "collection", key: "guides", action: "create", locales: ["en"] },
          { type: "article", key: "guides/b", previousKey: "guides/a", action: "move", locales: [] },
        ],
        counts: { ...zeroCounts(), created: 1, moved: 1 },
      }),
      { color: false },
    ).line;
    expect(line).toBe("12:03:04  + guides/, → guides/b (was guides/a)  1 created, 1 moved  180 ms");
  });

  it("lists errors as file:line:col with their message, and says nothing was pushed", () => {
    const lines = formatRun(
      summary({
        status: "invalid",
        changedFiles: ["content/welcome.md"],
        diagnostics: [
          { code: "frontmatter/yaml-syntax", severity: "error", message: "Invalid YAML.", hint: "Fix it.", location: { file: "content/welcome.md", line: 2, column: 8 } },
          { code: "render/heading-merged", severity: "warning", message: "Odd heading.", location: { file: "content/welcome.md", line: 9 } },
        ],
      }),
      { color: false },
    );
    expect(lines.line).toBe("12:03:04  content/welcome.md  1 error, nothing pushed  180 ms");
    expect(lines.errors).toEqual(["  content/welcome.md:2:8  Invalid YAML. (Fix it.)"]);
    expect(lines.warnings).toEqual(["  content/welcome.md:9  Odd heading."]);
  });

  it("says when the config was reloaded or the remote refreshed, and shows a run's error", () => {
    const reloaded = formatRun(summary({ config: "reloaded", remoteRefreshed: true, changedFiles: [], status: "up-to-date" }), { color: false });
    expect(reloaded.line).toBe("12:03:04  config  config reloaded  refreshed from Intercom  nothing to push  180 ms");
    const failed = formatRun(
      summary({ config: "failed", changedFiles: [], status: "failed", error: { code: "config/load-failed", message: "The config was not reloaded: bad.", location: { file: "intercom-sync.config.ts" } } }),
      { color: false },
    );
    expect(failed.line).toBe("12:03:04  config  failed  180 ms");
    expect(failed.errors).toEqual(["  intercom-sync.config.ts  The config was not reloaded: bad."]);
  });
});
