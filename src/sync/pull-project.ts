/**
 * `intercom-sync pull`: read Intercom once, decide per file (planPull), check that the tree with
 * the new files is valid, then write the files and the lock. Reads only from Intercom.
 */
import { access } from "node:fs/promises";
import { buildDesiredState } from "../load/build-desired-state.js";
import { memorySource } from "../load/memory-source.js";
import { readContentTree } from "../content/read-content-tree.js";
import type { ContentFile, ContentTree } from "../content/types.js";
import { SyncError } from "../errors/sync-error.js";
import { serializeLock } from "../lock/serialize-lock.js";
import { COLLECTION_FILE } from "../model/content-keys.js";
import { fetchRemoteState, listAudienceNames } from "../remote/fetch-remote-state.js";
import { openProject, type OpenProjectOptions } from "./open-project.js";
import { buildPullLock } from "../pull/build-pull-lock.js";
import { pullInternalStep } from "./internal-step.js";
import { applyRedirectsToFiles } from "../pull/apply-redirects-to-files.js";
import { planPull } from "../pull/plan-pull.js";
import { toProjectLayout } from "../pull/project-layout.js";
import { writeTextFiles } from "../pull/write-text-files.js";
import type { PullFile, PullResult, PullSummary } from "../pull/types.js";

export interface PullProjectOptions extends OpenProjectOptions {
  /** Overwrite local files even when they have changes that are not pushed. */
  force?: boolean;
}

/** Whether pull writes the file. */
export function isWritten(file: PullFile): boolean {
  return file.outcome === "created" || file.outcome === "updated";
}

function summarise(files: readonly PullFile[]): PullSummary {
  const summary: PullSummary = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (const file of files) summary[file.outcome] += 1;
  return summary;
}

/** The tree as it will be once `written` are on disk: same reader output, texts replaced or added. */
function overlayTree(tree: ContentTree, written: readonly PullFile[], locales: readonly string[]): ContentTree {
  const byFile = new Map(tree.markdown.map((file) => [file.file, file]));
  for (const file of written) {
    const relativePath = file.type === "article" ? `${file.key}.md` : `${file.key}/${COLLECTION_FILE}`;
    const entry: ContentFile = { file: file.file, locale: file.locale, relativePath, text: file.text };
    byFile.set(file.file, entry);
  }
  const markdown = [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { ...tree, locales: [...new Set([...tree.locales, ...locales])].sort(), markdown };
}

/**
 * Pulls the configured help center into the tree and the lock. Validates before writing: when a
 * file it would write does not pass `check`, nothing is written. Holds the folder's run lock.
 */
export async function pullProject(options: PullProjectOptions = {}): Promise<PullResult> {
  const project = await openProject(options, { runLock: true });
  const { config, api, lockFile } = project;
  try {
    const [tree, lock, remote, defaultAuthorId, lockExists] = await Promise.all([
      readContentTree(config),
      project.readLock(),
      fetchRemoteState(api, { helpCenterId: config.helpCenterId }),
      project.defaultAuthor(),
      access(lockFile).then(
        () => true,
        () => false,
      ),
    ]);
    const local = (await buildDesiredState(memorySource(tree), config)).state;
    // Files name audiences, Intercom keeps ids: the list is read only when some article has any.
    if (remote.articles.some((article) => Object.values(article.locales).some((locale) => (locale.audienceIds?.length ?? 0) > 0))) {
      remote.audiences = await listAudienceNames(api);
    }
    const plan = planPull({
      remote,
      lock,
      local,
      existing: new Map(tree.markdown.map((file) => [file.file, file.text])),
      otherPaths: [...tree.assets, ...tree.unreadable],
      layout: toProjectLayout(tree),
      locales: config.locales,
      defaultAuthorId,
      outdatedTranslations: config.outdatedTranslations,
      force: options.force ?? false,
    });
    const listed = api.listRedirects === undefined ? [] : await api.listRedirects(remote.helpCenter.id);
    plan.files = applyRedirectsToFiles(plan.files, {
      redirects: listed.map((r) => ({ fromUrl: r.from_url, locale: r.locale, targetType: r.target_type, targetId: String(r.target_id) })),
      local,
      lock,
      helpCenterUrl: remote.helpCenter.url,
      existing: new Map(tree.markdown.map((file) => [file.file, file.text])),
    });
    const written = plan.files.filter(isWritten);
    const writtenPaths = new Set(written.map((file) => file.file));
    const next = await buildDesiredState(memorySource(overlayTree(tree, written, plan.locales)), config);
    const diagnostics = next.diagnostics.filter((d) => writtenPaths.has(d.location.file));
    const errors = diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) {
      throw new SyncError("pull/invalid-files", { count: errors.length }, { diagnostics: errors });
    }
    const pulledLock = buildPullLock({ lock, files: plan.files, desired: next.state, remote, outdatedTranslations: config.outdatedTranslations });
    const keptInternal = lock.internalArticles === undefined ? pulledLock : { ...pulledLock, internalArticles: lock.internalArticles };
    const internal = await pullInternalStep(project, { desired: next.state, lock: keptInternal, force: options.force ?? false });
    const nextLock = internal?.lock ?? keptInternal;
    await writeTextFiles(config.rootDir, [...written, ...(internal?.files.filter((file) => file.outcome !== "conflict") ?? [])]);
    // An unchanged lock is not rewritten: pulling twice leaves every file as it was.
    if (!lockExists || serializeLock(nextLock) !== serializeLock(lock)) await project.saveLock(nextLock);
    return {
      helpCenterId: remote.helpCenter.id,
      files: plan.files,
      notices: plan.notices,
      diagnostics,
      summary: summarise(plan.files),
      lockFile,
      lock: nextLock,
      ...(internal === undefined ? {} : { internal: internal.files.map(({ text: _text, ...file }) => file) }),
    };
  } finally {
    await project.close();
  }
}
