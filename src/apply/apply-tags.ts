/**
 * Tags of an article: 2.16 applies and removes them one by one (`POST /articles/{id}/tags`,
 * `DELETE /articles/{id}/tags/{tag_id}`), and a tag must exist in the workspace first (`POST /tags`
 * creates it). A tag several articles need is created once per run.
 */
import { SyncError } from "../errors/sync-error.js";
import type { TagOps } from "../plan/types.js";
import type { ApplyRun } from "./apply-run.js";

const createdTags = new WeakMap<ApplyRun, Map<string, Promise<string>>>();

function tagIdOf(run: ApplyRun, name: string): Promise<string> {
  const createTag = run.api.createTag?.bind(run.api);
  if (createTag === undefined) throw new SyncError("apply/unsupported-api", { what: "tags" });
  let byName = createdTags.get(run);
  if (byName === undefined) createdTags.set(run, (byName = new Map()));
  const key = name.toLowerCase();
  let id = byName.get(key);
  if (id === undefined) {
    id = createTag(name).then((tag) => String(tag.id));
    byName.set(key, id);
  }
  return id;
}

/** Applies and removes the tags `ops` names; true when it sent anything. */
export async function applyTagOps(run: ApplyRun, articleId: string, ops: TagOps | undefined): Promise<boolean> {
  if (ops === undefined || (ops.attach.length === 0 && ops.detach.length === 0)) return false;
  const attach = run.api.attachArticleTag?.bind(run.api);
  const detach = run.api.detachArticleTag?.bind(run.api);
  if (attach === undefined || detach === undefined) throw new SyncError("apply/unsupported-api", { what: "tags" });
  for (const tag of ops.attach) await attach(articleId, tag.id ?? (await tagIdOf(run, tag.name)));
  for (const tag of ops.detach) await detach(articleId, tag.id);
  return true;
}
