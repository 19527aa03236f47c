import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostics, formatSummary } from "../../src/diagnostics/format-diagnostics.js";
import { formatGithubAnnotations } from "../../src/diagnostics/format-github-annotations.js";
import { formatJsonReport } from "../../src/diagnostics/format-json-report.js";
import type { Diagnostic } from "../../src/errors/sync-error.js";

const diagnostics: Diagnostic[] = [
  {
    code: "frontmatter/unknown-key",
    severity: "warning",
    message: 'Unknown front matter key "titel"; it is ignored.',
    hint: 'Did you mean "title"?',
    location: { file: "content/a.md", line: 2, column: 1 },
  },
  { code: "frontmatter/missing-field", severity: "error", message: 'The front matter has no "title"; it is required.', location: { file: "content/a.md", line: 12, column: 3 } },
  { code: "locale/unknown-folder", severity: "error", message: "locales/pt_BR is not named after an Intercom locale code.", location: { file: "locales/pt_BR" } },
];

describe("formatDiagnostics", () => {
  it("groups by file with aligned columns, hints below, and a summary", () => {
    expect(formatDiagnostics(diagnostics, { color: false })).toBe(
      [
        "content/a.md",
        '  2:1   warning  frontmatter/unknown-key    Unknown front matter key "titel"; it is ignored.',
        '                                            Did you mean "title"?',
        '  12:3  error    frontmatter/missing-field  The front matter has no "title"; it is required.',
        "",
        "locales/pt_BR",
        "  -  error    locale/unknown-folder  locales/pt_BR is not named after an Intercom locale code.",
        "",
        "✖ 2 errors, 1 warning in 2 files",
      ].join("\n"),
    );
  });

  it("shows paths relative to the working folder", () => {
    const root = path.resolve("/repo/site");
    const text = formatDiagnostics(diagnostics.slice(0, 1), { color: false, rootDir: root, cwd: path.resolve("/repo") });
    expect(text.split("\n")[0]).toBe("site/content/a.md");
  });

  it("adds colour only when asked", () => {
    expect(formatDiagnostics(diagnostics, { color: false })).not.toContain("\u001b[");
    expect(formatDiagnostics(diagnostics, { color: true })).toContain("\u001b[");
  });

  it("says so when there is nothing to report", () => {
    expect(formatSummary([], false)).toBe("✔ No problems found.");
    expect(formatSummary(diagnostics.slice(0, 1), false)).toBe("⚠ 0 errors, 1 warning in 1 file");
  });
});

describe("formatGithubAnnotations", () => {
  it("writes one workflow command per diagnostic with location and code", () => {
    expect(formatGithubAnnotations(diagnostics).split("\n")).toEqual([
      "::warning file=content/a.md,line=2,col=1,title=frontmatter/unknown-key::Unknown front matter key \"titel\"; it is ignored.%0ADid you mean \"title\"?",
      "::error file=content/a.md,line=12,col=3,title=frontmatter/missing-field::The front matter has no \"title\"; it is required.",
      "::error file=locales/pt_BR,title=locale/unknown-folder::locales/pt_BR is not named after an Intercom locale code.",
    ]);
  });

  it("escapes %, CR and LF in messages and also : and , in properties", () => {
    const line = formatGithubAnnotations([
      { code: "content/binary", severity: "error", message: "100% done\r\nnext", location: { file: "content/a,b:c.md", line: 1 } },
    ]);
    expect(line).toBe("::error file=content/a%2Cb%3Ac.md,line=1,title=content/binary::100%25 done%0D%0Anext");
  });
});

describe("formatJsonReport", () => {
  it("gives counts and flat diagnostics", () => {
    const report = formatJsonReport(diagnostics);
    expect(report).toMatchObject({ ok: false, errors: 2, warnings: 1 });
    expect(report.diagnostics[0]).toEqual({
      code: "frontmatter/unknown-key",
      severity: "warning",
      message: 'Unknown front matter key "titel"; it is ignored.',
      hint: 'Did you mean "title"?',
      file: "content/a.md",
      line: 2,
      column: 1,
    });
    expect(report.diagnostics[2]).toEqual({ code: "locale/unknown-folder", severity: "error", message: diagnostics[2]?.message, file: "locales/pt_BR" });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("is ok with warnings only", () => {
    expect(formatJsonReport(diagnostics.slice(0, 1)).ok).toBe(true);
  });
});
