/**
 * `intercom-sync publish` as a library: open the project holding its run lock, read the lock and
 * Intercom once, decide which staged drafts go live (plan/plan-publish.ts), and publish them.
 */
import path from "node:path";
import { applyPublish, type PublishResult } from "../apply/apply-publish.js";
import type { ResolvedConfig } from "../config/types.js";
import { planPublish, type PublishPlan } from "../plan/plan-publish.js";
import { fetchRemoteState } from "../remote/fetch-remote-state.js";
import { openProject, type OpenProjectOptions } from "./open-project.js";

export interface PublishProjectOptions extends OpenProjectOptions {
  /** Article keys or their files (source or translation); none = every staged article. */
  targets?: readonly string[];
  /** Only these locales; a translation file among the targets adds its own locale. */
  locales?: readonly string[];
  /** Plan only: publish nothing. */
  dryRun?: boolean;
}

export interface PublishRun {
  plan: PublishPlan;
  /** Absent for a dry run, or when a name is no article of the lock. */
  result?: PublishResult;
}

/** A target as a key, and the locale a translation file names (`locales/fr/guides/a.md` -> fr). */
export function resolvePublishTarget(config: ResolvedConfig, cwd: string, target: string): { key: string; locale?: string } {
  if (!target.endsWith(".md")) return { key: target.replace(/^\/+|\/+$/g, "") };
  const file = path.resolve(cwd, target);
  const within = (dir: string): string | undefined => {
    const relative = path.relative(dir, file);
    return relative.startsWith("..") || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join("/");
  };
  const source = within(config.contentDir);
  if (source !== undefined) return { key: source.slice(0, -".md".length) };
  const translated = within(config.localesDir);
  if (translated !== undefined) {
    const [locale = "", ...rest] = translated.split("/");
    return { key: rest.join("/").slice(0, -".md".length), locale };
  }
  return { key: target.slice(0, -".md".length) };
}

/**
 * Publishes the selected staged drafts. A name that is no article of the lock stops the run before
 * any write (a typo must not publish the rest); a draft edited in Intercom is left out and reported.
 */
export async function publishProject(options: PublishProjectOptions = {}): Promise<PublishRun> {
  const project = await openProject(options, { runLock: true });
  try {
    const { config } = project;
    const resolved = (options.targets ?? []).map((target) => resolvePublishTarget(config, options.cwd ?? process.cwd(), target));
    const locales = [...(options.locales ?? []), ...resolved.flatMap((target) => (target.locale === undefined ? [] : [target.locale]))];
    const [lock, remote] = await Promise.all([project.readLock(), fetchRemoteState(project.api, { helpCenterId: config.helpCenterId })]);
    const plan = planPublish(lock, remote, { keys: resolved.map((target) => target.key), locales });
    if (options.dryRun === true || plan.errors.some((error) => error.code === "publish/unknown-item")) return { plan };
    const defaults = new Map(remote.articles.map((article) => [article.id, article.defaultLocale]));
    const result = await applyPublish(plan, { api: project.api, lock, defaultLocale: (id) => defaults.get(id) ?? null, saveLock: project.saveLock });
    return { plan, result };
  } finally {
    await project.close();
  }
}
