/**
 * Imports run one way: base <- core <- adapters <- composer <- entry points. A module may import
 * its own layer or a lower one, never a higher one; the README's "Architecture" section names the
 * same layers.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";

const LAYERS: Record<string, readonly string[]> = {
  base: ["types", "errors", "locales", "intercom", "fs"],
  core: ["config", "content", "digest", "model", "render", "plan", "diagnostics"],
  adapters: ["load", "render-cache", "remote", "lock", "apply", "pull", "stamp", "status", "check", "init", "watch", "emulator", "preview"],
  composer: ["sync"],
  entry: ["cli", "index", "config-entry"],
};
const RANKS = Object.keys(LAYERS);
const src = fileURLToPath(new URL("../../src/", import.meta.url));

/** `src/plan/hash.ts` -> `plan`; `src/types.ts` -> `types`. */
function moduleOf(file: string): string {
  return (path.relative(src, file).split(path.sep)[0] ?? "").replace(/\.[jt]s$/, "");
}

function layerOf(module: string): number {
  const rank = RANKS.findIndex((layer) => LAYERS[layer]?.includes(module));
  if (rank === -1) throw new Error(`src/${module} is in no layer: add it to LAYERS here and to the README's Architecture section.`);
  return rank;
}

async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(file, "utf8");
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)"(\.{1,2}\/[^"]+)"/g)].map((match) => path.resolve(path.dirname(file), match[1] as string));
}

describe("import layers", () => {
  it("has every import go to the module's own layer or a lower one", async () => {
    const files = await fg("**/*.ts", { cwd: src, absolute: true });
    const upward: string[] = [];
    for (const file of files) {
      const from = moduleOf(file);
      for (const target of await importsOf(file)) {
        const to = moduleOf(target);
        if (to !== from && layerOf(to) > layerOf(from)) upward.push(`${path.relative(src, file)} imports ${path.relative(src, target)} (${RANKS[layerOf(from)]} -> ${RANKS[layerOf(to)]})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("keeps the library API and the CLI apart: nothing outside cli/ imports it, and nothing imports the API", async () => {
    const files = await fg("**/*.ts", { cwd: src, absolute: true });
    const wrong: string[] = [];
    for (const file of files) {
      for (const target of await importsOf(file)) {
        const to = moduleOf(target);
        const from = moduleOf(file);
        if ((to === "cli" && from !== "cli") || (to === "index" && from !== "index")) wrong.push(`${path.relative(src, file)} imports ${path.relative(src, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

/** Every module `entry` loads before it runs (static imports only: import() loads when called). */
async function staticallyLoaded(entry: string): Promise<string[]> {
  const staticImports = async (file: string): Promise<string[]> => {
    const text = await readFile(file, "utf8");
    return [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"(\.{1,2}\/[^"]+)"/gm)].map((match) => path.resolve(path.dirname(file), (match[1] as string).replace(/\.js$/, ".ts")));
  };
  const seen = new Set<string>();
  const pending = [path.join(src, entry)];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...(await staticImports(file)));
  }
  return [...seen].map((file) => path.relative(src, file)).sort();
}

describe("CLI start-up", () => {
  it("loads no command, renderer, parser, client or config loader before a command runs (--help, --version)", async () => {
    const loaded = await staticallyLoaded("cli.ts");
    expect(loaded.filter((file) => /^(cli\/commands|render|remote|load|config|content|sync|plan|apply|emulator)\//.test(file))).toEqual([]);
  });

  it.each(["check", "status", "stamp"])("loads no HTTP client for %s, which reads files only", async (command) => {
    const loaded = await staticallyLoaded(`cli/commands/${command}.ts`);
    expect(loaded.filter((file) => /^remote\/(client|send-request|idle-connections)\.ts$/.test(file))).toEqual([]);
  });

  it.each(["push", "plan", "watch"])("loads no HTML-to-markdown converter for %s until --diff or pull asks for it", async (command) => {
    const loaded = await staticallyLoaded(`cli/commands/${command}.ts`);
    expect(loaded.filter((file) => /^(render\/html-to-markdown|plan\/text-diff|pull\/plan-internal-pull)\.ts$/.test(file))).toEqual([]);
  });
});
