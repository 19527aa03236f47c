import type { FieldPosition } from "../content/types.js";
import type { Diagnostic } from "../errors/sync-error.js";
import type { BodySummary } from "../digest/body-summary.js";
import type { ArticleState, DesiredState } from "../types.js";
import type { SettingsDefaults } from "./build-article-locale.js";

/** One markdown file after parsing (see parseMarkdownFile), ready to be prepared (see prepareFile). */
export interface ParsedFile {
  /** Project-relative POSIX path. */
  file: string;
  locale: string;
  /** Relative to its locale root, POSIX: `getting-started/install.md`. */
  relativePath: string;
  /** Front matter; null when it could not be read (already reported). */
  data: Record<string, unknown> | null;
  positions: Record<string, FieldPosition>;
  body: string;
  bodyStartLine: number;
}

/** An article body rendered, then reduced to what the model keeps: a summary, its links and findings. */
export interface RenderedBody extends BodySummary {
  /** Keys of the articles linked to, deduplicated, in first-seen order. */
  links: string[];
  diagnostics: Diagnostic[];
  /** The HTML, only when the model was asked to keep it. */
  html?: string;
}

/**
 * A parsed file once its body has been used up: rendered and summarised for an article, checked
 * for being blank, hashed for `source_hash`. No markdown and no HTML: memory holds metadata only.
 */
export interface PreparedFile {
  file: string;
  locale: string;
  relativePath: string;
  data: Record<string, unknown> | null;
  positions: Record<string, FieldPosition>;
  bodyStartLine: number;
  /** True when the markdown below the front matter holds only whitespace. */
  blankBody: boolean;
  /** Articles with readable front matter (translations: with a source file): the rendered body. */
  rendered: RenderedBody | null;
  /** Source articles with readable front matter: `hashSourceText` of title, description, markdown. */
  sourceTextHash: string | null;
}

/** Everything assembleDesiredState needs once every file is prepared: no file system, no bodies. */
export interface ModelInput {
  sourceLocale: string;
  /** Translation locales that were read. */
  locales: readonly string[];
  /** Project-relative POSIX paths of the content and locales dirs. */
  contentDir: string;
  localesDir: string;
  files: readonly PreparedFile[];
  /** Every other project file (assets, unreadable markdown) that links and images may point at. */
  otherFiles: readonly string[];
  defaultState: ArticleState;
  /** Config `defaults` for source articles' settings. */
  defaults?: SettingsDefaults;
  /** Ends with "/" when set. */
  assetBaseUrl: string | null;
}

export interface ModelResult {
  state: DesiredState;
  diagnostics: Diagnostic[];
}
