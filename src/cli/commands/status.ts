import path from "node:path";
import { SyncError } from "../../errors/sync-error.js";
import { pathKind } from "../../fs/path-exists.js";
import { readLock } from "../../lock/read-write-lock.js";
import { listStagedDrafts, type StagedDraft } from "../../plan/plan-staging.js";
import { formatStatus } from "../../status/format-status.js";
import { readStatus } from "../../status/read-status.js";
import { lockFilePath, resolveProjectConfig } from "../../sync/project-config.js";
import type { CommandContext } from "../context.js";
import { plural } from "../../errors/plural.js";

export interface StatusFlags {
  locale?: string;
}

/** `Staged, not yet published: a (en, fr), b (de)`: what the lock says `push --stage` left for `publish`. */
function formatStaged(staged: readonly StagedDraft[]): string | undefined {
  if (staged.length === 0) return undefined;
  const byKey = new Map<string, string[]>();
  for (const draft of staged) byKey.set(draft.key, [...(byKey.get(draft.key) ?? []), draft.locale]);
  const items = [...byKey].map(([key, locales]) => `${key} (${locales.join(", ")})`);
  return `Staged, not yet published: ${items.join(", ")}. Run \`intercom-sync publish\` to make them live.`;
}

/**
 * `intercom-sync status`: translation progress per locale, from the files alone, and the drafts the
 * lock records as staged and not yet published. Exits 0, or 1 where there is no content folder.
 */
export async function runStatus(flags: StatusFlags, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  const config = await resolveProjectConfig(ctx.project);
  // Without a content folder every count is zero: say there is no project rather than print an empty table.
  if ((await pathKind(config.contentDir)) !== "folder") throw new SyncError("status/no-content", { dir: path.relative(config.rootDir, config.contentDir) || "." });
  const { report, errors } = await readStatus(config, flags.locale);
  const lockFile = lockFilePath(config);
  const staged = listStagedDrafts(await readLock(lockFile, path.relative(config.rootDir, lockFile))).filter(
    (draft) => flags.locale === undefined || draft.locale === flags.locale,
  );
  if (out.json) {
    out.printJson({ ...report, staged: staged.map(({ key, locale, draftUpdatedAt }) => ({ key, locale, draftUpdatedAt })), errors: errors.length });
    return 0;
  }
  out.result(formatStatus(report, { color: out.colors.isColorSupported, verbose: out.verbose }));
  const stagedLine = formatStaged(staged);
  if (stagedLine !== undefined) out.result(stagedLine);
  if (errors.length > 0) {
    out.warn(out.colors.yellow(`${plural(errors.length, "error")} in the tree: files with errors are not counted. Run \`intercom-sync check\`.`));
  }
  return 0;
}
