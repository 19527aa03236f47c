import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateHelpCenter } from "../../bench/generate-help-center.js";
import { mutateOneArticle } from "../../bench/mutate-article.js";
import { writeGeneratedTree } from "../../bench/write-generated-tree.js";
import { isBenchError } from "../../bench/bench-error.js";
import { isArticlePath, parseFrontMatter, textOf } from "./tree-helpers.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

const tree = generateHelpCenter({ seed: 3, articles: 50, locales: ["fr", "ja"], translationRatio: 0.6 });

describe("mutateOneArticle", () => {
  it("changes exactly one article file of a tree, leaving the input untouched", () => {
    const before = tree.files.map((file) => file.content);
    const mutation = mutateOneArticle(tree, 11);
    expect(isArticlePath(mutation.path)).toBe(true);
    const changed = mutation.tree.files.filter((file, index) => file.content !== tree.files[index]?.content);
    expect(changed.map((file) => file.path)).toEqual([mutation.path]);
    expect(tree.files.map((file) => file.content)).toEqual(before);
    expect(mutation.tree.stats.bytes).toBe(mutation.tree.files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0));
  });

  it("edits the body only: front matter stays the same", () => {
    const mutation = mutateOneArticle(tree, 12);
    const original = parseFrontMatter(textOf(tree.files.find((file) => file.path === mutation.path)));
    const edited = parseFrontMatter(mutation.content);
    expect(edited.data).toEqual(original.data);
    expect(edited.content).not.toBe(original.content);
    expect(edited.content.startsWith(original.content)).toBe(true);
  });

  it("is deterministic in the seed and spreads over files for different seeds", () => {
    expect(mutateOneArticle(tree, 5).content).toBe(mutateOneArticle(tree, 5).content);
    const picked = new Set(Array.from({ length: 20 }, (_, seed) => mutateOneArticle(tree, seed).path));
    expect(picked.size).toBeGreaterThan(5);
  });

  it("stays within the requested scope", () => {
    for (let seed = 0; seed < 10; seed++) {
      expect(mutateOneArticle(tree, seed, { scope: "source" }).path.startsWith("content/")).toBe(true);
      expect(mutateOneArticle(tree, seed, { scope: "ja" }).path.startsWith("locales/ja/")).toBe(true);
    }
    let error: unknown;
    try {
      mutateOneArticle(tree, 1, { scope: "de" });
    } catch (caught) {
      error = caught;
    }
    expect(isBenchError(error) && error.code).toBe("bench/no-article");
  });

  describe("on a folder", () => {
    let dir: string;
    beforeEach(async () => {
      dir = await createTempDir("mutate");
      await writeGeneratedTree(tree, dir);
    });
    afterEach(async () => {
      await removeTempDir(dir);
    });

    it("picks the same file as on the tree and writes the same edit", async () => {
      const inMemory = mutateOneArticle(tree, 21);
      const onDisk = await mutateOneArticle(dir, 21);
      expect(onDisk.path).toBe(inMemory.path);
      expect(await readFile(join(dir, onDisk.path), "utf8")).toBe(inMemory.content);
    });

    it("changes the file again when run twice with the same seed", async () => {
      const first = await mutateOneArticle(dir, 4, { scope: "fr" });
      const second = await mutateOneArticle(dir, 4, { scope: "fr" });
      expect(second.path).toBe(first.path);
      expect(second.content).not.toBe(first.content);
    });
  });
});
