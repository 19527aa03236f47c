/**
 * What `intercom-sync publish` does, decided from the lock and Intercom alone (pure): the drafts
 * `push --stage` staged that Intercom still holds unchanged, and the locales stage mode kept as
 * drafts although their files say `published`. A draft edited in Intercom since it was staged is
 * drift: it is not published, since the files do not hold that edit.
 */
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import type { LockFile, RemoteState } from "../types.js";

export interface PublishTarget {
  key: string;
  id: string;
  /** Locales whose staged draft is published (`POST /articles/{id}/draft/publish`). */
  drafts: string[];
  /** Locales set live with `state: published` (kept as drafts by stage mode). */
  held: string[];
}

export interface PublishPlan {
  targets: PublishTarget[];
  /** A draft edited in Intercom, a named item that is not in the lock or has nothing staged. */
  errors: Diagnostic[];
  /** The help center has more than one locale: the publish request names the locales. */
  multilingual: boolean;
}

export interface PublishSelection {
  /** Article keys; empty = every article. */
  keys: readonly string[];
  /** Locales; empty = every locale. */
  locales: readonly string[];
}

function lockLocation(key: string): { file: string } {
  return { file: `intercom-sync.lock.json (${key})` };
}

/** Plans a publish of the selected articles' staged drafts and held locales. */
export function planPublish(lock: LockFile, remote: RemoteState, selection: PublishSelection): PublishPlan {
  const remoteById = new Map(remote.articles.map((article) => [article.id, article]));
  const errors: Diagnostic[] = [];
  const targets: PublishTarget[] = [];
  const keys = selection.keys.length > 0 ? [...new Set(selection.keys)] : Object.keys(lock.articles).sort();
  for (const key of keys) {
    const entry = lock.articles[key];
    if (entry === undefined) {
      errors.push(diagnostic("publish/unknown-item", { key }, lockLocation(key)));
      continue;
    }
    const remoteArticle = remoteById.get(entry.id);
    const target: PublishTarget = { key, id: entry.id, drafts: [], held: [] };
    let edited = false;
    for (const [locale, value] of Object.entries(entry.locales)) {
      if (selection.locales.length > 0 && !selection.locales.includes(locale)) continue;
      const remoteLocale = remoteArticle?.locales[locale];
      if (remoteLocale === undefined) continue;
      if (value.staged !== undefined && typeof remoteLocale.draftUpdatedAt === "number") {
        if (remoteLocale.draftUpdatedAt > value.staged.draftUpdatedAt) {
          edited = true;
          errors.push(diagnostic("publish/draft-edited", { locale, key }, lockLocation(key)));
        } else target.drafts.push(locale);
      } else if (value.held === true && remoteLocale.state === "draft" && remoteLocale.updatedAt <= value.updatedAt) {
        target.held.push(locale);
      }
    }
    if (target.drafts.length > 0 || target.held.length > 0) targets.push(target);
    else if (selection.keys.length > 0 && !edited) {
      errors.push(diagnostic("publish/nothing-staged", { key, locales: selection.locales }, lockLocation(key)));
    }
  }
  return { targets, errors, multilingual: remote.helpCenter.locales.length > 1 };
}
