import { plural } from "./plural.js";
import { defineEntry } from "./define-entry.js";

/** Config and content codes: what `check` finds in the config file and the content tree. */
export const CONFIG_ERRORS = {
  "config/invalid": defineEntry({
    severity: "error",
    summary: "A config field is unknown, of the wrong type or out of range.",
    message: (d: ConfigProblem) => {
      switch (d.problem) {
        case "count": return `${d.file} has ${d.count} problem${d.count === 1 ? "" : "s"}.`;
        case "source-locale": return `"locales" lists the source locale "${d.locale}".`;
        case "duplicate-locale": return `"locales" lists "${d.locale}" twice.`;
        case "same-folder": return `"contentDir" and "localesDir" are the same folder ("${d.folder}").`;
        case "field": return d.text;
      }
    },
    hint: (d) => {
      switch (d.problem) {
        case "count": return "Fix the config fields listed above.";
        case "source-locale": return `The source locale lives in contentDir; list only translation locales in "locales".`;
        case "duplicate-locale": return "Remove the duplicate.";
        case "same-folder": return "Keep the source locale and the translations in separate folders.";
        case "field": return d.hint;
      }
    },
  }),
  "config/not-found": defineEntry({
    severity: "error",
    summary: "The file given with --config does not exist.",
    message: (d: { file: string; cwd: string }) => `Config file ${d.file} does not exist.`,
    hint: (d) => `Check the --config path; it is resolved against ${d.cwd}.`,
  }),
  "config/load-failed": defineEntry({
    severity: "error",
    summary: "The config file could not be evaluated (syntax error, exception).",
    message: (d: { file: string; reason: string }) => `Could not load ${d.file}: ${d.reason}`,
    hint: "Fix the error above; the config file must default-export an object.",
  }),
  "config/missing-token": defineEntry({
    severity: "error",
    summary: "The access token variable (INTERCOM_ACCESS_TOKEN) is not set.",
    message: (d: { variable: string }) => `${d.variable} is not set.`,
    hint: (d) => `Export ${d.variable} with an access token of your Intercom app (Developer Hub > your app > Authentication); in CI, store it as a secret.`,
  }),
  "config/invalid-region": defineEntry({
    severity: "error",
    summary: "The config's region is not one of Intercom's regions.",
    message: (d: { region: string; regions: readonly string[] }) => `Unknown Intercom region "${d.region}".`,
    hint: (d) => `Use one of: ${d.regions.join(", ")}.`,
  }),
  "config/invalid-api-url": defineEntry({
    severity: "error",
    summary: "The API URL (apiUrl, INTERCOM_API_URL) is not an http(s) URL.",
    message: (d: { source: string | null; url: string; problem: "not-a-url" | "scheme" }) =>
      d.problem === "not-a-url"
        ? `The API URL from ${d.source ?? "region"} is not a URL: "${d.url}".`
        : `The API URL from ${d.source} must use https: "${d.url}".`,
    hint: (d) => (d.problem === "not-a-url" ? "Write an absolute URL such as https://api.intercom.io." : "Write an absolute https:// URL such as https://api.intercom.io."),
  }),
  "config/insecure-api-url": defineEntry({
    severity: "error",
    summary: "A plain http:// API URL that is not a loopback address; the token would travel unencrypted.",
    message: (d: { source: string | null; url: string }) =>
      `Refusing the plain http:// API URL from ${d.source} ("${d.url}"): the access token would travel unencrypted.`,
    hint: "Use https://, or http:// only for a local emulator on localhost, 127.0.0.1 or [::1].",
  }),
};

type ConfigProblem =
  | { problem: "count"; file: string; count: number }
  | { problem: "source-locale"; locale: string }
  | { problem: "duplicate-locale"; locale: string }
  | { problem: "same-folder"; folder: string }
  /** A schema issue, worded by `describeConfigIssue` from the zod issue. */
  | { problem: "field"; text: string; hint?: string | undefined };

export const CONTENT_ERRORS = {
  "content/invalid": defineEntry({
    severity: "error",
    summary: "A push or plan found errors in the content; nothing was sent.",
    message: (d: { count: number }) => `The content has ${plural(d.count, "error")}; nothing was sent to Intercom.`,
    hint: "Fix them (run `intercom-sync check` for the full list), then run again.",
  }),
  "content/missing-dir": defineEntry({
    severity: "error",
    summary: "The content dir does not exist.",
    message: (d: { dir: string }) => `The content folder ${d.dir} does not exist.`,
    hint: "Run `intercom-sync init` to create a project with a sample, or set `contentDir` in the config to where the source articles are.",
  }),
  "content/too-large": defineEntry({
    severity: "error",
    summary: "A markdown file is over the size limit (5 MB); it is not read.",
    message: (d: { size: number; limit: number }) => `The file is ${d.size} bytes; markdown files may be at most ${d.limit} bytes.`,
    hint: "Split the article, or move large data out of the markdown.",
  }),
  "content/binary": defineEntry({
    severity: "error",
    summary: "A .md file contains NUL bytes.",
    message: () => "The file contains NUL bytes: it looks binary, not markdown.",
    hint: "Store binary files under a name that does not end in .md.",
  }),
  "content/invalid-utf8": defineEntry({
    severity: "error",
    summary: "A .md file is not valid UTF-8.",
    message: () => "The file is not valid UTF-8.",
    hint: "Re-save the file with UTF-8 encoding.",
  }),
  "content/unreadable": defineEntry({
    severity: "error",
    summary: "A file or folder could not be read (permissions, I/O error).",
    message: (d: { what: "file" | "folder"; reason: string }) =>
      d.what === "file" ? `The file could not be read: ${d.reason}` : `The folder could not be listed: ${d.reason}`,
  }),
  "content/broken-symlink": defineEntry({
    severity: "error",
    summary: "A symbolic link points at nothing.",
    message: () => "The file is a symbolic link to something that does not exist.",
    hint: "Remove the link or point it at an existing file.",
  }),
  "content/symlink-outside": defineEntry({
    severity: "error",
    summary: "A symbolic link leads outside the project; it is not read.",
    message: () => "The file is a symbolic link that leads outside the project; it is not read.",
    hint: "Copy the file into the project instead of linking to it.",
  }),
  "content/symlink-folder": defineEntry({
    severity: "warning",
    summary: "A symbolic link to a folder; linked folders are not followed.",
    message: () => "The folder is a symbolic link; linked folders are not followed.",
    hint: "Move the folder into place instead of linking to it.",
  }),
  "content/not-a-file": defineEntry({
    severity: "warning",
    summary: "A FIFO, socket or device in the tree; it is ignored.",
    message: () => "This is not a regular file; it is ignored.",
  }),
  "content/changed-during-run": defineEntry({
    severity: "error",
    summary: "A file a push sends changed or disappeared after it was read; nothing was sent.",
    message: (d: { file: string; stage: "read" | "render" }) =>
      d.stage === "read"
        ? `${d.file} changed or disappeared while the run was in progress; nothing was sent to Intercom.`
        : `${d.file} changed while the run was in progress; it was not sent to Intercom.`,
    hint: "Run again once the files are saved.",
  }),
  "locale/unknown-folder": defineEntry({
    severity: "error",
    summary: "A locale folder is not an Intercom locale code (suggests the right one).",
    message: (d: { file: string; localesDir: string; suggestion: string | undefined }) => `${d.file} is not named after an Intercom locale code.`,
    hint: (d) =>
      d.suggestion
        ? `Did you mean ${d.suggestion}? Rename the folder to ${d.localesDir}/${d.suggestion}.`
        : "Name locale folders with Intercom's codes (fr, de, pt-BR, zh-CN, ...), or list the folders to sync in the config's `locales`.",
  }),
  "locale/missing-folder": defineEntry({
    severity: "warning",
    summary: "A locale listed in the config has no folder.",
    message: (d: { locale: string; localesDir: string; misspelt: string | undefined }) =>
      `The config lists locale "${d.locale}" but ${d.localesDir}/${d.locale} does not exist.`,
    hint: (d) =>
      d.misspelt
        ? `Rename ${d.localesDir}/${d.misspelt} to ${d.localesDir}/${d.locale}.`
        : `Create ${d.localesDir}/${d.locale}/ or remove "${d.locale}" from the config's locales.`,
  }),
  "locale/source-folder": defineEntry({
    severity: "warning",
    summary: "A folder for the source locale under the locales dir; it is ignored.",
    message: (d: { file: string; sourceLocale: string }) => `${d.file} is a folder for the source locale "${d.sourceLocale}"; it is ignored.`,
    hint: "Source files belong in the content dir; remove or rename this folder.",
  }),
};
