import { readFile, rm, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadDesiredState } from "../../src/load/disk-source.js";
import type { LoadedState } from "../../src/load/build-desired-state.js";
import { recordLookups } from "../../src/render-cache/recording-files.js";
import { RENDER_CACHE_FILE, renderCacheDir } from "../../src/render-cache/render-cache-store.js";
import { resolveConfig } from "../../src/config/validate-config.js";
import type { ResolvedConfig } from "../../src/config/types.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

describe("render cache", () => {
  let root: string;
  let cacheDir: string;
  let config: ResolvedConfig;

  async function write(file: string, text: string): Promise<void> {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }

  const load = (): Promise<LoadedState> => loadDesiredState(config, { cache: cacheDir });
  const codesOf = (loaded: LoadedState): string[] => loaded.diagnostics.map((d) => `${d.location.file} ${d.code}`);

  beforeEach(async () => {
    root = await createTempDir("render-cache");
    cacheDir = path.join(root, ".cache");
    await write("content/guide.md", "---\ntitle: Guide\n---\nRead [the setup](setup.md) and [the FAQ](faq.md).\n");
    await write("content/setup.md", "---\ntitle: Setup\n---\nInstall it.\n");
    await write("locales/fr/guide.md", "---\ntitle: Guide fr\n---\nLisez [la FAQ](faq.md).\n");
    config = resolveConfig({}, root, null);
  });
  afterEach(async () => {
    await removeTempDir(root);
  });

  it("serves unchanged files from the cache, with the same state and findings", async () => {
    const cold = await load();
    expect(cold.cache).toEqual({ hits: 0, misses: 3 });
    const warm = await load();
    expect(warm.cache).toEqual({ hits: 3, misses: 0 });
    expect(warm.state).toEqual(cold.state);
    expect(codesOf(warm)).toEqual(codesOf(cold));
    // The broken link to faq.md is reported from the cache too.
    expect(codesOf(warm)).toContain("content/guide.md render/broken-link");
  });

  it("renders a file again when its text changes, and only that file", async () => {
    const cold = await load();
    await write("content/setup.md", "---\ntitle: Setup\n---\nInstall it twice.\n");
    const warm = await load();
    expect(warm.cache).toEqual({ hits: 2, misses: 1 });
    const digestOf = (loaded: LoadedState): string | undefined => loaded.state.articles.find((a) => a.key === "setup")?.locales.en?.digest;
    expect(digestOf(warm)).not.toBe(digestOf(cold));
  });

  it("renders the files that link to a target again when the target appears or disappears", async () => {
    await load();
    await write("content/faq.md", "---\ntitle: FAQ\n---\nAnswers.\n");
    const appeared = await load();
    // guide.md (en) and guide.md (fr) asked whether faq.md exists; setup.md did not.
    expect(appeared.cache).toEqual({ hits: 1, misses: 3 });
    expect(codesOf(appeared)).not.toContain("content/guide.md render/broken-link");
    expect(appeared.state.articles.find((a) => a.key === "guide")?.locales.en?.links).toEqual(["setup", "faq"]);

    await rm(path.join(root, "content/faq.md"));
    const gone = await load();
    expect(gone.cache).toEqual({ hits: 1, misses: 2 });
    expect(codesOf(gone)).toContain("content/guide.md render/broken-link");
  });

  it("ignores a corrupt or unreadable cache and replaces it", async () => {
    const cold = await load();
    for (const garbage of ["{not json", '{"format":2}\n["e",99,{}]\n', '{"format":2}\n["s","content/guide.md"]\n["e",0,{"key":"x"}]\n']) {
      await writeFile(path.join(cacheDir, RENDER_CACHE_FILE), garbage);
      const loaded = await load();
      expect(loaded.state).toEqual(cold.state);
      expect(loaded.cache?.hits).toBe(0);
    }
    expect((await load()).cache).toEqual({ hits: 3, misses: 0 });
  });

  it("drops the entries of files that no longer exist", async () => {
    await load();
    await rm(path.join(root, "locales/fr/guide.md"));
    await load();
    const saved = await readFile(path.join(cacheDir, RENDER_CACHE_FILE), "utf8");
    expect(saved).toContain("content/guide.md");
    expect(saved).not.toContain("locales/fr/guide.md");
    expect((await load()).cache).toEqual({ hits: 2, misses: 0 });
  });

  it("can be turned off", async () => {
    const loaded = await loadDesiredState(config, { cache: false });
    expect(loaded.cache).toBeNull();
    await expect(readFile(path.join(cacheDir, RENDER_CACHE_FILE), "utf8")).rejects.toThrow();
  });

  it("lives in INTERCOM_SYNC_CACHE_DIR, else under XDG_CACHE_HOME or ~/.cache per project", () => {
    expect(renderCacheDir("/p/one", { INTERCOM_SYNC_CACHE_DIR: "/c" })).toBe(path.resolve("/c"));
    const xdg = renderCacheDir("/p/one", { XDG_CACHE_HOME: "/x" });
    expect(xdg).toMatch(/^\/x\/intercom-sync\/[0-9a-f]{16}$/);
    expect(renderCacheDir("/p/two", { XDG_CACHE_HOME: "/x" })).not.toBe(xdg);
    expect(renderCacheDir("/p/one", { HOME: "/home/u" })).toMatch(/^\/home\/u\/\.cache\/intercom-sync\/[0-9a-f]{16}$/);
  });
});

describe("recordLookups", () => {
  it("records each answer, and gives up when the set is enumerated", () => {
    const recorder = recordLookups(new Set(["a.md"]));
    expect(recorder.files.has("a.md")).toBe(true);
    expect(recorder.files.has("b.md")).toBe(false);
    expect(recorder.lookups()).toEqual({ found: ["a.md"], missing: ["b.md"] });
    expect([...recorder.files]).toEqual(["a.md"]);
    expect(recorder.lookups()).toBeNull();
  });
});
