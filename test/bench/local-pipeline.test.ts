import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateHelpCenter } from "../../src/bench/generate-help-center.js";
import { hashState, runLocalPipeline } from "../../src/bench/local-pipeline.js";
import { writeGeneratedTree } from "../../src/bench/write-generated-tree.js";
import { loadDesiredState } from "../../src/check/load-desired-state.js";
import { loadConfig } from "../../src/config/load-config.js";

describe("runLocalPipeline", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "intercom-sync-pipeline-"));
    await writeGeneratedTree(generateHelpCenter({ seed: 5, articles: 30, locales: ["fr", "de"] }), dir);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("builds exactly the state loadDesiredState builds", async () => {
    const config = await loadConfig({ cwd: dir, env: {} });
    const timed = await runLocalPipeline(config);
    const loaded = await loadDesiredState(config);
    expect(timed.state).toEqual(loaded.state);
    expect(timed.files).toBe(loaded.fileCount);
    expect(timed.errors).toBe(0);
  });

  it("times each step with the injected clock and adds them up", async () => {
    const config = await loadConfig({ cwd: dir, env: {} });
    let tick = 0;
    // Every reading of the clock moves it by 1 ms.
    const run = await runLocalPipeline(config, () => (tick += 1));
    const { read, parse, render, build, hash } = run.steps;
    expect(read).toBe(1);
    expect(parse).toBe(1);
    // Two readings per rendered body: one before, one after.
    expect(render).toBe(run.state.articles.reduce((sum, article) => sum + Object.keys(article.locales).length, 0));
    expect(build).toBeGreaterThan(0);
    expect(hash).toBe(1);
    expect(read + parse + render + build + hash).toBeCloseTo(run.totalMs);
  });

  it("hashes every field of every item locale", async () => {
    const config = await loadConfig({ cwd: dir, env: {} });
    const { state } = await runLocalPipeline(config);
    const collectionLocales = state.collections.reduce((sum, collection) => sum + Object.keys(collection.locales).length, 0);
    const articleLocales = state.articles.reduce((sum, article) => sum + Object.keys(article.locales).length, 0);
    expect(hashState(state)).toBe(collectionLocales * 2 + articleLocales * 5);
  });
});
