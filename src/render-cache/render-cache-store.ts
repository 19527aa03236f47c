/**
 * Where the render cache lives and how it is read and written. The cache only saves work: a
 * missing, unreadable or corrupt file is an empty cache, and a failed write is ignored.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { userCacheDir } from "../fs/user-cache-dir.js";
import { createCacheDecoder, createRenderCache, type RenderCache } from "./render-cache.js";

/** Name of the cache file inside the cache folder. */
export const RENDER_CACHE_FILE = "render-cache.ndjson";
/** Hex characters of the project-root digest that names a project's folder in the shared cache. */
const ROOT_DIGEST_LENGTH = 16;

/**
 * The folder holding a project's render cache: `INTERCOM_SYNC_CACHE_DIR` as is (one project per
 * folder), else `$XDG_CACHE_HOME/intercom-sync/<digest of the project root>`, else
 * `~/.cache/intercom-sync/<digest>`.
 */
export function renderCacheDir(rootDir: string, env: NodeJS.ProcessEnv): string {
  const explicit = env.INTERCOM_SYNC_CACHE_DIR;
  if (explicit !== undefined && explicit !== "") return path.resolve(rootDir, explicit);
  const digest = createHash("sha256").update(path.resolve(rootDir)).digest("hex").slice(0, ROOT_DIGEST_LENGTH);
  return path.join(userCacheDir(env), digest);
}

/** A cache being used by one read, and how to commit what it wrote. */
export interface RenderCacheSession {
  cache: RenderCache;
  /**
   * Ends the read: commits the new cache file atomically (temp file, then rename: a concurrent
   * run reads the old file or the new one), or drops it. Never throws.
   * @returns true when a new file was committed
   */
  save(): Promise<boolean>;
}

async function readEntries(file: string): Promise<Map<string, unknown>> {
  const decoder = createCacheDecoder();
  try {
    const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
    for await (const line of lines) decoder.line(line);
    return decoder.entries;
  } catch {
    return new Map();
  }
}

/** Opens the cache in `dir`: reads it line by line (anything unreadable is an empty cache). */
export async function openRenderCache(dir: string): Promise<RenderCacheSession> {
  const file = path.join(dir, RENDER_CACHE_FILE);
  const previous = await readEntries(file);
  const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  const folder = mkdir(dir, { recursive: true }).then(
    () => true,
    () => false,
  );
  let out: WriteStream | null = null;
  let failed = false;
  const cache = createRenderCache(previous, {
    write(lines) {
      if (failed) return;
      if (out === null) {
        out = createWriteStream(temp, { encoding: "utf8", flags: "wx" });
        out.on("error", () => {
          failed = true;
        });
      }
      // Lines go out as they are made; the stream flushes while the next files are being read.
      out.write(`${lines.join("\n")}\n`);
    },
  });
  await folder;
  return {
    cache,
    async save() {
      const complete = cache.finish();
      const stream = out as WriteStream | null;
      if (stream !== null) await new Promise<void>((resolve) => stream.end(resolve));
      if (complete && !failed && stream !== null) {
        try {
          await rename(temp, file);
          return true;
        } catch {
          // Fall through to the clean-up: a cache that cannot be written is no cache.
        }
      }
      if (stream !== null) await rm(temp, { force: true }).catch(() => undefined);
      return false;
    },
  };
}
