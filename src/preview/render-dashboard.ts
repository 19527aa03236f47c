/**
 * `/translations`: per locale, what `status` counts (translated, missing, outdated, unstamped),
 * each outdated article with a word diff of the source's visible text since it was stamped (when
 * git can tell, see source-history.ts), and links to every page concerned. Pure.
 */
import { escapeHtml } from "../render/escape.js";
import type { LocaleStatus } from "../status/types.js";
import type { DesiredArticle } from "../types.js";
import { layoutPage, localeName, type PageContext } from "./layout.js";
import { linkerFor, type PageRef } from "./page-paths.js";
import { articleText, type SiteModel } from "./site-model.js";
import type { TextDiff } from "./text-diff.js";

/** What changed in the source of one outdated translation, or why that cannot be known. */
export type OutdatedChange = { kind: "diff"; since: string; diff: TextDiff } | { kind: "unknown"; reason: string };

export interface DashboardInput {
  /** By translation file (project-relative). */
  changes: ReadonlyMap<string, OutdatedChange>;
}

function articleByFile(site: SiteModel, locale: string): Map<string, DesiredArticle> {
  const byFile = new Map<string, DesiredArticle>();
  for (const article of site.state.articles) {
    const translation = article.locales[locale];
    if (translation !== undefined) byFile.set(translation.file, article);
  }
  return byFile;
}

function pageLink(site: SiteModel, article: DesiredArticle, locale: string, link: (to: PageRef) => string): string {
  const { text } = articleText(site, article, locale);
  return `<a href="${escapeHtml(link({ kind: "article", locale, key: article.key }))}">${escapeHtml(text.title)}</a> <code>${escapeHtml(article.key)}</code>`;
}

function changeOf(change: OutdatedChange | undefined): string {
  if (change === undefined) return `<p class="hc-muted">What changed is not known.</p>`;
  if (change.kind === "unknown") return `<p class="hc-muted" data-diff="unknown">What changed cannot be shown: ${escapeHtml(change.reason)}.</p>`;
  return `<p class="hc-muted">Source text changed since ${escapeHtml(change.since)} (${change.diff.added} words added, ${change.diff.removed} removed):</p><div class="hc-diff" data-diff="known">${change.diff.html}</div>`;
}

function localeSection(site: SiteModel, status: LocaleStatus, input: DashboardInput, link: (to: PageRef) => string): string {
  const byFile = articleByFile(site, status.locale);
  const outdated = status.outdatedFiles.map((file) => {
    const article = byFile.get(file);
    const title = article === undefined ? `<code>${escapeHtml(file)}</code>` : pageLink(site, article, status.locale, link);
    const source = article === undefined ? "" : ` · <a href="${escapeHtml(link({ kind: "article", locale: site.state.sourceLocale, key: article.key }))}">source</a>`;
    return `<li class="hc-outdated" data-file="${escapeHtml(file)}"><h4>${title}${source}</h4>${changeOf(input.changes.get(file))}</li>`;
  });
  const list = (keys: readonly string[]): string =>
    keys.length === 0 ? `<p class="hc-muted">None.</p>` : `<ul>${keys.map((key) => {
      const article = site.articles.get(key);
      return `<li>${article === undefined ? escapeHtml(key) : pageLink(site, article, status.locale, link)}</li>`;
    }).join("")}</ul>`;
  const unstampedKeys = status.unstampedFiles.map((file) => byFile.get(file)?.key ?? file);
  return `<section class="hc-card" id="${escapeHtml(status.locale)}" data-locale="${escapeHtml(status.locale)}">
<h2>${escapeHtml(localeName(status.locale))} <code>${escapeHtml(status.locale)}</code> · <a href="${escapeHtml(link({ kind: "home", locale: status.locale }))}">open</a></h2>
<h3>Outdated (${status.outdated})</h3>${outdated.length === 0 ? `<p class="hc-muted">None.</p>` : `<ul class="hc-articles">${outdated.join("")}</ul>`}
<h3>Missing (${status.missing})</h3>${list(status.missingKeys)}
<h3>Unstamped (${status.unstamped})</h3>${list(unstampedKeys)}
</section>`;
}

export function renderDashboardPage(site: SiteModel, input: DashboardInput, mode: PageContext["mode"]): string {
  const ref: PageRef = { kind: "translations" };
  const ctx: PageContext = { site, mode, ref, locale: site.state.sourceLocale };
  const link = linkerFor(mode, ref);
  const rows = site.status.locales.map(
    (status) => `<tr data-locale="${escapeHtml(status.locale)}"><td><a href="#${escapeHtml(status.locale)}">${escapeHtml(localeName(status.locale))}</a> <code>${escapeHtml(status.locale)}</code></td>
<td class="num" data-count="translated">${status.translated}/${status.total}</td><td><div class="hc-progress" title="${status.translatedPercent}%"><span style="width: ${status.translatedPercent}%"></span></div></td>
<td class="num" data-count="upToDate">${status.upToDate}</td><td class="num" data-count="missing">${status.missing}</td><td class="num" data-count="outdated">${status.outdated}</td><td class="num" data-count="unstamped">${status.unstamped}</td></tr>`,
  );
  const summary = site.status.locales.length === 0
    ? `<p class="hc-muted">No translation locale: only ${escapeHtml(localeName(site.state.sourceLocale))} is in the tree.</p>`
    : `<table><thead><tr><th>Locale</th><th>Translated</th><th></th><th>Up to date</th><th>Missing</th><th>Outdated</th><th>Unstamped</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
  const content = `<div class="hc-card hc-dashboard"><h1 class="hc-title">Translations</h1>
<p class="hc-description">${site.status.articles} source articles in ${escapeHtml(localeName(site.state.sourceLocale))}. Counted as <code>intercom-sync status</code> counts them.</p>
${summary}</div>
${site.status.locales.map((status) => localeSection(site, status, input, link)).join("\n")}`;
  const choices = site.locales.map((locale) => ({ locale, to: { kind: "home", locale } as PageRef, mark: locale === site.state.sourceLocale ? ("source" as const) : ("translated" as const) }));
  return layoutPage(ctx, { title: "Translations", choices, content });
}
