/**
 * Which article bodies a plan needs as HTML. The planner works from body digests; a push renders
 * again only the bodies it may send: the locales it writes, and the unchanged locales whose links
 * point at an article this run writes (its URL may change, and apply's second pass then sends
 * the body again with the new URL). A no-op plan needs none.
 */
import { ARTICLE_LINK_SCHEME } from "../render/types.js";
import type { ArticlePlanItem, Plan } from "./types.js";

export interface BodyRequest {
  item: ArticlePlanItem;
  locale: string;
}

function linkKey(placeholder: string): string {
  const rest = placeholder.slice(ARTICLE_LINK_SCHEME.length);
  const hash = rest.indexOf("#");
  return hash === -1 ? rest : rest.slice(0, hash);
}

function writtenLocales(item: ArticlePlanItem): Set<string> {
  return new Set(item.locales.filter((l) => l.change === "add" || l.change === "update").map((l) => l.locale));
}

/** The article locales whose `content[locale].body` a push must fill before apply. Pure. */
export function bodiesToLoad(plan: Plan): BodyRequest[] {
  const articles = plan.items.filter((item): item is ArticlePlanItem => item.type === "article");
  const writtenKeys = new Set(articles.filter((item) => item.write).map((item) => item.key));
  const requests: BodyRequest[] = [];
  for (const item of articles) {
    const written = item.write ? writtenLocales(item) : new Set<string>();
    for (const [locale, content] of Object.entries(item.content)) {
      if (content.body !== undefined) continue;
      if (written.has(locale) || content.placeholders.some((href) => writtenKeys.has(linkKey(href)))) requests.push({ item, locale });
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
