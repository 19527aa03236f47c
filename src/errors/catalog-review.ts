import { defineEntry } from "./define-entry.js";

/** Codes of review in Intercom (staged drafts, `publish`) and of managed redirects. */
export const REVIEW_ERRORS = {
  "apply/staging-unsupported": defineEntry({
    severity: "error",
    summary: "The Intercom client in use cannot stage or publish article drafts.",
    message: () => "This Intercom client cannot stage or publish article drafts.",
    hint: 'Use the HTTP client (createIntercomClient), or push with publishMode "live".',
  }),
  "apply/redirects-unsupported": defineEntry({
    severity: "error",
    summary: "The Intercom client in use cannot manage Help Center redirects.",
    message: () => "This Intercom client cannot manage Help Center redirects.",
    hint: "Use the HTTP client (createIntercomClient), or remove redirect_from from the files.",
  }),
  "publish/unknown-item": defineEntry({
    severity: "error",
    summary: "publish names something that is not an article this project pushed; nothing is published.",
    message: (d: { key: string }) => `"${d.key}" is not an article this project has pushed.`,
    hint: "Name an article by its key (its path under content/ without .md) or its file; run `intercom-sync push --stage` first.",
  }),
  "publish/draft-edited": defineEntry({
    severity: "error",
    summary: "A staged draft was edited in Intercom after it was staged; it is not published.",
    message: (d: { locale: string; key: string }) => `The ${d.locale} draft of ${d.key} was edited in Intercom after it was staged; it is not published.`,
    // pull reads the live text, not drafts: the edit has to be copied by hand.
    hint: "Copy the edit into the file and run `push --stage`, or `push --stage --force` to stage the file's text again; then publish.",
  }),
  "publish/nothing-staged": defineEntry({
    severity: "error",
    summary: "An article named to publish has no staged draft.",
    message: (d: { key: string; locales: readonly string[] }) =>
      `${d.key} has no staged draft${d.locales.length > 0 ? ` in ${d.locales.join(", ")}` : ""} to publish.`,
    hint: "Run `intercom-sync plan` to see what is staged; `push --stage` stages changes.",
  }),
  "redirect/live-article": defineEntry({
    severity: "error",
    summary: "redirect_from names the key of an article that is still in the tree.",
    message: (d: { from: string }) => `redirect_from names "${d.from}", an article that is still in the tree; only a removed article's URL can redirect.`,
    hint: "Remove that article's file (merging it into this one), or list a path instead.",
  }),
  "redirect/duplicate": defineEntry({
    severity: "error",
    summary: "The same redirect source is in redirect_from of two files.",
    message: (d: { from: string; first: string }) => `"${d.from}" is in redirect_from here and in ${d.first}; a URL redirects to one place.`,
    hint: "Keep it in one file.",
  }),
  "redirect/outside-help-center": defineEntry({
    severity: "error",
    summary: "A redirect_from URL is outside the help center's URL space (its url or custom domain).",
    message: (d: { from: string; spaces: readonly string[] }) => `redirect_from "${d.from}" is outside the help center's URL space (${d.spaces.join(" or ")}).`,
    hint: "Intercom redirects only URLs of the help center itself; write the path (/old/page) instead.",
  }),
  "redirect/unknown-key": defineEntry({
    severity: "error",
    summary: "redirect_from names an article key whose URL is not known (never pushed by this project).",
    message: (d: { from: string }) => `redirect_from names "${d.from}", but no URL of that article is known.`,
    hint: "A key works for an article this project pushed and then removed; for anything else write its path (/old/page).",
  }),
  "redirect/conflict": defineEntry({
    severity: "error",
    summary: "Intercom answered 409: the URL already redirects elsewhere; that redirect is not created.",
    message: (d: { from: string; target: string }) => `${d.from} already redirects elsewhere in Intercom; its redirect to ${d.target} is not created.`,
    hint: "Delete that redirect in Intercom (Help Center settings, redirects), or remove the entry from redirect_from.",
  }),
  "redirect/rejected": defineEntry({
    severity: "error",
    summary: "Intercom refused to create a redirect (400 or 422).",
    message: (d: { from: string; reason: string }) => `Intercom refused the redirect from ${d.from}: ${d.reason}`,
  }),
  "redirect/no-target": defineEntry({
    severity: "error",
    summary: "A redirect's target failed or was skipped in this run, so the redirect is not created.",
    message: (d: { from: string; target: string }) => `The redirect from ${d.from} is not created: ${d.target} is not in Intercom (it failed or was skipped).`,
  }),
  "redirect/failed": defineEntry({
    severity: "error",
    summary: "Deleting a redirect the lock owns failed.",
    message: (d: { from: string; reason: string }) => `Deleting the redirect from ${d.from} failed: ${d.reason}`,
  }),
};
