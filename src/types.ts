/**
 * The three states a sync compares: what the files describe (desired), what Intercom holds (remote)
 * and what the last push recorded (lock). Every module reads and writes these shapes; none of them
 * knows about the wire format (src/intercom/wire.ts) or the file system.
 */

export type ArticleState = "published" | "draft";

/* ------------------------------------------------------------------ desired (from the files) */

export interface DesiredCollectionLocale {
  /** Project-relative path of the `_collection.md` that gave this text, or null when synthesised. */
  file: string | null;
  name: string;
  description: string;
  /** `redirect_from` of the file: paths, URLs or removed article keys that redirect here. */
  redirectFrom?: RedirectSources;
}

/** The `redirect_from` entries of one file, and the line of that key. */
export interface RedirectSources {
  items: string[];
  line: number;
}

export interface DesiredCollection {
  /** Folder path relative to the content dir, `/`-separated: `getting-started/advanced`. */
  key: string;
  /** Key of the parent collection, null at the top level. */
  parentKey: string | null;
  /** Per locale, the source locale always present. */
  locales: Record<string, DesiredCollectionLocale>;
}

/** Where an article locale's state came from (shown in the plan for new articles). */
export type StateSource = "front matter" | "defaultState" | "source article";
/**
 * Fin availability as front matter says it (`fin: { agent, copilot, sales_agent }`): only the keys
 * written are managed, the others are left as Intercom has them.
 */
export interface FinSettings {
  agent?: boolean;
  copilot?: boolean;
  salesAgent?: boolean;
}

/** A list of names from front matter (`tags`, `audiences`), trimmed and de-duplicated, with its line. */
export interface NameList {
  names: string[];
  line: number;
  /** The file that names them, when another file inherits them (a translation takes its source's). */
  file?: string;
}

/** `publish_at` or `unpublish_at` of a source article (Intercom keeps one pending schedule per article). */
export interface ScheduleSetting {
  kind: "publish" | "unpublish";
  /** The time as written, normalised to ISO 8601 UTC (`2030-01-31T09:00:00.000Z`). */
  at: string;
  /** Epoch seconds, as Intercom reports `scheduled_publish_at`. */
  seconds: number;
  line: number;
}

export interface DesiredArticleLocale {
  /** Project-relative path of the markdown file. */
  file: string;
  title: string;
  description: string;
  /**
   * sha256 (hex) of the rendered HTML. Links to other articles are placeholders
   * `intercom-sync:KEY` (optionally followed by `#anchor`) inside `href` attributes; the planner
   * hashes the body as this digest plus the URLs its placeholders resolve to. The HTML itself is
   * not kept (see `html`): only what a plan writes is rendered again.
   */
  digest: string;
  /** sha256 (hex) of the body's visible text (see digest/visible-text.ts), compared with Intercom's. */
  textDigest: string;
  /** Every `<a href>` of the rendered body in order, entities decoded, placeholders included. */
  hrefs: string[];
  /** The rendered HTML, only when the model was asked to keep it (tests, small in-memory builds). */
  html?: string;
  state: ArticleState;
  /**
   * Where `state` came from: the file's front matter, the config's `defaultState`, or (for a
   * translation) its source article. Absent in states built before this was recorded.
   */
  stateFrom?: StateSource;
  /** From front matter; null = the configured default author. */
  authorId: number | null;
  /** Keys of articles this body links to (the placeholders it contains). */
  links: string[];
  /** Translations only: `source_hash` from front matter, if any. */
  sourceHash?: string;
  /** `redirect_from` of the file: paths, URLs or removed article keys that redirect here. */
  redirectFrom?: RedirectSources;
  /** Fin availability of this locale: the file's, else the source's (translations), else config defaults. */
  fin?: FinSettings;
  /** Audience names of this locale, resolved the same way as `fin`. */
  audiences?: NameList;
  /** Source locale only: the article's tags. */
  tags?: NameList;
  /** Source locale only: the article's pending schedule. */
  schedule?: ScheduleSetting;
}

export interface DesiredArticle {
  /** Path relative to the content dir without `.md`: `getting-started/install`. */
  key: string;
  /** Key of the collection the article lives in, null for a top-level article. */
  parentKey: string | null;
  /** Per locale, the source locale always present. */
  locales: Record<string, DesiredArticleLocale>;
  /** Hash of the source's translatable text (title, description, body markdown), for `status`/`stamp`. */
  sourceTextHash: string;
}

export interface DesiredState {
  sourceLocale: string;
  /** The locales that are managed: the source locale plus every synced translation locale. */
  locales: string[];
  /** Parents before children. */
  collections: DesiredCollection[];
  articles: DesiredArticle[];
}

/* ------------------------------------------------------------------ remote (from Intercom) */

export interface RemoteHelpCenter {
  id: string;
  identifier: string;
  displayName: string;
  url: string;
  /** Custom domain (`help.example.com`), when one is set: redirects may come from it too. */
  customDomain?: string | null;
  isDefault: boolean;
  /** Locale codes enabled on the help center. */
  locales: string[];
}

export interface RemoteCollectionLocale {
  name: string;
  description: string;
}

export interface RemoteCollection {
  id: string;
  parentId: string | null;
  /** Resolved by walking parents; child collections report null on the wire. */
  helpCenterId: string | null;
  defaultLocale: string;
  updatedAt: number;
  url: string | null;
  locales: Record<string, RemoteCollectionLocale>;
}

export interface RemoteArticleLocale {
  title: string;
  description: string;
  body: string;
  state: ArticleState;
  authorId: number;
  updatedAt: number;
  url: string;
  /** When this locale's staged draft was last edited (2.16 `draft_updated_at`); absent or null without one. */
  draftUpdatedAt?: number | null;
  /** 2.16 `ai_*_availability` of this locale, when Intercom reports them. */
  fin?: FinSettings;
  /** 2.16 `audience_ids` of this locale (null and absent read as none). */
  audienceIds?: number[];
}

export interface RemoteArticle {
  id: string;
  /** The first of `parent_ids`, as a string; null for an article with no collection. */
  parentId: string | null;
  defaultLocale: string;
  updatedAt: number;
  /** Only locales with content (non-null in `translated_content`). */
  locales: Record<string, RemoteArticleLocale>;
  /** 2.16 pending schedule (epoch seconds), null or absent when none. */
  scheduledPublishAt?: number | null;
  scheduledUnpublishAt?: number | null;
  /** Tags applied to the article. */
  tags?: RemoteTag[];
}

/** A tag or an audience of the workspace: Intercom id and name. */
export interface RemoteTag {
  id: string;
  name: string;
}

export interface RemoteState {
  helpCenter: RemoteHelpCenter;
  /** Collections of this help center only. */
  collections: RemoteCollection[];
  /** Articles of this help center: in one of its collections, or with no collection. */
  articles: RemoteArticle[];
  /** The workspace's audiences (`GET /audiences`), listed only when some file names one. */
  audiences?: RemoteTag[];
  /** The workspace's tags (`GET /tags`), listed only when some file names one. */
  tags?: RemoteTag[];
}

/* ------------------------------------------------------------------ lock (intercom-sync.lock.json) */

export const LOCK_VERSION = 1;

export interface LockLocale {
  /** Hash of what was last pushed for this locale (see digest/field-hashes.ts). */
  hash: string;
  /** The remote `updated_at` seen right after that push (seconds). */
  updatedAt: number;
  /**
   * Optional per-field digests of what was pushed (`title`, `body`, ... see digest/field-hashes.ts), so an
   * update can send only the fields that changed. Absent in older locks: all fields are sent then.
   */
  fields?: Record<string, string>;
  /**
   * A later write of this locale whose outcome is unknown (its response was lost and the run gave
   * up, or was stopped while it was in flight): what it sent. When the remote turns out to hold
   * exactly that (same fingerprint, see plan/write-fingerprint), the next plan takes it as pushed.
   */
  unconfirmed?: LockUnconfirmed;
  /**
   * A draft this tool staged on top of the live content (`push --stage`) and not yet published:
   * the digests of the staged text and the `draft_updated_at` Intercom answered. `hash`, `fields`
   * and `updatedAt` above keep describing the live content.
   */
  staged?: LockStaged;
  /** Stage mode created or kept this locale as a draft although its file says `published`. */
  held?: boolean;
}

export interface LockUnconfirmed {
  hash: string;
  fields?: Record<string, string>;
  fingerprint: string;
}

export interface LockStaged {
  hash: string;
  fields?: Record<string, string>;
  draftUpdatedAt: number;
}

export interface LockEntry {
  id: string;
  locales: Record<string, LockLocale>;
}

/** A Help Center redirect this tool created (only these are ever deleted), by its `from_url`. */
export interface LockRedirect {
  id: string;
  targetType: "article" | "collection";
  /** Key of the item it redirects to. */
  key: string;
  locale: string;
}

export interface LockFile {
  version: number;
  helpCenterId: string | null;
  collections: Record<string, LockEntry>;
  articles: Record<string, LockEntry>;
  /** Redirects owned, by absolute `from_url`. Absent when there are none. */
  redirects?: Record<string, LockRedirect>;
  /** Last known URLs (locale -> URL) of articles removed from the tree, for `redirect_from: [key]`. */
  urls?: Record<string, Record<string, string>>;
  /** Internal articles owned (`internalDir`), by key. Absent when there are none (older locks too). */
  internalArticles?: Record<string, LockInternalArticle>;
}

/** What the lock keeps of one internal article: one locale, so no `locales` map. */
export interface LockInternalArticle {
  id: string;
  /** Hash of every field hash below. */
  hash: string;
  /** Intercom's `updated_at` seen right after the last push or pull (seconds). */
  updatedAt: number;
  /** Per-field hashes (`title`, `body`, `owner`, `author`, `audiences`, `fin.agent`, ...) of what was pushed. */
  fields: Record<string, string>;
}

export function emptyLock(): LockFile {
  return { version: LOCK_VERSION, helpCenterId: null, collections: {}, articles: {} };
}
