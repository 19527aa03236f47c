/** Shapes of the help-center generator used by the benchmark and the reliability tests. */

export interface GenerateHelpCenterOptions {
  /** Any integer; the same options give byte-identical files. */
  seed: number;
  /** Number of source articles (top-level ones included). */
  articles: number;
  /** Translation locales (Intercom codes, e.g. `["fr", "de", "es", "ja"]`), without the source locale. */
  locales: string[];
  /** Default "en". The generated prose is English whatever the code. */
  sourceLocale?: string;
  /** Share of articles translated in each locale, 0..1. Default 1. */
  translationRatio?: number;
  /** Deepest collection nesting (1 = top-level collections only, 0 = no collections). Default 3. */
  maxDepth?: number;
}

export interface GeneratedFile {
  /** POSIX path relative to the project root: `content/billing/refunds.md`. */
  path: string;
  /** Text files are strings (UTF-8 on disk); images are bytes. */
  content: string | Uint8Array;
}

export interface GeneratedStats {
  /** Source articles, top-level ones included. */
  articles: number;
  /** Source articles with no collection. */
  topLevelArticles: number;
  collections: number;
  /** Deepest collection level present (0 when there are no collections). */
  depth: number;
  /** Article translation files per locale. */
  translations: Record<string, number>;
  /** Translated `_collection.md` files per locale. */
  collectionTranslations: Record<string, number>;
  images: number;
  /** Relative links to other articles, over all locales. */
  articleLinks: number;
  files: number;
  /** Total size of all files in bytes (text as UTF-8). */
  bytes: number;
  /** Size in bytes of the largest source article file. */
  largestArticleBytes: number;
}

export interface GeneratedTree {
  /** Every file of the project, config first; paths are unique. */
  files: GeneratedFile[];
  stats: GeneratedStats;
}
