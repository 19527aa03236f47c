/**
 * Runs the internal articles' plan (see plan-internal.ts) after the help-center items, one request
 * per item that writes, and returns the lock with `internalArticles` brought up to date.
 */
import { mapConcurrent } from "../content/map-concurrent.js";
import { diagnostic, type Diagnostic } from "../errors/sync-error.js";
import type { WireInternalArticleRequest } from "../intercom/wire.js";
import type { DesiredInternalArticle } from "../model/build-internal-articles.js";
import { resolveInternalBody, type InternalPlan, type InternalPlanItem } from "../plan/plan-internal.js";
import type { IntercomApi } from "../remote/api.js";
import type { LockFile, LockInternalArticle } from "../types.js";
import { describeError, isNotFound } from "./apply-run.js";

/** Internal article writes in flight at once: a handful, they are few and small. */
export const INTERNAL_CONCURRENCY = 4;

export interface InternalOutcome {
  key: string;
  outcome: "created" | "updated" | "deleted" | "failed";
}

export interface InternalResult {
  outcomes: InternalOutcome[];
  errors: Diagnostic[];
  lock: LockFile;
}

export interface InternalApplyDeps {
  api: IntercomApi;
  lock: LockFile;
  articles: readonly DesiredInternalArticle[];
  /** The default author and owner, asked only when a request needs one. */
  defaultAuthor(): Promise<number>;
}

const FIN_WIRE = { "fin.agent": ["agent", "ai_chatbot_availability"], "fin.copilot": ["copilot", "ai_copilot_availability"], "fin.sales_agent": ["salesAgent", "ai_sales_agent_availability"] } as const;

/** The request of one item: only its `fields`; `owner_id`/`author_id` null = the default author. */
export async function buildInternalRequest(item: InternalPlanItem, article: DesiredInternalArticle, defaultAuthor: () => Promise<number>): Promise<WireInternalArticleRequest> {
  const body: WireInternalArticleRequest = {};
  const sending = new Set(item.fields);
  if (sending.has("title")) body.title = article.title;
  if (sending.has("body")) body.body = resolveInternalBody(article.body, item.linkUrls ?? {});
  if (sending.has("owner")) body.owner_id = article.ownerId ?? (await defaultAuthor());
  if (sending.has("author")) body.author_id = article.authorId ?? (await defaultAuthor());
  if (sending.has("audiences") && item.audienceIds !== undefined) body.audience_ids = item.audienceIds;
  for (const [field, [name, wire]] of Object.entries(FIN_WIRE)) {
    const value = article.fin?.[name];
    if (sending.has(field) && value !== undefined) body[wire] = value;
  }
  return body;
}

/** Applies the plan; a failed item is an error naming it, the others go on. */
export async function applyInternal(plan: InternalPlan, deps: InternalApplyDeps): Promise<InternalResult> {
  const entries: Record<string, LockInternalArticle> = { ...(deps.lock.internalArticles ?? {}) };
  const outcomes: InternalOutcome[] = [];
  const errors: Diagnostic[] = [];
  const articles = new Map(deps.articles.map((article) => [article.key, article]));
  const api = deps.api;
  await mapConcurrent(plan.items, INTERNAL_CONCURRENCY, async (item) => {
    const article = articles.get(item.key);
    try {
      if (item.action === "forget") {
        delete entries[item.key];
      } else if (item.action === "delete" && item.id !== undefined) {
        try {
          await requireMethod(api.deleteInternalArticle).call(api, item.id);
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
        delete entries[item.key];
        outcomes.push({ key: item.key, outcome: "deleted" });
      } else if (item.write && article !== undefined && item.record !== undefined) {
        const request = await buildInternalRequest(item, article, deps.defaultAuthor);
        const response =
          item.action === "create"
            ? await requireMethod(api.createInternalArticle).call(api, request)
            : await requireMethod(api.updateInternalArticle).call(api, item.id ?? "", request);
        if (item.previousKey !== undefined) delete entries[item.previousKey];
        entries[item.key] = { id: String(response.id), hash: item.record.hash, updatedAt: response.updated_at, fields: item.record.fields };
        outcomes.push({ key: item.key, outcome: item.action === "create" ? "created" : "updated" });
      } else if (item.record?.id !== undefined && item.record.updatedAt !== undefined) {
        if (item.previousKey !== undefined) delete entries[item.previousKey];
        entries[item.key] = { id: item.record.id, hash: item.record.hash, updatedAt: item.record.updatedAt, fields: item.record.fields };
      }
    } catch (error) {
      outcomes.push({ key: item.key, outcome: "failed" });
      errors.push(diagnostic("internal/failed", { key: item.key, action: item.action, reason: describeError(error) }, { file: item.file ?? "intercom-sync.lock.json" }));
    }
  });
  const lock: LockFile = { ...deps.lock };
  if (Object.keys(entries).length > 0) lock.internalArticles = entries;
  else delete lock.internalArticles;
  return { outcomes: outcomes.sort((a, b) => (a.key < b.key ? -1 : 1)), errors, lock };
}

function requireMethod<T>(method: T | undefined): T {
  if (method === undefined) throw new Error("this API object has no internal article methods");
  return method;
}
