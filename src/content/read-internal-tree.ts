/**
 * Reads the internal articles' folder (`internalDir`): every markdown file, decoded, with paths
 * project-relative POSIX. A missing folder is no internal articles. Other files are listed too, so
 * the caller can tell an empty folder from none.
 */
import { realpath } from "node:fs/promises";
import { pathKind } from "../fs/path-exists.js";
import type { Diagnostic } from "../errors/sync-error.js";
import { mapConcurrent } from "./map-concurrent.js";
import { READ_CONCURRENCY } from "./read-content-tree.js";
import { readTextFile } from "./read-text-file.js";
import { scanLocaleRoot, toProjectPath } from "./scan-locale-root.js";

export interface InternalTree {
  /** False when the folder does not exist. */
  exists: boolean;
  /** Project-relative POSIX path of the folder. */
  internalDir: string;
  files: { file: string; text: string }[];
  diagnostics: Diagnostic[];
}

/** Lists and reads `internalDir` (absolute); never throws for a bad file (diagnostics instead). */
export async function readInternalTree(rootDir: string, internalDir: string, locale: string): Promise<InternalTree> {
  const relativeDir = toProjectPath(rootDir, internalDir);
  if ((await pathKind(internalDir)) !== "folder") return { exists: false, internalDir: relativeDir, files: [], diagnostics: [] };
  const allowedRoots = await Promise.all([rootDir, internalDir].map((dir) => realpath(dir).catch(() => dir)));
  const scan = await scanLocaleRoot({ root: internalDir, locale, rootDir, allowedRoots });
  const diagnostics = [...scan.diagnostics];
  const markdown = scan.files.filter((file) => file.markdown);
  const read = await mapConcurrent(markdown, READ_CONCURRENCY, async (file) => ({ file: file.file, result: await readTextFile(file.absolutePath, file.file) }));
  const files: { file: string; text: string }[] = [];
  for (const { file, result } of read) {
    if (result.diagnostic) diagnostics.push(result.diagnostic);
    else files.push({ file, text: result.text });
  }
  return { exists: true, internalDir: relativeDir, files: files.sort((a, b) => (a.file < b.file ? -1 : 1)), diagnostics };
}
