/** A word diff of two visible texts, as HTML (`<ins>` / `<del>`). */
import { diffWords } from "diff";
import { escapeHtml } from "../render/escape.js";

export interface TextDiff {
  html: string;
  /** Words added and removed. */
  added: number;
  removed: number;
}

export function diffVisibleText(before: string, after: string): TextDiff {
  let added = 0;
  let removed = 0;
  const parts = diffWords(before, after).map((part) => {
    const text = escapeHtml(part.value);
    if (part.added) {
      added += part.count ?? 1;
      return `<ins>${text}</ins>`;
    }
    if (part.removed) {
      removed += part.count ?? 1;
      return `<del>${text}</del>`;
    }
    return text;
  });
  return { html: parts.join(""), added, removed };
}
