import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { ERROR_CATALOG } from "../../src/errors/catalog.js";
import { formatErrorTable, replaceErrorTable } from "../../src/errors/format-error-table.js";
import { diagnostic, SyncError } from "../../src/errors/sync-error.js";

const root = new URL("../../", import.meta.url);

describe("error catalog", () => {
  it("has no stale entries: every code is raised somewhere in src/ outside the catalog", async () => {
    const src = fileURLToPath(new URL("src/", root));
    const files = await fg(["**/*.ts"], { cwd: src, absolute: true, ignore: ["errors/catalog*.ts"] });
    const texts = await Promise.all(files.map((file) => readFile(file, "utf8")));
    const unused = Object.keys(ERROR_CATALOG).filter((code) => !texts.some((text) => text.includes(`"${code}"`)));
    expect(unused).toEqual([]);
  });

  it("builds a SyncError's message and hint from the code's entry", () => {
    const error = new SyncError("content/changed-during-run", { file: "content/a.md", stage: "read" }, { location: { file: "content/a.md" } });
    expect(error.code).toBe("content/changed-during-run");
    expect(error.message).toBe("content/a.md changed or disappeared while the run was in progress; nothing was sent to Intercom.");
    expect(error.hint).toBe("Run again once the files are saved.");
    expect(error.location).toEqual({ file: "content/a.md" });
  });

  it("gives a diagnostic the entry's severity, and no hint when the builder has none for the details", () => {
    expect(diagnostic("frontmatter/missing-field", { key: "title", empty: true }, { file: "content/a.md", line: 2 })).toEqual({
      code: "frontmatter/missing-field",
      severity: "error",
      message: '"title" is empty; it is required.',
      location: { file: "content/a.md", line: 2 },
    });
    expect(diagnostic("locale/source-folder", { file: "locales/en", sourceLocale: "en" }, { file: "locales/en" }).severity).toBe("warning");
  });

  it("groups the README table by area, one row per code", () => {
    const table = formatErrorTable();
    expect(table).toContain("**render**\n\n| code | severity | meaning |");
    expect(table).toContain("| `plan/drift` | warning | An item (or the draft staged for review) was edited in Intercom since the last push; it is kept as is. |");
    const rows = table.split("\n").filter((line) => line.startsWith("| `"));
    expect(rows).toHaveLength(Object.keys(ERROR_CATALOG).length);
  });

  it("is what the README's table of codes says", async () => {
    const readme = await readFile(new URL("README.md", root), "utf8");
    expect(replaceErrorTable(readme) === readme, "README.md's error code table is out of date: run `npm run docs:errors`").toBe(true);
  });
});
