import { createRequire } from "node:module";
import type { transform } from "sucrase";

const require = createRequire(import.meta.url);

/** What the config transform uses of sucrase. */
export interface Sucrase {
  transform: typeof transform;
}

/**
 * sucrase, loaded at the first call: only when jiti compiles a TypeScript config, not when its
 * cache already has it. A module of its own so that the CLI bundle can load its own bundled copy
 * instead (scripts/sucrase-bundled.mjs).
 */
export function loadSucrase(): Sucrase {
  return require("sucrase") as Sucrase;
}
