import { hash } from "node:crypto";

/** Bumped if the normalisation below ever changes, so old `source_hash` values read as outdated. */
const HASH_VERSION = "v1";

export interface SourceText {
  title: string;
  description: string;
  /** The markdown body, before rendering. */
  body: string;
}

/**
 * Normalises text so that edits a translator cannot see do not mark translations outdated:
 * line endings, trailing spaces and leading / trailing blank lines are ignored.
 */
function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

/**
 * sha256 (hex) of a source article's translatable text. `status` compares it with a translation's
 * `source_hash` to tell outdated translations without git history; `stamp` writes it.
 */
export function hashSourceText(text: SourceText): string {
  const normalised = [text.title.trim(), text.description.trim(), normaliseText(text.body)].join("\u0000");
  return hash("sha256", `${HASH_VERSION}\u0000${normalised}`);
}
