/**
 * One build of the preview site: the desired state push would build from the tree (through the
 * watcher's memo of prepared files), the site model over it, and, for the dashboard, what changed
 * in the source of each outdated translation since it was stamped.
 */
import path from "node:path";
import type { ResolvedConfig } from "../config/types.js";
import type { ContentTree } from "../content/types.js";
import { buildDesiredState } from "../load/build-desired-state.js";
import { memorySource } from "../load/memory-source.js";
import type { PreparedCache } from "../watch/prepared-cache.js";
import type { OutdatedChange } from "./render-dashboard.js";
import type { SiteBuild } from "./render-site.js";
import { buildSiteModel } from "./site-model.js";
import { findStampedVersion, readSourceHistory, visibleSourceText, type SourceHistory, type StampedSource } from "./source-history.js";
import { diffVisibleText } from "./text-diff.js";

export function posixRelative(rootDir: string, dir: string): string {
  return path.relative(rootDir, dir).split(path.sep).join("/");
}

/**
 * Keeps each source file's git history for the session, read when the dashboard first needs it.
 * The watcher does not watch `.git`: a commit made meanwhile is seen once that file is saved again.
 */
export function stampedSources(rootDir: string, dirs: { contentDir: string; localesDir: string }) {
  const histories = new Map<string, Promise<SourceHistory>>();
  const lookup = async (file: string, sourceHash: string): Promise<StampedSource> => {
    let history = histories.get(file);
    if (history === undefined) {
      history = readSourceHistory(rootDir, file, dirs);
      histories.set(file, history);
    }
    return findStampedVersion(await history, sourceHash);
  };
  return Object.assign(lookup, { forget: (files: readonly string[]) => files.forEach((file) => histories.delete(file)) });
}

export type StampedLookup = ReturnType<typeof stampedSources>;

/** The content and locales dirs, project-relative and POSIX, as the tree names them. */
export function dirsOf(config: ResolvedConfig): { contentDir: string; localesDir: string } {
  return { contentDir: posixRelative(config.rootDir, config.contentDir), localesDir: posixRelative(config.rootDir, config.localesDir) };
}

/** Builds the site from a tree (every file prepared through `prepared`). */
export async function buildSite(config: ResolvedConfig, tree: ContentTree, prepared: PreparedCache, title: string, stamped: StampedLookup): Promise<SiteBuild> {
  const source = memorySource(tree, prepared.prepare);
  const built = await buildDesiredState(source, config);
  prepared.sweep();
  const site = buildSiteModel({
    state: built.state,
    diagnostics: built.diagnostics,
    assets: tree.assets,
    contentDir: tree.contentDir,
    localesDir: tree.localesDir,
    assetBaseUrl: config.assetBaseUrl,
    title,
  });
  const texts = new Map(tree.markdown.map((file) => [file.file, file.text]));
  async function outdatedChange(file: string, key: string, locale: string): Promise<OutdatedChange> {
    const article = site.articles.get(key);
    const sourceHash = article?.locales[locale]?.sourceHash;
    const sourceFile = article?.locales[site.state.sourceLocale]?.file;
    const current = sourceFile === undefined ? undefined : texts.get(sourceFile);
    if (sourceHash === undefined || sourceFile === undefined || current === undefined) return { kind: "unknown", reason: `${file} has no stamped source to compare with` };
    const found = await stamped(sourceFile, sourceHash);
    if (found.kind === "unknown") return found;
    const now = visibleSourceText(current, sourceFile, tree.contentDir, tree.localesDir);
    return { kind: "diff", since: `commit ${found.commit.slice(0, 8)} (${found.date})`, diff: diffVisibleText(found.text, now.text) };
  }
  return { site, loadBody: built.loadBody, outdatedChange };
}
