/**
 * `intercom-sync preview` as a library: the help center as readers will see it, from the working
 * tree, with no Intercom access. The build is watch's: the content cache reads only what changed,
 * the memo of prepared files renders only what changed, and the loader builds the desired state
 * push would; the preview site is made from that state, and open pages reload after each rebuild.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../errors/sync-error.js";
import { SyncError } from "../errors/sync-error.js";
import { buildSite, dirsOf, posixRelative, stampedSources } from "../preview/build-site.js";
import { startPreviewServer, type PreviewServer } from "../preview/preview-server.js";
import type { SiteBuild } from "../preview/render-site.js";
import { writeStaticSite, type StaticSiteResult } from "../preview/write-static-site.js";
import { classifyChanges } from "../watch/classify-changes.js";
import { createContentCache } from "../watch/content-cache.js";
import { startFileWatcher, type FileWatcher } from "../watch/file-watcher.js";
import { createPreparedCache } from "../watch/prepared-cache.js";
import { describeRunError, reloadChangedConfig } from "../watch/reload-config.js";
import { createRunScheduler, type RunBatch } from "../watch/run-scheduler.js";
import { DEFAULT_DEBOUNCE_MS, DEFAULT_MAX_WAIT_MS, type RunErrorInfo } from "../watch/types.js";
import { resolveProjectConfig, type ProjectOptions } from "./project-config.js";
import { configCandidates, watchTargets } from "./watch-project.js";

/** The header's name when none is given: Intercom's own default for a help center. */
export const DEFAULT_PREVIEW_TITLE = "Help Center";

export interface PreviewBuildOptions extends Omit<ProjectOptions, "cache"> {
  /** The help center's name in the header. */
  title?: string;
}

export interface PreviewOptions extends PreviewBuildOptions {
  /** Default 127.0.0.1: the preview is for this machine unless asked otherwise. */
  host?: string;
  /** Default 4020; 0 picks a free port. */
  port?: number;
  debounceMs?: number;
  usePolling?: boolean;
  /** Aborting it closes the session. */
  signal?: AbortSignal;
  /** After every build (the first included): the files that changed and the tree's findings. */
  onBuild?(info: PreviewBuildInfo): void;
  onError?(error: RunErrorInfo): void;
}

export interface PreviewBuildInfo {
  index: number;
  changedFiles: string[];
  diagnostics: Diagnostic[];
  durationMs: number;
}

export interface PreviewSession {
  url: string;
  port: number;
  rootDir: string;
  /** Resolves once no rebuild is running or waiting. */
  idle(): Promise<void>;
  close(): Promise<void>;
  readonly closed: Promise<void>;
}

/** `preview --out DIR`: writes the site as static files. Content errors are shown in the pages, not thrown. */
export async function writePreviewSite(options: PreviewBuildOptions & { outDir: string }): Promise<StaticSiteResult & { outDir: string; diagnostics: Diagnostic[] }> {
  const config = await resolveProjectConfig(options);
  const outDir = path.resolve(options.cwd ?? process.cwd(), options.outDir);
  for (const dir of [config.contentDir, config.localesDir]) {
    const relative = path.relative(dir, outDir);
    if (relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative))) {
      throw new SyncError("preview/out-inside-tree", { out: options.outDir, dir: posixRelative(config.rootDir, dir) });
    }
  }
  const existing = await stat(outDir).catch(() => null);
  if (existing !== null && !existing.isDirectory()) throw new SyncError("preview/out-not-folder", { out: options.outDir });
  const tree = (await createContentCache().load(config)).tree;
  const build = await buildSite(config, tree, createPreparedCache(), options.title ?? DEFAULT_PREVIEW_TITLE, stampedSources(config.rootDir, dirsOf(config)));
  const written = await writeStaticSite(build, config.rootDir, outDir);
  return { ...written, outDir, diagnostics: build.site.diagnostics.slice() };
}

/**
 * Starts the preview: builds the site, serves it, and rebuilds after every change to the content,
 * the locales or the config (a config that fails to load keeps the previous one). Resolves once
 * the server listens and the watcher is ready.
 */
export async function previewProject(options: PreviewOptions = {}): Promise<PreviewSession> {
  let config = await resolveProjectConfig(options);
  const title = options.title ?? DEFAULT_PREVIEW_TITLE;
  const content = createContentCache();
  const prepared = createPreparedCache();
  let watcher: FileWatcher | null = null;
  let stamped = stampedSources(config.rootDir, dirsOf(config));
  let builds = 1;

  async function rebuild(batch: RunBatch): Promise<void> {
    const startedAt = Date.now();
    const plan = classifyChanges({
      events: batch.events,
      rootDir: config.rootDir,
      contentDir: config.contentDir,
      localesDir: config.localesDir,
      configFiles: configCandidates(config),
      knownMarkdown: content.knownMarkdown(),
    });
    let full = false;
    if (plan.configChanged) {
      const holder = { project: { config, defaultAuthor: async () => 0 }, staleRemote: false };
      const reload = await reloadChangedConfig(holder, options.env, (next) => ({ config: next, defaultAuthor: async () => 0 }));
      if (reload.status === "failed") options.onError?.(reload.error);
      if (reload.status === "reloaded") {
        config = holder.project.config;
        full = true;
        await rewatch();
      }
    }
    const update = full ? await content.load(config) : await content.update(config, plan);
    // Images are not read into the tree: a changed image changes no text, yet the page should reload.
    const assetChanged = plan.changed.some((file) => !file.endsWith(".md"));
    if (!full && !update.changed && !assetChanged) return;
    if (full) stamped = stampedSources(config.rootDir, dirsOf(config));
    // A saved source may come with a commit of it: its history is read again when next needed.
    else stamped.forget(plan.changed);
    current = await buildSite(config, update.tree, prepared, title, stamped);
    builds += 1;
    options.onBuild?.({ index: builds, changedFiles: plan.changed, diagnostics: current.site.diagnostics.slice(), durationMs: Date.now() - startedAt });
    server.notifyReload();
  }

  const scheduler = createRunScheduler({
    debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
    maxWaitMs: DEFAULT_MAX_WAIT_MS,
    timers: { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    now: Date.now,
    run: async (batch) => {
      // The scheduler's first batch: the site is already built; only saves made since count.
      if (batch.initial && batch.events.length === 0) return;
      await rebuild(batch);
    },
    onError: (error) => options.onError?.(describeRunError(error)),
  });

  async function rewatch(): Promise<void> {
    const targets = watchTargets(config);
    if (watcher !== null && targets.join("\n") === watcher.paths.join("\n")) return;
    await watcher?.close();
    watcher = await startFileWatcher(targets, {
      rootDir: config.rootDir,
      usePolling: options.usePolling,
      onEvent: (event) => scheduler.notify(event),
      onError: (error) => options.onError?.(describeRunError(error)),
    });
  }
  // Watching starts before the first read, so a save made while the site builds is not missed.
  await rewatch();
  let current: SiteBuild;
  let server: PreviewServer;
  try {
    const first = await content.load(config);
    current = await buildSite(config, first.tree, prepared, title, stamped);
    options.onBuild?.({ index: builds, changedFiles: [], diagnostics: current.site.diagnostics.slice(), durationMs: 0 });
    server = await startPreviewServer({
      host: options.host,
      port: options.port,
      rootDir: config.rootDir,
      current: () => current,
      onError: (error) => options.onError?.(describeRunError(error)),
    });
  } catch (error) {
    await (watcher as FileWatcher | null)?.close();
    await scheduler.close();
    throw error;
  }

  let closing: Promise<void> | null = null;
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await (watcher as FileWatcher | null)?.close();
      await scheduler.close();
      await server.close();
      markClosed();
    })();
    return closing;
  };
  if (options.signal?.aborted === true) void close();
  else {
    options.signal?.addEventListener("abort", () => void close(), { once: true });
    scheduler.start();
  }
  return { url: server.url, port: server.port, rootDir: config.rootDir, idle: () => scheduler.idle(), close, closed };
}
