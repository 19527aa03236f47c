import path from "node:path";

export interface PathOptions {
  /** Absolute project root the diagnostic paths are relative to. */
  rootDir?: string;
  /** Absolute folder the paths should be shown relative to; defaults to the project root. */
  cwd?: string;
}

/**
 * A project-relative path as the user should see it: relative to `cwd` when both folders are
 * known (running from a sub-folder shows `../content/a.md`), POSIX separators always. Pure.
 */
export function toDisplayPath(file: string, options: PathOptions): string {
  if (options.rootDir === undefined || options.cwd === undefined) return file;
  const relative = path.relative(options.cwd, path.resolve(options.rootDir, file));
  return (relative === "" ? "." : relative).split(path.sep).join("/");
}
