/**
 * The text of the files pull writes: YAML front matter (fields in a fixed order, empty optional
 * fields left out) and, for articles, the markdown body. Pure and deterministic, so pulling the
 * same remote state twice gives the same bytes.
 */
import { stringify } from "yaml";

const DELIMITER = "---";

export type FrontMatterFields = ReadonlyArray<readonly [string, string | number | undefined]>;

/**
 * Front matter for `fields` in the given order; undefined and empty-string values are left out.
 * Strings the YAML core schema would read as something else (`404`, `true`, `a: b`) are quoted by
 * the serializer, so reading the file back gives the same values.
 */
export function formatFrontMatter(fields: FrontMatterFields): string {
  const data: Record<string, string | number> = {};
  for (const [name, value] of fields) {
    if (value === undefined || value === "") continue;
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
}

/** An article file: front matter, a blank line, the markdown body (which ends with a newline). */
export function formatArticleFile(fields: ArticleFileFields, markdown: string): string {
  const frontMatter = formatFrontMatter([
    ["title", fields.title],
    ["description", fields.description],
    ["state", fields.state],
    ["author_id", fields.authorId],
    ["source_hash", fields.sourceHash],
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
