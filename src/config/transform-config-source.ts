import { createRequire } from "node:module";
import path from "node:path";
import type { TransformOptions, TransformResult } from "jiti";
import { loadSucrase } from "./load-sucrase.js";

const require = createRequire(import.meta.url);

// What sucrase's CommonJS output cannot express: top-level await and `import.meta` need the
// loader's own (Babel) transform, which knows how jiti evaluates modules. A false positive
// (the word in a string or a comment) only costs the slower compile.
const NEEDS_FULL_TRANSFORM = /\bawait\b|\bimport\s*\.\s*meta\b/;

type Transform = (options: TransformOptions) => TransformResult;

let babel: Transform | undefined;

/** jiti's bundled Babel transform, the one it uses when given none (loaded only when needed). */
function babelTransform(options: TransformOptions): TransformResult {
  babel ??= require(path.join(path.dirname(require.resolve("jiti/package.json")), "dist", "babel.cjs")) as Transform;
  return babel(options);
}

/**
 * The transform jiti runs on a config and the modules it imports: sucrase strips the types and
 * turns `import`/`export` into the CommonJS jiti evaluates, in a fraction of the time Babel takes
 * to load and run (most of a cold command's start-up). Anything sucrase does not handle (JSX,
 * top-level await, `import.meta`, syntax it refuses such as decorators) goes through Babel.
 */
export function transformConfigSource(options: TransformOptions): TransformResult {
  if (options.jsx || NEEDS_FULL_TRANSFORM.test(options.source)) return babelTransform(options);
  const { transform } = loadSucrase();
  try {
    const transforms: ("typescript" | "imports")[] = options.ts ? ["typescript", "imports"] : ["imports"];
    return { code: transform(options.source, { transforms, filePath: options.filename }).code };
  } catch {
    return babelTransform(options);
  }
}
