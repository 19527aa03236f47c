/** The frame of every preview page: header with the name and locale switcher, findings, live reload. */
import { formatLocation, type Diagnostic } from "../errors/sync-error.js";
import { escapeHtml } from "../render/escape.js";
import { linkerFor, type LinkMode, type PageRef } from "./page-paths.js";
import { errorsWithoutPage, isRightToLeft, type SiteModel, type TranslationMark } from "./site-model.js";

/** The path the server streams reload events on (server-sent events). */
export const EVENTS_PATH = "/__preview/events";

export interface PageContext {
  site: SiteModel;
  mode: LinkMode;
  /** The page being written. */
  ref: PageRef;
  /** The page's language. */
  locale: string;
}

/** One entry of the locale switcher: where the page is in that locale, and how it stands there. */
export interface LocaleChoice {
  locale: string;
  to: PageRef;
  mark: TranslationMark;
}

/** A locale's name in its own language (`Français`), or the code when the runtime has no name. */
export function localeName(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale);
    return name === undefined || name === locale ? locale : name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}

const MARK_LABELS: Record<TranslationMark, string> = {
  source: "source",
  translated: "translated",
  outdated: "outdated",
  unstamped: "unstamped",
  missing: "missing",
};

export function markLabel(mark: TranslationMark): string {
  return MARK_LABELS[mark];
}

export function flag(mark: TranslationMark): string {
  if (mark === "source" || mark === "translated") return "";
  return ` <span class="hc-flag ${mark}" data-mark="${mark}">${markLabel(mark)}</span>`;
}

function localeSwitcher(ctx: PageContext, choices: readonly LocaleChoice[], link: (to: PageRef) => string): string {
  const items = choices.map((choice) => {
    const current = choice.locale === ctx.locale;
    const mark = choice.mark === "source" || choice.mark === "translated" ? "" : `<span class="mark">${markLabel(choice.mark)}</span>`;
    return `<li><a href="${escapeHtml(link(choice.to))}" hreflang="${choice.locale}" lang="${choice.locale}" data-locale="${choice.locale}" data-mark="${choice.mark}"${current ? ' aria-current="true"' : ""}>${escapeHtml(localeName(choice.locale))}${mark}</a></li>`;
  });
  return `<ul class="hc-locales" aria-label="Languages">${items.join("")}</ul>`;
}

/** A list of findings (`file:line` and message), as `check` reports them. */
export function findingsPanel(title: string, findings: readonly Diagnostic[]): string {
  if (findings.length === 0) return "";
  const items = findings.map(
    (d) =>
      `<li class="${d.severity}" data-code="${escapeHtml(d.code)}"><code class="where">${escapeHtml(formatLocation(d.location))}</code> ${d.severity}: ${escapeHtml(d.message)} <code>${escapeHtml(d.code)}</code>${d.hint === undefined ? "" : ` <span class="hint">${escapeHtml(d.hint)}</span>`}</li>`,
  );
  return `<section class="hc-findings" data-findings="${findings.length}"><h2>${escapeHtml(title)}</h2><ul>${items.join("")}</ul></section>`;
}

// data-live says the stream is open, so a test (or a curious reader) can tell reloads will come.
const LIVE_RELOAD = `<script>(() => {
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener("open", () => { document.documentElement.dataset.live = "connected"; });
  events.addEventListener("reload", () => location.reload());
})();</script>`;

export interface LayoutInput {
  title: string;
  choices: readonly LocaleChoice[];
  content: string;
  /** Findings the content already shows (left out of the tree's errors panel). */
  shown?: readonly Diagnostic[];
}

/** A whole page: the page's content inside the help center's frame. */
export function layoutPage(ctx: PageContext, input: LayoutInput): string {
  const link = linkerFor(ctx.mode, ctx.ref);
  const { site } = ctx;
  const home: PageRef = { kind: "home", locale: ctx.ref.kind === "translations" ? site.state.sourceLocale : ctx.locale };
  // Errors in files that became no page at all would otherwise show nowhere.
  const orphans = findingsPanel("Errors in the tree (not shown on any page)", errorsWithoutPage(site).filter((d) => !(input.shown ?? []).includes(d)));
  return `<!doctype html>
<html lang="${escapeHtml(ctx.locale)}" dir="${isRightToLeft(ctx.locale) ? "rtl" : "ltr"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)} | ${escapeHtml(site.title)}</title>
<link rel="stylesheet" href="${escapeHtml(link({ kind: "style" }))}">
</head>
<body data-page="${ctx.ref.kind}">
<header class="hc-header"><div class="hc-header-inner"><div class="hc-bar">
<a class="hc-name" href="${escapeHtml(link(home))}">${escapeHtml(site.title)}</a>
${localeSwitcher(ctx, input.choices, link)}
<a class="hc-dashboard" href="${escapeHtml(link({ kind: "translations" }))}">Translations</a>
</div></div></header>
<main class="hc-main">
${orphans}${input.content}
</main>
${ctx.mode === "server" ? LIVE_RELOAD : ""}
</body>
</html>
`;
}
