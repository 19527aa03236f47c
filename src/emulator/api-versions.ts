/**
 * The `Intercom-Version`s the emulator answers, and how their Help Center shapes differ from 2.16's.
 *
 * Read from Intercom's public OpenAPI descriptions of each version (github.com/intercom/Intercom-OpenAPI,
 * descriptions/2.10 ... 2.16/api.intercom.io.yaml, at commit 8889625a7b93), comparing the schemas
 * `article`, `article_list_item`, `article_content`, `collection`, `help_center` and `admin`:
 * - up to 2.15 an article carries `parent_id` (integer, nullable) and `parent_type` (`collection`
 *   or `section`) beside `parent_ids`; 2.16 drops both;
 * - `has_unpublished_changes` and `draft_updated_at` (article and article_content), a help center's
 *   `default` and `locales`, and an admin's `role` are new in 2.16;
 * - an article's `tags` are new in 2.13;
 * - the article draft, tag, version and Help Center redirect endpoints exist in 2.16 only.
 * Collections have the same fields from 2.10 to 2.16. Intercom's Node SDK (intercom-client 7) sends
 * versions up to 2.14 (https://app.unpkg.com/intercom-client@7.0.3/files/dist/esm/api/version.d.mts),
 * so a client built on it sends an older version than this tool.
 */

/** Versions answered, oldest first; a request without the header gets the newest. */
export const SUPPORTED_API_VERSIONS = ["2.10", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16"] as const;

export type ApiVersion = (typeof SUPPORTED_API_VERSIONS)[number];

/** The version requests without an `Intercom-Version` header get, and whose shapes the store keeps. */
export const LATEST_API_VERSION: ApiVersion = "2.16";

export function isSupportedApiVersion(value: string): value is ApiVersion {
  return (SUPPORTED_API_VERSIONS as readonly string[]).includes(value);
}

function minor(version: ApiVersion): number {
  return Number(version.split(".")[1]);
}

/** Paths of endpoints that exist from 2.16 on: drafts, article tags and versions, redirects. */
const ONLY_IN_2_16 = [/^\/articles\/[^/]+\/(draft|tags|versions)(\/|$)/, /^\/help_center\/help_centers\/[^/]+\/redirects(\/|$)/];

/** True when `path` is an endpoint that `version` has. */
export function hasEndpoint(path: string, version: ApiVersion): boolean {
  return minor(version) >= 16 || !ONLY_IN_2_16.some((pattern) => pattern.test(path));
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function reshapeArticle(article: Json, version: number): Json {
  const { has_unpublished_changes: _changes, draft_updated_at: _draft, ...rest } = article;
  const result: Json = { ...rest };
  if (version < 13) delete result.tags;
  const parents = Array.isArray(article.parent_ids) ? (article.parent_ids as unknown[]) : [];
  const parent = parents.at(-1);
  result.parent_id = typeof parent === "number" ? parent : null;
  result.parent_type = typeof parent === "number" ? "collection" : null;
  return result;
}

function reshape(value: unknown, version: number): unknown {
  if (Array.isArray(value)) return value.map((item) => reshape(item, version));
  if (!isObject(value)) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, reshape(item, version)] as const);
  let result: Json = Object.fromEntries(entries);
  // A help center has no `type`; `website_turned_on` is its own field.
  if (value.type === undefined && "website_turned_on" in value) {
    const { default: _default, locales: _locales, ...rest } = result;
    return rest;
  }
  switch (value.type) {
    case "article":
      result = reshapeArticle(result, version);
      break;
    case "article_content": {
      const { has_unpublished_changes: _changes, draft_updated_at: _draft, ...rest } = result;
      result = rest;
      break;
    }
    case "admin": {
      const { role: _role, ...rest } = result;
      result = rest;
      break;
    }
    default:
      break;
  }
  return result;
}

/** A 2.16 response body in the shapes of `version` (the body itself when that is 2.16). */
export function shapeForVersion(body: unknown, version: ApiVersion): unknown {
  return minor(version) >= 16 ? body : reshape(body, minor(version));
}
