/**
 * The 2.16 article settings in a plan: names resolved to the workspace's ids (an unknown audience
 * is an error of the plan, before any write), the remote compared setting by setting, and the
 * settings a file stopped naming released (left as Intercom has them, no write). Pure.
 */
import { diagnostic } from "../errors/sync-error.js";
import { settingsOf, SETTING_FIELD_NAMES, type FieldHashes } from "../digest/field-hashes.js";
import type { DesiredArticleLocale, DesiredState, FinSettings, LockLocale, RemoteArticle, RemoteArticleLocale, RemoteTag } from "../types.js";
import type { PlanContext } from "./plan-context.js";
import { byName, resolveAudienceNames } from "./workspace-names.js";
import type { ArticleSettingsContent, TagOps } from "./types.js";

/** Where a pushed schedule stands in Intercom: still pending, or already happened. */
export type ScheduleStatus = "none" | "pending" | "happened";

/** The settings content of one desired locale; `remote` is the article when it exists. */
export function prepareSettings(ctx: PlanContext, text: DesiredArticleLocale, remote: RemoteArticle | undefined): ArticleSettingsContent {
  const settings = settingsOf(text);
  const out: ArticleSettingsContent = {};
  if (Object.keys(settings).length > 0) out.settings = settings;
  if (text.audiences !== undefined) out.audienceIds = resolveAudiences(ctx, text);
  if (text.tags !== undefined) out.tagOps = tagOpsOf(text.tags.names, remote?.tags ?? [], ctx.input.remote.tags ?? []);
  return out;
}

function resolveAudiences(ctx: PlanContext, text: DesiredArticleLocale): number[] {
  const { ids, unknown } = resolveAudienceNames(text.audiences?.names ?? [], ctx.input.remote.audiences ?? []);
  for (const { name, suggestion } of unknown) {
    const location = { file: text.audiences?.file ?? text.file, line: text.audiences?.line ?? 1 };
    // Translations that inherit the source's audiences would repeat the source's error.
    const repeated = ctx.errors.some((error) => error.code === "settings/unknown-audience" && error.location.file === location.file && error.location.line === location.line && error.message.includes(`"${name}"`));
    if (!repeated) ctx.errors.push(diagnostic("settings/unknown-audience", { name, suggestion }, location));
  }
  return ids;
}

/** Tags to apply and to remove so that the article has exactly `names` (compared without case). */
function tagOpsOf(names: readonly string[], applied: readonly RemoteTag[], workspace: readonly RemoteTag[]): TagOps {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  const has = byName(applied);
  const existing = byName(workspace);
  return {
    attach: names.filter((name) => !has.has(name.toLowerCase())).map((name) => ({ name, id: existing.get(name.toLowerCase())?.id ?? null })),
    detach: applied.filter((tag) => !wanted.has(tag.name.toLowerCase())).map((tag) => ({ name: tag.name, id: tag.id })),
  };
}

/** Names of the tags a plan creates in the workspace, for the plan's note. */
export function tagsToCreate(content: ArticleSettingsContent | undefined): string[] {
  return (content?.tagOps?.attach ?? []).filter((tag) => tag.id === null).map((tag) => tag.name);
}

/** The settings fields (by plan field name) whose remote value differs from the files'. */
export function differingSettings(local: ArticleSettingsContent, remote: RemoteArticle, remoteLocale: RemoteArticleLocale, schedule: ScheduleStatus): string[] {
  const out: string[] = [];
  const settings = local.settings ?? {};
  if (settings.fin !== undefined && !finMatches(settings.fin, remoteLocale.fin)) out.push("fin");
  if (local.audienceIds !== undefined && !sameIds(local.audienceIds, remoteLocale.audienceIds ?? [])) out.push("audiences");
  if (local.tagOps !== undefined && (local.tagOps.attach.length > 0 || local.tagOps.detach.length > 0)) out.push("tags");
  if (local.cancelSchedule !== undefined) out.push("schedule");
  if (settings.schedule !== undefined && schedule !== "happened") {
    const pending = settings.schedule.kind === "publish" ? remote.scheduledPublishAt : remote.scheduledUnpublishAt;
    if (pending !== settings.schedule.seconds) out.push("schedule");
  }
  return out;
}

function finMatches(wanted: FinSettings, remote: FinSettings | undefined): boolean {
  return (["agent", "copilot", "salesAgent"] as const).every((key) => wanted[key] === undefined || wanted[key] === remote?.[key]);
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  const left = [...a].sort((x, y) => x - y);
  const right = [...b].sort((x, y) => x - y);
  return left.length === right.length && left.every((id, index) => id === right[index]);
}

/**
 * Where the schedule of the source file stands: `happened` when the lock holds it as pushed and
 * Intercom no longer has it pending, with the state it was to bring (the file then causes no write).
 */
export function scheduleStatus(text: DesiredArticleLocale | undefined, hashes: FieldHashes | undefined, lock: LockLocale | undefined, remote: RemoteArticle): ScheduleStatus {
  const schedule = text?.schedule;
  if (schedule === undefined || hashes?.schedule === undefined) return "none";
  const pending = schedule.kind === "publish" ? remote.scheduledPublishAt : remote.scheduledUnpublishAt;
  if (pending !== null && pending !== undefined) return "pending";
  const pushed = lock?.fields?.schedule === hashes.schedule;
  const main = remote.locales[remote.defaultLocale] ?? Object.values(remote.locales)[0];
  const reached = main?.state === (schedule.kind === "publish" ? "published" : "draft");
  return pushed && reached ? "happened" : "none";
}

/**
 * Settings the lock recorded as pushed that the file no longer names: released, not reset. A
 * schedule Intercom still has pending is the exception: it is cancelled (`cancelSchedule`), or
 * the article would still publish or unpublish itself.
 */
export function releasedSettings(desired: FieldHashes, lock: LockLocale | undefined): string[] {
  const previous = lock?.fields;
  if (previous === undefined) return [];
  return SETTING_FIELD_NAMES.filter((name) => previous[name] !== undefined && desired[name] === undefined);
}

/** The pending schedule a source locale should cancel, when its file dropped `publish_at`/`unpublish_at`. */
export function scheduleToCancel(released: readonly string[], remote: RemoteArticle): "publish" | "unpublish" | undefined {
  if (!released.includes("schedule")) return undefined;
  if (remote.scheduledPublishAt !== null && remote.scheduledPublishAt !== undefined) return "publish";
  if (remote.scheduledUnpublishAt !== null && remote.scheduledUnpublishAt !== undefined) return "unpublish";
  return undefined;
}

/** Which workspace lists a plan of `desired` needs: only those some file names (no request otherwise). */
export function listsNeeded(desired: DesiredState): { audiences: boolean; tags: boolean } {
  let audiences = false;
  let tags = false;
  for (const article of desired.articles) {
    for (const locale of Object.values(article.locales)) {
      audiences ||= (locale.audiences?.names.length ?? 0) > 0;
      tags ||= (locale.tags?.names.length ?? 0) > 0;
    }
  }
  return { audiences, tags };
}
