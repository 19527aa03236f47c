/**
 * Bundles the compiled CLI (`dist/cli.js`, the modules it reaches and its dependencies) into
 * `dist/bin/`, the `bin` the package ships. A start of the CLI then reads a few dozen files instead
 * of hundreds of modules (ours, and the many files of undici, zod and yaml): resolving, compiling and
 * linking them was about a sixth of a short push's CPU (bench/RESULTS.md). `import()`s stay
 * lazy chunks, so a command still loads only what it uses. The library (`dist/index.js`) is not
 * bundled: it imports the installed dependencies.
 *
 * Left out, imported from node_modules at run time: jiti and sucrase, which load files of their
 * own when compiling a TypeScript config, and open, which runs the `xdg-open` script it ships.
 *
 * Every chunk lands in `dist/bin/`, one folder below `dist/` like the modules it comes from, so
 * the paths modules find from `import.meta.url` (`../../package.json`, `../config-entry.js`) hold
 * in the bundle too; test/install runs the packed CLI to prove it.
 */
import { rmSync } from "node:fs";
import { build } from "esbuild";

const outdir = "dist/bin";
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { "intercom-sync": "dist/cli.js" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  external: ["jiti", "sucrase", "open"],
  // Bundled CommonJS packages call require() for node's modules; an ES module has none.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  chunkNames: "[name]-[hash]",
  logLevel: "warning",
});
