import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { mapConcurrent } from "../content/map-concurrent.js";

/** Files written at once: keeps the disk busy without nearing the open-file limit. */
export const WRITE_CONCURRENCY = 16;

/**
 * Replaces one file atomically: the text goes to a temp file in the same folder, then is renamed
 * over the target, so a crash leaves the old file or the new one, never half of one. Creates the
 * folders it needs.
 */
export async function writeTextFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, text, { encoding: "utf8", flag: "wx" });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes `files` (project-relative path -> text) under `rootDir`, each atomically. */
export async function writeTextFiles(rootDir: string, files: ReadonlyArray<{ file: string; text: string }>): Promise<void> {
  await mapConcurrent(files, WRITE_CONCURRENCY, (entry) => writeTextFileAtomic(path.join(rootDir, ...entry.file.split("/")), entry.text));
}
