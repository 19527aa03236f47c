import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import type { ResolvedConfig } from "../../src/config/types.js";
import { createContentCache } from "../../src/watch/content-cache.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

let dir: string;
let config: ResolvedConfig;

async function put(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), text);
}

const article = (title: string): string => `---\ntitle: ${title}\n---\nBody of ${title}.\n`;

beforeEach(async () => {
  dir = await createTempDir("content-cache");
  await put("content/a.md", article("A"));
  await put("content/b.md", article("B"));
  config = await loadConfig({ cwd: dir });
});

afterEach(async () => {
  await removeTempDir(dir);
});

function textOf(tree: { markdown: { file: string; text: string }[] }, file: string): string | undefined {
  return tree.markdown.find((entry) => entry.file === file)?.text;
}

describe("createContentCache", () => {
  it("re-reads only the files a batch names", async () => {
    const cache = createContentCache();
    await cache.load(config);
    await put("content/a.md", article("A, edited but not reported"));
    await put("content/b.md", article("B, edited"));

    const update = await cache.update(config, { configChanged: false, rescan: false, reread: ["content/b.md"], changed: ["content/b.md"] });
    expect(update.changed).toBe(true);
    expect(textOf(update.tree, "content/b.md")).toContain("B, edited");
    expect(textOf(update.tree, "content/a.md")).toBe(article("A"));
  });

  it("lists the tree again for an added file, reusing the texts it already has", async () => {
    const cache = createContentCache();
    await cache.load(config);
    await put("content/a.md", article("A, edited but not reported"));
    await put("content/new/c.md", article("C"));

    const update = await cache.update(config, { configChanged: false, rescan: true, reread: ["content/new/c.md"], changed: ["content/new/c.md"] });
    expect(update.tree.markdown.map((entry) => entry.file)).toEqual(["content/a.md", "content/b.md", "content/new/c.md"]);
    expect(textOf(update.tree, "content/a.md")).toBe(article("A"));
    expect(cache.knownMarkdown().has("content/new/c.md")).toBe(true);
  });

  it("says nothing changed when a save left the text as it was", async () => {
    const cache = createContentCache();
    await cache.load(config);
    await put("content/a.md", article("A"));
    const same = await cache.update(config, { configChanged: false, rescan: false, reread: ["content/a.md"], changed: ["content/a.md"] });
    expect(same.changed).toBe(false);
    const listed = await cache.update(config, { configChanged: false, rescan: true, reread: [], changed: [] });
    expect(listed.changed).toBe(false);
  });

  it("notices a file that went away even when the batch only said it changed", async () => {
    const cache = createContentCache();
    await cache.load(config);
    await rm(path.join(dir, "content/b.md"));
    const update = await cache.update(config, { configChanged: false, rescan: false, reread: ["content/b.md"], changed: ["content/b.md"] });
    expect(update.changed).toBe(true);
    expect(update.tree.markdown.map((entry) => entry.file)).toEqual(["content/a.md"]);
  });
});
