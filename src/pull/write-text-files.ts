import path from "node:path";
import { mapConcurrent } from "../content/map-concurrent.js";
import { writeFileAtomic } from "../fs/write-file-atomic.js";

/** Files written at once: keeps the disk busy without nearing the open-file limit. */
export const WRITE_CONCURRENCY = 16;

/** Writes `files` (project-relative path -> text) under `rootDir`, each atomically, creating folders as needed. */
export async function writeTextFiles(rootDir: string, files: ReadonlyArray<{ file: string; text: string }>): Promise<void> {
  await mapConcurrent(files, WRITE_CONCURRENCY, (entry) => writeFileAtomic(path.join(rootDir, ...entry.file.split("/")), entry.text, { makeDirs: true }));
}
