import { defineEntry } from "./define-entry.js";
import { plural } from "./plural.js";

/** Codes of reviewing writes before they happen: saved plans, selections, the question before a push, `open`. */
export const REVIEW_WRITES_ERRORS = {
  "plan-file/unreadable": defineEntry({
    severity: "error",
    summary: "The file given to `push --plan` is not a plan written by `plan --out`.",
    message: (d: { reason: string }) => `This is not a plan written by \`intercom-sync plan --out\`: ${d.reason}.`,
    hint: "Write one with `intercom-sync plan --out FILE`, then `intercom-sync push --plan FILE`.",
  }),
  "plan-file/version": defineEntry({
    severity: "error",
    summary: "The saved plan was written by a version of intercom-sync whose plan format this one does not read.",
    message: (d: { version: unknown; supported: number }) => `The saved plan has format version ${String(d.version)}; this intercom-sync reads version ${d.supported}.`,
    hint: "Run `intercom-sync plan --out FILE` again with this version.",
  }),
  "plan-file/extra-options": defineEntry({
    severity: "error",
    summary: "`push --plan` was given paths, --locale, --force or --stage: a saved plan keeps those it was made with.",
    message: () => "push --plan applies the plan with the paths, --locale, --force and --stage it was made with; they cannot be given again.",
    hint: "Drop them, or make a new plan with them: `intercom-sync plan [paths...] [--locale CODE] --out FILE`.",
  }),
  "plan-file/stale": defineEntry({
    severity: "error",
    summary: "The saved plan no longer matches the files and Intercom; nothing was written.",
    message: (d: { changed: number }) =>
      `The saved plan is out of date: ${plural(d.changed, "item")} would now be planned differently (the files or Intercom changed since it was written); nothing was written.`,
    hint: "Review the new plan with `intercom-sync plan --out FILE`, then `intercom-sync push --plan FILE`.",
  }),
  "select/outside-tree": defineEntry({
    severity: "error",
    summary: "A path given to push is not a file or folder of the content or locales folder.",
    message: (d: { path: string; contentDir: string; localesDir: string }) =>
      `"${d.path}" is not under ${d.contentDir}/ or ${d.localesDir}/<locale>/, so it selects nothing.`,
    hint: (d: { path: string }) =>
      d.path.endsWith(".json")
        ? `To apply a plan saved by \`plan --out\`, run \`intercom-sync push --plan ${d.path}\`.`
        : "Name markdown files or folders of the content tree, e.g. `push content/guides` or `push locales/fr/guides/install.md`.",
  }),
  "select/unknown-locale": defineEntry({
    severity: "error",
    summary: "--locale names a locale the project does not sync.",
    message: (d: { locale: string; locales: readonly string[] }) => `--locale ${d.locale} is not a locale of this project (${d.locales.join(", ")}).`,
    hint: "Use one of the listed locales, or add the folder to `locales` in the config.",
  }),
  "push/declined": defineEntry({
    severity: "error",
    summary: "The question before a push was answered no (or not answered); nothing was written.",
    message: () => "Push cancelled; nothing was written.",
    hint: "Run `intercom-sync plan` to review, or `push --yes` to skip the question.",
  }),
  "open/unknown-item": defineEntry({
    severity: "error",
    summary: "`open` names something that is not an item this project has pushed.",
    message: (d: { item: string }) => `"${d.item}" is not an article or collection this project has pushed.`,
    hint: "Name it by its key (its path under content/ without .md) or by its file; a new file has a URL once it is pushed.",
  }),
  "open/no-url": defineEntry({
    severity: "error",
    summary: "`open` names an item Intercom has no URL for yet (not pushed, or no text in that locale).",
    message: (d: { key: string; locale: string }) => `${d.key} has no Intercom URL in ${d.locale} yet.`,
    hint: "Push it first (`intercom-sync push`), or pick another locale with --locale.",
  }),
};
