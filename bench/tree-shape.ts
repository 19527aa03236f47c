import type { ArticleState } from "../src/types.js";
import { createRandom, deriveSeed, type Random } from "./prng.js";
import {
  makeArticleTitle, makeCollectionName, makeSectionHeading, makeSentence, pickNoun, slugify, slugifyAnchor,
} from "./vocabulary.js";

/**
 * The skeleton of a generated help center: which collections exist where, which articles they hold
 * and what those articles are called. Bodies are generated afterwards, once every article's path
 * and headings are known, so links and anchors can point anywhere in the tree.
 */

export interface ShapeCollection {
  /** Folder path relative to the content dir: `billing/refunds`. */
  dir: string;
  parent: number | null;
  /** 1 for a top-level collection. */
  depth: number;
  name: string;
  description: string;
}

export interface ShapeArticle {
  /** File path relative to the content dir: `billing/refunds/how-to-refund.md`. */
  path: string;
  collection: number | null;
  title: string;
  description: string;
  state: ArticleState;
  /** `##` section headings, unique within the article (anchor targets for links). */
  headings: string[];
  /** Size the body grows to, in bytes. */
  targetBytes: number;
}

export interface TreeShape {
  collections: ShapeCollection[];
  articles: ShapeArticle[];
  /** Image paths relative to the content dir: `images/dashboard.png`. */
  images: string[];
}

export interface ShapeOptions {
  seed: number;
  articles: number;
  maxDepth: number;
}

/** Share of articles that live outside any collection, and a cap so it stays "a few". */
const TOP_LEVEL_SHARE = 0.02;
const MAX_TOP_LEVEL_ARTICLES = 6;
const ARTICLES_PER_COLLECTION = 8;
const TOP_LEVEL_COLLECTION_SHARE = 0.35;
const ARTICLES_PER_IMAGE = 15;
const MAX_IMAGES = 200;
/** Ordinary bodies are 1-7.5 KB; a few are much larger. */
const BODY_BYTES = { min: 1024, max: 7680 } as const;
const LARGE_BODY_BYTES = { min: 16_384, max: 49_152 } as const;
const LARGE_BODY_SHARE = 0.03;
const BYTES_PER_SECTION = 1100;
const UNICODE_TITLE_SHARE = 0.03;
const DRAFT_SHARE = 0.1;
/** Names a content folder may not take: the image folder and the collection file's stem. */
const RESERVED_ROOT_NAMES = ["images", "_collection"];

/** Lays out collections, articles and images. Pure and deterministic in `options`. */
export function buildTreeShape(options: ShapeOptions): TreeShape {
  const random = createRandom(deriveSeed(options.seed, "shape"));
  const names = new FolderNames();
  RESERVED_ROOT_NAMES.forEach((name) => names.claim("", name));

  const topLevel = options.maxDepth === 0
    ? options.articles
    : Math.min(options.articles, clamp(Math.round(options.articles * TOP_LEVEL_SHARE), 1, MAX_TOP_LEVEL_ARTICLES));
  const nested = options.articles - topLevel;
  const collections = buildCollections(random, names, nested, options.maxDepth);
  const homes = assignArticles(random, topLevel, nested, collections.length);

  const articles = homes.map((home, index) => {
    const articleRandom = createRandom(deriveSeed(options.seed, "article", index));
    const dir = home === null ? "" : (collections[home]?.dir ?? "");
    return buildArticle(articleRandom, names, dir, home);
  });
  return { collections, articles, images: buildImages(random, options.articles) };
}

function buildCollections(random: Random, names: FolderNames, nested: number, maxDepth: number): ShapeCollection[] {
  if (nested === 0 || maxDepth === 0) return [];
  const count = Math.max(1, Math.round(nested / ARTICLES_PER_COLLECTION));
  const topCount = maxDepth === 1 ? count : Math.max(1, Math.round(count * TOP_LEVEL_COLLECTION_SHARE));
  const collections: ShapeCollection[] = [];
  for (let i = 0; i < count; i++) {
    let parent: number | null = null;
    if (i >= topCount) {
      const open = collections.flatMap((c, index) => (c.depth < maxDepth ? [index] : []));
      parent = open.length > 0 ? random.pick(open) : null;
    }
    const parentCollection = parent === null ? undefined : collections[parent];
    const depth = (parentCollection?.depth ?? 0) + 1;
    const parentDir = parentCollection?.dir ?? "";
    const { text: name, slug } = names.claimText(parentDir, makeCollectionName(random, depth));
    collections.push({ dir: joinPath(parentDir, slug), parent, depth, name, description: makeSentence(random) });
  }
  return collections;
}

/** Home collection of each article (null = top level), grouped so each collection's files are adjacent. */
function assignArticles(random: Random, topLevel: number, nested: number, collectionCount: number): (number | null)[] {
  const counts = new Array<number>(collectionCount).fill(0);
  // Every collection gets one article first, so none is empty when there are enough articles.
  for (let i = 0; i < nested; i++) {
    const home = i < collectionCount ? i : random.int(0, collectionCount - 1);
    counts[home] = (counts[home] ?? 0) + 1;
  }
  const homes: (number | null)[] = new Array<null>(topLevel).fill(null);
  counts.forEach((count, home) => {
    for (let i = 0; i < count; i++) homes.push(home);
  });
  return homes;
}

function buildArticle(random: Random, names: FolderNames, dir: string, collection: number | null): ShapeArticle {
  const { text: title, slug } = names.claimText(dir, makeArticleTitle(random, random.chance(UNICODE_TITLE_SHARE)));
  const large = random.chance(LARGE_BODY_SHARE);
  const range = large ? LARGE_BODY_BYTES : BODY_BYTES;
  const targetBytes = random.int(range.min, range.max);
  const sectionCount = Math.max(1, Math.round(targetBytes / BYTES_PER_SECTION));
  const headings: string[] = [];
  const anchors = new Set<string>();
  for (let i = 0; headings.length < sectionCount && i < sectionCount * 4; i++) {
    const heading = makeSectionHeading(random);
    const anchor = slugifyAnchor(heading);
    if (anchors.has(anchor)) continue;
    anchors.add(anchor);
    headings.push(heading);
  }
  return {
    path: `${joinPath(dir, slug)}.md`,
    collection,
    title,
    description: makeSentence(random),
    state: random.chance(DRAFT_SHARE) ? "draft" : "published",
    headings,
    targetBytes,
  };
}

function buildImages(random: Random, articles: number): string[] {
  if (articles === 0) return [];
  const count = clamp(Math.ceil(articles / ARTICLES_PER_IMAGE), 1, MAX_IMAGES);
  const names = new FolderNames();
  return Array.from({ length: count }, () => {
    const { slug } = names.claimText("images", `${pickNoun(random)} screen`);
    return `images/${slug}.png`;
  });
}

/**
 * Slugs already used per folder. Collections and articles share one namespace so that a folder and
 * a file never end up with the same key, and names stay unique among siblings.
 */
class FolderNames {
  private readonly used = new Map<string, Set<string>>();

  claim(dir: string, slug: string): void {
    this.taken(dir).add(slug);
  }

  /** Claims the slug of `text`, numbering the text ("Billing (2)") until its slug is free. */
  claimText(dir: string, text: string): { text: string; slug: string } {
    const taken = this.taken(dir);
    let candidate = text;
    for (let n = 2; taken.has(slugify(candidate)); n++) candidate = `${text} (${n})`;
    const slug = slugify(candidate);
    taken.add(slug);
    return { text: candidate, slug };
  }

  private taken(dir: string): Set<string> {
    let set = this.used.get(dir);
    if (set === undefined) {
      set = new Set();
      this.used.set(dir, set);
    }
    return set;
  }
}

function joinPath(dir: string, name: string): string {
  return dir === "" ? name : `${dir}/${name}`;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
