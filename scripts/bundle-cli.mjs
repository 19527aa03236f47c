/**
 * Bundles the compiled CLI (`dist/cli.js`, the modules it reaches and its dependencies) into
 * `dist/bin/`, the `bin` the package ships. A push then starts from 46 ES modules instead of 320,
 * and 3 CommonJS files instead of 376 (jiti's two and sucrase's bundle, for a TypeScript config;
 * undici alone had over a hundred): resolving, compiling and linking them was about 200 ms of a
 * short push's 1,600 ms of CPU (bench/RESULTS.md). `import()`s stay
 * lazy chunks, so a command still loads only what it uses. The library (`dist/index.js`) is not
 * bundled: it imports the installed dependencies.
 *
 * Left out, imported from node_modules at run time: jiti, which loads files of its own (its Babel)
 * when compiling a TypeScript config, and open, which runs the `xdg-open` script it ships. Some
 * imports get stand-ins (STAND_INS): undici its Agent and request API only, js-yaml nothing.
 * sucrase, which the config transform requires only when jiti compiles (not when its cache has
 * the config), is bundled on its own as `sucrase.cjs`, and its loader's stand-in loads that.
 *
 * Every chunk lands in `dist/bin/`, one folder below `dist/` like the modules it comes from, so
 * the paths modules find from `import.meta.url` (`../../package.json`, `../config-entry.js`) hold
 * in the bundle too; test/install runs the packed CLI to prove it.
 *
 * Plain JavaScript, unlike the other scripts: `npm install` runs it (through `prepare`), before
 * anything of build/ exists.
 */
import { rmSync } from "node:fs";
import { fileURLToPath, URL } from "node:url";
import { build } from "esbuild";

/**
 * Imports the bundle answers with a stand-in beside this script (each file says why): two bare
 * packages, and the module that loads sucrase, which in the bundle loads `sucrase.cjs` instead.
 */
const STAND_INS = {
  undici: "undici-agent-only.mjs",
  "js-yaml": "js-yaml-not-bundled.mjs",
  "./load-sucrase.js": "sucrase-bundled.mjs",
};

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Resolves exactly those specifiers (not subpaths, which the stand-ins themselves import) to the stand-ins. */
const standIns = {
  name: "stand-ins",
  setup(bundler) {
    const specifiers = Object.keys(STAND_INS).map(escapeRegExp).join("|");
    bundler.onResolve({ filter: new RegExp(`^(${specifiers})$`) }, ({ path }) => ({ path: fileURLToPath(new URL(STAND_INS[path], import.meta.url)) }));
  },
};

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
  external: ["jiti", "open"],
  // Bundled CommonJS packages call require() for node's modules; an ES module has none.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  plugins: [standIns],
  chunkNames: "[name]-[hash]",
  logLevel: "warning",
});
// sucrase as one CommonJS file, `sucrase.cjs`, which scripts/sucrase-bundled.mjs loads when a
// TypeScript config is compiled.
await build({
  entryPoints: { sucrase: "sucrase" },
  outExtension: { ".js": ".cjs" },
  outdir,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20.19",
  logLevel: "warning",
});
