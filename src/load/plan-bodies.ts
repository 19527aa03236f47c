/**
 * Bodies on demand: the plan describes bodies by digest; these render the HTML of the ones a push
 * sends, through the loader the read returned, into a map that travels beside the plan (the plan
 * itself is never edited after planning).
 */
import { bodyKey, type PlanBodyLoader } from "../apply/types.js";
import { mapConcurrent } from "../content/map-concurrent.js";
import { READ_CONCURRENCY } from "../content/read-content-tree.js";
import { digestText } from "../digest/body-summary.js";
import { SyncError } from "../errors/sync-error.js";
import { bodiesToLoad } from "../plan/bodies-to-load.js";
import type { Plan } from "../plan/types.js";
import type { DesiredState } from "../types.js";
import type { BodyLoader } from "./body-loader.js";

/** The bodies of one push: rendered HTML by bodyKey, and the loader that renders more. */
export interface PlanBodies {
  html: ReadonlyMap<string, string>;
  load: PlanBodyLoader;
}

/**
 * Renders one article locale of a plan item from its file again, keeping the HTML in `html`. A body
 * whose digest is not the planned one means the file changed after it was read: nothing that was
 * not planned is sent.
 */
export function createPlanBodies(desired: DesiredState, loadBody: BodyLoader): PlanBodies {
  const articles = new Map(desired.articles.map((article) => [article.key, article]));
  const html = new Map<string, string>();
  const load: PlanBodyLoader = async (item, locale) => {
    const content = item.content[locale];
    if (content?.body !== undefined) return content.body;
    const known = html.get(bodyKey(item.key, locale));
    if (known !== undefined) return known;
    const file = articles.get(item.key)?.locales[locale]?.file;
    if (content === undefined || file === undefined) throw new SyncError("apply/missing-body", { key: item.key, locale, stage: "load" });
    const rendered = await loadBody({ key: item.key, locale, file });
    if (digestText(rendered) !== content.digest) {
      throw new SyncError("content/changed-during-run", { file, stage: "render" }, { location: { file } });
    }
    html.set(bodyKey(item.key, locale), rendered);
    return rendered;
  };
  return { html, load };
}

/** Renders the bodies a push of `plan` writes (see bodiesToLoad), all at once, before the first write. */
export async function loadPlanBodies(plan: Plan, bodies: PlanBodies): Promise<number> {
  const requests = bodiesToLoad(plan);
  await mapConcurrent(requests, READ_CONCURRENCY, ({ item, locale }) => bodies.load(item, locale));
  return requests.length;
}
