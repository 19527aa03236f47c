/**
 * The package as users get it: `npm pack`, then the tarball installed as a dev dependency of an
 * empty project (what `npm install --save-dev <tarball>` records), then `npx intercom-sync init`, `check`, `plan` and `push` against the emulator there, and
 * a TypeScript config type-checked against the installed types. One pack, one install.
 *
 * The install is `--offline`, from a lock at this repository's versions (lockForTarball): it takes
 * the runtime dependencies from the local npm cache and never the network. Where the cache lacks
 * them, the test is skipped with a warning that says so.
 */
import { execFile } from "node:child_process";
import { readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import fg from "fast-glob";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../support/emulator.js";
import { repositoryRoot } from "../support/project.js";
import { createTempDir, removeTempDir } from "../support/temp-dir.js";

const run = promisify(execFile);
const TOKEN = "dG9rOjEyMzQ1Njc4OWFiY2RlZjoxOjA=";
/** The npm error codes of a cache that lacks a package (or a registry that cannot be reached). */
const UNAVAILABLE = /ENOTCACHED|EAI_AGAIN|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|E404/;

let root: string;
let project: string;
let emulator: TestEmulator;
let unavailable: string | undefined;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function exec(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Result> {
  try {
    const { stdout, stderr } = await run(command, [...args], { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", ...env }, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/**
 * A lock for the empty project with the tarball as its one dev dependency, its dependencies at the
 * versions of this repository's own lock. With it npm resolves nothing: it takes each package's
 * tarball from the cache `npm ci` filled here, where resolving version ranges would also need the
 * registry's package documents, which `npm ci` never fetches.
 */
async function lockForTarball(tarball: string): Promise<Record<string, unknown>> {
  const manifest = JSON.parse(await readFile(path.join(repositoryRoot, "package.json"), "utf8")) as Record<string, unknown>;
  const own = JSON.parse(await readFile(path.join(repositoryRoot, "package-lock.json"), "utf8")) as { packages: Record<string, Record<string, unknown>> };
  const runtime = Object.entries(own.packages).filter(([place, entry]) => place.startsWith("node_modules/") && entry.dev !== true);
  return {
    name: "help-center",
    lockfileVersion: 3,
    requires: true,
    packages: {
      "": { name: "help-center", devDependencies: { "intercom-sync": `file:${tarball}` } },
      "node_modules/intercom-sync": {
        version: manifest.version,
        resolved: `file:${tarball}`,
        dev: true,
        license: manifest.license,
        dependencies: manifest.dependencies,
        bin: manifest.bin,
        engines: manifest.engines,
      },
      ...Object.fromEntries(runtime.map(([place, entry]) => [place, { ...entry, dev: true }])),
    },
  };
}

/** dist/ is current when no source is newer than the CLI bundle, built last; else `npm pack` builds it (prepare). */
async function distIsCurrent(): Promise<boolean> {
  try {
    const built = (await stat(path.join(repositoryRoot, "dist", "bin", "intercom-sync.js"))).mtimeMs;
    const sources = await fg(["src/**/*.ts", "package.json", "tsconfig.build.json", "scripts/*.mjs"], { cwd: repositoryRoot, absolute: true });
    const times = await Promise.all(sources.map(async (file) => (await stat(file)).mtimeMs));
    return times.every((time) => time <= built);
  } catch {
    return false;
  }
}

const npx = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Result> => exec("npx", ["--no-install", "intercom-sync", ...args], project, env);

beforeAll(async () => {
  root = await createTempDir("install");
  const packed = await exec("npm", ["pack", "--json", "--pack-destination", root, ...((await distIsCurrent()) ? ["--ignore-scripts"] : [])], repositoryRoot);
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const tarball = path.join(root, (JSON.parse(packed.stdout) as { filename: string }[])[0]?.filename ?? "");
  project = path.join(root, "help-center");
  await exec("mkdir", [project], root);
  const dependency = { "intercom-sync": `file:${path.basename(tarball)}` };
  await writeFile(path.join(project, "package.json"), `${JSON.stringify({ name: "help-center", private: true, devDependencies: dependency }, null, 2)}\n`);
  await writeFile(path.join(project, "package-lock.json"), `${JSON.stringify(await lockForTarball(path.basename(tarball)), null, 2)}\n`);
  await rename(tarball, path.join(project, path.basename(tarball)));
  const installed = await exec("npm", ["install", "--offline", "--no-audit", "--no-fund"], project);
  if (installed.code !== 0) {
    if (!UNAVAILABLE.test(installed.stderr)) throw new Error(`npm install failed:\n${installed.stderr}`);
    unavailable = installed.stderr.split("\n").find((line) => UNAVAILABLE.test(line)) ?? "the npm cache lacks a dependency";
    console.warn(`SKIPPED the install test: the runtime dependencies are not in the local npm cache (${unavailable}).`);
    return;
  }
  emulator = await startTestEmulator({ tokens: [TOKEN] });
}, 180_000);

afterAll(async () => {
  await emulator?.close();
  await removeTempDir(root);
});

describe("the packed package, installed into an empty project", () => {
  it("ships the built CLI, its types, the action and the config schema, and nothing of the sources", async (context) => {
    if (unavailable !== undefined) context.skip(`npm cache unavailable: ${unavailable}`);
    const installed = path.join(project, "node_modules", "intercom-sync");
    expect((await readdir(installed)).sort()).toEqual(["README.md", "action.yml", "dist", "package.json", "schema"]);
    for (const file of ["dist/bin/intercom-sync.js", "dist/index.d.ts", "dist/config-entry.js", "dist/emulator/index.d.ts", "schema/intercom-sync.config.schema.json"]) {
      expect((await stat(path.join(installed, file))).isFile(), file).toBe(true);
    }
    const manifest = JSON.parse(await readFile(path.join(project, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies["intercom-sync"]).toMatch(/\.tgz$/);
  });

  it("ships the CLI as a bundle whose push loads no HTML-to-markdown converter (turndown is pull's, in a lazy chunk)", async (context) => {
    if (unavailable !== undefined) context.skip(`npm cache unavailable: ${unavailable}`);
    const bin = path.join(project, "node_modules", "intercom-sync", "dist", "bin");
    const read = (chunk: string): Promise<string> => readFile(path.join(bin, chunk), "utf8");
    /** The chunks a start of `chunk` evaluates: its static imports, followed to the end. */
    const staticallyLoaded = async (chunk: string, seen = new Set<string>()): Promise<Set<string>> => {
      if (seen.has(chunk)) return seen;
      seen.add(chunk);
      for (const match of (await read(chunk)).matchAll(/^import\s[^;]*?from\s*"\.\/([^"]+)"|^import\s*"\.\/([^"]+)"/gm)) {
        await staticallyLoaded(match[1] ?? match[2] ?? "", seen);
      }
      return seen;
    };
    const entry = "intercom-sync.js";
    const pushChunk = /import\("\.\/(push-[\w-]+\.js)"\)/.exec(await read(entry))?.[1];
    expect(pushChunk, "the entry imports the push command lazily").toBeDefined();
    const loaded = [...(await staticallyLoaded(entry)), ...(await staticallyLoaded(pushChunk ?? ""))];
    const withTurndown = [];
    for (const chunk of new Set(loaded)) if ((await read(chunk)).includes("TurndownService")) withTurndown.push(chunk);
    expect(withTurndown).toEqual([]);
    const everyChunk = await readdir(bin);
    const anywhere = await Promise.all(everyChunk.map(async (chunk) => (await read(chunk)).includes("TurndownService")));
    expect(anywhere.some(Boolean), "turndown is bundled somewhere").toBe(true);
  });

  it("runs init, check, plan and push through npx, and type-checks the TypeScript config init writes", async (context) => {
    if (unavailable !== undefined) context.skip(`npm cache unavailable: ${unavailable}`);
    expect((await npx(["-V"])).stdout.trim()).toBe("0.1.0");
    const init = await npx(["init", "--yes", "--locales", "fr"]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).not.toContain("package.json does not list intercom-sync");

    // The config's `import { defineConfig } from "intercom-sync"` resolves to the installed types,
    // checked in full (skipLibCheck off). They use Node's types, as a TypeScript project has them
    // (@types/node): taken from this repository rather than installed a second time.
    const tsconfig = (files: string[]): string =>
      JSON.stringify({
        compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, noEmit: true, skipLibCheck: false, types: ["node"], typeRoots: [path.join(repositoryRoot, "node_modules", "@types")] },
        files,
      });
    // One run over the config init wrote and a wrong one: only the wrong one is an error.
    await writeFile(path.join(project, "bad.config.ts"), 'import { defineConfig } from "intercom-sync";\nexport default defineConfig({ onDelete: "purge" });\n');
    await writeFile(path.join(project, "tsconfig.json"), tsconfig(["intercom-sync.config.ts", "bad.config.ts"]));
    const typed = await exec(process.execPath, [path.join(repositoryRoot, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], project);
    expect(typed.stdout.trim().split("\n").filter((line) => /error TS/.test(line)).map((line) => line.split("(")[0])).toEqual(["bad.config.ts"]);
    expect(typed.stdout).toContain('"purge"');
    await exec("rm", ["bad.config.ts", "tsconfig.json"], project);

    // The bundled CLI compiles the config with sucrase: with jiti's Babel out of reach, a silent
    // fallback to it (sucrase not found, or its exports read wrongly) fails the check. A fresh
    // cache folder, so that jiti compiles the config rather than reading an earlier compile.
    const babel = path.join(project, "node_modules", "jiti", "dist", "babel.cjs");
    await rename(babel, `${babel}.hidden`);
    const check = await npx(["check"], { INTERCOM_SYNC_CACHE_DIR: path.join(root, "check-cache") }).finally(() => rename(`${babel}.hidden`, babel));
    expect(check.code, check.stderr).toBe(0);
    const env = { INTERCOM_API_URL: emulator.url, INTERCOM_ACCESS_TOKEN: TOKEN, INTERCOM_SYNC_CACHE_DIR: path.join(root, "cache") };
    const plan = await npx(["plan"], env);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain("getting-started/welcome");
    const push = await npx(["push"], env);
    expect(push.code, push.stderr).toBe(0);
    expect(emulator.state.dump().articles).toHaveLength(1);
    const again = await npx(["plan", "--detailed-exitcode"], env);
    expect(again.code, again.stdout).toBe(0);
  }, 120_000);
});
