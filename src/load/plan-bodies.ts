/**
 * Bodies on demand: the plan describes bodies by digest, and these fill the HTML of the ones a push
 * sends, rendered again through the loader the read returned.
 */
import type { PlanBodyLoader } from "../apply/types.js";
import { mapConcurrent } from "../content/map-concurrent.js";
import { READ_CONCURRENCY } from "../content/read-content-tree.js";
import { SyncError } from "../errors.js";
import { bodiesToLoad } from "../plan/bodies-to-load.js";
import { digestText } from "../digest/body-summary.js";
import type { Plan } from "../plan/types.js";
import type { DesiredState } from "../types.js";
import type { BodyLoader } from "./body-loader.js";

/**
 * Fills `content[locale].body` of a plan item by rendering its file again, and returns it. A body
 * whose digest is not the planned one means the file changed after it was read: nothing that was
 * not planned is sent.
 */
export function createPlanBodyLoader(desired: DesiredState, loadBody: BodyLoader): PlanBodyLoader {
  const articles = new Map(desired.articles.map((article) => [article.key, article]));
  return async (item, locale) => {
    const content = item.content[locale];
    if (content?.body !== undefined) return content.body;
    const file = articles.get(item.key)?.locales[locale]?.file;
    if (content === undefined || file === undefined) throw new SyncError("apply/missing-body", `The plan has no ${locale} body for the article ${item.key}.`);
    const html = await loadBody({ key: item.key, locale, file });
    if (digestText(html) !== content.digest) {
      throw new SyncError("content/changed-during-run", `${file} changed while the run was in progress; it was not sent to Intercom.`, {
        hint: "Run again once the files are saved.",
        location: { file },
      });
    }
    content.body = html;
    return html;
  };
}

/** Fills the bodies a push of `plan` writes (see bodiesToLoad), all at once, before the first write. */
export async function loadPlanBodies(plan: Plan, load: PlanBodyLoader): Promise<number> {
  const requests = bodiesToLoad(plan);
  await mapConcurrent(requests, READ_CONCURRENCY, ({ item, locale }) => load(item, locale));
  return requests.length;
}

