/** The reader's pages: a locale's home, a collection, an article, and a page that is not there. Pure. */
import { escapeHtml } from "../render/escape.js";
import type { DesiredArticle, DesiredCollection } from "../types.js";
import { findingsPanel, flag, layoutPage, localeName, type LocaleChoice, type PageContext } from "./layout.js";
import { linkerFor, type PageRef } from "./page-paths.js";
import { articleMark, articleText, collectionMark, collectionPath, collectionText, findingsOf, type SiteModel } from "./site-model.js";

/** An article body ready for its page, or why it could not be rendered. */
export type BodyResult = { html: string } | { error: string };

function homeChoices(site: SiteModel): LocaleChoice[] {
  return site.locales.map((locale) => ({ locale, to: { kind: "home", locale }, mark: locale === site.state.sourceLocale ? "source" : "translated" }));
}

function collectionChoices(site: SiteModel, collection: DesiredCollection): LocaleChoice[] {
  return site.locales.map((locale) => ({ locale, to: { kind: "collection", locale, key: collection.key }, mark: collectionMark(site, collection, locale) }));
}

function articleChoices(site: SiteModel, article: DesiredArticle): LocaleChoice[] {
  return site.locales.map((locale) => ({ locale, to: { kind: "article", locale, key: article.key }, mark: articleMark(site, article, locale) }));
}

function countArticles(site: SiteModel, key: string): number {
  let count = site.childArticles.get(key)?.length ?? 0;
  for (const child of site.childCollections.get(key) ?? []) count += countArticles(site, child.key);
  return count;
}

function collectionTree(ctx: PageContext, parentKey: string, link: (to: PageRef) => string): string {
  const children = ctx.site.childCollections.get(parentKey) ?? [];
  if (children.length === 0) return "";
  const items = children.map((collection) => {
    const { text, fallback } = collectionText(ctx.site, collection, ctx.locale);
    const count = countArticles(ctx.site, collection.key);
    return `<li class="hc-collection" data-key="${escapeHtml(collection.key)}"><a href="${escapeHtml(link({ kind: "collection", locale: ctx.locale, key: collection.key }))}">${escapeHtml(text.name)}</a>${fallback ? flag("missing") : ""}
${text.description === "" ? "" : `<p>${escapeHtml(text.description)}</p>`}<span class="hc-count">${count} ${count === 1 ? "article" : "articles"}</span>${collectionTree(ctx, collection.key, link)}</li>`;
  });
  return `<ul class="hc-collections">${items.join("")}</ul>`;
}

function articleList(ctx: PageContext, parentKey: string, link: (to: PageRef) => string): string {
  const articles = ctx.site.childArticles.get(parentKey) ?? [];
  if (articles.length === 0) return "";
  const items = articles.map((article) => {
    const { text } = articleText(ctx.site, article, ctx.locale);
    const mark = articleMark(ctx.site, article, ctx.locale);
    return `<li data-key="${escapeHtml(article.key)}"><a href="${escapeHtml(link({ kind: "article", locale: ctx.locale, key: article.key }))}">${escapeHtml(text.title)}</a>${flag(mark)}${text.description === "" ? "" : `<p>${escapeHtml(text.description)}</p>`}</li>`;
  });
  return `<ul class="hc-articles">${items.join("")}</ul>`;
}

function breadcrumbs(ctx: PageContext, parentKey: string | null, link: (to: PageRef) => string): string {
  const crumbs = [`<li><a href="${escapeHtml(link({ kind: "home", locale: ctx.locale }))}">${escapeHtml(ctx.site.title)}</a></li>`];
  for (const collection of collectionPath(ctx.site, parentKey)) {
    const { text } = collectionText(ctx.site, collection, ctx.locale);
    crumbs.push(`<li><a href="${escapeHtml(link({ kind: "collection", locale: ctx.locale, key: collection.key }))}">${escapeHtml(text.name)}</a></li>`);
  }
  return `<ol class="hc-breadcrumbs" aria-label="Breadcrumbs">${crumbs.join("")}</ol>`;
}

function missingNotice(ctx: PageContext, what: string): string {
  const source = localeName(ctx.site.state.sourceLocale);
  return `<p class="hc-notice missing" data-notice="missing">Not translated into ${escapeHtml(localeName(ctx.locale))} yet: this ${what} shows the ${escapeHtml(source)} source.</p>`;
}

export function renderHomePage(site: SiteModel, locale: string, mode: PageContext["mode"]): string {
  const ctx: PageContext = { site, mode, ref: { kind: "home", locale }, locale };
  const link = linkerFor(mode, ctx.ref);
  const topArticles = articleList(ctx, "", link);
  const content = `<div class="hc-card">
<h1 class="hc-title">${escapeHtml(site.title)}</h1>
${collectionTree(ctx, "", link)}
${topArticles === "" ? "" : `<h2>Articles</h2>${topArticles}`}
</div>`;
  return layoutPage(ctx, { title: localeName(locale), choices: homeChoices(site), content });
}

export function renderCollectionPage(site: SiteModel, collection: DesiredCollection, locale: string, mode: PageContext["mode"]): string {
  const ctx: PageContext = { site, mode, ref: { kind: "collection", locale, key: collection.key }, locale };
  const link = linkerFor(mode, ctx.ref);
  const { text, fallback } = collectionText(site, collection, locale);
  const content = `${findingsPanel(`check findings for ${text.file ?? collection.key}`, findingsOf(site, [text.file]))}<div class="hc-card">
${breadcrumbs(ctx, collection.parentKey, link)}
${fallback ? missingNotice(ctx, "collection") : ""}
<h1 class="hc-title">${escapeHtml(text.name)}</h1>
${text.description === "" ? "" : `<p class="hc-description">${escapeHtml(text.description)}</p>`}
${collectionTree(ctx, collection.key, link)}
${articleList(ctx, collection.key, link)}
</div>`;
  return layoutPage(ctx, { title: text.name, choices: collectionChoices(site, collection), content });
}

export function renderArticlePage(site: SiteModel, article: DesiredArticle, locale: string, body: BodyResult, mode: PageContext["mode"]): string {
  const ctx: PageContext = { site, mode, ref: { kind: "article", locale, key: article.key }, locale };
  const link = linkerFor(mode, ctx.ref);
  const { text, fallback } = articleText(site, article, locale);
  const mark = articleMark(site, article, locale);
  const notice = fallback
    ? missingNotice(ctx, "article")
    : mark === "outdated"
      ? `<p class="hc-notice" data-notice="outdated">The source changed after this translation was stamped: it may be outdated. <a href="${escapeHtml(link({ kind: "translations" }))}#${escapeHtml(locale)}">See what changed</a>.</p>`
      : mark === "unstamped"
        ? `<p class="hc-notice" data-notice="unstamped">This translation has no <code>source_hash</code>: nobody said which source version it follows (see <code>intercom-sync stamp</code>).</p>`
        : "";
  const findings = findingsPanel(`check findings for ${text.file}`, findingsOf(site, [text.file]));
  const shown = "html" in body ? `<article class="intercom-content" data-file="${escapeHtml(text.file)}">\n${body.html}\n</article>` : `<p class="hc-notice missing" data-notice="error">This body could not be rendered: ${escapeHtml(body.error)}</p>`;
  const content = `${findings}<div class="hc-card">
${breadcrumbs(ctx, article.parentKey, link)}
${notice}
<h1 class="hc-title">${escapeHtml(text.title)}</h1>
${text.description === "" ? "" : `<p class="hc-description">${escapeHtml(text.description)}</p>`}
${shown}
</div>`;
  return layoutPage(ctx, { title: text.title, choices: articleChoices(site, article), content });
}

/** A page that is not in the tree (a removed file, a broken one): its findings, and the way home. */
export function renderMissingPage(site: SiteModel, ref: PageRef, mode: PageContext["mode"]): string {
  const locale = "locale" in ref && site.locales.includes(ref.locale) ? ref.locale : site.state.sourceLocale;
  const ctx: PageContext = { site, mode, ref, locale };
  const link = linkerFor(mode, ref);
  const key = "key" in ref ? ref.key : "";
  // A broken file is no item, but its errors are known by file: show those of this key's files.
  const related = key === "" ? [] : site.diagnostics.filter((d) => d.location.file.endsWith(`/${key}.md`) || d.location.file.endsWith(`/${key}/_collection.md`));
  const content = `${findingsPanel("check findings for this page's files", related)}<div class="hc-card"><h1 class="hc-title">Not in the help center</h1>
<p class="hc-description">Nothing in the tree makes this page${key === "" ? "" : ` (<code>${escapeHtml(key)}</code>)`}${related.length > 0 ? ": its file has errors" : ""}.</p>
<p><a href="${escapeHtml(link({ kind: "home", locale }))}">Back to the help center</a></p></div>`;
  return layoutPage(ctx, { title: "Not found", choices: homeChoices(site), content, shown: related });
}
