import { mkdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, posix } from "node:path";
import pLimit from "p-limit";
import { BenchError } from "./bench-error.js";
import type { GeneratedTree } from "./types.js";

/** Files written at once: enough to keep the disk busy without running out of file handles. */
export const DEFAULT_WRITE_CONCURRENCY = 32;

export interface WriteTreeOptions {
  /** Parallel file writes. Default {@link DEFAULT_WRITE_CONCURRENCY}. */
  concurrency?: number;
}

/**
 * Writes every file of `tree` under `dir`, creating folders as needed (mkdir -p). Existing files are
 * overwritten; other files in `dir` are left alone.
 * @throws BenchError `bench/unsafe-path` when a path is absolute or climbs out of `dir` (nothing is written).
 */
export async function writeGeneratedTree(tree: GeneratedTree, dir: string, options: WriteTreeOptions = {}): Promise<void> {
  for (const file of tree.files) assertSafePath(file.path);
  const folders = [...new Set(tree.files.map((file) => dirname(join(dir, file.path))))].sort();
  // Creating folders first, one by one, avoids racing mkdir calls on shared parents.
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const limit = pLimit(options.concurrency ?? DEFAULT_WRITE_CONCURRENCY);
  await Promise.all(tree.files.map((file) => limit(() => writeFile(join(dir, file.path), file.content))));
}

function assertSafePath(path: string): void {
  const normalised = posix.normalize(path);
  if (isAbsolute(path) || normalised.startsWith("../") || normalised === ".." || path.includes("\\")) {
    throw new BenchError("bench/unsafe-path", `Refusing to write "${path}": generated paths must stay inside the target folder.`, {
      hint: "Use POSIX paths relative to the project root, such as content/billing/refunds.md.",
    });
  }
}
