/**
 * `intercom-sync open`: the Intercom URL of one item this project pushed. The lock knows its id;
 * Intercom's answer gives the URL as it is now (the slug follows the title), so one read is made.
 */
import { SyncError } from "../errors/sync-error.js";
import { selectedPathOf } from "../plan/select-plan.js";
import { openProject, type OpenProjectOptions } from "./open-project.js";
import { selectionLayout } from "./plan-project.js";

export interface ItemUrl {
  type: "article" | "collection";
  key: string;
  locale: string;
  url: string;
}

/**
 * The URL of `item` (a key, or a project-relative file of content/ or locales/) in `locale`
 * (default: the file's locale, else the source locale).
 */
export async function findItemUrl(options: OpenProjectOptions, item: string, locale?: string): Promise<ItemUrl> {
  const project = await openProject(options);
  const { config } = project;
  const fromFile = item.endsWith(".md") ? selectedPathOf(item, selectionLayout(config)) : undefined;
  const key = fromFile?.key ?? item.replace(/\/+$/, "");
  const wanted = locale ?? fromFile?.locale ?? config.sourceLocale;
  const lock = await project.readLock();
  const article = lock.articles[key];
  const collection = lock.collections[key];
  if (article !== undefined) {
    const answer = await project.api.getArticle(article.id);
    const translated = answer.translated_content?.[wanted];
    const url = wanted === answer.default_locale ? answer.url : typeof translated === "object" && translated !== null && "url" in translated ? translated.url : null;
    if (url === null || url === undefined || url === "") throw new SyncError("open/no-url", { key, locale: wanted });
    return { type: "article", key, locale: wanted, url };
  }
  if (collection !== undefined) {
    // A collection's answer carries one URL, its default locale's.
    const answer = await project.api.getCollection(collection.id);
    if (answer.url === null || answer.url === "") throw new SyncError("open/no-url", { key, locale: wanted });
    return { type: "collection", key, locale: answer.default_locale, url: answer.url };
  }
  throw new SyncError("open/unknown-item", { item });
}
