import { defineEntry } from "./define-entry.js";

/** Internal articles (`internalDir`, 2.16 `/internal_articles`). */
export const INTERNAL_ERRORS = {
  "config/internal-dir-overlap": defineEntry({
    severity: "error",
    summary: "`internalDir` is, holds or lies inside `contentDir` or `localesDir`.",
    message: (d: { internalDir: string; field: "contentDir" | "localesDir"; folder: string }) => `"internalDir" ("${d.internalDir}") overlaps "${d.field}" ("${d.folder}").`,
    hint: "Keep internal articles in a folder of their own, beside the content and locales folders.",
  }),
  "internal/missing-title": defineEntry({
    severity: "error",
    summary: "An internal article has no `title` in its front matter.",
    message: () => "An internal article needs a `title`.",
    hint: "Add `title: ...` to the front matter.",
  }),
  "internal/invalid-field": defineEntry({
    severity: "error",
    summary: "A front matter value of an internal article has the wrong type.",
    message: (d: { key: string; expected: string }) => `"${d.key}" of an internal article must be ${d.expected}.`,
    hint: (d) => (d.key === "owner_id" || d.key === "author_id" ? `Write the admin id as a number, such as \`${d.key}: 1295\`.` : `Write "${d.key}" as ${d.expected}.`),
  }),
  "internal/unknown-key": defineEntry({
    severity: "warning",
    summary: "A front matter key that internal articles do not have (ignored).",
    message: (d: { key: string; known: readonly string[] }) => `"${d.key}" does not apply to internal articles; it is ignored.`,
    hint: (d) => `Internal articles take: ${d.known.join(", ")}.`,
  }),
  "internal/translation": defineEntry({
    severity: "error",
    summary: "A file under a locale folder translates an internal article: internal articles have one locale.",
    message: (d: { key: string }) => `"${d.key}" is an internal article, which Intercom keeps in one locale only.`,
    hint: "Remove the translation, or write it as an internal article of its own under internalDir.",
  }),
  "internal/duplicate-key": defineEntry({
    severity: "error",
    summary: "Two internal article files have the same key.",
    message: (d: { key: string; other: string }) => `Internal article key "${d.key}" is also used by ${d.other}.`,
    hint: "Rename one of the files.",
  }),
  "internal/link-unresolved": defineEntry({
    severity: "warning",
    summary: "A link from an internal article to an article whose URL is not known yet (kept as plain text).",
    message: (d: { key: string }) => `The link to "${d.key}" has no Intercom URL yet; it is sent as plain text.`,
    hint: "Push once more after the linked article exists: the link is resolved then.",
  }),
  "internal/failed": defineEntry({
    severity: "error",
    summary: "Intercom refused or failed a write of an internal article.",
    message: (d: { key: string; action: string; reason: string }) => `Could not ${d.action} internal article "${d.key}": ${d.reason}`,
    hint: "The lock keeps what was done; fix the cause and push again.",
  }),
  "internal/conflict": defineEntry({
    severity: "error",
    summary: "An internal article changed both in its file and in Intercom since the last push.",
    message: (d: { key: string; fields: readonly string[] }) => `Internal article "${d.key}" changed both here and in Intercom (${d.fields.join(", ")}).`,
    hint: "Run `intercom-sync pull` to take Intercom's version, or `push --force` to overwrite it.",
  }),
};
