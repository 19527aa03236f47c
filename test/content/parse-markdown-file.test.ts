import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseMarkdownFile } from "../../src/content/parse-markdown-file.js";

const FILE = "content/a.md";

describe("parseMarkdownFile", () => {
  const cleanups: string[] = [];
  afterEach(() => {
    for (const dir of cleanups.splice(0)) rmSync(dir, { recursive: true, force: true });
    delete (globalThis as Record<string, unknown>).__frontMatterRan;
  });

  it("splits front matter from the body and says where the body starts", () => {
    const parsed = parseMarkdownFile("---\ntitle: Hello\ndescription: World\n---\n\n# Body\n", FILE);
    expect(parsed.data).toEqual({ title: "Hello", description: "World" });
    expect(parsed.body).toBe("\n# Body\n");
    expect(parsed.bodyStartLine).toBe(5);
    expect(parsed.positions.description).toEqual({ line: 3, column: 1 });
    expect(parsed.diagnostics).toEqual([]);
  });

  it("treats a file without front matter as all body", () => {
    const parsed = parseMarkdownFile("# Just text\n", FILE);
    expect(parsed).toMatchObject({ data: {}, body: "# Just text\n", bodyStartLine: 1, diagnostics: [] });
  });

  it("keeps leading zeros and dates as strings, and reads integers and booleans", () => {
    const parsed = parseMarkdownFile("---\nzip: 0123\ndate: 2024-01-31\nauthor_id: 12\nflag: true\nratio: 1.5\n---\n", FILE);
    expect(parsed.data).toEqual({ zip: "0123", date: "2024-01-31", author_id: 12, flag: true, ratio: 1.5 });
  });

  it("reports YAML syntax errors at the file's line and column", () => {
    const parsed = parseMarkdownFile("---\ntitle: ok\ndescription: [oops\nstate: draft\n---\nBody\n", FILE);
    expect(parsed.data).toBeNull();
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]).toMatchObject({ code: "frontmatter/yaml-syntax", severity: "error", location: { file: FILE } });
    expect(parsed.diagnostics[0]?.location.line).toBeGreaterThanOrEqual(3);
  });

  it("locates a YAML error on its exact line and column, counting the opening --- line", () => {
    const parsed = parseMarkdownFile("---\ntitle: ok\nstate: draft\nfoo: bar: baz\n---\n", FILE);
    expect(parsed.diagnostics[0]).toMatchObject({ code: "frontmatter/yaml-syntax", location: { file: FILE, line: 4, column: 6 } });
  });

  it("rejects duplicate keys at the second occurrence", () => {
    const parsed = parseMarkdownFile("---\ntitle: a\ntitle: b\n---\n", FILE);
    expect(parsed.diagnostics[0]).toMatchObject({ code: "frontmatter/yaml-syntax", location: { line: 3, column: 1 } });
  });

  it("never runs JavaScript front matter", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "intercom-sync-js-"));
    cleanups.push(dir);
    const marker = path.join(dir, "ran.txt");
    const payload = `{ title: (function () { globalThis.__frontMatterRan = true; process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(marker)}, "x"); return "t"; })() }`;
    for (const language of ["js", "javascript", "JS"]) {
      const parsed = parseMarkdownFile(`---${language}\n${payload}\n---\nBody\n`, FILE);
      expect(parsed.data).toBeNull();
      expect(parsed.diagnostics).toEqual([
        expect.objectContaining({ code: "frontmatter/javascript", severity: "error", location: { file: FILE, line: 1, column: 1 } }),
      ]);
    }
    expect((globalThis as Record<string, unknown>).__frontMatterRan).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
  });

  it("rejects custom YAML tags instead of constructing them", () => {
    const parsed = parseMarkdownFile('---\ntitle: x\nrun: !!js/function "function () {}"\n---\n', FILE);
    expect(parsed.data).toBeNull();
    expect(parsed.diagnostics[0]).toMatchObject({ code: "frontmatter/yaml-tag", location: { line: 3, column: 6 } });
  });

  it("fails fast on a YAML alias bomb", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 9; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    const parsed = parseMarkdownFile(`---\n${levels.join("\n")}\n---\n`, FILE);
    expect(parsed.data).toBeNull();
    expect(parsed.diagnostics).toEqual([expect.objectContaining({ code: "frontmatter/yaml-aliases", severity: "error" })]);
  });

  it("reports front matter that never closes", () => {
    const parsed = parseMarkdownFile("---\ntitle: x\n\nBody\n", FILE);
    expect(parsed.diagnostics[0]).toMatchObject({ code: "frontmatter/unclosed", location: { line: 1 } });
  });

  it("reports front matter that is a list, not a mapping", () => {
    const parsed = parseMarkdownFile("---\n- a\n- b\n---\n", FILE);
    expect(parsed.diagnostics[0]?.code).toBe("frontmatter/not-a-mapping");
  });

  it("reports unsupported front matter languages", () => {
    const parsed = parseMarkdownFile("---toml\ntitle = 'x'\n---\n", FILE);
    expect(parsed.diagnostics[0]?.code).toBe("frontmatter/language");
  });

  it("handles CRLF and a byte-order mark like plain LF", () => {
    const parsed = parseMarkdownFile("\uFEFF---\r\ntitle: Hi\r\n---\r\nLine\r\n", FILE);
    expect(parsed.data).toEqual({ title: "Hi" });
    expect(parsed.body).toBe("Line\n");
    expect(parsed.bodyStartLine).toBe(4);
  });

  it("gives the same answer for the same text twice (no shared cache)", () => {
    const text = "---\ntitle: Same\n---\nBody\n";
    const first = parseMarkdownFile(text, "content/one.md");
    const second = parseMarkdownFile(text, "content/two.md");
    expect(second.data).toEqual({ title: "Same" });
    expect(second.data).not.toBe(first.data);
  });
});
