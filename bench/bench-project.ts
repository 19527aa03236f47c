import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateHelpCenter } from "./generate-help-center.js";
import type { GeneratedStats } from "./types.js";
import { writeGeneratedTree } from "./write-generated-tree.js";

/** Translation locales of every benchmark tree: with the source ("en"), 5 locales, all enabled on the emulator's default help center. */
export const BENCH_LOCALES: readonly string[] = ["fr", "de", "es", "ja"];
/** Seed of every benchmark tree, so runs on different days compare the same content. */
export const BENCH_SEED = 20_260_101;

export interface BenchProject {
  /** Absolute path of the project root (config, content/, locales/). */
  dir: string;
  stats: GeneratedStats;
  /** Removes the folder. */
  remove(): Promise<void>;
}

/**
 * Generates a help center of `articles` articles in {@link BENCH_LOCALES} and writes it to a new
 * temp folder. The generated tree is dropped once written, so it does not weigh on what follows.
 */
export async function createBenchProject(articles: number, seed = BENCH_SEED, locales: readonly string[] = BENCH_LOCALES): Promise<BenchProject> {
  const dir = await mkdtemp(path.join(tmpdir(), `intercom-sync-bench-${articles}-`));
  try {
    const tree = generateHelpCenter({ seed, articles, locales: [...locales] });
    await writeGeneratedTree(tree, dir);
    return { dir, stats: tree.stats, remove: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
