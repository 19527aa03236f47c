/**
 * What `pull` writes into `internalDir`: one file per internal article that Intercom changed since
 * the lock saw it (or that the lock does not own yet), never over a file changed here too unless
 * forced. Pure: remote list, lock and the files' articles in, files and notices out.
 */
import { combineFieldHashes } from "../digest/field-hashes.js";
import type { DesiredInternalArticle } from "../model/build-internal-articles.js";
import { hashInternalFields, type RemoteInternalArticle } from "../plan/plan-internal.js";
import { htmlToMarkdown } from "../render/html-to-markdown.js";
import type { LockFile, RemoteTag } from "../types.js";
import { slugifyTitle } from "./assign-keys.js";
import { formatFrontMatter } from "./format-item-file.js";

export interface InternalPullFile {
  key: string;
  id: string;
  /** Project-relative POSIX path. */
  file: string;
  text: string;
  outcome: "created" | "updated" | "conflict";
  remoteUpdatedAt: number;
}

export interface InternalPullInput {
  remote: readonly RemoteInternalArticle[];
  lock: LockFile;
  /** The internal articles of the files as they are now. */
  local: readonly DesiredInternalArticle[];
  /** Project-relative POSIX path of `internalDir`. */
  internalDir: string;
  audiences: readonly RemoteTag[];
  force: boolean;
}

/** The file text of an internal article as Intercom holds it. */
export function formatInternalFile(article: RemoteInternalArticle, audiences: readonly RemoteTag[]): string {
  const names = article.audienceIds.map((id) => audiences.find((audience) => audience.id === String(id))?.name ?? String(id));
  const front = formatFrontMatter([
    ["title", article.title],
    ["owner_id", article.ownerId],
    ["author_id", article.authorId],
    ["audiences", names],
    ["fin", { agent: article.fin.agent, copilot: article.fin.copilot, sales_agent: article.fin.salesAgent }],
  ]);
  const body = htmlToMarkdown(article.body).trim();
  return body === "" ? front : `${front}\n${body}\n`;
}

/** Decides each remote internal article's file. */
export function planInternalPull(input: InternalPullInput): InternalPullFile[] {
  const owned = input.lock.internalArticles ?? {};
  const keyById = new Map(Object.entries(owned).map(([key, entry]) => [entry.id, key]));
  const localByKey = new Map(input.local.map((article) => [article.key, article]));
  const taken = new Set([...input.local.map((article) => article.key.toLowerCase()), ...Object.keys(owned).map((key) => key.toLowerCase())]);
  const files: InternalPullFile[] = [];
  for (const remote of [...input.remote].sort((a, b) => Number(a.id) - Number(b.id))) {
    let key = keyById.get(remote.id);
    const entry = key === undefined ? undefined : owned[key];
    if (entry !== undefined && remote.updatedAt === entry.updatedAt) continue;
    if (key === undefined) {
      // A file not in the lock with the same title is this article (the push would adopt it).
      const adopted = input.local.find((article) => owned[article.key] === undefined && article.title === remote.title);
      key = adopted?.key ?? claim(slugifyTitle(remote.title) || `internal-${remote.id}`, taken);
    }
    const local = localByKey.get(key);
    const text = formatInternalFile(remote, input.audiences);
    const file = local?.file ?? `${input.internalDir}/${key}.md`;
    const changedHere = local !== undefined && entry !== undefined && combineFieldHashes(hashInternalFields(local, {})) !== entry.hash;
    const outcome = changedHere && !input.force ? "conflict" : local === undefined ? "created" : "updated";
    files.push({ key, id: remote.id, file, text, outcome, remoteUpdatedAt: remote.updatedAt });
  }
  return files;
}

function claim(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key.toLowerCase()); n += 1) key = `${base}-${n}`;
  taken.add(key.toLowerCase());
  return key;
}
