/**
 * Digests of what is pushed, recorded in the lock and compared on the next run. A locale's hash is
 * a sha256 over a stable JSON of per-field digests, so a lock that keeps the field digests can tell
 * which fields changed, and the locale hash can be recomputed after a partial update.
 *
 * The author is hashed as written in front matter: `null` when the file names none. The default
 * author comes from config or `/me` and can differ between a laptop and CI; hashing the resolved id
 * would make every push from the other machine rewrite every article.
 */
import { hash } from "node:crypto";
import type { ArticleState, DesiredArticleLocale, FinSettings } from "../types.js";
import type { ArticleFieldName, CollectionFieldName, CollectionFields } from "../plan/types.js";

/** Hex length of a locale hash. 128 bits: collisions are not a concern for change detection. */
export const LOCALE_HASH_LENGTH = 32;
/** Hex length of a field digest: shorter, since it is only compared for the same field and key. */
export const FIELD_HASH_LENGTH = 16;

export const ARTICLE_FIELD_NAMES: readonly ArticleFieldName[] = ["title", "description", "body", "state", "author"];
/**
 * The 2.16 settings, hashed only when a file manages them: a locale without settings hashes as it
 * did before they existed, so older locks stay valid. `tags` and `schedule` live on the source locale.
 */
export const SETTING_FIELD_NAMES: readonly ArticleFieldName[] = ["fin", "audiences", "tags", "schedule"];
export const COLLECTION_FIELD_NAMES: readonly CollectionFieldName[] = ["name", "description"];

export type FieldHashes = Record<string, string>;

/** The input of an article locale hash; `bodyHash` comes from {@link hashBody}. */
export interface ArticleHashInput {
  title: string;
  description: string;
  bodyHash: string;
  state: ArticleState;
  authorId: number | null;
  settings?: ArticleSettingsInput;
}

/** The settings of an article locale as hashed: names (not ids), sorted, so the order in a file does not matter. */
export interface ArticleSettingsInput {
  fin?: FinSettings;
  audiences?: string[];
  tags?: string[];
  schedule?: { kind: "publish" | "unpublish"; seconds: number };
}

/** The settings hash input of a desired article locale. */
export function settingsOf(locale: Pick<DesiredArticleLocale, "fin" | "audiences" | "tags" | "schedule">): ArticleSettingsInput {
  const out: ArticleSettingsInput = {};
  if (locale.fin !== undefined) out.fin = locale.fin;
  if (locale.audiences !== undefined) out.audiences = locale.audiences.names;
  if (locale.tags !== undefined) out.tags = locale.tags.names;
  if (locale.schedule !== undefined) out.schedule = { kind: locale.schedule.kind, seconds: locale.schedule.seconds };
  return out;
}

function sortedNames(names: readonly string[]): string[] {
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** sha256 (hex) of `text`, cut to `length` characters. One-shot `hash`: planning makes tens of thousands of these. */
function sha256Hex(text: string, length: number): string {
  return hash("sha256", text).slice(0, length);
}

/** JSON with object keys sorted, so equal values always give equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Digest of one field value (string, number, null). */
export function hashField(value: unknown): string {
  return sha256Hex(stableJson(value), FIELD_HASH_LENGTH);
}

/** The locale hash for a set of field digests. */
export function combineFieldHashes(fields: FieldHashes): string {
  return sha256Hex(stableJson(fields), LOCALE_HASH_LENGTH);
}

/** Per-field digests of an article locale. */
export function hashArticleFields(input: ArticleHashInput): FieldHashes {
  const fields: FieldHashes = {
    title: hashField(input.title),
    description: hashField(input.description),
    body: input.bodyHash,
    state: hashField(input.state),
    author: hashField(input.authorId),
  };
  const settings = input.settings;
  if (settings?.fin !== undefined) fields.fin = hashField(settings.fin);
  if (settings?.audiences !== undefined) fields.audiences = hashField(sortedNames(settings.audiences));
  if (settings?.tags !== undefined) fields.tags = hashField(sortedNames(settings.tags));
  if (settings?.schedule !== undefined) fields.schedule = hashField(settings.schedule);
  return fields;
}

/** Per-field digests of a collection locale. */
export function hashCollectionFields(input: CollectionFields): FieldHashes {
  return { name: hashField(input.name), description: hashField(input.description) };
}

/** Hash of an article locale as pushed: title, description, body (with its links), state, explicit author. */
export function hashArticleLocale(input: ArticleHashInput): string {
  return combineFieldHashes(hashArticleFields(input));
}

/** Hash of a collection locale as pushed: name and description. */
export function hashCollectionLocale(input: CollectionFields): string {
  return combineFieldHashes(hashCollectionFields(input));
}

/** Names of the fields whose digests differ (a field missing on one side counts as different). */
export function diffFieldHashes(current: FieldHashes, previous: FieldHashes, names: readonly string[]): string[] {
  return names.filter((name) => current[name] !== previous[name]);
}
