import { stringify } from "yaml";
import { BenchError } from "./bench-error.js";
import { isLocaleCode } from "../src/locales.js";
import { generateArticleBlocks } from "./article-body.js";
import { renderBlocks } from "./markdown-blocks.js";
import { createPng } from "./png.js";
import { createRandom, deriveSeed } from "./prng.js";
import { translateText } from "./pseudo-translate.js";
import { buildTreeShape, type TreeShape } from "./tree-shape.js";
import type { GeneratedFile, GeneratedStats, GeneratedTree, GenerateHelpCenterOptions } from "./types.js";

export const DEFAULT_MAX_DEPTH = 3;
export const CONTENT_DIR = "content";
export const LOCALES_DIR = "locales";
export const CONFIG_FILE = "intercom-sync.config.ts";
const IMAGE_SIZE = 16;
/** Loose sanity bounds: generating more than this is a mistake in a benchmark script, not a need. */
const MAX_ARTICLES = 1_000_000;
const MAX_NESTING = 10;

interface ResolvedOptions {
  seed: number;
  articles: number;
  locales: string[];
  sourceLocale: string;
  translationRatio: number;
  maxDepth: number;
}

/**
 * Generates a realistic help-center project: config, collections nested up to `maxDepth`, articles
 * with varied markdown bodies that link to each other and to images, and pseudo-translations.
 * Pure and deterministic: the same options give byte-identical files (own seeded PRNG, no clock).
 * @throws BenchError `bench/invalid-options` when an option is out of range.
 */
export function generateHelpCenter(options: GenerateHelpCenterOptions): GeneratedTree {
  const resolved = resolveOptions(options);
  const shape = buildTreeShape(resolved);
  const translated = chooseTranslations(resolved, shape);
  const config: GeneratedFile = { path: CONFIG_FILE, content: formatConfig(resolved) };
  const sourceFiles: GeneratedFile[] = [];
  const localeFiles = new Map<string, GeneratedFile[]>(resolved.locales.map((locale) => [locale, []]));

  for (const collection of shape.collections) {
    const text = { name: collection.name, description: collection.description };
    sourceFiles.push({ path: `${CONTENT_DIR}/${collection.dir}/_collection.md`, content: formatFrontMatter(text) });
    for (const locale of resolved.locales) {
      if (!translated.collections.get(locale)?.has(collection.dir)) continue;
      localeFiles.get(locale)?.push({
        path: `${LOCALES_DIR}/${locale}/${collection.dir}/_collection.md`,
        content: formatFrontMatter(mapValues(text, (value) => translateText(value, locale))),
      });
    }
  }

  let articleLinks = 0;
  shape.articles.forEach((article, index) => {
    const blocks = generateArticleBlocks(createRandom(deriveSeed(resolved.seed, "body", index)), { shape, index });
    const sourceBody = renderBlocks(blocks);
    const links = countArticleLinks(sourceBody);
    const front = { title: article.title, description: article.description, state: article.state };
    sourceFiles.push({ path: `${CONTENT_DIR}/${article.path}`, content: formatArticle(front, sourceBody) });
    articleLinks += links;
    for (const locale of resolved.locales) {
      if (!translated.articles.get(locale)?.has(index)) continue;
      const translate = (text: string): string => translateText(text, locale);
      const body = renderBlocks(blocks, translate);
      const translatedFront = { title: translate(article.title), description: translate(article.description) };
      localeFiles.get(locale)?.push({ path: `${LOCALES_DIR}/${locale}/${article.path}`, content: formatArticle(translatedFront, body) });
      articleLinks += links;
    }
  });

  const images = shape.images.map((image, index): GeneratedFile => ({
    path: `${CONTENT_DIR}/${image}`,
    content: createPng(IMAGE_SIZE, IMAGE_SIZE, imageColour(resolved.seed, index)),
  }));
  const files = [config, ...sourceFiles, ...[...localeFiles.values()].flat(), ...images];
  return { files, stats: computeStats(resolved, shape, files, translated, articleLinks) };
}

function resolveOptions(options: GenerateHelpCenterOptions): ResolvedOptions {
  const sourceLocale = options.sourceLocale ?? "en";
  const translationRatio = options.translationRatio ?? 1;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const problems: string[] = [];
  if (!Number.isSafeInteger(options.seed)) problems.push(`seed must be an integer, got ${options.seed}`);
  if (!Number.isInteger(options.articles) || options.articles < 0 || options.articles > MAX_ARTICLES) {
    problems.push(`articles must be an integer from 0 to ${MAX_ARTICLES}, got ${options.articles}`);
  }
  if (!(translationRatio >= 0 && translationRatio <= 1)) problems.push(`translationRatio must be within 0..1, got ${translationRatio}`);
  if (!Number.isInteger(maxDepth) || maxDepth < 0 || maxDepth > MAX_NESTING) {
    problems.push(`maxDepth must be an integer from 0 to ${MAX_NESTING}, got ${maxDepth}`);
  }
  for (const locale of [sourceLocale, ...options.locales]) {
    if (!isLocaleCode(locale)) problems.push(`"${locale}" is not an Intercom locale code`);
  }
  if (options.locales.includes(sourceLocale)) problems.push(`locales must not include the source locale "${sourceLocale}"`);
  if (new Set(options.locales).size !== options.locales.length) problems.push("locales must not repeat");
  if (problems.length > 0) {
    throw new BenchError("bench/invalid-options", `Cannot generate the help center: ${problems.join("; ")}.`, {
      hint: "Fix the generator options; locales are Intercom codes such as fr, de, pt-BR.",
    });
  }
  return { seed: options.seed, articles: options.articles, locales: [...options.locales], sourceLocale, translationRatio, maxDepth };
}

interface Translations {
  /** Per locale, indexes of translated articles. */
  articles: Map<string, Set<number>>;
  /** Per locale, dirs of translated collections: every ancestor of a translated article. */
  collections: Map<string, Set<string>>;
}

function chooseTranslations(options: ResolvedOptions, shape: TreeShape): Translations {
  const articles = new Map<string, Set<number>>();
  const collections = new Map<string, Set<string>>();
  const indexes = shape.articles.map((_, index) => index);
  for (const locale of options.locales) {
    const count = Math.round(options.translationRatio * shape.articles.length);
    const chosen = new Set(createRandom(deriveSeed(options.seed, "translate", locale)).shuffle(indexes).slice(0, count));
    const dirs = new Set<string>();
    for (const index of chosen) {
      let collection = shape.articles[index]?.collection ?? null;
      while (collection !== null) {
        const node = shape.collections[collection];
        if (node === undefined) break;
        dirs.add(node.dir);
        collection = node.parent;
      }
    }
    articles.set(locale, chosen);
    collections.set(locale, dirs);
  }
  return { articles, collections };
}

function formatConfig(options: ResolvedOptions): string {
  return [
    "export default {",
    `  sourceLocale: ${JSON.stringify(options.sourceLocale)},`,
    `  locales: ${JSON.stringify(options.locales)},`,
    `  assetBaseUrl: "https://assets.example.com/",`,
    `  defaultState: "published",`,
    "};",
    "",
  ].join("\n");
}

/** YAML front matter; `lineWidth: 0` keeps every value on one line, as writers type it. */
function formatFrontMatter(data: Record<string, string>): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}

function formatArticle(data: Record<string, string>, body: string): string {
  return `${formatFrontMatter(data)}\n${body}`;
}

function mapValues(data: Record<string, string>, map: (value: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, map(value)]));
}

/** Relative `.md` links in a rendered body: `](path.md)` or `](path.md#anchor)`, not `http(s)` ones. */
function countArticleLinks(markdown: string): number {
  return markdown.match(/\]\((?!https?:)[^)\s]+\.md(?:#[^)\s]*)?\)/g)?.length ?? 0;
}

function imageColour(seed: number, index: number): { r: number; g: number; b: number } {
  const random = createRandom(deriveSeed(seed, "image", index));
  return { r: random.int(40, 255), g: random.int(40, 255), b: random.int(40, 255) };
}

function computeStats(
  options: ResolvedOptions, shape: TreeShape, files: GeneratedFile[], translated: Translations, articleLinks: number,
): GeneratedStats {
  const perLocale = (map: Map<string, Set<unknown>>): Record<string, number> =>
    Object.fromEntries(options.locales.map((locale) => [locale, map.get(locale)?.size ?? 0]));
  let bytes = 0;
  let largestArticleBytes = 0;
  for (const file of files) {
    const size = typeof file.content === "string" ? Buffer.byteLength(file.content) : file.content.length;
    bytes += size;
    const isSourceArticle = file.path.startsWith(`${CONTENT_DIR}/`) && file.path.endsWith(".md") && !file.path.endsWith("/_collection.md");
    if (isSourceArticle) largestArticleBytes = Math.max(largestArticleBytes, size);
  }
  return {
    articles: shape.articles.length,
    topLevelArticles: shape.articles.filter((article) => article.collection === null).length,
    collections: shape.collections.length,
    depth: shape.collections.reduce((deepest, collection) => Math.max(deepest, collection.depth), 0),
    translations: perLocale(translated.articles),
    collectionTranslations: perLocale(translated.collections),
    images: shape.images.length,
    articleLinks,
    files: files.length,
    bytes,
    largestArticleBytes,
  };
}
