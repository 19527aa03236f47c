/**
 * The project's files on disk as a build source: listed once, then each markdown file read as
 * bytes and prepared through the render cache (a file the cache answers for is never decoded).
 */
import path from "node:path";
import type { ResolvedConfig } from "../config/types.js";
import { scanContentTree } from "../content/read-content-tree.js";
import { readFileBytes, readTextFile } from "../content/read-text-file.js";
import type { ScannedFile } from "../content/scan-locale-root.js";
import { openRenderCache, renderCacheDir } from "../render-cache/render-cache-store.js";
import { buildDesiredState, type BuildOptions, type FileSource, type LoadedState } from "./build-desired-state.js";
import { prepareBytes } from "./prepare-text.js";

export interface DiskSourceOptions {
  /**
   * The on-disk render cache: on by default (see renderCacheDir for where), `false` to turn it
   * off, or the folder to keep it in.
   */
  cache?: boolean | string;
  /** Where `INTERCOM_SYNC_CACHE_DIR`, `XDG_CACHE_HOME` and `HOME` come from. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
}

function cacheDirOf(config: ResolvedConfig, options: DiskSourceOptions): string | null {
  if (options.cache === false) return null;
  if (typeof options.cache === "string") return options.cache;
  return renderCacheDir(config.rootDir, options.env ?? process.env);
}

/** Lists the project's tree and opens its render cache. */
export async function openDiskSource(config: ResolvedConfig, options: DiskSourceOptions = {}): Promise<FileSource> {
  const scan = await scanContentTree(config);
  const cacheDir = cacheDirOf(config, options);
  const session = cacheDir === null ? null : await openRenderCache(cacheDir);
  const cache = session?.cache ?? null;
  const scanned = new Map<string, ScannedFile>(scan.markdown.map((file) => [file.file, file]));
  return {
    listing: { ...scan, otherFiles: scan.assets },
    async prepare(place, context, parse) {
      const read = await readFileBytes((scanned.get(place.file) as ScannedFile).absolutePath, place.file);
      return read.diagnostic ?? prepareBytes(read.bytes, place, context, parse, cache);
    },
    async readText(file) {
      const read = await readTextFile(path.join(config.rootDir, ...file.split("/")), file);
      if (read.diagnostic) throw new Error(read.diagnostic.message);
      return read.text;
    },
    async finish() {
      await session?.save();
      return cache === null ? null : cache.stats();
    },
  };
}

/** Reads, parses and models the project's content tree from disk: what `check`, `status` and a push see. */
export async function loadDesiredState(config: ResolvedConfig, options: DiskSourceOptions & BuildOptions = {}): Promise<LoadedState> {
  return buildDesiredState(await openDiskSource(config, options), config, options);
}
