/**
 * A word diff of two visible texts, as HTML (`<ins>` / `<del>`): the changed words with a few
 * words of context each side, the unchanged stretches between them elided.
 */
import { diffWords } from "diff";
import { escapeHtml } from "../render/escape.js";

/** Words of unchanged text kept before and after each change. */
export const DIFF_CONTEXT_WORDS = 8;

export interface TextDiff {
  html: string;
  /** Words added and removed. */
  added: number;
  removed: number;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== "").length;
}

/** Keeps the first or last `count` words of an unchanged stretch (whitespace kept as it is). */
function keepWords(text: string, count: number, from: "start" | "end"): string {
  const tokens = text.split(/(\s+)/);
  let words = 0;
  const kept: string[] = [];
  const ordered = from === "start" ? tokens : [...tokens].reverse();
  for (const token of ordered) {
    if (token.trim() !== "") words += 1;
    if (words > count) break;
    kept.push(token);
  }
  return (from === "start" ? kept : kept.reverse()).join("");
}

function elide(text: string, first: boolean, last: boolean): string {
  if (wordCount(text) <= DIFF_CONTEXT_WORDS * 2) return escapeHtml(text);
  const head = first ? "" : keepWords(text, DIFF_CONTEXT_WORDS, "start");
  const tail = last ? "" : keepWords(text, DIFF_CONTEXT_WORDS, "end");
  return `${escapeHtml(head)}<span class="hc-elided">…</span>${escapeHtml(tail)}`;
}

export function diffVisibleText(before: string, after: string): TextDiff {
  let added = 0;
  let removed = 0;
  const parts = diffWords(before, after);
  const html = parts.map((part, index) => {
    const text = escapeHtml(part.value);
    if (part.added) {
      added += wordCount(part.value);
      return `<ins>${text}</ins>`;
    }
    if (part.removed) {
      removed += wordCount(part.value);
      return `<del>${text}</del>`;
    }
    return elide(part.value, index === 0, index === parts.length - 1);
  });
  return { html: html.join(""), added, removed };
}
