import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CONFIG_SCHEMA_FILE, configJsonSchemaText } from "../src/config/config-json-schema.js";

/**
 * Rewrites the config's JSON Schema from the zod schema (`npm run docs:schema`). Run from
 * `build/scripts/`, so the repository is two folders up.
 */
const file = fileURLToPath(new URL(`../../${CONFIG_SCHEMA_FILE}`, import.meta.url));
const next = configJsonSchemaText();
const current = await readFile(file, "utf8").catch(() => null);
if (current === next) {
  console.log(`${CONFIG_SCHEMA_FILE}: current.`);
} else {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, next);
  console.log(`${CONFIG_SCHEMA_FILE}: rewritten.`);
}
