/**
 * `push [paths...] --locale CODE`: the part of a plan that a selection of files and locales covers.
 * Planning still reads the whole tree (links resolve, removals are known); only the writes are
 * limited. Pure: a new plan is returned, the planner's is left as it was.
 */
import { summarisePlan } from "./summarise-plan.js";
import type { ArticlePlanItem, Plan, PlanItem } from "./types.js";

export interface PlanSelection {
  /** Project-relative paths (posix) of files or folders under the content or locales folder. */
  paths?: readonly string[];
  /** Locale codes. */
  locales?: readonly string[];
}

/** Where the tree's files live, to tell which locale and keys a path names. */
export interface SelectionLayout {
  sourceLocale: string;
  /** Project-relative, posix (`content`). */
  contentDir: string;
  /** Project-relative, posix (`locales`). */
  localesDir: string;
}

/** One selected path: the locale it is in and the key or key prefix below it ("" = all keys). */
export interface SelectedPath {
  locale: string;
  key: string;
}

function trimSlashes(text: string): string {
  return text.replace(/^\.\/+/, "").replace(/\/+$/, "");
}

function below(path: string, folder: string): string | undefined {
  if (path === folder) return "";
  return path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : undefined;
}

/** `guides/install.md` -> `guides/install`; `guides/_collection.md` -> `guides`. */
function keyOfRelative(relative: string): string {
  const withoutMd = relative.replace(/\.md$/, "");
  return withoutMd === "_collection" ? "" : withoutMd.replace(/\/_collection$/, "");
}

/** The locale and key a path names, or undefined when it is not under the content or locales folder. */
export function selectedPathOf(path: string, layout: SelectionLayout): SelectedPath | undefined {
  const clean = trimSlashes(path);
  const inContent = below(clean, trimSlashes(layout.contentDir));
  if (inContent !== undefined) return { locale: layout.sourceLocale, key: keyOfRelative(inContent) };
  const inLocales = below(clean, trimSlashes(layout.localesDir));
  if (inLocales === undefined || inLocales === "") return undefined;
  const [locale = "", ...rest] = inLocales.split("/");
  return { locale, key: keyOfRelative(rest.join("/")) };
}

function keyMatches(key: string, selected: string): boolean {
  return selected === "" || key === selected || key.startsWith(`${selected}/`);
}

/** True when the selection covers this key in this locale. */
function covers(selection: Required<PlanSelection>, paths: readonly SelectedPath[], key: string, locale: string): boolean {
  if (selection.locales.length > 0 && !selection.locales.includes(locale)) return false;
  if (paths.length === 0) return true;
  return paths.some((p) => p.locale === locale && keyMatches(key, p.key));
}

/** The item limited to the covered locales; undefined when nothing of it is covered. */
function selectItem(item: PlanItem, plan: Plan, inSelection: (key: string, locale: string) => boolean): PlanItem | undefined {
  const keys = item.previousKey === undefined ? [item.key] : [item.key, item.previousKey];
  const coveredIn = (locale: string): boolean => keys.some((key) => inSelection(key, locale));
  const locales = item.locales.filter((change) => coveredIn(change.locale));
  // A removal (the file is gone, so every locale goes) and bookkeeping are all or nothing, covered
  // by their key in any locale.
  if (item.removal === true || item.locales.length === 0) return plan.locales.some(coveredIn) ? item : undefined;
  const whole = locales.length === item.locales.length;
  if (whole) return item;
  const isMove = item.moveParent === true || item.previousKey !== undefined;
  if (locales.length === 0) {
    // A move whose path is selected moves, without the changes of the locales left out.
    if (!isMove || !plan.locales.some(coveredIn)) return undefined;
    return { ...item, locales: [], write: item.moveParent === true };
  }
  const isCreate = item.action === "create" || item.action === "recreate";
  // A translation cannot be written before its article exists in the source locale.
  if (isCreate && !locales.some((change) => change.locale === plan.sourceLocale)) return undefined;
  const kept = new Set(locales.map((change) => change.locale));
  const narrowed = { ...item, locales };
  if (item.record !== undefined) narrowed.record = Object.fromEntries(Object.entries(item.record).filter(([locale]) => kept.has(locale)));
  if (item.type === "article") {
    const article = narrowed as ArticlePlanItem;
    const only = (list: string[] | undefined): string[] | undefined => list?.filter((locale) => kept.has(locale));
    const stage = only(item.stage);
    const publish = only(item.publish);
    const hold = only(item.hold);
    if (stage !== undefined) article.stage = stage;
    if (publish !== undefined) article.publish = publish;
    if (hold !== undefined) article.hold = hold;
    // The lock records all written locales' content: unselected ones stay out of it.
    if (isCreate) article.content = Object.fromEntries(Object.entries(item.content).filter(([locale]) => kept.has(locale)));
  }
  return narrowed;
}

/** True when the selection names nothing (no paths, no locales): the whole plan applies. */
export function isEmptySelection(selection: PlanSelection | undefined): boolean {
  return (selection?.paths?.length ?? 0) === 0 && (selection?.locales?.length ?? 0) === 0;
}

/**
 * The plan limited to the selection. Items outside it are left out (the next push without a
 * selection does them); `excluded` counts them. Paths must be valid (see selectedPathOf).
 */
export function selectPlan(plan: Plan, selection: PlanSelection, layout: SelectionLayout): Plan {
  if (isEmptySelection(selection)) return plan;
  const full: Required<PlanSelection> = { paths: selection.paths ?? [], locales: selection.locales ?? [] };
  const paths = full.paths.map((path) => selectedPathOf(path, layout)).filter((p): p is SelectedPath => p !== undefined);
  const inSelection = (key: string, locale: string): boolean => covers(full, paths, key, locale);
  const items: PlanItem[] = [];
  let excluded = 0;
  for (const item of plan.items) {
    const kept = selectItem(item, plan, inSelection);
    if (kept !== undefined) items.push(kept);
    else if (item.action !== "noop") excluded += 1;
  }
  return { ...plan, items, summary: summarisePlan(items), excluded };
}
