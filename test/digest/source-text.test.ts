import { describe, expect, it } from "vitest";
import { hashSourceText } from "../../src/digest/source-text.js";

describe("hashSourceText", () => {
  const base = { title: "Install", description: "How to install", body: "Step one.\n\nStep two.\n" };

  it("is a stable sha256 hex digest", () => {
    expect(hashSourceText(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSourceText({ ...base })).toBe(hashSourceText(base));
  });

  it("ignores line endings, trailing spaces and surrounding blank lines", () => {
    expect(hashSourceText({ ...base, body: "\n\nStep one.  \r\n\r\nStep two.\r\n\n" })).toBe(hashSourceText(base));
    expect(hashSourceText({ ...base, title: " Install " })).toBe(hashSourceText(base));
  });

  it("changes when the title, the description or the body changes", () => {
    const hash = hashSourceText(base);
    expect(hashSourceText({ ...base, title: "Installing" })).not.toBe(hash);
    expect(hashSourceText({ ...base, description: "" })).not.toBe(hash);
    expect(hashSourceText({ ...base, body: "Step one.\nStep two.\n" })).not.toBe(hash);
  });

  it("does not confuse text moving between fields", () => {
    expect(hashSourceText({ title: "a", description: "b", body: "" })).not.toBe(hashSourceText({ title: "a", description: "", body: "b" }));
  });
});
