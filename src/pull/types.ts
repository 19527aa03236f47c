/**
 * Shapes of a pull: what the remote help center becomes on disk. `planPull` (pure) decides, per
 * item and locale, whether a file is written, left as it is, or skipped, and why; `pullProject`
 * writes the files and the lock.
 */
import type { InternalPullFile } from "./plan-internal-pull.js";
import type { Diagnostic } from "../errors/sync-error.js";
import type { OutdatedTranslations } from "../plan/types.js";
import type { DesiredState, LockFile, RemoteState } from "../types.js";

export type PullItemType = "collection" | "article";

/**
 * - `created`: the file did not exist and was written;
 * - `updated`: the file was rewritten from Intercom (edited there since the last push, or --force);
 * - `unchanged`: the file already says what Intercom says, or Intercom did not change since the last push;
 * - `skipped`: the file has local changes that are not pushed yet (or was removed locally); left alone.
 */
export type PullOutcome = "created" | "updated" | "unchanged" | "skipped";

/** One file pull considered: an item in one locale. */
export interface PullFile {
  type: PullItemType;
  /** Item key (article key, or collection folder key). */
  key: string;
  locale: string;
  /** Intercom id of the item. */
  id: string;
  /** Project-relative POSIX path of the file. */
  file: string;
  /** The file's text as pulled from Intercom. */
  text: string;
  outcome: PullOutcome;
  /** Why, in a few words. */
  reason: string;
  /**
   * The lock takes this locale from the file after the pull (hash of the file, Intercom's
   * `updated_at`): the file is what Intercom holds now.
   */
  record: boolean;
  /** Skipped because the file and Intercom both changed (or a never-pushed file is in the way). */
  conflict?: true;
  /** `updated_at` of this locale in Intercom (a collection's is shared by its locales). */
  remoteUpdatedAt: number;
}

/** Where the content lives, project-relative POSIX paths (as in ContentTree). */
export interface PullLayout {
  sourceLocale: string;
  contentDir: string;
  localesDir: string;
}

export interface PullInput {
  remote: RemoteState;
  lock: LockFile;
  /** The current files, modelled (may be partial when some files have errors). */
  local: DesiredState;
  /** Current text of every markdown file, by project-relative path. */
  existing: ReadonlyMap<string, string>;
  /** Every other project-relative path under the content dir (assets), so new names avoid them. */
  otherPaths: readonly string[];
  layout: PullLayout;
  /** The config's `locales`; null = every locale Intercom has text in. */
  locales: readonly string[] | null;
  /** `author_id` is written only when it differs from this one. */
  defaultAuthorId: number;
  outdatedTranslations: OutdatedTranslations;
  /** Overwrite local files even when they have changes that are not pushed. */
  force: boolean;
}

export interface PullPlan {
  files: PullFile[];
  /** Translation locales that get files (sorted). */
  locales: string[];
  /** Things worth telling that are not files: items deleted or moved in Intercom, items without source text. */
  notices: Diagnostic[];
}

export interface PullSummary {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface PullResult {
  helpCenterId: string;
  files: PullFile[];
  notices: Diagnostic[];
  /** Findings in the files written (warnings only: an error stops the pull before any write). */
  diagnostics: Diagnostic[];
  summary: PullSummary;
  lockFile: string;
  lock: LockFile;
  /** Internal article files (`internalDir`) written or, on a conflict, left alone; absent when not listed. */
  internal?: Omit<InternalPullFile, "text">[];
}
