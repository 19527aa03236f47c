import type { Diagnostic } from "../errors/sync-error.js";
import type { ScannedFile } from "./scan-locale-root.js";

/** One markdown file as read from disk: decoded, BOM stripped, line endings normalised to LF. */
export interface ContentFile {
  /** Project-relative POSIX path, as on disk: `content/getting-started/install.md`. */
  file: string;
  /** The locale of the folder it was found in (the source locale for the content dir). */
  locale: string;
  /** Path relative to its locale root (the content dir or `locales/<code>/`), POSIX. */
  relativePath: string;
  text: string;
}

/** Where a file's text came from, once parsed (see parseMarkdownFile). */
export interface FieldPosition {
  line: number;
  column: number;
}

/** Everything the model needs from the disk, with every path project-relative and POSIX. */
export interface ContentTree {
  sourceLocale: string;
  /** Project-relative POSIX path of the content dir (`content`). */
  contentDir: string;
  /** Project-relative POSIX path of the locales dir (`locales`). */
  localesDir: string;
  /** Translation locales whose folders were read, sorted. */
  locales: string[];
  /** Markdown files that could be read, sorted by path. */
  markdown: ContentFile[];
  /** Markdown files that exist but could not be read (already reported): links to them still resolve. */
  unreadable: string[];
  /** Every other file (images, attachments), project-relative, sorted. */
  assets: string[];
  diagnostics: Diagnostic[];
}

/** The tree as listed, before any markdown is read (see scanContentTree). */
export interface ScannedTree {
  sourceLocale: string;
  contentDir: string;
  localesDir: string;
  /** Translation locales whose folders were listed, sorted. */
  locales: string[];
  /** Markdown files to read, sorted by path. */
  markdown: ScannedFile[];
  /** Every other file (images, attachments), project-relative, sorted. */
  assets: string[];
  diagnostics: Diagnostic[];
}
