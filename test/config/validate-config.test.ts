import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/validate-config.js";

const FILE = path.resolve("/project/intercom-sync.config.ts");

describe("validateConfig", () => {
  it("fills in every default for an empty config and resolves paths against the config's folder", () => {
    const { config, diagnostics } = validateConfig({}, FILE);
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      rootDir: path.dirname(FILE),
      configFile: FILE,
      sourceLocale: "en",
      locales: null,
      contentDir: path.resolve("/project/content"),
      localesDir: path.resolve("/project/locales"),
      internalDir: path.resolve("/project/internal"),
      helpCenterId: null,
      authorId: null,
      defaultState: "draft",
      assetBaseUrl: null,
      onDelete: "unpublish",
      concurrency: 100,
      rateLimitShare: 1,
      retries: 6,
      region: "us",
      apiUrl: null,
      apiVersion: "2.16",
      outdatedTranslations: "push",
      publishMode: "live",
      defaults: {},
    });
  });

  it("keeps given values, normalises assetBaseUrl to end with a slash and helpCenterId to a string", () => {
    const { config } = validateConfig(
      { contentDir: "docs/en", locales: ["fr", "pt-BR"], assetBaseUrl: "https://cdn.example.com/help", helpCenterId: 123, concurrency: 64, retries: 0 },
      FILE,
    );
    expect(config).toMatchObject({
      contentDir: path.resolve("/project/docs/en"),
      locales: ["fr", "pt-BR"],
      assetBaseUrl: "https://cdn.example.com/help/",
      helpCenterId: "123",
      concurrency: 64,
      retries: 0,
    });
  });

  it("reports every problem at once, with suggestions", () => {
    const { config, diagnostics } = validateConfig(
      {
        sourceLocal: "en",
        locales: ["fr", "pt_BR", "zh-cn", "klingon"],
        concurrency: 300,
        rateLimitShare: 0,
        defaultState: "publish",
        assetBaseUrl: "cdn.example.com/images",
        onDelete: 3,
        region: "EU",
      },
      FILE,
    );
    expect(config).toBeUndefined();
    expect(diagnostics.every((diagnostic) => diagnostic.code === "config/invalid" && diagnostic.severity === "error")).toBe(true);
    expect(diagnostics.every((diagnostic) => diagnostic.location.file === "intercom-sync.config.ts")).toBe(true);
    const byMessage = (fragment: string) => diagnostics.find((diagnostic) => diagnostic.message.includes(fragment));
    expect(byMessage('"sourceLocal"')?.hint).toBe('Did you mean "sourceLocale"?');
    expect(byMessage('"pt_BR"')?.hint).toBe('Did you mean "pt-BR"?');
    expect(byMessage('"zh-cn"')?.hint).toBe('Did you mean "zh-CN"?');
    expect(byMessage('"klingon"')?.message).toContain("locales[3]");
    expect(byMessage('"concurrency"')?.message).toContain("at most 256");
    expect(byMessage('"rateLimitShare"')?.message).toContain("more than 0");
    expect(byMessage('"defaultState"')?.hint).toBe('Did you mean "published"?');
    expect(byMessage("cdn.example.com/images")?.message).toContain("absolute http(s) URL");
    expect(byMessage('"onDelete"')?.message).toContain("number 3");
    expect(byMessage('"region"')?.hint).toBe('Did you mean "eu"?');
    expect(diagnostics).toHaveLength(10);
  });

  it("rejects concurrency below 1 and non-integers", () => {
    expect(validateConfig({ concurrency: 0 }, FILE).diagnostics[0]?.message).toContain("at least 1");
    expect(validateConfig({ concurrency: 2.5 }, FILE).diagnostics[0]?.message).toContain("integer");
  });

  it("names the expected type with its article", () => {
    expect(validateConfig({ locales: 5 }, FILE).diagnostics[0]?.message).toContain('"locales" must be an array; got number 5.');
    expect(validateConfig({ sourceLocale: 5 }, FILE).diagnostics[0]?.message).toContain('"sourceLocale" must be a string; got number 5.');
  });

  it("rejects a non-http asset URL and a config that is not an object", () => {
    expect(validateConfig({ assetBaseUrl: "ftp://example.com/" }, FILE).diagnostics).toHaveLength(1);
    expect(validateConfig("nope", FILE).diagnostics[0]?.message).toContain("must be an object");
  });

  it("rejects the source locale in locales, and duplicates", () => {
    const { diagnostics } = validateConfig({ sourceLocale: "de", locales: ["de", "fr", "fr"] }, FILE);
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      '"locales" lists the source locale "de".',
      '"locales" lists "fr" twice.',
    ]);
  });

  it("reports cross-field problems alongside field errors", () => {
    const { diagnostics } = validateConfig({ locales: ["en", "pt_BR"], contentDir: "docs", localesDir: "docs" }, FILE);
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      '"locales[1]": "pt_BR" is not an Intercom locale code.',
      '"locales" lists the source locale "en".',
      '"contentDir" and "localesDir" are the same folder ("docs").',
    ]);
  });

  it("tolerates $schema in JSON configs", () => {
    expect(validateConfig({ $schema: "./schema.json" }, FILE).diagnostics).toEqual([]);
  });
});

describe("internalDir", () => {
  it("refuses an internal folder that is, holds or lies inside the content or locales folder", () => {
    const codes = (input: Record<string, unknown>) => validateConfig(input, "/project/intercom-sync.config.ts").diagnostics.map((d) => d.code);
    expect(codes({ internalDir: "content" })).toEqual(["config/internal-dir-overlap"]);
    expect(codes({ internalDir: "content/internal" })).toEqual(["config/internal-dir-overlap"]);
    expect(codes({ internalDir: "docs", contentDir: "docs/en" })).toEqual(["config/internal-dir-overlap"]);
    expect(codes({ internalDir: "locales/" })).toEqual(["config/internal-dir-overlap"]);
    expect(codes({ internalDir: "team-notes" })).toEqual([]);
    expect(validateConfig({ internalDir: "team-notes" }, "/project/intercom-sync.config.ts").config?.internalDir).toBe(path.resolve("/project/team-notes"));
  });
});
