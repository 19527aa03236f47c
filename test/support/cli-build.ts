/**
 * The kill, Ctrl-C, concurrency and watch tests (and the emulator thread's) need the compiled CLI.
 * It is compiled once per test run, by the global setup (`global-setup.ts`), into a private folder
 * under node_modules/.cache (never the shared `dist/`, which other builds may be rewriting at the
 * same moment), keyed by the sources' fingerprint, so a stale build is never used and parallel
 * test runs build it once between them.
 *
 * Each source is compiled on its own with `ts.transpileModule` and the tools build's compiler
 * options: the same emitter as `tsc -p tsconfig.tools.json`, byte for byte the same JavaScript, without
 * the type check (the typecheck step does that), in a few seconds instead of a minute on a busy
 * machine.
 */
import { createHash } from "node:crypto";
import { copyFile, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CACHE_ROOT = path.join(repositoryRoot, "node_modules", ".cache", "intercom-sync-reliability");
/** A build lock older than this belongs to a test run that died mid-build. */
const STALE_BUILD_MS = 180_000;
const POLL_MS = 200;
/** Builds kept; older ones (from sources since edited) are removed after a new build. */
const BUILDS_KEPT = 2;

async function listSources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listSources(full);
      return Promise.resolve(entry.name.endsWith(".ts") ? [full] : []);
    }),
  );
  return nested.flat().sort();
}

/** Paths, sizes and modification times of every source file: changes whenever a source does. */
async function fingerprintSources(): Promise<string> {
  const sourceDirs = ["src", "bench"].map((dir) => path.join(repositoryRoot, dir));
  const settings = ["package.json", "tsconfig.json", "tsconfig.tools.json"].map((name) => path.join(repositoryRoot, name));
  const files = [...(await Promise.all(sourceDirs.map(listSources))).flat(), ...settings];
  const hash = createHash("sha256");
  for (const file of files) {
    const info = await stat(file);
    hash.update(`${file}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return hash.digest("hex").slice(0, 16);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** The tools build's compiler options (tsconfig.tools.json: src/ and bench/), for one file at a time. */
function buildOptions(): { options: ts.CompilerOptions; sources: string[] } {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(repositoryRoot, "tsconfig.tools.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(`tsconfig.tools.json: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
    },
  });
  if (parsed === undefined) throw new Error("tsconfig.tools.json could not be read.");
  // One file alone cannot find package.json's "type": "module", which makes NodeNext emit ES
  // modules here: ask for them directly. Declarations and source maps are not needed to run.
  const options = { ...parsed.options, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, declaration: false, sourceMap: false };
  return { options, sources: parsed.fileNames.filter((file) => !file.endsWith(".d.ts")) };
}

async function transpileSources(outDir: string): Promise<void> {
  const { options, sources } = buildOptions();
  // rootDir is the repository: build/src/..., build/bench/...
  const sourceRoot = repositoryRoot;
  await Promise.all(
    sources.map(async (file) => {
      const { outputText } = ts.transpileModule(await readFile(file, "utf8"), { compilerOptions: options, fileName: file });
      const target = path.join(outDir, path.relative(sourceRoot, file)).replace(/\.ts$/, ".js");
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, outputText);
    }),
  );
}

async function compileInto(target: string): Promise<void> {
  const temp = `${target}.${process.pid}.tmp`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  // The CLI reads its version from ../../package.json, relative to build/src/cli/program.js.
  await mkdir(path.join(temp, "build"), { recursive: true });
  await copyFile(path.join(repositoryRoot, "package.json"), path.join(temp, "build", "package.json"));
  await transpileSources(path.join(temp, "build"));
  if (!(await exists(path.join(temp, "build", "src", "cli.js")))) throw new Error("Building the CLI for the tests produced no src/cli.js.");
  await rename(temp, target).catch(async (error: unknown) => {
    // Another test run finished the same build first: keep theirs.
    await rm(temp, { recursive: true, force: true });
    if (!(await exists(path.join(target, "build", "src", "cli.js")))) throw error;
  });
}

/** Removes all but the newest builds; a test run still using an older one keeps it (it is recent). */
async function pruneOldBuilds(): Promise<void> {
  const entries = await readdir(CACHE_ROOT, { withFileTypes: true });
  const builds = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() && /^[0-9a-f]{16}$/.test(entry.name))
      .map(async (entry) => ({ dir: path.join(CACHE_ROOT, entry.name), mtime: (await stat(path.join(CACHE_ROOT, entry.name))).mtimeMs })),
  );
  const stale = builds.sort((a, b) => b.mtime - a.mtime).slice(BUILDS_KEPT);
  await Promise.all(stale.map((build) => rm(build.dir, { recursive: true, force: true })));
}

/** Absolute path of a `cli.js` compiled from the current sources. */
export async function ensureBuiltCli(): Promise<string> {
  const target = path.join(CACHE_ROOT, await fingerprintSources());
  const cli = path.join(target, "build", "src", "cli.js");
  await mkdir(CACHE_ROOT, { recursive: true });
  const lockFile = `${target}.building`;
  for (;;) {
    if (await exists(cli)) return cli;
    let handle;
    try {
      handle = await open(lockFile, "wx");
    } catch {
      const info = await stat(lockFile).catch(() => null);
      if (info !== null && Date.now() - info.mtimeMs > STALE_BUILD_MS) await rm(lockFile, { force: true });
      await sleep(POLL_MS);
      continue;
    }
    try {
      await handle.close();
      if (!(await exists(cli))) {
        await compileInto(target);
        await pruneOldBuilds();
      }
      return cli;
    } finally {
      await rm(lockFile, { force: true });
    }
  }
}
