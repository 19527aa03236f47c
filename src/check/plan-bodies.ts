/**
 * Bodies on demand: the plan describes bodies by digest, and these fill the HTML of the ones a push
 * sends, rendered again through the loader the read returned.
 */
import { mapConcurrent } from "../content/map-concurrent.js";
import { READ_CONCURRENCY } from "../content/read-content-tree.js";
import { SyncError } from "../errors.js";
import { bodiesToLoad, type BodyRequest } from "../plan/bodies-to-load.js";
import { digestText } from "../plan/body-summary.js";
import type { Plan } from "../plan/types.js";
import type { DesiredArticle, DesiredState } from "../types.js";
import type { BodyLoader } from "./body-loader.js";

/**
 * Fills `content[locale].body` of the given plan items' locales by rendering those files again. A
 * body whose digest is not the planned one means the file changed after it was read: nothing that
 * was not planned is sent.
 */
async function loadBodies(requests: readonly BodyRequest[], articles: ReadonlyMap<string, DesiredArticle>, loadBody: BodyLoader): Promise<void> {
  await mapConcurrent(requests, READ_CONCURRENCY, async ({ item, locale }) => {
    const content = item.content[locale];
    const file = articles.get(item.key)?.locales[locale]?.file;
    if (content === undefined || file === undefined || content.body !== undefined) return;
    const html = await loadBody({ key: item.key, locale, file });
    if (digestText(html) !== content.digest) {
      throw new SyncError("content/changed-during-run", `${file} changed while the run was in progress; it was not sent to Intercom.`, {
        hint: "Run again once the files are saved.",
        location: { file },
      });
    }
    content.body = html;
  });
}

/** Fills the bodies a push of `plan` may send (see bodiesToLoad), all at once. */
export async function loadPlanBodies(plan: Plan, desired: DesiredState, loadBody: BodyLoader): Promise<number> {
  const requests = bodiesToLoad(plan);
  await loadBodies(requests, new Map(desired.articles.map((article) => [article.key, article])), loadBody);
  return requests.length;
}

