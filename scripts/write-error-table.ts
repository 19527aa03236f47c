import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { replaceErrorTable } from "../src/errors/format-error-table.js";

/**
 * Rewrites the README's table of error codes from the catalog (`npm run docs:errors`). Run from
 * `build/scripts/`, so the README is two folders up.
 */
const readmePath = fileURLToPath(new URL("../../README.md", import.meta.url));
const readme = await readFile(readmePath, "utf8");
const next = replaceErrorTable(readme);
if (next === readme) {
  console.log("README.md: the error code table is current.");
} else {
  await writeFile(readmePath, next);
  console.log("README.md: rewrote the error code table.");
}
