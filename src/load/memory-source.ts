/**
 * A content tree whose texts are already in memory (the watcher's cache, the tree `pull` is about
 * to write) as a build source. Each file is prepared by `prepare`: the watcher passes its memo of
 * prepared files; by default every file is parsed and rendered afresh. No render cache.
 */
import type { ContentTree } from "../content/types.js";
import type { FileSource } from "./build-desired-state.js";
import { prepareText, type PrepareText } from "./prepare-text.js";

export function memorySource(tree: ContentTree, prepare: PrepareText = prepareText): FileSource {
  const texts = new Map(tree.markdown.map((file) => [file.file, file.text]));
  return {
    listing: {
      sourceLocale: tree.sourceLocale,
      contentDir: tree.contentDir,
      localesDir: tree.localesDir,
      locales: tree.locales,
      markdown: tree.markdown,
      otherFiles: [...tree.assets, ...tree.unreadable],
      diagnostics: tree.diagnostics,
    },
    prepare: (place, context, parse) => prepare(texts.get(place.file) as string, place, context, parse),
    async readText(file) {
      const text = texts.get(file);
      if (text === undefined) throw new Error(`${file} is not in the tree`);
      return text;
    },
  };
}
