/**
 * The text of the files pull writes: YAML front matter (fields in a fixed order, empty optional
 * fields left out) and, for articles, the markdown body. Pure and deterministic, so pulling the
 * same remote state twice gives the same bytes.
 */
import { stringify } from "yaml";

const DELIMITER = "---";

type FrontMatterValue = string | number | readonly string[] | Readonly<Record<string, boolean>>;
export type FrontMatterFields = ReadonlyArray<readonly [string, FrontMatterValue | undefined]>;

/**
 * Front matter for `fields` in the given order; undefined and empty-string values are left out.
 * Strings the YAML core schema would read as something else (`404`, `true`, `a: b`) are quoted by
 * the serializer, so reading the file back gives the same values.
 */
export function formatFrontMatter(fields: FrontMatterFields): string {
  const data: Record<string, FrontMatterValue> = {};
  for (const [name, value] of fields) {
    if (value === undefined || value === "") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    data[name] = value;
  }
  const yaml = Object.keys(data).length === 0 ? "" : stringify(data, { lineWidth: 0, minContentWidth: 0 });
  return `${DELIMITER}\n${yaml}${DELIMITER}\n`;
}

export interface ArticleFileFields {
  title: string;
  description: string;
  /** Left out of translations whose state is the source's. */
  state?: string;
  /** Left out when it is the default author. */
  authorId?: number;
  /** Translations only: kept from the file being replaced. */
  sourceHash?: string;
  /** 2.16 settings, in front matter terms: `fin` sub-keys, audience and tag names, ISO times. */
  fin?: Record<string, boolean>;
  audiences?: string[];
  tags?: string[];
  publishAt?: string;
  unpublishAt?: string;
}

/** An article file: front matter, a blank line, the markdown body (which ends with a newline). */
export function formatArticleFile(fields: ArticleFileFields, markdown: string): string {
  const frontMatter = formatFrontMatter([
    ["title", fields.title],
    ["description", fields.description],
    ["state", fields.state],
    ["author_id", fields.authorId],
    ["source_hash", fields.sourceHash],
    ["tags", fields.tags],
    ["audiences", fields.audiences],
    ["fin", fields.fin],
    ["publish_at", fields.publishAt],
    ["unpublish_at", fields.unpublishAt],
  ]);
  return markdown === "" ? frontMatter : `${frontMatter}\n${markdown}`;
}

/** A `_collection.md`: front matter only. */
export function formatCollectionFile(name: string, description: string): string {
  return formatFrontMatter([
    ["name", name],
    ["description", description],
  ]);
}
