import { plural } from "./plural.js";
import { defineEntry } from "./define-entry.js";

type ItemType = "article" | "collection";

/** Plan, apply, lock and pull codes: what comparing, writing and reading back finds. */
export const SYNC_ERRORS = {
  "plan/locale-not-enabled": defineEntry({
    severity: "error",
    summary: "A locale of the tree is not enabled on the help center.",
    message: (d: { locale: string; helpCenter: string; enabled: readonly string[] }) =>
      `Locale "${d.locale}" is not enabled on help center "${d.helpCenter}" (enabled: ${d.enabled.join(", ") || "none"}).`,
    hint: (d) => `Enable ${d.locale} in Intercom (Help Center settings, languages), or leave it out of \`locales\` in the config.`,
  }),
  "plan/help-center-mismatch": defineEntry({
    severity: "error",
    summary: "The lock file belongs to another help center than the one this run targets.",
    message: (d: { lockHelpCenter: string; helpCenter: string }) =>
      `The lock file belongs to help center ${d.lockHelpCenter}, but this run targets help center ${d.helpCenter}.`,
    hint: "Set `helpCenterId` in the config to the lock's help center, or delete the lock file to adopt the other help center's items.",
  }),
  "plan/conflict": defineEntry({
    severity: "error",
    summary: "An item changed both locally and in Intercom since the last push; it is skipped.",
    message: (d: { locale: string; type: ItemType; key: string }) =>
      `The ${d.locale} ${d.type} ${d.key} changed both locally and in Intercom since the last push; it is skipped.`,
    hint: "Run `intercom-sync pull` to take the Intercom version and merge, or `push --force` to overwrite it.",
  }),
  "plan/drift": defineEntry({
    severity: "warning",
    summary: "An item (or the draft staged for review) was edited in Intercom since the last push; it is kept as is.",
    message: (d: { locale: string; type: ItemType; key: string; draft?: boolean }) =>
      d.draft === true
        ? `The ${d.locale} draft of ${d.type} ${d.key} staged for review was edited in Intercom since the last push; it is kept as is.`
        : `The ${d.locale} ${d.type} ${d.key} was edited in Intercom since the last push; it is kept as is.`,
    // pull reads the live text, not drafts: a draft's edit has to be copied by hand.
    hint: (d: { draft?: boolean }) =>
      d.draft === true
        ? "Copy the edit into the file and run `push --stage`, or `push --stage --force` to stage the file's text again."
        : "Run `intercom-sync pull` to bring the edit into the files, or `push --force` to overwrite it.",
  }),
  "plan/unknown-link-target": defineEntry({
    severity: "warning",
    summary: "An article links to a key that is neither in the tree nor in Intercom; it is sent as \"#\".",
    message: (d: { key: string; target: string }) => `${d.key} links to "${d.target}", which is neither in the tree nor in Intercom.`,
    hint: "Fix the link; it is sent as \"#\" until the target exists.",
  }),
  "plan/outdated-translation": defineEntry({
    severity: "warning",
    summary: "A translation's source changed after its source_hash (outdatedTranslations decides).",
    message: (d: { locale: string; key: string; effect: string }) =>
      `The ${d.locale} translation of ${d.key} is outdated (its source changed after source_hash); ${d.effect}.`,
    hint: "Update the translation, then run `intercom-sync stamp` on it.",
  }),
  "plan/unsupported-move": defineEntry({
    severity: "warning",
    summary: "An article moved to the top level, which the API cannot do; it stays where it is.",
    message: (d: { key: string }) => `${d.key} moved out of its collection, but the Intercom API cannot move an article to the top level.`,
    hint: "Move it in Intercom, or keep it in a collection folder.",
  }),
  "plan/collection-not-empty": defineEntry({
    severity: "warning",
    summary: "A collection removed locally still holds items in Intercom; it is not deleted yet.",
    message: (d: { key: string; remaining: number }) =>
      `Collection ${d.key} was removed locally but still holds ${plural(d.remaining, "item")} in Intercom, so it is not deleted.`,
    hint: "Move or delete what is left in it; it is deleted on a later push once empty.",
  }),
  "apply/plan-has-errors": defineEntry({
    severity: "error",
    summary: "A plan with blocking errors was given to apply; nothing was written.",
    message: (d: { count: number; firstHint: string | undefined }) => `The plan has ${plural(d.count, "error")}; nothing was written.`,
    hint: (d) => d.firstHint ?? "Fix the errors reported by `intercom-sync plan`, then push again.",
  }),
  "apply/missing-body": defineEntry({
    severity: "error",
    summary: "An article body the plan sends was not loaded.",
    message: (d: { key: string; locale: string; stage: "load" | "send" }) =>
      d.stage === "load"
        ? `The plan has no ${d.locale} body for the article ${d.key}.`
        : `The plan has no body for the ${d.locale} article ${d.key}, which it sends.`,
    hint: (d) => (d.stage === "send" ? "Apply plans made by `planProject` through `pushProject`, which loads the bodies a push sends." : undefined),
  }),
  "apply/invalid-id": defineEntry({
    severity: "error",
    summary: "An id the API needs as an integer is not one (helpCenterId, a lock id).",
    message: (d: { what: string; id: string }) => `The ${d.what} id "${d.id}" is not an integer, which the Intercom API needs here.`,
    hint: "Check `helpCenterId` in the config and the ids in the lock file.",
  }),
  "apply/unresolved-author": defineEntry({
    severity: "error",
    summary: "An article without an author was sent before the default author was resolved.",
    message: () => "The plan sends an article with no author, and its default author was not resolved.",
    hint: "Set `authorId` in the config, or push through `pushProject`, which asks Intercom for the token's admin.",
  }),
  "apply/create-pending": defineEntry({
    severity: "error",
    summary: "A create timed out on every retry and the item is not in Intercom yet; the next push adopts or creates it.",
    message: (d: { what: string; attempts: number }) =>
      `Creating the ${d.what} timed out ${plural(d.attempts, "time")} and it is not in Intercom yet; the next push adopts it if Intercom created it after all, or creates it.`,
    hint: "Run push again.",
  }),
  "lock/merge-conflict": defineEntry({
    severity: "error",
    summary: "The lock file holds unresolved git merge conflict markers.",
    message: (d: { file: string }) => `${d.file} contains an unresolved git merge conflict.`,
    hint: "Keep the lines of both sides (one entry per line), remove the conflict markers, then run `intercom-sync plan`.",
  }),
  "lock/invalid-json": defineEntry({
    severity: "error",
    summary: "The lock file is not valid JSON.",
    message: (d: { file: string; reason: string }) => `${d.file} is not valid JSON: ${d.reason}.`,
    hint: "Restore it from git (`git checkout -- intercom-sync.lock.json`), or delete it and run `intercom-sync pull` to rebuild it.",
  }),
  "lock/newer-version": defineEntry({
    severity: "error",
    summary: "The lock file was written by a newer intercom-sync.",
    message: (d: { file: string; version: number; supported: number }) =>
      `${d.file} has version ${d.version}: it was written by a newer intercom-sync; upgrade (this one reads version ${d.supported}).`,
    hint: "Upgrade intercom-sync to the version the rest of the team uses.",
  }),
  "lock/invalid": defineEntry({
    severity: "error",
    summary: "The lock file is JSON of the wrong shape.",
    message: (d: { file: string; where: string; reason: string }) => `${d.file} is not a valid lock file${d.where}: ${d.reason}.`,
    hint: "Restore it from git, or delete it and run `intercom-sync pull` to rebuild it.",
  }),
  "lock/busy": defineEntry({
    severity: "error",
    summary: "Another intercom-sync run holds the project's run lock.",
    message: (d: { pid: string; file: string }) => `another intercom-sync run (pid ${d.pid}) is using this folder.`,
    hint: (d) => `Wait for it to finish and run again. If no such process exists, delete ${d.file}.`,
  }),
  "lock/write-failed": defineEntry({
    severity: "error",
    summary: "watch could not save the lock file after a run.",
    message: (d: { reason: string }) => `The lock file could not be saved: ${d.reason}`,
  }),
  "pull/help-center-mismatch": defineEntry({
    severity: "error",
    summary: "The lock file belongs to another help center than the one pull reads.",
    message: (d: { lockHelpCenter: string; helpCenter: string }) =>
      `The lock file belongs to help center ${d.lockHelpCenter}, but this run reads help center ${d.helpCenter}.`,
    hint: "Set `helpCenterId` in the config to the lock's help center, or pull into a fresh folder.",
  }),
  "pull/deleted-in-intercom": defineEntry({
    severity: "warning",
    summary: "An item of the lock no longer exists in Intercom; its files are kept.",
    message: (d: { type: ItemType; key: string }) => `The ${d.type} ${d.key} no longer exists in Intercom; its files are kept.`,
    hint: "Delete the files to let it go, or push to create it again.",
  }),
  "pull/moved-in-intercom": defineEntry({
    severity: "warning",
    summary: "An item was moved to another collection in Intercom; its file stays where it is.",
    message: (d: { type: ItemType; key: string }) => `The ${d.type} ${d.key} was moved to another collection in Intercom; its file stays where it is.`,
    hint: "Move the file to the matching folder to keep the move, or push to move it back.",
  }),
  "pull/untitled": defineEntry({
    severity: "warning",
    summary: "An Intercom article has text but no title in a locale; no file is written for it.",
    message: (d: { id: string; locale: string }) => `Intercom article ${d.id} has text but no title in ${d.locale}; no file was written for it.`,
    hint: "Give it a title in Intercom, then pull again.",
  }),
  "pull/invalid-files": defineEntry({
    severity: "error",
    summary: "The files pull would write do not pass check; nothing is written.",
    message: (d: { count: number }) => `${plural(d.count, "problem")} in the files pull would write; nothing was written.`,
    hint: "Fix the items in Intercom, or report this as a bug in intercom-sync with the findings above.",
  }),
};
