/**
 * The second pass: bodies written with a stand-in for a link target that did not exist yet, or
 * unchanged bodies whose target's URL changed in this run (a retitled article), are sent again
 * with the URLs now known. Without it the next push would make these writes.
 */
import { hashField, type FieldHashes } from "../plan/hash.js";
import { ARTICLE_LINK_SCHEME } from "../render/types.js";
import type { ArticlePlanItem } from "../plan/types.js";
import { noteArticleUrls, resolveBody, type ApplyRun } from "./apply-run.js";
import { buildArticleUpdate } from "./build-requests.js";
import { blockedLocales, recordWrite } from "./lock-updates.js";

export interface LinkRefresh {
  item: ArticlePlanItem;
  id: string;
  /** Locale -> resolved body to send. */
  bodies: Record<string, string>;
}

/** The articles whose bodies now resolve differently from what the lock says was sent. */
export function findLinkRefreshes(run: ApplyRun, items: readonly ArticlePlanItem[]): LinkRefresh[] {
  const refreshes: LinkRefresh[] = [];
  for (const item of items) {
    const entry = run.lock.articles[item.key];
    if (entry === undefined) continue;
    const bodies: Record<string, string> = {};
    for (const [locale, content] of Object.entries(item.content)) {
      if (!content.body.includes(ARTICLE_LINK_SCHEME)) continue;
      const sent = entry.locales[locale]?.fields?.body;
      const body = resolveBody(run, content.body, locale);
      // Without a field digest the lock cannot say what body was sent; leave it to the next plan.
      if (sent !== undefined && hashField(body) !== sent) bodies[locale] = body;
    }
    if (Object.keys(bodies).length > 0) refreshes.push({ item, id: entry.id, bodies });
  }
  return refreshes;
}

/** Sends one refresh (one request) and records the new body digests in the lock. */
export async function applyLinkRefresh(run: ApplyRun, refresh: LinkRefresh): Promise<void> {
  const { item, id, bodies } = refresh;
  const patches = Object.fromEntries(Object.entries(bodies).map(([locale, body]) => [locale, { body }]));
  const response = await run.api.updateArticle(id, buildArticleUpdate(patches, { defaultLocale: item.defaultLocale, defaultAuthorId: run.plan.defaultAuthorId }));
  const entry = run.lock.articles[item.key];
  if (entry === undefined) return;
  const written: Record<string, FieldHashes> = {};
  for (const [locale, body] of Object.entries(bodies)) {
    const previous = entry.locales[locale]?.fields;
    if (previous !== undefined) written[locale] = { ...previous, body: hashField(body) };
  }
  recordWrite(entry, written, response, blockedLocales(item));
  noteArticleUrls(run, item.key, response);
}
