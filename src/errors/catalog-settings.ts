import { defineEntry } from "./define-entry.js";

/** The 2.16 article settings in front matter: Fin availability, audiences, tags and schedules. */
export const SETTINGS_ERRORS = {
  "settings/invalid-fin": defineEntry({
    severity: "error",
    summary: "`fin` is not a map of agent/copilot/sales_agent to true or false.",
    message: (d: { key: string; got: string; suggestion?: string | undefined }) => `"${d.key}" must map agent, copilot and sales_agent to true or false; got ${d.got}.`,
    hint: (d) => d.suggestion ?? "Write `fin: { agent: true, copilot: false }` (or `fin: false` for all three).",
  }),
  "settings/invalid-names": defineEntry({
    severity: "error",
    summary: "`tags` or `audiences` is not a list of names.",
    message: (d: { key: string; got: string }) => `"${d.key}" must be a list of names; got ${d.got}.`,
    hint: (d) => `Write \`${d.key}: [Billing, VIP customers]\`.`,
  }),
  "settings/invalid-datetime": defineEntry({
    severity: "error",
    summary: "`publish_at` or `unpublish_at` is not an ISO 8601 date-time with a time zone.",
    message: (d: { key: string; got: string }) => `"${d.key}" must be an ISO 8601 date-time with a time zone; got ${d.got}.`,
    hint: (d) => `Write \`${d.key}: 2030-01-31T09:00:00Z\` (or an offset such as +02:00).`,
  }),
  "settings/both-schedules": defineEntry({
    severity: "error",
    summary: "`publish_at` and `unpublish_at` in one file: Intercom keeps one pending schedule per article.",
    message: () => "An article can have `publish_at` or `unpublish_at`, not both: Intercom keeps one pending schedule per article.",
    hint: "Keep one of them; set the other after the first has happened.",
  }),
  "settings/publish-at-published": defineEntry({
    severity: "error",
    summary: "`publish_at` on an article whose state is `published`.",
    message: () => "`publish_at` schedules the publication of an unpublished article, but this file says `state: published`.",
    hint: "Remove `state: published` (the article stays a draft until then), or remove `publish_at`.",
  }),
  "settings/unpublish-at-draft": defineEntry({
    severity: "error",
    summary: "`unpublish_at` on an article that is not published.",
    message: () => "`unpublish_at` only applies to a published article, and this one is a draft.",
    hint: "Add `state: published`, or remove `unpublish_at`.",
  }),
  "settings/schedule-in-past": defineEntry({
    severity: "error",
    summary: "A `publish_at` or `unpublish_at` that is not in the future (and was never pushed).",
    message: (d: { key: string; at: string }) => `"${d.key}" (${d.at}) is not in the future; Intercom only takes a schedule that is.`,
    hint: (d) => (d.key === "publish_at" ? "Use a later time, or remove it and write `state: published`." : "Use a later time, or remove it and write `state: draft`."),
  }),
  "settings/schedule-passed": defineEntry({
    severity: "warning",
    summary: "A pushed `publish_at`/`unpublish_at` whose time has passed: the key is stale.",
    message: (d: { key: string; at: string }) => `"${d.key}" (${d.at}) was pushed and its time has passed; the key no longer does anything.`,
    hint: (d) => (d.key === "publish_at" ? "Replace it with `state: published`." : "Replace it with `state: draft`."),
  }),
  "settings/translation-only-source": defineEntry({
    severity: "error",
    summary: "`tags`, `publish_at` or `unpublish_at` in a translation: they belong to the whole article.",
    message: (d: { key: string }) => `"${d.key}" applies to the whole article, in every locale, so only the source file may set it.`,
    hint: "Move it to the source article under content/.",
  }),
  "apply/unsupported-api": defineEntry({
    severity: "error",
    summary: "The API client in use cannot write a setting the files name (tags).",
    message: (d: { what: string }) => `The Intercom client in use cannot write ${d.what}.`,
    hint: "Use the HTTP client, or an API object that implements the tag methods.",
  }),
  "settings/unknown-audience": defineEntry({
    severity: "error",
    summary: "An audience name that the workspace does not have.",
    message: (d: { name: string; suggestion?: string | undefined }) => `No audience named "${d.name}" in this workspace.`,
    hint: (d) => d.suggestion ?? "Create it in Intercom (Fin > Audiences) or fix the name.",
  }),
};
