import type { FieldPosition } from "../content/types.js";
import type { Diagnostic } from "../errors.js";
import type { ArticleState, DesiredState } from "../types.js";

/** One markdown file after parsing (see parseMarkdownFile), ready for the model. */
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

/** Everything buildDesiredState needs: strings and lists, no file system. */
export interface ModelInput {
  sourceLocale: string;
  /** Translation locales that were read. */
  locales: readonly string[];
  /** Project-relative POSIX paths of the content and locales dirs. */
  contentDir: string;
  localesDir: string;
  files: readonly ParsedFile[];
  /** Every other project file (assets, unreadable markdown) that links and images may point at. */
  otherFiles: readonly string[];
  defaultState: ArticleState;
  /** Ends with "/" when set. */
  assetBaseUrl: string | null;
}

export interface ModelResult {
  state: DesiredState;
  diagnostics: Diagnostic[];
}
