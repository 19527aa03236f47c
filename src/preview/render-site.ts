/**
 * Every page of the site from one build: which pages exist, and each page's HTML with what it
 * needs read in (the article's body rendered again as push renders it, the dashboard's diffs).
 */
import type { BodyLoader } from "../load/body-loader.js";
import type { PageRef } from "./page-paths.js";
import { renderDashboardPage, type OutdatedChange } from "./render-dashboard.js";
import { renderArticlePage, renderCollectionPage, renderHomePage, renderMissingPage, type BodyResult } from "./render-pages.js";
import { previewBody } from "./article-body.js";
import { linkerFor, type LinkMode } from "./page-paths.js";
import type { SiteModel } from "./site-model.js";

export interface SiteBuild {
  site: SiteModel;
  /** The body push would send (link placeholders included). */
  loadBody: BodyLoader;
  /** What changed in the source of an outdated translation (by translation file). */
  outdatedChange(translationFile: string, key: string, locale: string): Promise<OutdatedChange>;
}

export interface RenderedPage {
  status: 200 | 404;
  html: string;
}

/** Every page the site has: each locale's home, collections and articles, and the dashboard. */
export function listPages(site: SiteModel): PageRef[] {
  const pages: PageRef[] = [{ kind: "translations" }];
  for (const locale of site.locales) {
    pages.push({ kind: "home", locale });
    for (const collection of site.state.collections) pages.push({ kind: "collection", locale, key: collection.key });
    for (const article of site.state.articles) pages.push({ kind: "article", locale, key: article.key });
  }
  return pages;
}

/**
 * The body of `file` (in `bodyLocale`) for the page of `key` in `locale`: a fallback page shows the
 * source's body, and its links stay in the locale the reader chose.
 */
async function bodyOf(build: SiteBuild, key: string, locale: string, bodyLocale: string, file: string, mode: LinkMode): Promise<BodyResult> {
  try {
    const html = await build.loadBody({ key, locale: bodyLocale, file });
    return { html: previewBody(build.site, html, locale, linkerFor(mode, { kind: "article", locale, key })) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function dashboardChanges(build: SiteBuild): Promise<Map<string, OutdatedChange>> {
  const changes = new Map<string, OutdatedChange>();
  const byFile = new Map<string, { key: string; locale: string }>();
  for (const article of build.site.state.articles) {
    for (const [locale, text] of Object.entries(article.locales)) byFile.set(text.file, { key: article.key, locale });
  }
  for (const status of build.site.status.locales) {
    for (const file of status.outdatedFiles) {
      const item = byFile.get(file);
      if (item !== undefined) changes.set(file, await build.outdatedChange(file, item.key, item.locale));
    }
  }
  return changes;
}

/** The HTML of one page; a page the tree does not make is a 404 page with the findings of its files. */
export async function renderPage(build: SiteBuild, ref: PageRef, mode: LinkMode): Promise<RenderedPage> {
  const { site } = build;
  if (ref.kind === "translations") return { status: 200, html: renderDashboardPage(site, { changes: await dashboardChanges(build) }, mode) };
  if (ref.kind === "home" || ref.kind === "collection" || ref.kind === "article") {
    if (site.locales.includes(ref.locale)) {
      if (ref.kind === "home") return { status: 200, html: renderHomePage(site, ref.locale, mode) };
      if (ref.kind === "collection") {
        const collection = site.collections.get(ref.key);
        if (collection !== undefined) return { status: 200, html: renderCollectionPage(site, collection, ref.locale, mode) };
      } else {
        const article = site.articles.get(ref.key);
        const text = article?.locales[ref.locale] ?? article?.locales[site.state.sourceLocale];
        if (article !== undefined && text !== undefined) {
          const shownLocale = article.locales[ref.locale] !== undefined ? ref.locale : site.state.sourceLocale;
          const body = await bodyOf(build, article.key, ref.locale, shownLocale, text.file, mode);
          return { status: 200, html: renderArticlePage(site, article, ref.locale, body, mode) };
        }
      }
    }
  }
  return { status: 404, html: renderMissingPage(site, ref, mode) };
}
