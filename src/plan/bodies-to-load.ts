/**
 * Which article bodies a plan needs as HTML before its first write. The planner works from body
 * digests; a push renders again only the locales it writes. An unchanged body whose link target's
 * URL changes during the run is rendered by apply's second pass, if and when that happens (see
 * `ApplyDeps.loadBody`). A no-op plan needs none.
 */
import type { ArticlePlanItem, Plan } from "./types.js";

export interface BodyRequest {
  item: ArticlePlanItem;
  locale: string;
}

function writtenLocales(item: ArticlePlanItem): Set<string> {
  return new Set(item.locales.filter((l) => l.change === "add" || l.change === "update").map((l) => l.locale));
}

/** The article locales whose `content[locale].body` a push must fill before apply. Pure. */
export function bodiesToLoad(plan: Plan): BodyRequest[] {
  const requests: BodyRequest[] = [];
  for (const item of plan.items) {
    if (item.type !== "article" || !item.write) continue;
    // A removal's writes (unpublishing) carry no content, so no body.
    for (const locale of writtenLocales(item)) {
      const content = item.content[locale];
      if (content !== undefined && content.body === undefined) requests.push({ item, locale });
    }
  }
  return requests;
}

/**
 * True when applying the plan sends an `author_id` that must come from the default author (an
 * article locale written with no `author_id` in its front matter). Otherwise `/me` is not needed.
 */
export function needsDefaultAuthor(plan: Plan): boolean {
  return plan.items.some(
    (item) =>
      item.type === "article" &&
      item.write &&
      item.locales.some(
        (change) => (change.change === "add" || change.change === "update") && change.fields.includes("author") && item.content[change.locale]?.authorId === null,
      ),
  );
}
