/**
 * Help Center redirects (2.16 `/help_center/help_centers/{help_center_id}/redirects`): list with
 * paging (at most 250 a page), create with Intercom's 400 (missing or invalid field), 409 (a
 * redirect from that URL exists) and 422 (a `from_url` outside the help center's URL space, or a
 * target that is not in it), retrieve and delete.
 */
import { ApiError, invalidParameter, missingParameter, notFound } from "./api-error.js";
import { paginate, readPaging } from "./paginate.js";
import { helpCenterUrl } from "./serialize.js";
import { byUpdatedAtDescending, type EmulatorStore } from "./store.js";
import type { StoredHelpCenter, StoredRedirect } from "./types.js";

export const REDIRECTS_MAX_PER_PAGE = 250;
const REDIRECTS_DEFAULT_PER_PAGE = 50;
const TARGET_TYPES: readonly string[] = ["article", "collection"];

function digits(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) throw notFound();
  return Number(value);
}

function helpCenterOf(store: EmulatorStore, params: Record<string, string>): StoredHelpCenter {
  const center = store.findHelpCenter(digits(params.help_center_id));
  if (!center) throw new ApiError(404, "not_found", "Resource not found");
  return center;
}

/** The 2.16 `help_center_redirect` shape. */
export function toWireRedirect(redirect: StoredRedirect): Record<string, unknown> {
  return {
    id: String(redirect.id),
    type: "help_center_redirect",
    from_url: redirect.fromUrl,
    locale: redirect.locale,
    help_center_id: String(redirect.helpCenterId),
    target_type: redirect.targetType,
    target_id: String(redirect.targetId),
    created_at: redirect.createdAt,
    updated_at: redirect.updatedAt,
  };
}

/** `GET .../redirects`: most recently updated first. */
export function listRedirects(store: EmulatorStore, params: Record<string, string>, query: Record<string, string>): unknown {
  const center = helpCenterOf(store, params);
  // readPaging checks the parameters but caps at the article lists' 150; redirects go up to 250.
  const { page: pageNumber } = readPaging(query, REDIRECTS_DEFAULT_PER_PAGE);
  const perPage = Math.min(REDIRECTS_MAX_PER_PAGE, Math.max(1, Number(query.per_page ?? REDIRECTS_DEFAULT_PER_PAGE)));
  const ours = store.redirects().filter((redirect) => redirect.helpCenterId === center.id).sort(byUpdatedAtDescending);
  const page = paginate(ours, { page: pageNumber, perPage });
  return { type: "list", ...page, data: page.data.map(toWireRedirect) };
}

function readText(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (value === undefined || value === null || value === "") throw missingParameter(`${field} is required`, field);
  if (typeof value !== "string") throw invalidParameter(`${field} must be a string`, field);
  return value;
}

/** True when `url` is an absolute URL under the help center's URL (`https://intercom.help/<identifier>/...`). */
function withinHelpCenter(center: StoredHelpCenter, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const base = new URL(helpCenterUrl(center));
  return parsed.origin === base.origin && parsed.pathname.startsWith(`${base.pathname}/`);
}

/** `POST .../redirects`. */
export function createRedirect(store: EmulatorStore, params: Record<string, string>, body: unknown): StoredRedirect {
  const center = helpCenterOf(store, params);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalidParameter("The request body must be a JSON object");
  const record = body as Record<string, unknown>;
  const fromUrl = readText(record, "from_url");
  const locale = readText(record, "locale");
  const targetType = readText(record, "target_type");
  const targetId = readText(record, "target_id");
  if (!TARGET_TYPES.includes(targetType)) throw invalidParameter("target_type must be 'article' or 'collection'", "target_type");
  const unknown = Object.keys(record).find((key) => !["from_url", "locale", "target_type", "target_id"].includes(key));
  if (unknown !== undefined) throw invalidParameter(`${unknown} is not a valid parameter`, unknown);
  if (!withinHelpCenter(center, fromUrl)) throw new ApiError(422, "data_invalid", "from_url must be an absolute URL within this help center's URL space", "from_url");
  if (!center.locales.includes(locale)) throw new ApiError(422, "data_invalid", `locale ${locale} is not enabled on this help center`, "locale");
  const id = /^\d+$/.test(targetId) ? Number(targetId) : NaN;
  const article = targetType === "article" ? store.findArticle(id) : undefined;
  const collection = targetType === "collection" ? store.findCollection(id) : undefined;
  const owner = article !== undefined ? store.helpCenterOfArticle(article).id : collection?.helpCenterId;
  if (owner !== center.id) throw new ApiError(422, "data_invalid", "target must be an article or collection of this help center", "target_id");
  if (store.redirects().some((redirect) => redirect.helpCenterId === center.id && redirect.fromUrl === fromUrl)) {
    throw new ApiError(409, "resource_conflict", "A redirect with that URL already exists", "from_url");
  }
  const now = store.nowSeconds();
  const redirect: StoredRedirect = { id: store.allocateRedirectId(), helpCenterId: center.id, fromUrl, locale, targetType: targetType as StoredRedirect["targetType"], targetId: id, createdAt: now, updatedAt: now };
  store.addRedirect(redirect);
  return redirect;
}

/** The redirect named by the path, in the help center named by the path. */
export function findRedirect(store: EmulatorStore, params: Record<string, string>): StoredRedirect {
  const center = helpCenterOf(store, params);
  const id = digits(params.id);
  const redirect = store.redirects().find((r) => r.id === id && r.helpCenterId === center.id);
  if (!redirect) throw new ApiError(404, "not_found", "Resource not found");
  return redirect;
}
