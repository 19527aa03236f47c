/**
 * Internal articles (`internalDir`, 2.16 `/internal_articles`) from their files: one locale, no
 * collections (folders only order the files for writers), keys from paths. Pure: texts in, articles
 * and diagnostics out.
 */
import { parseMarkdownFile } from "../content/parse-markdown-file.js";
import { diagnostic, diagnosticOf, type Diagnostic } from "../errors/sync-error.js";
import type { RenderMarkdown } from "./build-article-locale.js";
import type { ProjectFiles } from "../render/types.js";
import type { FinSettings } from "../types.js";
import { checkFin, checkNames } from "./check-settings.js";

/** Front matter keys of an internal article: those of an article that the API has for them. */
export const INTERNAL_ARTICLE_FIELDS: readonly string[] = ["title", "owner_id", "author_id", "audiences", "fin"];

export interface DesiredInternalArticle {
  /** Path relative to `internalDir` without `.md`. */
  key: string;
  /** Project-relative POSIX path. */
  file: string;
  title: string;
  /** HTML; links to help-center articles are `intercom-sync:KEY#anchor` placeholders. */
  body: string;
  /** Keys of the help-center articles linked to. */
  links: string[];
  /** null = the default author (config `authorId`, else the token's admin). */
  ownerId: number | null;
  authorId: number | null;
  /** Managed only when the file sets them. */
  audiences?: { names: string[]; line: number };
  fin?: FinSettings;
}

export interface InternalFile {
  /** Project-relative POSIX path. */
  file: string;
  text: string;
}

export interface BuildInternalInput {
  /** Project-relative POSIX path of `internalDir`. */
  internalDir: string;
  files: readonly InternalFile[];
  render: RenderMarkdown;
  project: ProjectFiles;
  sourceLocale: string;
  assetBaseUrl: string | null;
}

function keyOf(file: string, internalDir: string): string {
  return file.slice(internalDir.length + 1).replace(/\.md$/i, "");
}

function adminId(value: unknown): number | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return value;
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** Every internal article of the files, with every problem found (none stops the build). */
export function buildInternalArticles(input: BuildInternalInput): { articles: DesiredInternalArticle[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const articles: DesiredInternalArticle[] = [];
  const seen = new Map<string, string>();
  for (const { file, text } of [...input.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const parsed = parseMarkdownFile(text, file);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.data === null) continue;
    const data = parsed.data;
    const at = (key: string) => ({ file, line: parsed.positions[key]?.line ?? 1, column: parsed.positions[key]?.column ?? 1 });
    const key = keyOf(file, input.internalDir);
    const other = seen.get(key.toLowerCase());
    if (other !== undefined) diagnostics.push(diagnostic("internal/duplicate-key", { key, other }, { file, line: 1, column: 1 }));
    seen.set(key.toLowerCase(), file);
    let ok = true;
    for (const name of Object.keys(data)) {
      if (!INTERNAL_ARTICLE_FIELDS.includes(name)) diagnostics.push(diagnostic("internal/unknown-key", { key: name, known: INTERNAL_ARTICLE_FIELDS }, at(name)));
    }
    const title = typeof data.title === "string" || typeof data.title === "number" ? String(data.title).trim() : "";
    if (title === "") {
      diagnostics.push(data.title === undefined ? diagnostic("internal/missing-title", {}, { file, line: 1, column: 1 }) : diagnostic("internal/invalid-field", { key: "title", expected: "text" }, at("title")));
      ok = false;
    }
    const ids: Record<"owner_id" | "author_id", number | null> = { owner_id: null, author_id: null };
    for (const name of ["owner_id", "author_id"] as const) {
      const id = adminId(data[name]);
      if (id === undefined) {
        diagnostics.push(diagnostic("internal/invalid-field", { key: name, expected: "an admin id (a whole number)" }, at(name)));
        ok = false;
      } else ids[name] = id;
    }
    const article: DesiredInternalArticle = { key, file, title, body: "", links: [], ownerId: ids.owner_id, authorId: ids.author_id };
    if (data.audiences !== undefined) {
      const names = checkNames("audiences", data.audiences);
      if ("code" in names) {
        diagnostics.push(diagnosticOf(names, at("audiences")));
        ok = false;
      } else article.audiences = { names: names.names, line: at("audiences").line };
    }
    if (data.fin !== undefined) {
      const fin = checkFin("fin", data.fin);
      if ("code" in fin) {
        diagnostics.push(diagnosticOf(fin, at("fin")));
        ok = false;
      } else article.fin = fin.fin;
    }
    const rendered = input.render(parsed.body, { file, locale: input.sourceLocale, bodyStartLine: parsed.bodyStartLine, assetBaseUrl: input.assetBaseUrl, project: input.project });
    diagnostics.push(...rendered.diagnostics);
    article.body = rendered.html;
    article.links = rendered.links;
    if (ok) articles.push(article);
  }
  return { articles, diagnostics };
}
