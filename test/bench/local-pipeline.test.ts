import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateHelpCenter } from "../../bench/generate-help-center.js";
import { hashState, runLocalPipeline } from "../../bench/local-pipeline.js";
import { writeGeneratedTree } from "../../bench/write-generated-tree.js";
import { loadDesiredState } from "../../src/load/disk-source.js";
import { loadConfig } from "../../src/config/load-config.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

describe("runLocalPipeline", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await createTempDir("pipeline");
    await writeGeneratedTree(generateHelpCenter({ seed: 5, articles: 30, locales: ["fr", "de"] }), dir);
  });
  afterEach(async () => {
    await removeTempDir(dir);
  });

  it("builds exactly the state loadDesiredState builds", async () => {
    const config = await loadConfig({ cwd: dir, env: {} });
    const timed = await runLocalPipeline(config, { cache: false });
    const loaded = await loadDesiredState(config, { cache: false });
    expect(timed.state).toEqual(loaded.state);
    expect(timed.files).toBe(loaded.fileCount);
    expect(timed.errors).toBe(0);
  });

  it("times each step with the injected clock and adds them up", async () => {
    const config = await loadConfig({ cwd: dir, env: {} });
    let tick = 0;
    // Every reading of the clock moves it by 1 ms.
    const run = await runLocalPipeline(config, { cache: false, now: () => (tick += 1) });
    const { parse, render, hash, rest } = run.steps;
    // Two readings per parsed file and per rendered body: one before, one after.
    expect(parse).toBe(run.files);
    expect(render).toBe(run.state.articles.reduce((sum, article) => sum + Object.keys(article.locales).length, 0));
    expect(hash).toBe(1);
    expect(rest).toBeGreaterThan(0);
    expect(parse + render + hash + rest).toBeCloseTo(run.totalMs);
  });

  it("renders nothing on a second run with the render cache, and builds the same state", async () => {
    const config = await loadConfig({ cwd: dir, env: {} });
    const cache = path.join(dir, ".cache");
    const cold = await runLocalPipeline(config, { cache });
    let tick = 0;
    const warm = await runLocalPipeline(config, { cache, now: () => (tick += 1) });
    expect(cold.cacheHits).toBe(0);
    expect(warm.cacheHits).toBe(warm.files);
    expect(warm.steps.render).toBe(0);
    expect(warm.steps.parse).toBe(0);
    expect(warm.state).toEqual(cold.state);
  });

  it("hashes every field of every item locale", async () => {
    const config = await loadConfig({ cwd: dir, env: {} });
    const { state } = await runLocalPipeline(config, { cache: false });
    const collectionLocales = state.collections.reduce((sum, collection) => sum + Object.keys(collection.locales).length, 0);
    const articleLocales = state.articles.reduce((sum, article) => sum + Object.keys(article.locales).length, 0);
    expect(hashState(state)).toBe(collectionLocales * 2 + articleLocales * 5);
  });
});
