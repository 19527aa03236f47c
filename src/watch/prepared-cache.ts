import { prepareRecorded, type PreparedText, type PrepareText } from "../load/prepare-text.js";
import { lookupsHold, type RecordedLookups } from "../render-cache/recording-files.js";
import type { RenderMarkdown } from "../model/build-article-locale.js";
import { renderSourceOf, summarisingRenderer, type FilePlace, type PrepareContext } from "../model/prepare-file.js";
import type { PreparedFile } from "../model/types.js";
import { renderMarkdown } from "../render/render-markdown.js";

/**
 * Files per build whose HTML is kept: a save's few files are about to be sent, and keeping their
 * HTML spares rendering them a second time; a first build's thousands would only fill memory.
 */
export const KEEP_HTML_PER_BUILD = 200;

/**
 * The watcher's memo of prepared files. Between two saves almost every file is unchanged, and
 * preparing one (parse, render, summarise) is nearly all the cost of building the desired state.
 * An entry is reused while the file's text is the same, its render context is the same, and every
 * existence lookup its render made (link and image targets) still gets the same answer; the
 * result is then the very same object (the model only reads it).
 */
export interface PreparedCache {
  prepare: PrepareText;
  /**
   * Ends a build: entries not used since the previous sweep are dropped (files removed or
   * renamed). Returns how many files were prepared afresh in the build.
   */
  sweep(): number;
}

interface Entry {
  text: string;
  context: string;
  lookups: RecordedLookups;
  result: PreparedText;
}

/** Everything a file's result depends on besides its text and its lookups. */
function contextKeyOf(place: FilePlace, context: PrepareContext): string {
  const sourceFile = renderSourceOf(place, context)?.sourceFile ?? null;
  return JSON.stringify([place.locale, place.relativePath, sourceFile, context.assetBaseUrl, context.project.contentDir, context.project.localesDir]);
}

/** The result as remembered: without HTML, which only the build that made it may use. */
function withoutHtml(prepared: PreparedFile): PreparedFile {
  if (prepared.rendered?.html === undefined) return prepared;
  const { html: _html, ...rendered } = prepared.rendered;
  return { ...prepared, rendered };
}

/** Creates an empty memo; a session keeps one for its whole life. `render` is the markdown renderer. */
export function createPreparedCache(render: RenderMarkdown = renderMarkdown): PreparedCache {
  const renderKeepingHtml = summarisingRenderer(render, true);
  let current = new Map<string, Entry>();
  let previous = new Map<string, Entry>();
  let prepared = 0;
  return {
    prepare(text, place, context, parse) {
      const key = contextKeyOf(place, context);
      const entry = current.get(place.file) ?? previous.get(place.file);
      // The same unchanged text is the same string the content cache handed out: compared at once.
      if (entry !== undefined && entry.text === text && entry.context === key && lookupsHold(entry.lookups, context.project.files)) {
        current.set(place.file, entry);
        return entry.result;
      }
      prepared += 1;
      const made = prepareRecorded(text, place, prepared <= KEEP_HTML_PER_BUILD ? { ...context, renderBody: renderKeepingHtml } : context, parse);
      const result: PreparedText = { prepared: made.prepared, parseDiagnostics: made.parseDiagnostics };
      if (made.lookups !== null) current.set(place.file, { text, context: key, lookups: made.lookups, result: { ...result, prepared: withoutHtml(made.prepared) } });
      else current.delete(place.file);
      return result;
    },
    sweep() {
      previous = current;
      current = new Map();
      const count = prepared;
      prepared = 0;
      return count;
    },
  };
}
