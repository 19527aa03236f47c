import path from "node:path";
import type { ResolvedConfig } from "../config/types.js";
import { mapConcurrent } from "../content/map-concurrent.js";
import { READ_CONCURRENCY, readContentTree } from "../content/read-content-tree.js";
import { readTextFile } from "../content/read-text-file.js";
import type { ContentTree } from "../content/types.js";
import type { ReadPlan } from "./classify-changes.js";

export interface ContentUpdate {
  tree: ContentTree;
  /** False when the files say exactly what they said before (a save without edits, a temp file). */
  changed: boolean;
}

/**
 * The content tree kept in memory between runs. The first read lists and reads everything; later
 * updates read only the files a batch names, and list the tree again only when files or folders
 * came or went (texts already known are reused, see `readContentTree`'s `knownText`).
 */
export interface ContentCache {
  /** Lists and reads the whole tree (start, config change). */
  load(config: ResolvedConfig): Promise<ContentUpdate>;
  /** Applies a batch's read plan to the cached tree. */
  update(config: ResolvedConfig, plan: ReadPlan): Promise<ContentUpdate>;
  /** Project-relative markdown paths the cached tree lists (read or unreadable). */
  knownMarkdown(): ReadonlySet<string>;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** True when two trees say the same thing. Reused texts are the same strings, so this stays cheap. */
function sameTree(a: ContentTree, b: ContentTree): boolean {
  return (
    a.markdown.length === b.markdown.length &&
    a.markdown.every((file, index) => file.file === b.markdown[index]?.file && file.text === b.markdown[index]?.text) &&
    sameList(a.locales, b.locales) &&
    sameList(a.unreadable, b.unreadable) &&
    sameList(a.assets, b.assets) &&
    JSON.stringify(a.diagnostics) === JSON.stringify(b.diagnostics)
  );
}

/** Creates an empty cache; call `load` first. */
export function createContentCache(): ContentCache {
  let tree: ContentTree | null = null;
  let known = new Set<string>();

  function remember(next: ContentTree): ContentUpdate {
    const changed = tree === null || !sameTree(tree, next);
    tree = next;
    known = new Set([...next.markdown.map((file) => file.file), ...next.unreadable]);
    return { tree: next, changed };
  }

  async function rescan(config: ResolvedConfig, evict: readonly string[]): Promise<ContentUpdate> {
    const knownText = new Map((tree?.markdown ?? []).map((file) => [file.file, file.text]));
    for (const file of evict) knownText.delete(file);
    return remember(await readContentTree(config, { knownText }));
  }

  /** Re-reads known files in place; null when one could not be read (the full listing decides then). */
  async function reread(config: ResolvedConfig, current: ContentTree, files: readonly string[]): Promise<ContentTree | null> {
    const results = await mapConcurrent(files, READ_CONCURRENCY, (file) => readTextFile(path.join(config.rootDir, ...file.split("/")), file));
    const texts = new Map<string, string>();
    for (const [index, result] of results.entries()) {
      // Gone, too large, binary: rare enough to let the full reader classify it.
      if (result.text === undefined) return null;
      texts.set(files[index] ?? "", result.text);
    }
    const readable = new Set(current.markdown.map((file) => file.file));
    if (files.some((file) => !readable.has(file))) return null;
    return {
      ...current,
      markdown: current.markdown.map((file) => {
        const text = texts.get(file.file);
        return text === undefined ? file : { ...file, text };
      }),
    };
  }

  return {
    load: (config) => {
      tree = null;
      return rescan(config, []);
    },
    async update(config, plan) {
      if (tree === null) return rescan(config, []);
      if (!plan.rescan) {
        if (plan.reread.length === 0) return { tree, changed: false };
        const updated = await reread(config, tree, plan.reread);
        if (updated !== null) return remember(updated);
      }
      return rescan(config, plan.reread);
    },
    knownMarkdown: () => known,
  };
}
