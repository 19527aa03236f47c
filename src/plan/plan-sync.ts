import { diagnostic } from "../errors/sync-error.js";
import type { DesiredState } from "../types.js";
import { planArticles } from "./plan-articles.js";
import { planCollections } from "./plan-collections.js";
import { computeLinkLevels } from "./link-levels.js";
import { createPlanContext, keyDepth, type PlanContext } from "./plan-context.js";
import { planRemovals } from "./plan-removals.js";
import { DRAFT_FIELD, listStagedDrafts } from "./plan-staging.js";
import { summarisePlan } from "./summarise-plan.js";
import { PLAN_VERSION, type Plan, type PlanInput, type PlanItem } from "./types.js";

/** The folder a locale's files live in (`locales/fr`), found from any file of that locale. */
function localeFolder(desired: DesiredState, locale: string): string {
  for (const article of desired.articles) {
    const file = article.locales[locale]?.file;
    const suffix = `/${article.key}.md`;
    if (file?.endsWith(suffix) === true) return file.slice(0, -suffix.length);
  }
  return locale;
}

function checkHelpCenter(ctx: PlanContext): void {
  const { desired, remote, lock } = ctx.input;
  const enabled = remote.helpCenter.locales;
  for (const locale of desired.locales.filter((l) => !enabled.includes(l))) {
    ctx.errors.push(diagnostic("plan/locale-not-enabled", { locale, helpCenter: remote.helpCenter.displayName, enabled }, { file: localeFolder(desired, locale) }));
  }
  if (lock.helpCenterId !== null && lock.helpCenterId !== remote.helpCenter.id) {
    const location = { file: "intercom-sync.lock.json" };
    ctx.errors.push(diagnostic("plan/help-center-mismatch", { lockHelpCenter: lock.helpCenterId, helpCenter: remote.helpCenter.id }, location));
  }
}

/** Keys each desired article links to, over all its locales. */
function linkIndex(desired: DesiredState): (key: string) => readonly string[] {
  const links = new Map<string, readonly string[]>();
  for (const article of desired.articles) {
    const keys = new Set<string>();
    for (const locale of Object.values(article.locales)) for (const key of locale.links) keys.add(key);
    if (keys.size > 0) links.set(article.key, [...keys]);
  }
  return (key) => links.get(key) ?? [];
}

/**
 * Levels: collections by depth (parents first), then articles (link targets created in this run
 * before the articles linking to them, see link-levels.ts), then removals of articles, then
 * removals of collections children first.
 */
function assignLevels(collections: PlanItem[], articles: PlanItem[], removals: PlanItem[], linksOf: (key: string) => readonly string[]): PlanItem[] {
  const depths = [...collections, ...removals.filter((i) => i.type === "collection")].map((i) => keyDepth(i.key));
  const maxDepth = depths.length === 0 ? -1 : Math.max(...depths);
  const articleLevel = maxDepth + 1;
  const linkLevels = computeLinkLevels(articles, linksOf);
  let articleLevels = 1;
  for (const level of linkLevels.values()) articleLevels = Math.max(articleLevels, level + 1);
  for (const item of collections) item.level = keyDepth(item.key);
  for (const item of articles) item.level = articleLevel + (linkLevels.get(item.key) ?? 0);
  const removalLevel = articleLevel + articleLevels;
  for (const item of removals) {
    item.level = item.type === "article" ? removalLevel : removalLevel + 1 + (maxDepth - keyDepth(item.key));
  }
  return [...collections, ...articles, ...removals].sort((a, b) => a.level - b.level);
}

function fileOf(desired: DesiredState, item: PlanItem, locale: string): string {
  if (item.type === "article") return desired.articles.find((a) => a.key === item.key)?.locales[locale]?.file ?? item.key;
  return desired.collections.find((c) => c.key === item.key)?.locales[locale]?.file ?? item.key;
}

function reportDriftAndConflicts(ctx: PlanContext, items: readonly PlanItem[]): void {
  for (const item of items) {
    for (const change of item.locales) {
      if (change.change !== "drift" && change.change !== "conflict") continue;
      const details = { locale: change.locale, type: item.type, key: item.key };
      const location = { file: fileOf(ctx.input.desired, item, change.locale) };
      const found =
        change.change === "conflict"
          ? diagnostic("plan/conflict", details, location)
          : diagnostic("plan/drift", { ...details, draft: change.fields.includes(DRAFT_FIELD) }, location);
      (found.severity === "error" ? ctx.errors : ctx.warnings).push(found);
    }
  }
}

/**
 * Decides what `push` does: a pure function of the files (desired), Intercom (remote) and the lock.
 * No IO, no clock. A plan with errors must not be applied.
 */
export function planSync(input: PlanInput): Plan {
  const ctx = createPlanContext(input);
  const { desired, remote } = input;
  checkHelpCenter(ctx);
  let items: PlanItem[] = [];
  if (ctx.errors.length === 0) {
    const collections = planCollections(ctx, desired.collections);
    const articles = planArticles(ctx, desired.articles);
    const removals = planRemovals(
      ctx,
      new Set(desired.collections.map((c) => c.key)),
      new Set(desired.articles.map((a) => a.key)),
      [...collections, ...articles],
    );
    items = assignLevels(collections, articles, removals, linkIndex(desired));
    reportDriftAndConflicts(ctx, items);
  }
  const staged = listStagedDrafts(input.lock, remote);
  return {
    ...(remote.helpCenter.locales.length > 1 ? { multilingual: true } : {}),
    ...(staged.length > 0 ? { staged } : {}),
    version: PLAN_VERSION,
    helpCenterId: remote.helpCenter.id,
    sourceLocale: desired.sourceLocale,
    locales: [...desired.locales],
    remoteDefaultLocale: ctx.remoteDefaultLocale,
    defaultAuthorId: input.options.defaultAuthorId,
    items,
    urls: ctx.urls,
    errors: ctx.errors,
    warnings: ctx.warnings,
    summary: summarisePlan(items),
  };
}
