import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fg from "fast-glob";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateHelpCenter } from "../../bench/generate-help-center.js";
import { writeGeneratedTree } from "../../bench/write-generated-tree.js";
import { isBenchError } from "../../bench/bench-error.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

describe("writeGeneratedTree", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await createTempDir("bench");
  });
  afterEach(async () => {
    await removeTempDir(dir);
  });

  it("writes every file byte for byte, creating nested folders", async () => {
    const tree = generateHelpCenter({ seed: 9, articles: 120, locales: ["fr", "ja"], translationRatio: 0.5 });
    await writeGeneratedTree(tree, dir, { concurrency: 4 });
    const onDisk = (await fg("**/*", { cwd: dir, onlyFiles: true, dot: true })).sort();
    expect(onDisk).toEqual(tree.files.map((file) => file.path).sort());
    for (const file of tree.files) {
      const bytes = await readFile(join(dir, file.path));
      expect(bytes.equals(Buffer.from(file.content)), file.path).toBe(true);
    }
  });

  it("writes a config that loads as a plain object", async () => {
    const tree = generateHelpCenter({ seed: 9, articles: 3, locales: ["de"] });
    await writeGeneratedTree(tree, dir);
    // The config has no TypeScript syntax, so the same text loads as an ES module.
    const copy = join(dir, "config-copy.mjs");
    await writeFile(copy, await readFile(join(dir, "intercom-sync.config.ts")));
    const loaded = (await import(pathToFileURL(copy).href)) as { default: unknown };
    expect(loaded.default).toEqual({
      sourceLocale: "en",
      locales: ["de"],
      assetBaseUrl: "https://assets.example.com/",
      defaultState: "published",
    });
  });

  it("refuses paths that leave the target folder, writing nothing", async () => {
    const tree = {
      files: [
        { path: "content/ok.md", content: "---\ntitle: Ok\n---\n" },
        { path: "../escape.md", content: "no" },
      ],
      stats: generateHelpCenter({ seed: 1, articles: 0, locales: [] }).stats,
    };
    const error = await writeGeneratedTree(tree, dir).catch((caught: unknown) => caught);
    expect(isBenchError(error) && error.code).toBe("bench/unsafe-path");
    expect(await fg("**/*", { cwd: dir })).toEqual([]);
  });
});
