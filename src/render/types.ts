import type { Diagnostic } from "../errors/sync-error.js";

/** What the renderer may know about the project, without touching the file system. */
export interface ProjectFiles {
  /** Project-relative POSIX path of the content dir, e.g. "content". */
  contentDir: string;
  /** Project-relative POSIX path of the locales dir, e.g. "locales". */
  localesDir: string;
  /** Every file in the project that links and images may point at (project-relative POSIX paths). */
  files: ReadonlySet<string>;
}

export interface RenderContext {
  /** Project-relative POSIX path of the markdown file being rendered. */
  file: string;
  /** The file's locale. */
  locale: string;
  /** For a translation: the project-relative path of its source file (second place to resolve paths). */
  sourceFile?: string;
  /** 1-based line in `file` where the body starts (front matter lines come before it). */
  bodyStartLine: number;
  /** Public base URL for relative images; null when not configured. Ends with "/". */
  assetBaseUrl: string | null;
  project: ProjectFiles;
}

export interface RenderResult {
  /** Intercom-acceptable HTML; article links are `href="intercom-sync:KEY[#anchor]"` placeholders. */
  html: string;
  /** Keys of the articles linked to, deduplicated, in first-seen order. */
  links: string[];
  /** Findings with file and line (unsupported syntax, broken links, missing images, ...). */
  diagnostics: Diagnostic[];
}

/** Prefix of the placeholder the renderer writes for a link to another article. */
export const ARTICLE_LINK_SCHEME = "intercom-sync:";

/** Options for turning the HTML Intercom stores back into markdown (used by `pull`). */
export interface HtmlToMarkdownOptions {
  /**
   * Maps a link URL (without its `#fragment`) that points at an article of this help center to
   * the relative `.md` path to write; undefined keeps the URL. The fragment is appended again.
   */
  resolveArticleUrl?: (url: string) => string | undefined;
}
