import type { ParseMarkdown } from "../check/load-desired-state.js";
import { parseMarkdownFile, type ParsedMarkdown } from "../content/parse-markdown-file.js";

/**
 * A memoising front-matter parser: between two saves only the changed files are parsed again.
 * One entry per file, replaced when its text changes; files gone from the tree are dropped by
 * `retain`.
 */
export interface ParseCache {
  parse: ParseMarkdown;
  /** Drops the entries of files not in `files` (removed or renamed). */
  retain(files: Iterable<string>): void;
}

/** Wraps `parse` (default: the real parser) with a per-file cache keyed by the file's text. */
export function createParseCache(parse: ParseMarkdown = parseMarkdownFile): ParseCache {
  const entries = new Map<string, { text: string; parsed: ParsedMarkdown }>();
  return {
    parse(text, file) {
      let entry = entries.get(file);
      if (entry === undefined || entry.text !== text) {
        entry = { text, parsed: parse(text, file) };
        entries.set(file, entry);
      }
      // The model takes the result apart and never changes it, but a caller may add to the list.
      return { ...entry.parsed, diagnostics: [...entry.parsed.diagnostics] };
    },
    retain(files) {
      const keep = new Set(files);
      for (const file of entries.keys()) if (!keep.has(file)) entries.delete(file);
    },
  };
}
