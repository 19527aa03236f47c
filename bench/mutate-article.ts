import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fg from "fast-glob";
import { BenchError } from "./bench-error.js";
import { CONTENT_DIR, LOCALES_DIR } from "./generate-help-center.js";
import { createRandom, deriveSeed } from "./prng.js";
import { translateText } from "./pseudo-translate.js";
import type { GeneratedTree } from "./types.js";
import { makeSentence } from "./vocabulary.js";

/**
 * The "one edit" step of the benchmark: change the body of exactly one locale of one article, the
 * way a writer would, and say which file changed. Front matter is left alone.
 */

export interface MutateOptions {
  /**
   * Which files may change: "any" (default), "source" (files under `content/`) or a translation
   * locale code (files under `locales/<code>/`).
   */
  scope?: string;
}

export interface ArticleMutation {
  /** Project-relative POSIX path of the changed file. */
  path: string;
  /** The file's new content. */
  content: string;
}

export interface TreeMutation extends ArticleMutation {
  /** A copy of the tree with that one file replaced and byte stats updated; the input is not modified. */
  tree: GeneratedTree;
}

const ARTICLE_PATH = new RegExp(`^(?:${CONTENT_DIR}|${LOCALES_DIR}/([^/]+))/(?:.+/)?(?!_collection\\.md$)[^/]+\\.md$`);

/**
 * Edits one article file of a generated tree (pure) or of a tree on disk (IO), chosen by `seed`
 * among the article files sorted by path, so a tree and its written copy pick the same file.
 * @throws BenchError `bench/no-article` when no article file matches `options.scope`.
 */
export function mutateOneArticle(tree: GeneratedTree, seed: number, options?: MutateOptions): TreeMutation;
export function mutateOneArticle(dir: string, seed: number, options?: MutateOptions): Promise<ArticleMutation>;
export function mutateOneArticle(
  target: GeneratedTree | string, seed: number, options: MutateOptions = {},
): TreeMutation | Promise<ArticleMutation> {
  return typeof target === "string" ? mutateArticleInDir(target, seed, options) : mutateTreeArticle(target, seed, options);
}

/** Pure variant of {@link mutateOneArticle} for an in-memory tree. */
export function mutateTreeArticle(tree: GeneratedTree, seed: number, options: MutateOptions = {}): TreeMutation {
  const textPaths = tree.files.flatMap((file) => (typeof file.content === "string" ? [file.path] : []));
  const path = chooseArticle(textPaths, seed, options);
  const file = tree.files.find((candidate) => candidate.path === path);
  const content = appendEdit(String(file?.content ?? ""), path, seed);
  const files = tree.files.map((candidate) => (candidate.path === path ? { path, content } : candidate));
  const size = Buffer.byteLength(content);
  const stats = {
    ...tree.stats,
    bytes: tree.stats.bytes + size - Buffer.byteLength(file?.content ?? ""),
    largestArticleBytes: path.startsWith(`${CONTENT_DIR}/`) ? Math.max(tree.stats.largestArticleBytes, size) : tree.stats.largestArticleBytes,
  };
  return { path, content, tree: { files, stats } };
}

/** IO variant of {@link mutateOneArticle}: reads the tree under `dir` and rewrites one file. */
export async function mutateArticleInDir(dir: string, seed: number, options: MutateOptions = {}): Promise<ArticleMutation> {
  return editArticleFile(dir, await pickArticleInDir(dir, seed, options), seed);
}

/** The file {@link mutateArticleInDir} edits for `seed`, found by listing the tree under `dir`. */
export async function pickArticleInDir(dir: string, seed: number, options: MutateOptions = {}): Promise<string> {
  const paths = await fg([`${CONTENT_DIR}/**/*.md`, `${LOCALES_DIR}/*/**/*.md`], { cwd: dir, onlyFiles: true });
  return chooseArticle(paths, seed, options);
}

/** Appends the edit for `seed` to the project-relative file `path` under `dir`, the way a save would. */
export async function editArticleFile(dir: string, path: string, seed: number): Promise<ArticleMutation> {
  const content = appendEdit(await readFile(join(dir, path), "utf8"), path, seed);
  await writeFile(join(dir, path), content);
  return { path, content };
}

function chooseArticle(paths: readonly string[], seed: number, options: MutateOptions): string {
  const scope = options.scope ?? "any";
  const candidates = paths
    .filter((path) => {
      const match = ARTICLE_PATH.exec(path);
      if (match === null) return false;
      const locale = match[1];
      return scope === "any" || (scope === "source" ? locale === undefined : locale === scope);
    })
    .sort(comparePaths);
  if (candidates.length === 0) {
    throw new BenchError("bench/no-article", `No article file to edit in scope "${scope}".`, {
      hint: 'Generate a tree with articles first, or use scope "any".',
    });
  }
  const random = createRandom(deriveSeed(seed, "mutate"));
  return candidates[random.int(0, candidates.length - 1)] as string;
}

/** Code-unit order, independent of the machine's locale. */
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Appends one paragraph (pseudo-translated in a translation), so the body always changes. */
function appendEdit(content: string, path: string, seed: number): string {
  const locale = ARTICLE_PATH.exec(path)?.[1];
  const sentence = `Edit ${seed}: ${makeSentence(createRandom(deriveSeed(seed, "edit", path)))}`;
  const text = locale === undefined ? sentence : translateText(sentence, locale);
  const base = content.endsWith("\n") ? content : `${content}\n`;
  return `${base}\n${text}\n`;
}
