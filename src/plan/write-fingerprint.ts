/**
 * A fingerprint of a locale as Intercom would hold it after a write: what a plan can compare with
 * the remote, never markup (Intercom rewrites the HTML it stores). A write whose response was lost
 * is recorded in the lock with the fingerprint of what was sent; the next plan compares it with
 * the remote to tell that write from an edit made in Intercom.
 */
import { digestText } from "../digest/body-summary.js";
import { normaliseText, readHtml } from "../digest/visible-text.js";

export interface ArticleLocaleView {
  title: string;
  description: string | null;
  body: string;
  state: string;
}

/** The visible text, link targets, title, description and state of an article locale. */
export function fingerprintArticleLocale(view: ArticleLocaleView): string {
  const reading = readHtml(view.body);
  return digestText(
    JSON.stringify([normaliseText(view.title), normaliseText(view.description ?? ""), digestText(reading.text), reading.hrefs, view.state]),
  );
}

/** The name and description of a collection locale. */
export function fingerprintCollectionLocale(view: { name: string; description: string | null }): string {
  return digestText(JSON.stringify([normaliseText(view.name), normaliseText(view.description ?? "")]));
}
