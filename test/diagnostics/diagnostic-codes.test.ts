import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES } from "../../src/diagnostics/diagnostic-codes.js";

describe("diagnostic codes", () => {
  it("documents every code that config, content, model, load and check emit, and no stale ones", async () => {
    const src = fileURLToPath(new URL("../../src/", import.meta.url));
    const files = await fg(["config/**/*.ts", "content/**/*.ts", "model/**/*.ts", "check/**/*.ts", "load/**/*.ts"], { cwd: src, absolute: true });
    const used = new Set<string>();
    for (const file of files) {
      const text = await readFile(file, "utf8");
      for (const match of text.matchAll(/"((?:config|content|locale|frontmatter|collection|article|key|translation)\/[a-z0-9-]+)"/g)) {
        used.add(match[1] as string);
      }
    }
    expect([...used].sort()).toEqual(Object.keys(DIAGNOSTIC_CODES).sort());
  });
});
