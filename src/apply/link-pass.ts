/**
 * The second pass: bodies written with a stand-in for a link target that did not exist yet, or
 * unchanged bodies whose target's URL changed in this run (a retitled article), are sent again
 * with the URLs now known. Without it the next push would make these writes. Unchanged bodies are
 * rendered here, only when needed.
 */
import { placeholderTarget } from "../digest/body-summary.js";
import type { FieldHashes } from "../digest/field-hashes.js";
import type { ArticleFields, ArticlePlanItem } from "../plan/types.js";
import { bodyHashNow, noteArticleUrls, requireBody, resolveBody, type ApplyRun } from "./apply-run.js";
import { buildArticleUpdate } from "./build-requests.js";
import { blockedLocales, recordWrite } from "./lock-updates.js";
import { bodyKey } from "./types.js";

export interface LinkRefresh {
  item: ArticlePlanItem;
  id: string;
  /** Locale -> the body field digest of what is sent. */
  hashes: Record<string, string>;
}

/** True when a body links to an article whose URL this run learned or changed. */
function linksToNewUrl(run: ApplyRun, content: ArticleFields): boolean {
  return content.placeholders.some((placeholder) => run.newUrls.has(placeholderTarget(placeholder)));
}

/**
 * The articles whose bodies now resolve differently from what the lock says was sent. Only bodies
 * linking to an article whose URL this run learned can (a stand-in `#` written before a target
 * existed is one of those too), so the others are not even hashed.
 */
export function findLinkRefreshes(run: ApplyRun, items: readonly ArticlePlanItem[]): LinkRefresh[] {
  const refreshes: LinkRefresh[] = [];
  if (run.newUrls.size === 0) return refreshes;
  for (const item of items) {
    const entry = run.lock.articles[item.key];
    if (entry === undefined) continue;
    const hashes: Record<string, string> = {};
    for (const [locale, content] of Object.entries(item.content)) {
      // Without a loader, only bodies the plan carries can be sent again.
      if (!linksToNewUrl(run, content) || (!hasBody(run, item, locale, content) && run.loadBody === undefined)) continue;
      // A staged draft is never refreshed through the live article: the next push stages it again.
      if (entry.locales[locale]?.staged !== undefined || item.stage?.includes(locale) === true) continue;
      const sent = entry.locales[locale]?.fields?.body;
      const hash = bodyHashNow(run, content, locale);
      // Without a field digest the lock cannot say what body was sent; leave it to the next plan.
      if (sent !== undefined && hash !== sent) hashes[locale] = hash;
    }
    if (Object.keys(hashes).length > 0) refreshes.push({ item, id: entry.id, hashes });
  }
  return refreshes;
}

/** Whether the plan carries the body, or it was rendered before the run. */
function hasBody(run: ApplyRun, item: ArticlePlanItem, locale: string, content: ArticleFields): boolean {
  return content.body !== undefined || run.bodies.has(bodyKey(item.key, locale));
}

/** The HTML of a body to send again: the plan's, else rendered now (rare: a target's URL changed). */
async function bodyOf(run: ApplyRun, item: ArticlePlanItem, locale: string, content: ArticleFields): Promise<string> {
  if (!hasBody(run, item, locale, content) && run.loadBody !== undefined) return run.loadBody(item, locale);
  return requireBody(run, content, item.key, locale);
}

/** Sends one refresh (one request) and records the new body digests in the lock. */
export async function applyLinkRefresh(run: ApplyRun, refresh: LinkRefresh): Promise<void> {
  const { item, id, hashes } = refresh;
  const patches: Record<string, { body: string }> = {};
  for (const [locale, content] of Object.entries(item.content)) {
    if (locale in hashes) patches[locale] = { body: resolveBody(run, await bodyOf(run, item, locale, content), locale) };
  }
  const response = await run.api.updateArticle(id, buildArticleUpdate(patches, { defaultLocale: item.defaultLocale, defaultAuthorId: run.defaultAuthorId }));
  const entry = run.lock.articles[item.key];
  if (entry === undefined) return;
  const written: Record<string, FieldHashes> = {};
  for (const [locale, hash] of Object.entries(hashes)) {
    const previous = entry.locales[locale]?.fields;
    if (previous !== undefined) written[locale] = { ...previous, body: hash };
  }
  recordWrite(entry, written, response, blockedLocales(item));
  noteArticleUrls(run, item.key, response);
}
