/**
 * Staged drafts in the plan (`publishMode: "stage"`, `push --stage`). A change to a published
 * article locale is staged on top of the live content (`PUT /articles/{id}/draft`) for review in
 * Intercom; a locale that is not live yet stays a draft ("held") even when its file says
 * `published`. The lock keeps the staged text apart from the live text, so that the same text is
 * never sent twice, and a live push of what was staged only publishes it. Pure.
 */
import type { ArticleState, LockLocale, LockStaged, LockFile, RemoteArticleLocale, RemoteState } from "../types.js";
import type { LocaleDecision } from "./diff-locale.js";
import type { ArticlePlanItem } from "./types.js";

export type PublishMode = "live" | "stage";

/** The field a drift or conflict on a staged draft reports: the listing does not carry draft text. */
export const DRAFT_FIELD = "draft";

export const STAGE_NOTE = "staged as a draft; readers keep the live version until `intercom-sync publish`";
export const STAGE_AND_PUBLISH_NOTE = "updates the staged draft and publishes it";
export const PUBLISH_NOTE = "publishes the draft staged earlier";
export const HOLD_NOTE = "kept as a draft (stage mode) until `intercom-sync publish`";

/**
 * The comparison base for a locale with a draft the lock staged and Intercom still holds: the
 * staged digests against the remote `draft_updated_at`. Undefined when the live content is the base
 * (nothing staged, or the draft was published or discarded in Intercom since).
 */
export function stagedBase(lock: LockLocale | undefined, remote: RemoteArticleLocale | undefined): { lock: LockLocale; remoteUpdatedAt: number } | undefined {
  const staged = lock?.staged;
  const draftUpdatedAt = remote?.draftUpdatedAt;
  if (staged === undefined || draftUpdatedAt === undefined || draftUpdatedAt === null) return undefined;
  const base: LockLocale = { hash: staged.hash, updatedAt: staged.draftUpdatedAt };
  if (staged.fields !== undefined) base.fields = staged.fields;
  return { lock: base, remoteUpdatedAt: draftUpdatedAt };
}

/**
 * Whether stage mode keeps this locale a draft: its file says `published`, but Intercom has no live
 * version of it yet (a new article or translation, or one that is a draft there).
 */
export function holdsAsDraft(mode: PublishMode, state: ArticleState, remote: RemoteArticleLocale | undefined): boolean {
  return mode === "stage" && state === "published" && remote?.state !== "published";
}

export interface LocaleRoute {
  /** Where the write goes: the live article, its staged draft, or nowhere. */
  write: "live" | "stage" | "none";
  /** Publish the locale's staged draft after the write (or alone). */
  publish: boolean;
}

/** Routes a locale's decision: live update, staged draft, publish of a staged draft, or nothing. */
export function routeLocale(input: {
  mode: PublishMode;
  decision: LocaleDecision;
  /** The lock staged a draft that Intercom still holds. */
  staged: boolean;
  remote: RemoteArticleLocale | undefined;
  desiredState: ArticleState;
}): LocaleRoute {
  const writes = input.decision.kind === "add" || input.decision.kind === "update";
  if (input.staged) {
    if (input.mode === "stage") return { write: writes ? "stage" : "none", publish: false };
    // Live mode: readers must see the files, so the staged draft is brought up to date and published.
    if (writes) return { write: "stage", publish: true };
    return { write: "none", publish: input.decision.kind === "noop" };
  }
  if (!writes) return { write: "none", publish: false };
  const live = input.remote?.state === "published" && input.desiredState === "published";
  return { write: input.mode === "stage" && live && input.decision.kind === "update" ? "stage" : "live", publish: false };
}

/** A draft staged by this tool and not yet published, as `plan` and `status` list it. */
export interface StagedDraft {
  key: string;
  locale: string;
  /** `draft_updated_at` when staged (seconds). */
  draftUpdatedAt: number;
  /** Intercom reports the draft edited since it was staged. */
  editedInIntercom: boolean;
}

/** Drafts the lock staged that Intercom still holds (or, without a remote, that the lock knows). */
export function listStagedDrafts(lock: LockFile, remote?: RemoteState): StagedDraft[] {
  const byId = new Map((remote?.articles ?? []).map((article) => [article.id, article]));
  const out: StagedDraft[] = [];
  for (const [key, entry] of Object.entries(lock.articles)) {
    for (const [locale, value] of Object.entries(entry.locales)) {
      const staged: LockStaged | undefined = value.staged;
      if (staged === undefined) continue;
      const remoteDraft = remote === undefined ? staged.draftUpdatedAt : byId.get(entry.id)?.locales[locale]?.draftUpdatedAt;
      if (remoteDraft === undefined || remoteDraft === null) continue;
      out.push({ key, locale, draftUpdatedAt: staged.draftUpdatedAt, editedInIntercom: remoteDraft > staged.draftUpdatedAt });
    }
  }
  return out.sort((a, b) => (a.key === b.key ? (a.locale < b.locale ? -1 : 1) : a.key < b.key ? -1 : 1));
}

/**
 * Marks an article item's staged writes, publishes and held locales, with a note on each change.
 * A locale that only publishes (its staged draft already holds the files' text) becomes a change of
 * its own, and makes the item write.
 */
export function finishStaging<T extends ArticlePlanItem>(item: T, routes: ReadonlyMap<string, LocaleRoute>, held: readonly string[]): T {
  const stage = [...routes].filter(([, route]) => route.write === "stage").map(([locale]) => locale);
  const publish = [...routes].filter(([, route]) => route.publish).map(([locale]) => locale);
  const written = new Set(item.locales.filter((change) => change.change === "add" || change.change === "update").map((change) => change.locale));
  const hold = held.filter((locale) => written.has(locale));
  for (const change of item.locales) {
    if (stage.includes(change.locale)) change.note = publish.includes(change.locale) ? STAGE_AND_PUBLISH_NOTE : STAGE_NOTE;
    else if (hold.includes(change.locale)) change.note ??= HOLD_NOTE;
  }
  for (const locale of publish.filter((l) => !stage.includes(l))) item.locales.push({ locale, change: "update", fields: [DRAFT_FIELD], note: PUBLISH_NOTE });
  if (stage.length > 0) item.stage = stage;
  if (publish.length > 0) {
    item.publish = publish;
    item.write = true;
    if (item.action === "noop") {
      item.action = "update";
      item.reason = PUBLISH_NOTE;
    }
  }
  if (hold.length > 0) item.hold = hold;
  return item;
}
