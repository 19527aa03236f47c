/**
 * What the CLI bundle gets for src/config/load-sucrase.ts (see bundle-cli.mjs): the same lazy
 * load, of `sucrase.cjs`, a bundle of sucrase built beside the chunks. sucrase is 57 CommonJS
 * files; resolving, reading and compiling them one by one was half of its 50 ms load.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function loadSucrase() {
  return require("./sucrase.cjs");
}
