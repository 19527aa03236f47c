import { describe, expect, it } from "vitest";
import { computeStatus } from "../../src/status/compute-status.js";
import { formatStatus } from "../../src/status/format-status.js";
import { article, desiredState } from "../plan/builders.js";

// The builders give every article the source text hash "src-v1".
const desired = desiredState({
  locales: ["en", "fr", "de"],
  articles: [
    article("a", {}, { fr: { sourceHash: "src-v1" }, de: {} }),
    article("b", {}, { fr: { sourceHash: "src-v0" } }),
    article("c"),
    article("d", {}, { fr: {} }),
  ],
});

describe("computeStatus", () => {
  it("counts translated, missing, outdated, unstamped and up-to-date per locale", () => {
    const report = computeStatus(desired);
    expect(report.articles).toBe(4);
    expect(report.locales.map(({ locale, translated, missing, outdated, unstamped, upToDate, translatedPercent, donePercent }) => ({ locale, translated, missing, outdated, unstamped, upToDate, translatedPercent, donePercent }))).toEqual([
      { locale: "fr", translated: 3, missing: 1, outdated: 1, unstamped: 1, upToDate: 1, translatedPercent: 75, donePercent: 25 },
      { locale: "de", translated: 1, missing: 3, outdated: 0, unstamped: 1, upToDate: 0, translatedPercent: 25, donePercent: 0 },
    ]);
    expect(report.totals).toMatchObject({ total: 8, translated: 4, missing: 4, outdated: 1, unstamped: 2, translatedPercent: 50, donePercent: 12.5 });
  });

  it("names the files and keys behind each count", () => {
    const fr = computeStatus(desired, ["fr"]).locales[0];
    expect(fr?.outdatedFiles).toEqual(["locales/fr/b.md"]);
    expect(fr?.unstampedFiles).toEqual(["locales/fr/d.md"]);
    expect(fr?.missingKeys).toEqual(["c"]);
  });

  it("reports a locale with no files as entirely missing", () => {
    expect(computeStatus(desired, ["ja"]).locales[0]).toMatchObject({ translated: 0, missing: 4, translatedPercent: 0 });
  });
});

describe("formatStatus", () => {
  it("counts only up-to-date translations as done, never an outdated one", () => {
    const outdatedOnly = desiredState({ locales: ["en", "fr"], articles: [article("a", {}, { fr: { sourceHash: "src-v0" } })] });
    const text = formatStatus(computeStatus(outdatedOnly), { color: false });
    expect(text.split("\n")[2]).toBe("fr             1/1        0         1          0           0  0.0%");
  });

  it("prints one row per locale, a total, and the outdated files", () => {
    const text = formatStatus(computeStatus(desired), { color: false });
    expect(text.split("\n").slice(0, 5)).toEqual([
      "4 source articles in en.",
      "Locale  Translated  Missing  Outdated  Unstamped  Up to date   Done",
      "fr             3/4        1         1          1           1  25.0%",
      "de             1/4        3         0          1           0   0.0%",
      "Total          4/8        4         1          2           1  12.5%",
    ]);
    expect(text).toContain("    locales/fr/b.md");
  });
});
