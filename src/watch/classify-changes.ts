import path from "node:path";
import type { FileEvent } from "./types.js";
import { pathWithin } from "../fs/path-within.js";

const MARKDOWN_EXTENSION = ".md";

export interface ClassifyInput {
  events: readonly FileEvent[];
  /** Absolute project root. */
  rootDir: string;
  /** Absolute content and locales dirs. */
  contentDir: string;
  localesDir: string;
  /** Absolute paths whose change means the config changed. */
  configFiles: readonly string[];
  /** Project-relative markdown paths the cached tree already lists (read or unreadable). */
  knownMarkdown: ReadonlySet<string>;
}

/** What to read again after a batch of file events. */
export interface ReadPlan {
  configChanged: boolean;
  /** A file or folder appeared or went away: list the tree again (unchanged texts are reused). */
  rescan: boolean;
  /** Project-relative markdown paths whose text must be read from disk again. */
  reread: string[];
  /** Project-relative paths of content files and folders that changed, sorted, for the report. */
  changed: string[];
}

/** Hidden files and node_modules are never content (the tree reader skips them too). */
function isIgnored(absolutePath: string, rootDir: string): boolean {
  return path
    .relative(rootDir, absolutePath)
    .split(path.sep)
    .some((segment) => segment.startsWith(".") || segment === "node_modules");
}

function toProjectPath(rootDir: string, absolutePath: string): string {
  return path.relative(rootDir, absolutePath).split(path.sep).join("/");
}

/**
 * Decides what a batch of file events requires, without touching the disk. A changed markdown
 * file the tree knows is read again on its own; anything that changes which files exist (an add,
 * a removal, a folder, a file the tree does not know) lists the tree again, because relative links
 * and images resolve against the set of files. Assets are only listed, never read, so a changed
 * image needs nothing at all.
 */
export function classifyChanges(input: ClassifyInput): ReadPlan {
  const configFiles = new Set(input.configFiles.map((file) => path.resolve(file)));
  let configChanged = false;
  let rescan = false;
  const reread = new Set<string>();
  const changed = new Set<string>();
  for (const event of input.events) {
    const absolute = path.resolve(event.path);
    if (configFiles.has(absolute)) {
      configChanged = true;
      continue;
    }
    if (pathWithin(absolute, input.contentDir) === null && pathWithin(absolute, input.localesDir) === null) continue;
    if (isIgnored(absolute, input.rootDir)) continue;
    const file = toProjectPath(input.rootDir, absolute);
    const markdown = file.endsWith(MARKDOWN_EXTENSION);
    if (event.kind === "change") {
      if (!markdown) continue;
      changed.add(file);
      reread.add(file);
      if (!input.knownMarkdown.has(file)) rescan = true;
      continue;
    }
    rescan = true;
    changed.add(event.kind === "addDir" || event.kind === "unlinkDir" ? `${file}/` : file);
    if (markdown) reread.add(file);
  }
  return { configChanged, rescan, reread: [...reread].sort(), changed: [...changed].sort() };
}
