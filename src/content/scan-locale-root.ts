import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import fg from "fast-glob";
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import { pathWithin } from "../fs/path-within.js";

/** A file found under a locale root, before it is read. */
export interface ScannedFile {
  absolutePath: string;
  /** Project-relative POSIX path. */
  file: string;
  /** Relative to the locale root, POSIX. */
  relativePath: string;
  locale: string;
  markdown: boolean;
}

export interface ScanResult {
  files: ScannedFile[];
  diagnostics: Diagnostic[];
}

export interface ScanOptions {
  /** Absolute folder to scan. */
  root: string;
  locale: string;
  /** Absolute project root, for project-relative paths. */
  rootDir: string;
  /** Real paths that symlinks may lead into; anything else is outside the project. */
  allowedRoots: readonly string[];
  /** Folder names (relative to `root`) to leave out, such as a locales dir nested in the content dir. */
  exclude?: readonly string[];
}

const MARKDOWN_EXTENSION = ".md";

/** Converts an absolute path to the project-relative POSIX form every diagnostic uses. */
export function toProjectPath(rootDir: string, absolutePath: string): string {
  const relative = path.relative(rootDir, absolutePath);
  return (relative === "" ? "." : relative).split(path.sep).join("/");
}

/** Follows a symlink once, refusing targets outside the project and folders (never walked). */
async function resolveSymlink(absolutePath: string, file: string, allowedRoots: readonly string[]): Promise<Diagnostic | "file"> {
  let target: string;
  try {
    target = await realpath(absolutePath);
  } catch {
    return diagnostic("content/broken-symlink", {}, { file });
  }
  if (!allowedRoots.some((root) => pathWithin(target, root) !== null)) {
    return diagnostic("content/symlink-outside", {}, { file });
  }
  let isFile = false;
  try {
    isFile = (await stat(target)).isFile();
  } catch {
    // Unstattable target: treated like a folder below, i.e. not read.
  }
  if (isFile) return "file";
  return diagnostic("content/symlink-folder", {}, { file });
}

/**
 * Lists the files under one locale root without following symbolic links into folders. Symlinked
 * files are read only when they resolve inside the project. Hidden files and `node_modules` are
 * skipped. Nothing is read here; the caller reads the markdown with bounded concurrency.
 */
export async function scanLocaleRoot(options: ScanOptions): Promise<ScanResult> {
  const { root, locale, rootDir, allowedRoots } = options;
  const diagnostics: Diagnostic[] = [];
  const files: ScannedFile[] = [];
  let entries: fg.Entry[];
  try {
    entries = await fg("**", {
      cwd: root,
      dot: false,
      onlyFiles: false,
      objectMode: true,
      followSymbolicLinks: false,
      ignore: ["**/node_modules/**", ...(options.exclude ?? []).map((folder) => `${fg.escapePath(folder)}/**`)],
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.push(diagnostic("content/unreadable", { what: "folder", reason }, { file: toProjectPath(rootDir, root) }));
    return { files, diagnostics };
  }

  for (const entry of entries) {
    if (entry.dirent.isDirectory()) continue;
    if ((options.exclude ?? []).includes(entry.path)) continue;
    const absolutePath = path.join(root, entry.path);
    const file = toProjectPath(rootDir, absolutePath);
    if (entry.dirent.isSymbolicLink()) {
      const outcome = await resolveSymlink(absolutePath, file, allowedRoots);
      if (outcome !== "file") {
        diagnostics.push(outcome);
        continue;
      }
    } else if (!entry.dirent.isFile()) {
      // A FIFO or socket would block or fail on open; never touch it.
      diagnostics.push(diagnostic("content/not-a-file", {}, { file }));
      continue;
    }
    files.push({
      absolutePath,
      file,
      relativePath: entry.path,
      locale,
      markdown: entry.path.endsWith(MARKDOWN_EXTENSION),
    });
  }
  return { files, diagnostics };
}
