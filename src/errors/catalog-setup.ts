import { defineEntry } from "./define-entry.js";

/** Codes of setting a project up: `init`, and commands run where there is no project yet. */
export const SETUP_ERRORS = {
  "init/unknown-locale": defineEntry({
    severity: "error",
    summary: "init --locales names something that is not an Intercom locale code; nothing is written.",
    message: (d: { locale: string; suggestion: string | undefined }) => `"${d.locale}" is not an Intercom locale code; nothing was written.`,
    hint: (d) => (d.suggestion === undefined ? "Use Intercom's codes, comma-separated, such as fr,de,pt-BR." : `Did you mean ${d.suggestion}?`),
  }),
  "init/source-locale": defineEntry({
    severity: "error",
    summary: "init --locales names the source locale, which lives in content/, not locales/; nothing is written.",
    message: (d: { locale: string }) => `"${d.locale}" is the source locale: its articles live in content/, not locales/${d.locale}/; nothing was written.`,
    hint: "List only the translation locales in --locales.",
  }),
  "init/path-taken": defineEntry({
    severity: "error",
    summary: "A path init writes to is taken by something else (a folder where a file goes, or a file where a folder goes); nothing is written.",
    message: (d: { file: string; kind: "file" | "folder" }) =>
      `${d.file} exists and is not a ${d.kind}: init needs to write ${d.kind === "file" ? "a file" : "into a folder"} there; nothing was written.`,
    hint: "Move it away, or run init in another folder.",
  }),
  "init/cancelled": defineEntry({
    severity: "error",
    summary: "init's question about the locales was not answered (Ctrl-D or Ctrl-C); nothing is written.",
    message: () => "Init cancelled; nothing was written.",
  }),
  "status/no-content": defineEntry({
    severity: "error",
    summary: "status was run where there is no content folder: not an intercom-sync project (yet).",
    message: (d: { dir: string }) => `There is no content folder (${d.dir}) here: this is not an intercom-sync project yet.`,
    hint: "Run `intercom-sync init` to create one, `intercom-sync pull` to fetch an existing help center, or pass --config to point at a project.",
  }),
};
