import { describe, expect, it } from "vitest";
import { selectLocaleFolders } from "../../src/content/select-locale-folders.js";

describe("selectLocaleFolders", () => {
  it("reads every Intercom-coded folder when no locales are configured", () => {
    const selection = selectLocaleFolders(["fr", "zh-CN", "pt-BR"], null, "en", "locales");
    expect(selection.locales).toEqual(["fr", "pt-BR", "zh-CN"]);
    expect(selection.diagnostics).toEqual([]);
  });

  it("suggests the right code for near misses and errors on the rest", () => {
    const selection = selectLocaleFolders(["zh-cn", "english"], null, "en", "locales");
    expect(selection.locales).toEqual([]);
    expect(selection.diagnostics.map((diagnostic) => [diagnostic.location.file, diagnostic.severity])).toEqual([
      ["locales/english", "error"],
      ["locales/zh-cn", "error"],
    ]);
    expect(selection.diagnostics[1]?.hint).toContain("Did you mean zh-CN?");
    expect(selection.diagnostics[0]?.hint).not.toContain("Did you mean");
  });

  it("ignores a folder for the source locale with a warning", () => {
    const selection = selectLocaleFolders(["en", "fr"], null, "en", "locales");
    expect(selection.locales).toEqual(["fr"]);
    expect(selection.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([["locale/source-folder", "warning"]]);
  });

  it("ignores folders that are not configured, even misnamed ones", () => {
    const selection = selectLocaleFolders(["fr", "de", "whatever"], ["fr"], "en", "locales");
    expect(selection).toEqual({ locales: ["fr"], diagnostics: [] });
  });
});
