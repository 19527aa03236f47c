import { posix } from "node:path";
import type { AlertType, Block, Inline } from "./markdown-blocks.js";
import { renderBlock } from "./markdown-blocks.js";
import { makeCodeSample } from "./code-samples.js";
import type { Random } from "./prng.js";
import type { ShapeArticle, TreeShape } from "./tree-shape.js";
import {
  capitalise, makeInlineCode, makePhrase, makeSentence, pickNoun, slugify, slugifyAnchor,
} from "./vocabulary.js";

/** Builds the body of one article as blocks, growing it until it reaches the article's target size. */

const ALERT_TYPES: readonly AlertType[] = ["NOTE", "TIP", "IMPORTANT", "WARNING"];
const VIDEO_URLS = [
  "https://www.youtube.com/watch?v=", "https://vimeo.com/", "https://www.loom.com/share/",
] as const;
const ABSOLUTE_SITES = [
  "https://status.example.com/", "https://developers.example.com/docs/", "https://community.example.com/t/",
] as const;
const ANCHOR_LINK_SHARE = 0.3;
const SAME_FOLDER_DOT_SHARE = 0.5;
/** Cumulative weights of the block kinds that fill a section. */
const BLOCK_WEIGHTS: readonly [number, BlockKind][] = [
  [0.36, "paragraph"], [0.5, "bullets"], [0.6, "steps"], [0.72, "code"], [0.8, "table"],
  [0.88, "image"], [0.92, "alert"], [0.93, "embed"], [0.97, "subheading"], [1, "paragraph"],
];
type BlockKind = "paragraph" | "bullets" | "steps" | "code" | "table" | "image" | "alert" | "embed" | "subheading";

export interface BodyContext {
  shape: TreeShape;
  /** Index of the article in `shape.articles`. */
  index: number;
}

/** The body of `shape.articles[index]`. Deterministic in `random`'s seed and the shape. */
export function generateArticleBlocks(random: Random, context: BodyContext): Block[] {
  const article = context.shape.articles[context.index];
  if (article === undefined) throw new RangeError(`no article at index ${context.index}`);
  const writer = new BodyWriter(random, context, article);
  writer.add({ kind: "paragraph", inlines: writer.sentences(random.int(2, 4)) });
  // Every article links somewhere and, when images exist, usually shows one: tests and the renderer
  // benchmark rely on links and images being common, not rare.
  writer.add({ kind: "paragraph", inlines: [...writer.sentences(1), { kind: "text", text: " " }, ...writer.articleLinkSentence()] });
  article.headings.forEach((heading, i) => {
    writer.add({ kind: "heading", level: 2, text: heading });
    const until = (article.targetBytes * (i + 1)) / article.headings.length;
    do writer.add(writer.block()); while (writer.bytes < until);
  });
  return writer.blocks;
}

class BodyWriter {
  readonly blocks: Block[] = [];
  bytes = 0;
  private step = 0;
  private readonly dir: string;

  constructor(
    private readonly random: Random,
    private readonly context: BodyContext,
    article: ShapeArticle,
  ) {
    this.dir = posix.dirname(article.path);
  }

  add(block: Block): void {
    this.blocks.push(block);
    this.bytes += renderBlock(block).length + 2;
  }

  block(): Block {
    const roll = this.random.next();
    const kind = BLOCK_WEIGHTS.find(([limit]) => roll < limit)?.[1] ?? "paragraph";
    const images = this.context.shape.images;
    switch (kind) {
      case "bullets":
        return { kind: "list", ordered: false, items: this.items() };
      case "steps":
        return { kind: "list", ordered: true, items: this.items() };
      case "code":
        return { kind: "code", ...makeCodeSample(this.random) };
      case "table":
        return this.table();
      case "image":
        if (images.length === 0) return this.paragraph();
        return { kind: "image", alt: capitalise(makePhrase(this.random, 3)), src: this.relative(this.random.pick(images)) };
      case "alert":
        return { kind: "alert", type: this.random.pick(ALERT_TYPES), inlines: this.sentences(this.random.int(1, 2)) };
      case "embed":
        return { kind: "embed", url: `${this.random.pick(VIDEO_URLS)}${this.videoId()}` };
      case "subheading":
        this.step += 1;
        return { kind: "heading", level: 3, text: `Step ${this.step}: ${makePhrase(this.random, 3)}` };
      default:
        return this.paragraph();
    }
  }

  paragraph(): Block {
    return { kind: "paragraph", inlines: this.sentences(this.random.int(2, 6)) };
  }

  /** `count` sentences, some carrying emphasis, inline code or links. */
  sentences(count: number): Inline[] {
    const inlines: Inline[] = [];
    for (let i = 0; i < count; i++) {
      if (i > 0) inlines.push({ kind: "text", text: " " });
      inlines.push(...(this.random.chance(0.45) ? this.richSentence() : [{ kind: "text" as const, text: makeSentence(this.random) }]));
    }
    return inlines;
  }

  /** "Open the **workspace** page." with one decorated span in the middle. */
  private richSentence(): Inline[] {
    const before = capitalise(makePhrase(this.random, this.random.int(2, 5)));
    const after = makePhrase(this.random, this.random.int(2, 5));
    const roll = this.random.next();
    let middle: Inline[];
    if (roll < 0.2) middle = [{ kind: "strong", text: makePhrase(this.random, 2) }];
    else if (roll < 0.35) middle = [{ kind: "emphasis", text: makePhrase(this.random, 2) }];
    else if (roll < 0.55) middle = [{ kind: "code", text: makeInlineCode(this.random) }];
    else if (roll < 0.8) return this.articleLinkSentence();
    else middle = [this.absoluteLink()];
    return [{ kind: "text", text: `${before} ` }, ...middle, { kind: "text", text: ` ${after}.` }];
  }

  /** "See [Other article](../other/thing.md#limits) for details." */
  articleLinkSentence(): Inline[] {
    const link = this.articleLink();
    if (link === null) return [{ kind: "text", text: makeSentence(this.random) }];
    return [{ kind: "text", text: "See " }, link, { kind: "text", text: ` to ${makePhrase(this.random, 3)}.` }];
  }

  private articleLink(): Inline | null {
    const { articles } = this.context.shape;
    if (articles.length < 2) return null;
    let target = this.random.int(0, articles.length - 2);
    if (target >= this.context.index) target += 1; // never link an article to itself
    const article = articles[target];
    if (article === undefined) return null;
    const heading = this.random.chance(ANCHOR_LINK_SHARE) ? this.random.pick(article.headings) : undefined;
    const anchor = heading === undefined ? "" : `#${slugifyAnchor(heading)}`;
    return { kind: "link", text: article.title, href: `${this.relative(article.path)}${anchor}` };
  }

  private absoluteLink(): Inline {
    const url = `${this.random.pick(ABSOLUTE_SITES)}${slugify(pickNoun(this.random))}`;
    const roll = this.random.next();
    if (roll < 0.6) return { kind: "link", text: makePhrase(this.random, 2), href: url };
    return roll < 0.8 ? { kind: "autolink", href: url } : { kind: "url", href: url };
  }

  private items(): Inline[][] {
    return Array.from({ length: this.random.int(2, 6) }, () => this.sentences(1));
  }

  private table(): Block {
    const header = this.random.pick([["Setting", "Default", "Description"], ["Plan", "Limit"], ["Field", "Type", "Required", "Notes"]]);
    const rows = Array.from({ length: this.random.int(2, 6) }, () =>
      header.map((_, column): Inline[] =>
        column === 0
          ? [{ kind: "code", text: slugify(pickNoun(this.random)).replace(/-/g, "_") }]
          : [{ kind: "text", text: capitalise(makePhrase(this.random, column === header.length - 1 ? 5 : 1)) }],
      ),
    );
    return { kind: "table", header, rows };
  }

  private videoId(): string {
    const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let id = "";
    for (let i = 0; i < 11; i++) id += alphabet.charAt(this.random.int(0, alphabet.length - 1));
    return id;
  }

  /** Path from this article's folder to a content-relative path, as a writer would type it. */
  private relative(target: string): string {
    const path = posix.relative(this.dir, target);
    const sameFolder = !path.includes("/");
    return sameFolder && this.random.chance(SAME_FOLDER_DOT_SHARE) ? `./${path}` : path;
  }
}
