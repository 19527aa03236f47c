/**
 * Internal articles in plan, push and pull: the folder is read and `/internal_articles` listed only
 * when the tree has the folder or the lock owns some, so other runs cost no extra request. Planned
 * beside the help-center plan, and applied after its items.
 */
import type { ResolvedConfig } from "../config/types.js";
import { buildProjectInternalArticles, projectPath, readInternalArticles, type LoadedInternalArticles } from "../load/read-internal-articles.js";
import { applyInternal, type InternalResult } from "../apply/apply-internal.js";
import { stopOnContentErrors, SyncError, type Diagnostic } from "../errors/sync-error.js";
import type { WireInternalArticle } from "../intercom/wire.js";
import type { DesiredInternalArticle } from "../model/build-internal-articles.js";
import { planInternal, internalPlanChanges, hashInternalFields, type InternalPlan, type RemoteInternalArticle } from "../plan/plan-internal.js";
import type { InternalPullFile } from "../pull/plan-internal-pull.js";
import { combineFieldHashes } from "../digest/field-hashes.js";
import type { Plan } from "../plan/types.js";
import type { IntercomApi } from "../remote/api.js";
import { listAudienceNames } from "../remote/fetch-remote-state.js";
import type { DesiredState, LockFile, RemoteState, RemoteTag } from "../types.js";

export interface InternalRun {
  plan: InternalPlan;
  /** The files' internal articles, bodies included: they travel beside the plan. */
  articles: DesiredInternalArticle[];
  /** Warnings about the internal files. */
  diagnostics: Diagnostic[];
}

/** `internal_article` in the terms of the plan. */
export function toRemoteInternal(wire: WireInternalArticle): RemoteInternalArticle {
  return {
    id: String(wire.id),
    title: wire.title,
    body: wire.body ?? "",
    ownerId: wire.owner_id,
    authorId: wire.author_id,
    updatedAt: wire.updated_at,
    audienceIds: [...(wire.audience_ids ?? [])].sort((a, b) => a - b),
    fin: { agent: wire.ai_chatbot_availability ?? false, copilot: wire.ai_copilot_availability ?? false, salesAgent: wire.ai_sales_agent_availability ?? false },
  };
}

/** Reads and checks the internal files; errors stop the run (nothing written), with every finding. */
export async function loadInternalArticles(config: ResolvedConfig, desired: DesiredState): Promise<LoadedInternalArticles> {
  const loaded = await readInternalArticles(config, desired);
  stopOnContentErrors(loaded.diagnostics);
  return loaded;
}

async function listAudiences(api: IntercomApi, remote: Pick<RemoteState, "audiences">): Promise<RemoteTag[]> {
  if (remote.audiences !== undefined) return remote.audiences;
  return listAudienceNames(api);
}

/** The internal plan, or undefined when there is no internal folder and the lock owns none (no request). */
export async function planInternalStep(
  deps: { api: IntercomApi; config: ResolvedConfig },
  input: { desired: DesiredState; remote: RemoteState; lock: LockFile; plan: Plan; force: boolean },
): Promise<InternalRun | undefined> {
  const { config, api } = deps;
  const loaded = await loadInternalArticles(config, input.desired);
  if (!loaded.exists && input.lock.internalArticles === undefined) return undefined;
  const named = loaded.articles.some((article) => (article.audiences?.names.length ?? 0) > 0);
  const [listed, audiences] = await Promise.all([api.listInternalArticles?.() ?? Promise.resolve([]), named ? listAudiences(api, input.remote) : Promise.resolve([])]);
  const plan = planInternal({
    articles: loaded.articles,
    remote: listed.map(toRemoteInternal),
    lock: input.lock,
    audiences,
    urls: input.plan.urls,
    sourceLocale: config.sourceLocale,
    force: input.force,
    onDelete: config.onDelete,
  });
  // An unknown audience is bad input, like one in an article: nothing is written (sync semantics 1).
  stopOnContentErrors(plan.errors.filter((error) => error.code === "settings/unknown-audience"));
  return { plan, articles: loaded.articles, diagnostics: [...loaded.diagnostics, ...plan.warnings] };
}

/** Applies the internal plan over the lock the item writes left, and saves the lock when it changed. */
export async function applyInternalStep(
  deps: { api: IntercomApi; saveLock(lock: LockFile): Promise<void>; defaultAuthor(): Promise<number> },
  run: InternalRun | undefined,
  lock: LockFile,
): Promise<InternalResult | undefined> {
  if (run === undefined || !internalPlanChanges(run.plan)) return undefined;
  const result = await applyInternal(run.plan, { api: deps.api, lock, articles: run.articles, defaultAuthor: () => deps.defaultAuthor() });
  await deps.saveLock(result.lock);
  return result;
}

export interface InternalPullStep {
  files: InternalPullFile[];
  /** The lock with the pulled internal articles recorded (what the written files hash to, Intercom's `updated_at`). */
  lock: LockFile;
}

/**
 * Internal articles in `pull`: listed when the folder exists or the lock owns some (create the
 * folder to bootstrap them). The files written are checked like any other before anything is written.
 */
export async function pullInternalStep(
  deps: { api: IntercomApi; config: ResolvedConfig },
  input: { desired: DesiredState; lock: LockFile; force: boolean },
): Promise<InternalPullStep | undefined> {
  const { config, api } = deps;
  const loaded = await loadInternalArticles(config, input.desired);
  if (!loaded.exists && input.lock.internalArticles === undefined) return undefined;
  const remote = ((await api.listInternalArticles?.()) ?? []).map(toRemoteInternal);
  const audiences = remote.some((article) => article.audienceIds.length > 0) ? await listAudiences(api, {}) : [];
  const internalDir = projectPath(config, config.internalDir);
  // Loaded by pull only: writing files from Intercom's HTML needs the HTML-to-markdown converter.
  const { planInternalPull } = await import("../pull/plan-internal-pull.js");
  const files = planInternalPull({ remote, lock: input.lock, local: loaded.articles, internalDir, audiences, force: input.force });
  const written = files.filter((file) => file.outcome !== "conflict");
  const rebuilt = buildProjectInternalArticles(
    config,
    internalDir,
    written.map((file) => ({ file: file.file, text: file.text })),
    new Set(written.map((file) => file.file)),
  );
  const errors = rebuilt.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new SyncError("pull/invalid-files", { count: errors.length }, { diagnostics: errors });
  const entries = { ...(input.lock.internalArticles ?? {}) };
  const rebuiltByFile = new Map(rebuilt.articles.map((article) => [article.file, article]));
  for (const file of written) {
    const article = rebuiltByFile.get(file.file);
    if (article === undefined) continue;
    const fields = hashInternalFields(article, {});
    entries[file.key] = { id: file.id, hash: combineFieldHashes(fields), updatedAt: file.remoteUpdatedAt, fields };
  }
  const lock: LockFile = { ...input.lock };
  if (Object.keys(entries).length > 0) lock.internalArticles = entries;
  return { files, lock };
}
