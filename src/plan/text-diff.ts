/**
 * `plan --diff`: what a change does to the text readers see, as a unified diff of markdown-like
 * text (the HTML turned back into markdown the way `pull` does), per item and locale. For drift and
 * conflicts the diff goes from the file to Intercom: it shows what was changed in Intercom. Pure:
 * the composer hands in the HTML (see src/sync/plan-diffs.ts).
 */
import { createTwoFilesPatch } from "diff";
import { htmlToMarkdown } from "../render/html-to-markdown.js";
import { lookupUrl, resolveLinks } from "../render/resolve-links.js";
import type { LocaleChangeKind, Plan, PlanItem } from "./types.js";

/** One locale of an item as text: the fields a change can touch. Undefined fields are not shown. */
export interface TextSide {
  /** Where this side comes from: a file, or `Intercom`. */
  label: string;
  title?: string;
  description?: string;
  state?: string;
  /** HTML (placeholders resolved for the files' side); absent for collections. */
  body?: string;
}

export interface LocaleDiff {
  type: PlanItem["type"];
  key: string;
  locale: string;
  change: LocaleChangeKind;
  /** The unified diff; empty when the visible text is the same (markup or links only). */
  patch: string;
}

/** One locale change of the plan whose text a diff shows. */
export interface DiffRequest {
  item: PlanItem;
  locale: string;
  change: LocaleChangeKind;
}

/** Every locale change worth a diff: creates, updates, drift and conflicts (not unpublishing, which changes only the state). */
export function diffRequests(plan: Plan): DiffRequest[] {
  return plan.items.flatMap((item) =>
    item.action === "unpublish" || item.action === "delete" ? [] : item.locales.map((change) => ({ item, locale: change.locale, change: change.change })),
  );
}

/** A body with `intercom-sync:KEY` links replaced by the article URLs known to the plan. */
export function resolvePlaceholders(plan: Plan, html: string, locale: string): string {
  return resolveLinks(html, locale, lookupUrl(plan.urls, plan.sourceLocale)).body;
}

/** The side as one document: front-matter-like fields, a blank line, then the body as markdown. */
export function sideText(side: TextSide): string {
  const lines: string[] = [];
  if (side.title !== undefined) lines.push(`title: ${side.title}`);
  if (side.description !== undefined && side.description !== "") lines.push(`description: ${side.description}`);
  if (side.state !== undefined) lines.push(`state: ${side.state}`);
  const body = side.body === undefined ? "" : htmlToMarkdown(side.body);
  return `${lines.join("\n")}\n${body === "" ? "" : `\n${body}`}`;
}

/**
 * The diff from `before` to `after` (absent = the item has no text there yet). Changes go from
 * Intercom to the files, except drift and conflicts, which go from the files to Intercom.
 */
export function diffLocaleText(request: DiffRequest, before: TextSide | undefined, after: TextSide): LocaleDiff {
  const oldText = before === undefined ? "" : sideText(before);
  const newText = sideText(after);
  const patch =
    oldText === newText
      ? ""
      : createTwoFilesPatch(before?.label ?? "/dev/null", after.label, oldText, newText, undefined, undefined, { context: 3 })
          // The "Index:" and "=====" lines add nothing to two named sides.
          .split("\n")
          .filter((line) => !line.startsWith("Index: ") && !/^=+$/.test(line))
          .join("\n")
          .trimEnd();
  return { type: request.item.type, key: request.item.key, locale: request.locale, change: request.change, patch };
}
