/**
 * What the CLI bundle gets for js-yaml (see bundle-cli.mjs). gray-matter loads it, and js-yaml
 * loads esprima, for default engines the code always replaces: parseMarkdownFile passes its own,
 * and front matter is read by `yaml` (src/content/parse-front-matter-yaml.ts). Loading them was
 * about 20 ms of every command that reads the tree. Should a default engine ever run, it says so.
 */
function notBundled() {
  throw new Error("js-yaml is not in the CLI bundle: front matter is read by yaml (src/content/parse-front-matter-yaml.ts)");
}

export const safeLoad = notBundled;
export const safeDump = notBundled;
