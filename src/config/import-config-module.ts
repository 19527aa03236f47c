import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { createJiti as CreateJiti } from "jiti";
import { userCacheDir } from "../fs/user-cache-dir.js";
import { SyncError } from "../errors/sync-error.js";
import { transformConfigSource } from "./transform-config-source.js";

const require = createRequire(import.meta.url);

/** The package name a config may import `defineConfig` from. */
const PACKAGE_NAME = "intercom-sync";

/**
 * The package's config entry (`defineConfig`, `LOCALES`), found next to this module:
 * `src/config-entry.ts` when running from source, `dist/config-entry.js` when built. Configs are
 * pointed at it so that `import "intercom-sync"` works in a folder where the package is not
 * installed (the CLI run through npx, a monorepo package, a test), without compiling the whole
 * library on every load.
 */
function resolvePackageEntry(): string {
  const self = fileURLToPath(import.meta.url);
  const extension = path.extname(self) === ".ts" ? ".ts" : ".js";
  return path.resolve(path.dirname(self), "..", `config-entry${extension}`);
}

// Native import() caches by URL; a distinct query per load lets a long-running `watch` re-read
// an edited config instead of getting the first version forever.
let loadCount = 0;

function unwrapDefault(module: unknown): unknown {
  if (module !== null && typeof module === "object" && "default" in module) {
    return (module as { default: unknown }).default;
  }
  return module;
}

/**
 * Where jiti keeps what it compiled, keyed by the source's digest (an edited config is compiled
 * again; a half-written entry does not match and is compiled again too): the user's cache folder,
 * never node_modules, which may be shared or read-only. False when that folder cannot be made.
 * Compiling a TypeScript config is most of a short command's start-up; with the cache, only the
 * first run after an edit pays it.
 */
function jitiCacheDir(env: NodeJS.ProcessEnv): string | false {
  const explicit = env.INTERCOM_SYNC_CACHE_DIR;
  const dir = path.join(explicit !== undefined && explicit !== "" ? path.resolve(explicit) : userCacheDir(env), "jiti");
  try {
    mkdirSync(dir, { recursive: true });
    return dir;
  } catch {
    return false;
  }
}

async function importWithJiti(file: string, env: NodeJS.ProcessEnv): Promise<unknown> {
  // Loaded only for TypeScript configs: the loader and its compiler are the heaviest modules here.
  // jiti's CommonJS entry, not its ES one: importing that makes node scan the 190 KB CommonJS
  // file it wraps for export names, about 25 ms.
  const { createJiti } = require("jiti") as { createJiti: typeof CreateJiti };
  const jiti = createJiti(import.meta.url, {
    alias: { [PACKAGE_NAME]: resolvePackageEntry() },
    fsCache: jitiCacheDir(env),
    // None in memory: a watch session re-reads an edited config.
    moduleCache: false,
    transform: transformConfigSource,
  });
  return jiti.import(file, { default: true });
}

function isMissingPackage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : "";
  return code === "ERR_MODULE_NOT_FOUND" && message.includes(`'${PACKAGE_NAME}'`);
}

async function importNatively(file: string, env: NodeJS.ProcessEnv): Promise<unknown> {
  loadCount += 1;
  const url = `${pathToFileURL(file).href}?load=${loadCount}`;
  try {
    return unwrapDefault(await import(url));
  } catch (error) {
    // An .mjs config that imports the package from a folder where it is not installed: retry
    // through the loader that knows the alias rather than failing on a dependency the user
    // does not need.
    if (isMissingPackage(error)) return importWithJiti(file, env);
    throw error;
  }
}

/**
 * Loads a config file's default export: `.ts`/`.mts` through jiti, `.mjs`/`.js` with native
 * `import()`, `.json` parsed. A failure to load (syntax error, a throwing config) becomes a
 * `config/load-failed` SyncError naming the file.
 */
export async function importConfigModule(file: string, env: NodeJS.ProcessEnv = process.env): Promise<unknown> {
  const extension = path.extname(file).toLowerCase();
  try {
    if (extension === ".json") return JSON.parse(await readFile(file, "utf8")) as unknown;
    if (extension === ".ts" || extension === ".mts" || extension === ".cts") return await importWithJiti(file, env);
    return await importNatively(file, env);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SyncError("config/load-failed", { file: path.basename(file), reason }, {
      location: { file: path.basename(file) },
      cause: error,
    });
  }
}
