/**
 * The plan of internal articles (`internalDir`, 2.16 `/internal_articles`): the same three-way rule
 * as articles, on one locale, with per-field hashes in the lock's `internalArticles`. Pure: files,
 * remote list, lock and options in, a plan out. Bodies stay with the desired articles (beside the
 * plan); an item says which fields to send.
 */
import { combineFieldHashes, diffFieldHashes, hashField, type FieldHashes } from "../digest/field-hashes.js";
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import type { DesiredInternalArticle } from "../model/build-internal-articles.js";
import { ARTICLE_LINK_SCHEME } from "../render/types.js";
import type { FinSettings, LockFile, LockInternalArticle, RemoteTag } from "../types.js";
import { resolveAudienceNames } from "./workspace-names.js";
import type { OnDelete } from "./types.js";

/** An internal article as Intercom lists it, ids as strings. */
export interface RemoteInternalArticle {
  id: string;
  title: string;
  body: string;
  ownerId: number;
  authorId: number;
  updatedAt: number;
  audienceIds: number[];
  fin: Required<FinSettings>;
}

export type InternalAction = "create" | "update" | "adopt" | "move" | "delete" | "forget" | "drift" | "conflict" | "noop";

export interface InternalPlanItem {
  action: InternalAction;
  key: string;
  /** For a move: the key the lock knew it by. */
  previousKey?: string;
  id?: string;
  /** Project-relative file, absent for a removal. */
  file?: string;
  reason: string;
  /** Fields sent (create: all the file manages), or, for drift and conflict, the fields changed here. */
  fields: string[];
  /** One request in this run. */
  write: boolean;
  /** The update overwrites edits made in Intercom (`--force`). */
  overwrites?: true;
  /** Audience ids to send, resolved from the names. */
  audienceIds?: number[];
  /** URL of each help-center article the body links to (source locale), when known. */
  linkUrls?: Record<string, string>;
  /** Lock entry to keep once done (the id and `updatedAt` come from the response when it writes). */
  record?: Omit<LockInternalArticle, "id" | "updatedAt"> & { id?: string; updatedAt?: number };
}

export interface InternalPlan {
  items: InternalPlanItem[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

export interface InternalPlanInput {
  articles: readonly DesiredInternalArticle[];
  remote: readonly RemoteInternalArticle[];
  lock: LockFile;
  /** The workspace's audiences, when some file names one. */
  audiences: readonly RemoteTag[];
  /** Known Intercom URLs per article key and locale (the help-center plan's `urls`). */
  urls: Record<string, Record<string, string>>;
  sourceLocale: string;
  force: boolean;
  onDelete: OnDelete;
}

const FIN_FIELDS = { agent: "fin.agent", copilot: "fin.copilot", salesAgent: "fin.sales_agent" } as const;

/** Placeholder keys of a body with the URL each resolves to now (missing when unknown). */
export function resolveLinkUrls(article: DesiredInternalArticle, urls: InternalPlanInput["urls"], sourceLocale: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of article.links) {
    const url = urls[key]?.[sourceLocale];
    if (url !== undefined) out[key] = url;
  }
  return out;
}

/** The HTML sent: placeholders replaced by URLs; a link with no URL keeps its text only. */
export function resolveInternalBody(html: string, linkUrls: Readonly<Record<string, string>>): string {
  const pattern = new RegExp(`<a href="${ARTICLE_LINK_SCHEME}([^"#]*)(#[^"]*)?"([^>]*)>([\\s\\S]*?)</a>`, "g");
  return html.replace(pattern, (_all, key: string, anchor: string | undefined, rest: string, text: string) => {
    const url = linkUrls[key];
    return url === undefined ? text : `<a href="${url}${anchor ?? ""}"${rest}>${text}</a>`;
  });
}

/** Per-field hashes of what a file manages: the lock keeps these. */
export function hashInternalFields(article: DesiredInternalArticle, linkUrls: Readonly<Record<string, string>>): FieldHashes {
  const fields: FieldHashes = {
    title: hashField(article.title),
    body: hashField({ html: article.body, urls: linkUrls }),
    owner: hashField(article.ownerId),
    author: hashField(article.authorId),
  };
  if (article.audiences !== undefined) fields.audiences = hashField(article.audiences.names.map((name) => name.toLowerCase()).sort());
  for (const [name, field] of Object.entries(FIN_FIELDS)) {
    const value = article.fin?.[name as keyof FinSettings];
    if (value !== undefined) fields[field] = hashField(value);
  }
  return fields;
}

function resolveAudiences(article: DesiredInternalArticle, audiences: readonly RemoteTag[], errors: Diagnostic[]): number[] | undefined {
  if (article.audiences === undefined) return undefined;
  const { ids, unknown } = resolveAudienceNames(article.audiences.names, audiences);
  for (const { name, suggestion } of unknown) {
    errors.push(diagnostic("settings/unknown-audience", { name, suggestion }, { file: article.file, line: article.audiences.line }));
  }
  return ids;
}

/** Plans every internal article: creates, updates, moves, drift, conflicts and removals per `onDelete`. */
export function planInternal(input: InternalPlanInput): InternalPlan {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const items: InternalPlanItem[] = [];
  const owned = input.lock.internalArticles ?? {};
  const remoteById = new Map(input.remote.map((article) => [article.id, article]));
  const desiredKeys = new Set(input.articles.map((article) => article.key));
  const ownedIds = new Set(Object.values(owned).map((entry) => entry.id));
  // Entries whose file went away: a new file with the same title and body is the same article moved.
  const gone = new Map(Object.entries(owned).filter(([key]) => !desiredKeys.has(key)));

  for (const article of input.articles) {
    const linkUrls = resolveLinkUrls(article, input.urls, input.sourceLocale);
    for (const key of article.links) {
      if (linkUrls[key] === undefined) warnings.push(diagnostic("internal/link-unresolved", { key }, { file: article.file, line: 1 }));
    }
    const fields = hashInternalFields(article, linkUrls);
    const audienceIds = resolveAudiences(article, input.audiences, errors);
    const base = { key: article.key, file: article.file, linkUrls, ...(audienceIds === undefined ? {} : { audienceIds }) };
    const record = { hash: combineFieldHashes(fields), fields };
    let entry = owned[article.key];
    let previousKey: string | undefined;
    if (entry === undefined) {
      const moved = [...gone].find(([, old]) => old.fields.title === fields.title && old.fields.body === fields.body);
      if (moved !== undefined) {
        [previousKey, entry] = moved;
        gone.delete(previousKey);
      }
    }
    const remote = entry === undefined ? undefined : remoteById.get(entry.id);
    if (entry === undefined || remote === undefined) {
      const match = input.remote.find((candidate) => !ownedIds.has(candidate.id) && candidate.title === article.title);
      if (entry === undefined && match !== undefined) {
        ownedIds.add(match.id);
        items.push({ ...base, action: "adopt", id: match.id, reason: "an internal article of that title exists in Intercom", fields: Object.keys(fields), write: true, record });
        continue;
      }
      const reason = entry === undefined ? "new file" : "deleted in Intercom: created again";
      items.push({ ...base, action: "create", reason, fields: Object.keys(fields), write: true, record });
      continue;
    }
    const moved = previousKey === undefined ? {} : { previousKey };
    const local = diffFieldHashes(fields, entry.fields, Object.keys(fields));
    const remoteChanged = remote.updatedAt !== entry.updatedAt;
    const released = Object.keys(entry.fields).some((name) => fields[name] === undefined);
    if (remoteChanged && !input.force) {
      if (local.length > 0) {
        errors.push(diagnostic("internal/conflict", { key: article.key, fields: local }, { file: article.file, line: 1 }));
        items.push({ ...base, ...moved, action: "conflict", id: entry.id, reason: "changed here and in Intercom", fields: local, write: false });
      } else {
        items.push({ ...base, ...moved, action: "drift", id: entry.id, reason: "edited in Intercom; run pull to take it", fields: [], write: false, ...(previousKey === undefined ? {} : { record: { ...record, id: entry.id, updatedAt: entry.updatedAt } }) });
      }
      continue;
    }
    const send = remoteChanged ? Object.keys(fields) : local;
    if (send.length > 0) {
      const reason = remoteChanged ? "overwrites changes made in Intercom (--force)" : previousKey === undefined ? "file changed" : `moved from ${previousKey}`;
      items.push({ ...base, ...moved, action: "update", id: entry.id, reason, fields: send, write: true, record, ...(remoteChanged ? { overwrites: true as const } : {}) });
    } else if (previousKey !== undefined || released) {
      items.push({ ...base, ...moved, action: previousKey === undefined ? "noop" : "move", id: entry.id, reason: previousKey === undefined ? "settings no longer managed" : `moved from ${previousKey}`, fields: [], write: false, record: { ...record, id: entry.id, updatedAt: entry.updatedAt } });
    }
  }

  for (const [key, entry] of gone) {
    const remote = remoteById.get(entry.id);
    if (remote === undefined) {
      items.push({ action: "forget", key, id: entry.id, reason: "gone from Intercom too", fields: [], write: false });
    } else if (input.onDelete === "delete") {
      items.push({ action: "delete", key, id: entry.id, reason: "file removed (onDelete: delete)", fields: [], write: true });
    } else {
      // An internal article has no published state to take back: `unpublish` keeps it, like `keep`.
      items.push({ action: "forget", key, id: entry.id, reason: `file removed; kept in Intercom, no longer managed (onDelete: ${input.onDelete})`, fields: [], write: false });
    }
  }
  return { items, errors, warnings };
}

/** True when the internal plan writes or records something. */
export function internalPlanChanges(plan: InternalPlan): boolean {
  return plan.items.some((item) => item.write || item.record !== undefined || item.action === "forget");
}

/** True when the internal plan makes a request (what `plan --detailed-exitcode` and the question before a push count). */
export function internalPlanWrites(plan: InternalPlan): boolean {
  return plan.items.some((item) => item.write);
}

/** What a push asks about before writing internal articles (see reviewReasons): deletes and overwrites. */
export function internalReviewReasons(plan: InternalPlan | undefined): string[] {
  if (plan === undefined) return [];
  const deletes = plan.items.filter((item) => item.action === "delete").length;
  const overwrites = plan.items.filter((item) => item.overwrites === true).length;
  const reasons: string[] = [];
  if (deletes > 0) reasons.push(`deletes ${deletes} internal article${deletes === 1 ? "" : "s"}`);
  if (overwrites > 0) reasons.push(`overwrites edits made in Intercom on ${overwrites} internal article${overwrites === 1 ? "" : "s"} (--force)`);
  return reasons;
}
