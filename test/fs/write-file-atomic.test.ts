import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/fs/write-file-atomic.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

let dir: string;
beforeEach(async () => {
  dir = await createTempDir("atomic");
});
afterEach(async () => {
  await removeTempDir(dir);
});

describe("writeFileAtomic", () => {
  it("replaces a file's text and leaves no temp file beside it", async () => {
    const file = path.join(dir, "lock.json");
    await writeFile(file, "old");
    await writeFileAtomic(file, "new ✓");
    expect(await readFile(file, "utf8")).toBe("new ✓");
    expect(await readdir(dir)).toEqual(["lock.json"]);
  });

  it("creates missing folders only when asked", async () => {
    const file = path.join(dir, "a", "b", "page.md");
    await expect(writeFileAtomic(file, "x")).rejects.toMatchObject({ code: "ENOENT" });
    await writeFileAtomic(file, "x", { makeDirs: true });
    expect(await readFile(file, "utf8")).toBe("x");
  });

  it("keeps the old file and removes its temp file when the rename fails", async () => {
    // A folder where the file should be: the rename over it fails after the temp file is written.
    const target = path.join(dir, "taken");
    await writeFile(path.join(dir, "keep.txt"), "kept");
    await mkdir(path.join(target, "inside"), { recursive: true });
    await expect(writeFileAtomic(target, "text")).rejects.toBeDefined();
    expect((await readdir(dir)).sort()).toEqual(["keep.txt", "taken"]);
    expect(await readFile(path.join(dir, "keep.txt"), "utf8")).toBe("kept");
  });
});
