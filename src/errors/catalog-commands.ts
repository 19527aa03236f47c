import { defineEntry } from "./define-entry.js";

type NotATranslation =
  | { file: string; place: "folder" | "outside"; localesDir: string }
  | { file: string; place: "locale"; locale: string; known: boolean }
  | { file: string; place: "collection" };

/** stamp, status and command-line codes: a command refused what it was given. */
export const COMMAND_ERRORS = {
  "stamp/missing-path": defineEntry({
    severity: "error",
    summary: "A path given to stamp does not exist.",
    message: (d: { path: string }) => `${d.path} does not exist.`,
    hint: "Check the path.",
  }),
  "stamp/not-a-translation": defineEntry({
    severity: "error",
    summary: "A file given to stamp is not a translated article (outside a locale folder, or a collection).",
    message: (d: NotATranslation) => {
      switch (d.place) {
        case "folder": return `${d.file} holds no translations: translations live under ${d.localesDir}/<locale>/.`;
        case "outside": return `${d.file} is not a translation: translations live under ${d.localesDir}/<locale>/.`;
        case "locale": return `${d.file} is not in a translation locale folder ("${d.locale}" is ${d.known ? "the source locale" : "not an Intercom locale code"}).`;
        case "collection": return `${d.file} describes a collection; collections have no source_hash.`;
      }
    },
    hint: (d) => {
      switch (d.place) {
        case "folder":
        case "outside": return "Pass translation files or folders, such as locales/fr.";
        case "locale": return "Stamp files under a translation locale's folder.";
        case "collection": return "Stamp the translated articles instead.";
      }
    },
  }),
  "stamp/no-source": defineEntry({
    severity: "error",
    summary: "A translation to stamp has no readable source article.",
    message: (d: { file: string; source: string }) => `${d.file} has no readable source article (${d.source}); it was not stamped.`,
    hint: "Check that the source exists and passes `intercom-sync check`.",
  }),
  "stamp/invalid-front-matter": defineEntry({
    severity: "error",
    summary: "A translation to stamp has front matter that cannot be read.",
    message: (d: { file: string }) => `The front matter of ${d.file} cannot be read; it was not stamped.`,
    hint: "Run `intercom-sync check` and fix it first.",
  }),
  "stamp/no-front-matter": defineEntry({
    severity: "error",
    summary: "A translation to stamp has no front matter (so no title).",
    message: (d: { file: string }) => `${d.file} has no front matter, so it has no title either; it was not stamped.`,
    hint: "Start the file with ---, a `title:` line and ---.",
  }),
  "status/source-locale": defineEntry({
    severity: "error",
    summary: "status --locale names the source locale, which has no translations.",
    message: (d: { locale: string }) => `"${d.locale}" is the source locale; it has no translations.`,
    hint: "Pass a translation locale, or leave --locale out.",
  }),
  "status/unknown-locale": defineEntry({
    severity: "error",
    summary: "status --locale names something that is not an Intercom locale code.",
    message: (d: { locale: string; suggestion: string | undefined }) => `"${d.locale}" is not an Intercom locale code.`,
    hint: (d) => (d.suggestion === undefined ? "Use one of Intercom's codes: fr, de, pt-BR, zh-CN, ..." : `Did you mean ${d.suggestion}?`),
  }),
  "cli/invalid-flag": defineEntry({
    severity: "error",
    summary: "A command-line flag has a value out of range.",
    message: (d: { flag: "debounce"; value: string; max: number } | { flag: string; value: string; min: number; max: number }) =>
      "min" in d
        ? `--${d.flag} must be a number from ${d.min} to ${d.max} (got "${d.value}").`
        : `--debounce must be a whole number of ms from 0 to ${d.max} (got "${d.value}").`,
  }),
};
