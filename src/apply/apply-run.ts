import type { WireArticle } from "../intercom/wire.js";
import { SyncError } from "../errors/sync-error.js";
import { hashBodyAt } from "../digest/body-digest.js";
import { lookupUrl, resolveLinks } from "../render/resolve-links.js";
import type { ArticleFields, Plan } from "../plan/types.js";
import type { IntercomApi } from "../remote/api.js";
import type { LockFile } from "../types.js";
import type { LostCreateFinder } from "./find-lost-creates.js";
import type { LockSaver } from "./lock-saver.js";
import type { Slots } from "./slots.js";
import { bodyKey, type PlanBodyLoader } from "./types.js";

/** The state one `applyPlan` call shares between its items. */
export interface ApplyRun {
  plan: Plan;
  api: IntercomApi;
  /** The working copy of the lock, updated after every successful write. */
  lock: LockFile;
  /** Article key -> locale -> URL: the remote's, then whatever writes answer with. */
  urls: Record<string, Record<string, string>>;
  helpCenterId: string;
  saver: LockSaver;
  /** Collection keys that failed or were skipped in this run: their children are skipped too. */
  unavailableCollections: Set<string>;
  /** Article keys whose URL in some locale was learned or changed by a write of this run. */
  newUrls: Set<string>;
  /** Bodies rendered before the run (see ApplyDeps.bodies). */
  bodies: ReadonlyMap<string, string>;
  /** Renders a body the plan does not carry (see ApplyDeps.loadBody). */
  loadBody?: PlanBodyLoader;
  /** Author of articles whose front matter names none (see ApplyDeps.defaultAuthorId). */
  defaultAuthorId: number | null;
  /** The level's request slots; an item gives its slot back while it waits. */
  slots: Slots;
  /** Looks for creates whose response was lost, one look for many. */
  finder: LostCreateFinder;
  /** Times a create is sent again after a look found nothing (ApplyDeps.retries). */
  retries: number;
  /** Waits `ms`, telling ApplyDeps.onWait what for. */
  wait: (ms: number, reason: string) => Promise<void>;
  random: () => number;
  /** How long a create that timed out is given to show up before it is sent again. */
  lateCreateWaitMs: number;
  /** True once the run was interrupted: nothing is sent again. */
  stopping: () => boolean;
  /** For each update in flight: marks its locales unconfirmed in the lock (see trackUpdate). */
  unconfirmedMarks: Set<() => void>;
}

/**
 * Sends an update while `mark` can record it as unconfirmed: when its outcome stays unknown (the
 * client gave up after a lost response) or the run is halted while it is in flight.
 */
export async function trackUpdate<T>(run: ApplyRun, mark: () => void, send: () => Promise<T>): Promise<T> {
  run.unconfirmedMarks.add(mark);
  try {
    return await send();
  } catch (error) {
    if (typeof error === "object" && error !== null && (error as { outcomeUnknown?: unknown }).outcomeUnknown === true) mark();
    throw error;
  } finally {
    run.unconfirmedMarks.delete(mark);
  }
}

/** Resolves an article body's link placeholders with the URLs known at this point of the run. */
export function resolveBody(run: ApplyRun, body: string, locale: string): string {
  return resolveLinks(body, locale, lookupUrl(run.urls, run.plan.sourceLocale)).body;
}

/** The body field digest of an article locale with its links as known now (what the lock records once it is sent). */
export function bodyHashNow(run: ApplyRun, content: ArticleFields, locale: string): string {
  return hashBodyAt(content, locale, lookupUrl(run.urls, run.plan.sourceLocale));
}

/** The HTML of a body the plan sends: carried by the plan, or rendered before the run. */
export function requireBody(run: ApplyRun, content: ArticleFields, key: string, locale: string): string {
  const body = content.body ?? run.bodies.get(bodyKey(key, locale));
  if (body !== undefined) return body;
  throw new SyncError("apply/missing-body", { key, locale, stage: "send" });
}

/** Learns an article's URLs from a write response, for later link resolution. */
export function noteArticleUrls(run: ApplyRun, key: string, response: WireArticle): void {
  const known = run.urls[key] ?? {};
  const urls = { ...known };
  if (response.url !== null && response.url !== "") urls[response.default_locale] = response.url;
  for (const [locale, content] of Object.entries(response.translated_content ?? {})) {
    if (locale !== "type" && content !== null && typeof content === "object" && content.url !== "") urls[locale] = content.url;
  }
  if (Object.entries(urls).some(([locale, url]) => known[locale] !== url)) run.newUrls.add(key);
  run.urls[key] = urls;
}

/** Ids owned by some lock entry right now (lost-create recovery must not pick them). */
export function ownedIds(lock: LockFile, type: "article" | "collection"): Set<string> {
  return new Set(Object.values(type === "article" ? lock.articles : lock.collections).map((e) => e.id));
}

/** The error's message for a report: never a credential, even if one slipped into a message. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/(Bearer\s+)[^\s"']+/gi, "$1[redacted]").replace(/(access_token=)[^\s&"']+/gi, "$1[redacted]");
}

/** True for an error that says the item is already gone (HTTP 404). */
export function isNotFound(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { status } = error as { status?: unknown };
  return status === 404;
}
