/**
 * Shapes of the emulator: what it stores (a JSON snapshot that can be dumped, loaded and persisted),
 * how it is configured, and what it exposes to tests. Wire shapes live in src/intercom/wire.ts.
 */
import type { WireState } from "../intercom/wire.js";

export const SNAPSHOT_VERSION = 1;

export interface StoredAdmin {
  id: number;
  name: string;
  email: string;
}

export interface StoredHelpCenter {
  id: number;
  /** Used in public URLs: `https://intercom.help/<identifier>`. */
  identifier: string;
  displayName: string;
  isDefault: boolean;
  /** Enabled locale codes; content in any other locale is refused. */
  locales: string[];
  createdAt: number;
  updatedAt: number;
}

export interface StoredCollectionLocale {
  name: string;
  description: string;
}

export interface StoredCollection {
  id: number;
  helpCenterId: number;
  parentId: number | null;
  order: number;
  icon: string;
  defaultLocale: string;
  createdAt: number;
  updatedAt: number;
  locales: Record<string, StoredCollectionLocale>;
}

export interface StoredArticleLocale {
  title: string;
  description: string;
  /** HTML as Intercom stores it (already rewritten). */
  body: string;
  authorId: number;
  state: WireState;
  createdAt: number;
  updatedAt: number;
  /** Changes staged on top of the published content (`PUT /articles/{id}/draft`), not yet live. */
  draft?: StoredArticleDraft;
  /** 2.16 Fin availability of this locale; absent = true, as for an article created in Intercom. */
  aiChatbot?: boolean;
  aiCopilot?: boolean;
  aiSalesAgent?: boolean;
  /** 2.16 audience ids of this locale; absent = none. */
  audienceIds?: number[];
  /** The locale was published at least once (2.16: `scheduled_unpublish_at` needs it). */
  everPublished?: boolean;
}

/** A staged draft of one published locale: its versioned text, and when it was last edited. */
export interface StoredArticleDraft {
  title: string;
  description: string;
  body: string;
  updatedAt: number;
}

export interface StoredArticle {
  id: number;
  parentId: number | null;
  defaultLocale: string;
  createdAt: number;
  updatedAt: number;
  locales: Record<string, StoredArticleLocale>;
  /** 2.16 pending schedule (epoch seconds): at most one of the two. It happens on the emulator's clock. */
  scheduledPublishAt?: number | null;
  scheduledUnpublishAt?: number | null;
  /** Ids of the tags applied, in the order they were applied. */
  tagIds?: number[];
}

/** An internal article (2.16 `/internal_articles`): one locale, an owner, Fin settings. */
export interface StoredInternalArticle {
  id: number;
  title: string;
  /** HTML as stored (rewritten like an article's). */
  body: string;
  ownerId: number;
  authorId: number;
  locale: string;
  audienceIds: number[];
  /** 2.16: internal articles are not available to Fin unless asked (the create defaults are false). */
  aiChatbot: boolean;
  aiCopilot: boolean;
  aiSalesAgent: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A Fin audience of the workspace (predicates are not modelled). */
export interface StoredAudience {
  id: number;
  name: string;
  createdAt: number;
  updatedAt: number;
}

/** A tag of the workspace. */
export interface StoredTag {
  id: number;
  name: string;
}

/** Everything the emulator knows, as plain JSON. Times are epoch seconds. */
export interface EmulatorSnapshot {
  version: number;
  workspaceId: string;
  /** The workspace's default locale: top-level fields of every item mirror it. */
  defaultLocale: string;
  /** Admin answering `GET /me`. */
  meAdminId: number;
  admins: StoredAdmin[];
  helpCenters: StoredHelpCenter[];
  collections: StoredCollection[];
  articles: StoredArticle[];
  /** Help Center redirects (absent in snapshots from before they existed). */
  redirects?: StoredRedirect[];
  /** Fin audiences and tags (absent in snapshots from before they existed). */
  audiences?: StoredAudience[];
  tags?: StoredTag[];
  internalArticles?: StoredInternalArticle[];
  /** Next id per kind; ids of one kind are never reused, as in Intercom. */
  nextIds: { collection: number; article: number; redirect?: number; audience?: number; tag?: number; internalArticle?: number };
}

/** A Help Center redirect: `fromUrl` answers 301 to an article or collection in one locale. */
export interface StoredRedirect {
  id: number;
  helpCenterId: number;
  fromUrl: string;
  locale: string;
  targetType: "article" | "collection";
  targetId: number;
  createdAt: number;
  updatedAt: number;
}

/** Initial content; every field optional (see `buildSeedSnapshot`). */
export interface EmulatorSeed {
  workspaceId?: string;
  /** Default "en"; must be enabled on every help center. */
  defaultLocale?: string;
  /** Enabled locales of help centers that do not list their own. Default en fr de es pt-BR ja. */
  locales?: string[];
  admins?: { id: number; name: string; email: string }[];
  helpCenters?: { id: number; identifier: string; displayName?: string; isDefault?: boolean; locales?: string[] }[];
  collections?: StoredCollection[];
  articles?: StoredArticle[];
  /** Fin audiences of the workspace, by name (ids are handed out from 1). */
  audiences?: string[];
  /** Tags of the workspace, by name. */
  tags?: string[];
}

export interface RateLimitSettings {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

/** Knobs that can be changed while the emulator runs (`setFaults`). */
export interface FaultSettings {
  /** null = no rate limit. */
  rateLimit: RateLimitSettings | null;
  /** 0..1: share of requests answered 500/503 without being applied. */
  errorRate: number;
  /** Delay before each API request is handled: fixed, or uniform in [min, max]. */
  latencyMs: number | [number, number];
  /** 0..1: share of successful writes whose response is lost (the socket is destroyed). */
  dropAfterWriteRate: number;
}

export interface EmulatorOptions extends Partial<FaultSettings> {
  /** 0 (default) = a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Accepted bearer tokens; default: any non-empty token. */
  tokens?: string[];
  /** Initial state when no data file exists. */
  seed?: EmulatorSeed;
  /** JSON persistence: loaded at start when present, saved atomically after every change. */
  dataFile?: string;
  /** Epoch milliseconds. Default Date.now. */
  clock?: () => number;
  /** Uniform in [0, 1), drives the random faults. Default Math.random. */
  random?: () => number;
  /** Waits `ms` before an API request is handled (latency). Default: a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Sees every JSON response before it is sent (conformance checks in tests). */
  responseValidator?: ResponseValidator;
}

export interface ResponseCheck {
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
  body: unknown;
}

export type ResponseValidator = (check: ResponseCheck) => void;

/** One Intercom API request as the emulator saw it (`/_emulator/*` routes are not logged). */
export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Status answered (or that would have been, when the response was dropped). */
  status: number;
  /** POST, PUT or DELETE on an API route, whatever the outcome. */
  write: boolean;
  /** The write changed the state. */
  applied: boolean;
  /** The socket was destroyed instead of answering. */
  dropped: boolean;
  /** Latency injected before handling, in ms. */
  delayMs: number;
  /** Parsed JSON body, or the raw text when it was not JSON; undefined when empty. */
  body: unknown;
}

export interface ArticleEdit {
  title?: string;
  description?: string;
  body?: string;
  state?: WireState;
  /** Edit the locale's staged draft (starting one on a published locale) instead of its live text. */
  draft?: boolean;
}

export interface CollectionEdit {
  name?: string;
  description?: string;
}
