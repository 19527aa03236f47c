import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkProject } from "../../src/check/check-project.js";
import { loadConfig } from "../../src/config/load-config.js";
import type { Diagnostic } from "../../src/errors/sync-error.js";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));

async function checkFixture(name: string, strict = false) {
  const config = await loadConfig({ cwd: path.join(fixtures, name) });
  return checkProject(config, { strict });
}

function codesOf(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

function find(diagnostics: readonly Diagnostic[], code: string, file?: string): Diagnostic {
  const found = diagnostics.find((diagnostic) => diagnostic.code === code && (file === undefined || diagnostic.location.file === file));
  if (!found) throw new Error(`no ${code}${file ? ` at ${file}` : ""} in ${JSON.stringify(diagnostics, null, 2)}`);
  return found;
}

describe("checkProject", () => {
  it("builds nested collections parents first, with translations attached by path", async () => {
    const report = await checkFixture("nested-collections");
    expect(report.diagnostics).toEqual([]);
    expect(report.ok).toBe(true);
    const state = report.state;
    expect(state?.collections.map((collection) => [collection.key, collection.parentKey])).toEqual([
      ["getting-started", null],
      ["getting-started/advanced", "getting-started"],
    ]);
    expect(state?.articles.map((article) => [article.key, article.parentKey])).toEqual([
      ["getting-started/advanced/tuning", "getting-started/advanced"],
      ["getting-started/install", "getting-started"],
      ["welcome", null],
    ]);
    const install = state?.articles.find((article) => article.key === "getting-started/install");
    expect(install?.locales.en?.authorId).toBe(42);
    expect(install?.locales.fr).toMatchObject({ title: "Installer", state: "draft", authorId: 42, file: "locales/fr/getting-started/install.md" });
    expect(state?.collections[0]?.locales.fr?.name).toBe("Premiers pas");
    expect(state?.locales).toEqual(["en", "fr"]);
    expect(report.counts).toEqual({ files: 7, collections: 2, articles: 3, translations: 1, locales: 2 });
  });

  it("reports locale folders that are not Intercom codes, with the right code suggested", async () => {
    const report = await checkFixture("unknown-locale-folder");
    const unknown = report.diagnostics.filter((diagnostic) => diagnostic.code === "locale/unknown-folder");
    expect(unknown.map((diagnostic) => diagnostic.location.file)).toEqual(["locales/english", "locales/pt_BR", "locales/zh-cn"]);
    expect(find(unknown, "locale/unknown-folder", "locales/pt_BR").hint).toContain("pt-BR");
    expect(find(unknown, "locale/unknown-folder", "locales/zh-cn").hint).toContain("zh-CN");
    expect(report.ok).toBe(false);
    expect(report.state).toBeUndefined();
  });

  it("skips translations without a source, with a warning each", async () => {
    const report = await checkFixture("translation-without-source");
    expect(report.ok).toBe(true);
    expect(find(report.diagnostics, "translation/no-source").location.file).toBe("locales/fr/ghost.md");
    expect(find(report.diagnostics, "translation/no-source-collection").location.file).toBe("locales/fr/nowhere/_collection.md");
    expect(report.state?.articles.map((article) => article.key)).toEqual(["welcome"]);
    expect(Object.keys(report.state?.articles[0]?.locales ?? {})).toEqual(["en", "fr"]);
    expect(report.state?.collections).toEqual([]);
  });

  it("assumes a humanised name for a folder without _collection.md, and says so", async () => {
    const report = await checkFixture("missing-collection-file");
    const warning = find(report.diagnostics, "collection/missing-file");
    expect(warning.severity).toBe("warning");
    expect(warning.message).toContain('"Getting started"');
    expect(report.state?.collections[0]?.locales.en).toEqual({ file: null, name: "Getting started", description: "" });
  });

  it("turns warnings into errors under strict", async () => {
    const report = await checkFixture("missing-collection-file", true);
    expect(report.ok).toBe(false);
    expect(find(report.diagnostics, "collection/missing-file").severity).toBe("error");
  });

  it("rejects collections nested deeper than Intercom allows", async () => {
    const report = await checkFixture("too-deep");
    const tooDeep = report.diagnostics.filter((diagnostic) => diagnostic.code === "collection/too-deep");
    expect(tooDeep).toHaveLength(1);
    expect(tooDeep[0]?.location.file).toBe("content/a/b/c/d/_collection.md");
    expect(report.ok).toBe(false);
  });

  it("rejects an article and a folder with the same key", async () => {
    const report = await checkFixture("duplicate-keys");
    expect(codesOf(report.diagnostics)).toContain("key/article-collection-clash");
    expect(find(report.diagnostics, "key/article-collection-clash").message).toContain('"setup"');
    expect(report.ok).toBe(false);
  });

  it("reports YAML errors at file:line:column and never runs JavaScript front matter", async () => {
    const report = await checkFixture("bad-yaml");
    const syntax = find(report.diagnostics, "frontmatter/yaml-syntax", "content/bad-yaml/broken.md".replace("bad-yaml/", ""));
    expect(syntax.location.line).toBe(3);
    expect(find(report.diagnostics, "frontmatter/javascript").location).toEqual({ file: "content/script.md", line: 1, column: 1 });
    expect(find(report.diagnostics, "frontmatter/yaml-tag").location).toMatchObject({ file: "content/tagged.md", line: 3 });
    expect((globalThis as Record<string, unknown>).__intercomSyncPwned).toBeUndefined();
    expect(existsSync(path.join(fixtures, "bad-yaml", "pwned.txt"))).toBe(false);
    expect(existsSync("pwned.txt")).toBe(false);
    // A broken file does not also produce "title is missing".
    expect(codesOf(report.diagnostics)).not.toContain("frontmatter/missing-field");
  });

  it("reports front matter typos with suggestions and wrong types as errors", async () => {
    const report = await checkFixture("bad-front-matter");
    const unknown = find(report.diagnostics, "frontmatter/unknown-key");
    expect(unknown).toMatchObject({ severity: "warning", hint: 'Did you mean "title"?', location: { file: "content/typos.md", line: 2, column: 1 } });
    expect(find(report.diagnostics, "frontmatter/invalid-value")).toMatchObject({ hint: 'Did you mean "published"?', location: { line: 3 } });
    expect(find(report.diagnostics, "frontmatter/invalid-type")).toMatchObject({ hint: "Write the id without quotes.", location: { line: 4 } });
    expect(find(report.diagnostics, "frontmatter/missing-field").location.file).toBe("content/typos.md");
    expect(find(report.diagnostics, "article/empty-body").location).toEqual({ file: "content/empty.md", line: 4 });
  });

  it("follows a JSON config: content dir, listed locales only, missing locale folder warned", async () => {
    const report = await checkFixture("config-json");
    expect(report.ok).toBe(true);
    expect(report.state?.locales).toEqual(["en", "fr"]);
    expect(report.state?.articles[0]?.locales.en).toMatchObject({ file: "docs/welcome.md", state: "published" });
    expect(find(report.diagnostics, "locale/missing-folder").message).toContain('"es"');
    expect(codesOf(report.diagnostics)).not.toContain("locale/unknown-folder");
  });

  it("sorts diagnostics by file and line", async () => {
    const report = await checkFixture("bad-front-matter");
    const keys = report.diagnostics.map((diagnostic) => `${diagnostic.location.file}:${String(diagnostic.location.line ?? 0).padStart(5, "0")}`);
    expect(keys).toEqual([...keys].sort());
  });
});

describe("checkProject on the FastAPI corpus", () => {
  const corpus = fileURLToPath(new URL("../../../shared/corpus/fastapi/", import.meta.url));
  const present = existsSync(corpus);
  if (!present) console.warn(`Skipping the corpus check: ${corpus} is absent.`);

  it.skipIf(!present)("reads the whole corpus without errors from config, reading or the model", async () => {
    const config = await loadConfig({ cwd: corpus });
    const report = await checkProject(config);
    const ownErrors = report.diagnostics.filter((diagnostic) => diagnostic.severity === "error" && !diagnostic.code.startsWith("render/"));
    expect(ownErrors).toEqual([]);
    expect(report.counts.articles).toBeGreaterThan(100);
    expect(report.counts.locales).toBe(11);
    expect(report.counts.translations).toBeGreaterThan(100);
  });
});
