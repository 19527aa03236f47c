import path from "node:path";
import { watch, type FSWatcher } from "chokidar";
import type { FileEvent, FileEventKind } from "./types.js";

export interface FileWatcher {
  readonly paths: readonly string[];
  close(): Promise<void>;
}

export interface FileWatcherOptions {
  /** Absolute project root: hidden files and node_modules below it are ignored. */
  rootDir: string;
  usePolling?: boolean;
  onEvent(event: FileEvent): void;
  onError(error: unknown): void;
}

const KINDS: readonly FileEventKind[] = ["add", "change", "unlink", "addDir", "unlinkDir"];

/**
 * chokidar on the content and locales dirs and the config file. `atomic` folds an editor's
 * save-by-rename (vim, JetBrains: write a temp file, rename it over the original) into one
 * `change`; `awaitWriteFinish` is left off because its polling adds seconds to every save, and a
 * half-written file only costs one run that reports an error before the next event fixes it.
 * Resolves once the initial scan is done, so no change made after this returns is missed.
 */
export async function startFileWatcher(paths: readonly string[], options: FileWatcherOptions): Promise<FileWatcher> {
  const rootDir = path.resolve(options.rootDir);
  const ignored = (file: string): boolean => {
    const relative = path.relative(rootDir, file);
    if (relative.startsWith("..") || path.isAbsolute(relative)) return false;
    return relative.split(path.sep).some((segment) => segment.startsWith(".") || segment === "node_modules");
  };
  const watcher: FSWatcher = watch([...paths], {
    ignoreInitial: true,
    atomic: true,
    persistent: true,
    ignored,
    usePolling: options.usePolling ?? false,
  });
  for (const kind of KINDS) watcher.on(kind, (file: string) => options.onEvent({ kind, path: path.resolve(file) }));
  watcher.on("error", (error: unknown) => options.onError(error));
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return {
    paths: [...paths],
    close: () => watcher.close(),
  };
}
