/**
 * Renders article bodies again on demand. The desired state keeps only summaries of the bodies;
 * the few that a push sends are read, parsed and rendered once more here, with the very context
 * the first render had.
 */
import { SyncError } from "../errors/sync-error.js";
import type { RenderMarkdown } from "../model/build-article-locale.js";
import { renderContextOf, type PrepareContext } from "../model/prepare-file.js";
import type { ParseMarkdown } from "./prepare-text.js";

/** One article locale's body to render again. */
export interface BodyRequest {
  /** Article key. */
  key: string;
  locale: string;
  /** Project-relative markdown file. */
  file: string;
}

/** The rendered HTML (placeholders included) of one article locale. */
export type BodyLoader = (request: BodyRequest) => Promise<string>;

export interface BodyLoaderInput {
  context: Pick<PrepareContext, "sourceLocale" | "sourceFiles" | "project" | "assetBaseUrl">;
  render: RenderMarkdown;
  parse: ParseMarkdown;
  /** The file's text now; rejects when it cannot be read. */
  readText: (file: string) => Promise<string>;
}

/** A loader over the files a state was built from (only metadata is held: no text). */
export function createBodyLoader(input: BodyLoaderInput): BodyLoader {
  const { sourceLocale, sourceFiles, project, assetBaseUrl } = input.context;
  return async ({ key, locale, file }) => {
    const sourceFile = locale === sourceLocale ? undefined : sourceFiles.get(key);
    let text: string;
    try {
      text = await input.readText(file);
    } catch {
      throw new SyncError("content/changed-during-run", { file, stage: "read" }, { location: { file } });
    }
    const parsed = input.parse(text, file);
    const context = renderContextOf({ file, locale, relativePath: "", bodyStartLine: parsed.bodyStartLine }, { project, assetBaseUrl }, sourceFile);
    return input.render(parsed.body, context).html;
  };
}
