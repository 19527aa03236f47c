/**
 * The plan: plain JSON data describing what `push` will do. `planSync` produces it without any IO,
 * `plan --out` writes it to a file, and `applyPlan` runs it. Nothing in here is a class or a
 * function, so `JSON.parse(JSON.stringify(plan))` is the same plan.
 */
import type { Diagnostic } from "../errors/sync-error.js";
import type { ArticleState, DesiredState, LockFile, LockLocale, RemoteState, StateSource } from "../types.js";
import type { ArticleSettingsInput } from "../digest/field-hashes.js";
import type { PublishMode, StagedDraft } from "./plan-staging.js";

export const PLAN_VERSION = 1;

export type PlanItemType = "collection" | "article";

export type PlanAction =
  | "create"
  | "update"
  | "move"
  | "adopt"
  | "recreate"
  | "unpublish"
  | "delete"
  | "drift"
  | "conflict"
  | "noop";

export type LocaleChangeKind = "add" | "update" | "drift" | "conflict";

/** The fields of one article locale as a request sends them. `authorId` null = the default author. */
export interface ArticleContent extends ArticleSettingsContent {
  title: string;
  description: string;
  /** The HTML sent, links resolved. */
  body: string;
  state: ArticleState;
  authorId: number | null;
}

/**
 * The 2.16 settings of one article locale as a plan carries them: names as hashed (`settings`),
 * and what a request sends, resolved against the workspace's lists when planning.
 */
export interface ArticleSettingsContent {
  /** Hash input of the settings the files manage (names, not ids); absent when none. */
  settings?: ArticleSettingsInput;
  /** `audiences` resolved to Intercom ids. */
  audienceIds?: number[];
  /** Source locale: tags to apply (`id` null = create the tag first) and to remove. */
  tagOps?: TagOps;
  /** Source locale: a schedule that a file no longer sets and Intercom still has pending, to cancel. */
  cancelSchedule?: "publish" | "unpublish";
}

export interface TagOps {
  attach: { name: string; id: string | null }[];
  detach: { name: string; id: string }[];
}

/**
 * The fields of one article locale, as hashed and sent. The body is described by its digest and
 * placeholders (all the planner needs); its HTML is loaded only for what is written.
 */
export interface ArticleFields extends Omit<ArticleContent, "body"> {
  /**
   * HTML with `intercom-sync:KEY` placeholders; links are resolved when the request is built.
   * Set only when the desired state kept its HTML; a push renders the bodies it sends into a map
   * beside the plan (see `bodiesToLoad` and `applyStep`).
   */
  body?: string;
  /** sha256 of the HTML with placeholders: the model's `digest`. */
  digest: string;
  /** The body's placeholder hrefs in order (`intercom-sync:KEY#anchor`), for its lock digest. */
  placeholders: string[];
  /** Why `state` is what it is, for people reading the plan (not sent, not hashed). */
  stateFrom?: StateReason;
}

/** Where a planned state comes from: the file, the config, or a rule of this run. */
export type StateReason = StateSource | "outdated translation" | "publishMode stage";

export interface CollectionFields {
  name: string;
  description: string;
}

/** Field names as they appear in a plan (`author` is `author_id` on the wire). */
export type ArticleFieldName = "title" | "description" | "body" | "state" | "author" | "fin" | "audiences" | "tags" | "schedule";
export type CollectionFieldName = "name" | "description";

export interface PlanLocaleChange {
  locale: string;
  change: LocaleChangeKind;
  /** Fields that differ; empty when unknown (e.g. drift that only touched formatting). */
  fields: string[];
  /** Extra context, e.g. "overwrites changes made in Intercom (--force)". */
  note?: string;
}

/** What every plan item has, whatever its type. */
export interface PlanItemBase {
  action: PlanAction;
  /** Key in the tree (for a removal: the key that disappeared). */
  key: string;
  /** For a move: the key the lock knew the item by. */
  previousKey?: string;
  /** Intercom id, when the item exists remotely. */
  id?: string;
  /** Key of the (new) parent collection; null at the top level. */
  parentKey: string | null;
  /** Apply runs levels in ascending order; items within a level run concurrently. */
  level: number;
  /** Why, in a few words, for people reading the plan. */
  reason: string;
  /** Per-locale changes worth showing (no entry = that locale is unchanged). */
  locales: PlanLocaleChange[];
  /** True when apply makes one request for this item in its first pass. */
  write: boolean;
  /** The request sets the parent (`parent_id`) to `parentKey`'s collection. */
  moveParent?: boolean;
  /**
   * Locale whose content Intercom keeps at the top level of the item (its default locale); null
   * when unknown (a create in a help center with no items yet).
   */
  defaultLocale: string | null;
  /** Lock values to record without a write (adopted content that already matches). */
  record?: Record<string, LockLocale>;
  /** Locales to forget in the lock without a write (translation file removed). */
  dropLocales?: string[];
  /** Drop the lock entry once done: the item is no longer managed. */
  forget?: boolean;
  /**
   * The file of the item was removed (an unpublish, a delete, or forgetting it): removals run after
   * every other write, articles first, then collections children first.
   */
  removal?: true;
}

export interface ArticlePlanItem extends PlanItemBase {
  type: "article";
  /**
   * Full content (body with placeholders) of every locale this run writes (a change `add` or
   * `update`: only that change's `fields` are sent, but the lock records all of them), plus the
   * unchanged locales whose body has links, which apply's second pass may refresh.
   */
  content: Record<string, ArticleFields>;
  /** Locales written to the staged draft (`PUT /articles/{id}/draft`) instead of the live article. */
  stage?: string[];
  /** Locales whose staged draft is published (`POST /articles/{id}/draft/publish`) after the writes. */
  publish?: string[];
  /** Locales sent as drafts although their files say `published` (stage mode), marked `held` in the lock. */
  hold?: string[];
}

export interface CollectionPlanItem extends PlanItemBase {
  type: "collection";
  /** Full content of every locale this run writes; only the change's `fields` are sent. */
  content: Record<string, CollectionFields>;
}

export type PlanItem = ArticlePlanItem | CollectionPlanItem;

export interface PlanSummary {
  /** Creates and recreates. */
  create: number;
  update: number;
  move: number;
  adopt: number;
  unpublish: number;
  delete: number;
  /** Items with at least one drifted locale. */
  drift: number;
  /** Items with at least one conflicting locale (an error). */
  conflict: number;
  /** Requests apply makes in its first pass. */
  writes: number;
}

export interface Plan {
  version: number;
  helpCenterId: string;
  sourceLocale: string;
  /** Managed locales. */
  locales: string[];
  /**
   * Locale the help center keeps at the top level of items, learnt from existing items (the 2.16
   * help center object does not say); null when the help center has no items yet.
   */
  remoteDefaultLocale: string | null;
  /**
   * Author of articles whose front matter names none: the configured one, or null, when the
   * composer asks `/me` only if the plan writes an article with no author (see `needsDefaultAuthor`)
   * and hands the answer to apply beside the plan.
   */
  defaultAuthorId: number | null;
  items: PlanItem[];
  /** Intercom URL per article key and locale, known when planning (link targets). */
  urls: Record<string, Record<string, string>>;
  /** Any error means apply must not run. */
  errors: Diagnostic[];
  warnings: Diagnostic[];
  summary: PlanSummary;
  /** The help center has more than one locale: publishing a draft must name its locales. */
  multilingual?: boolean;
  /** Drafts staged earlier and not yet published (see plan-staging.ts). */
  staged?: StagedDraft[];
  /** Items left out by a selection (`push [paths...] --locale`): the next push without one does them. */
  excluded?: number;
}

export type OnDelete = "unpublish" | "delete" | "keep";
export type OutdatedTranslations = "push" | "skip" | "draft";

export interface PlanOptions {
  onDelete: OnDelete;
  /** Overwrite remote edits (conflicts and drift become updates). */
  force: boolean;
  /** The configured author, or null when it comes from `/me` later (only for plans that need it). */
  defaultAuthorId: number | null;
  outdatedTranslations: OutdatedTranslations;
  /** `stage`: changes to live articles become staged drafts (default `live`). */
  publishMode?: PublishMode;
}

export interface PlanInput {
  desired: DesiredState;
  remote: RemoteState;
  lock: LockFile;
  options: PlanOptions;
}
