/**
 * Orders article writes so that link targets created in the same run come first. A body that links
 * to an article not yet created is sent with a stand-in href and costs a second request once the
 * target exists (apply's link pass); creating the target first lets the first request carry the
 * real URL. A first push of a linked help center made almost one extra write per article without
 * this ordering.
 */
import type { PlanItem } from "./types.js";

/**
 * Most sub-levels articles are spread over. Each sub-level waits for the previous one to finish,
 * so a long chain of links would serialise the push; past this depth the remaining links are left
 * to the second pass.
 */
export const MAX_LINK_LEVELS = 8;

const CREATES: ReadonlySet<string> = new Set(["create", "recreate"]);

/**
 * The sub-level of each article item (0 .. MAX_LINK_LEVELS - 1), by rounds: an article whose links
 * to articles created in this run all point at earlier sub-levels goes to the next one. Articles
 * that never get there (links in a cycle, or a chain deeper than the cap) stay at 0: they need the
 * second pass anyway, and going first makes their URLs known to the articles that link to them.
 * With no acyclic structure to use, every article stays at 0 and the push runs as one level.
 *
 * @param linksOf keys of the articles an article's bodies link to (all locales)
 */
export function computeLinkLevels(articles: readonly PlanItem[], linksOf: (key: string) => readonly string[]): Map<string, number> {
  const created = new Set(articles.filter((item) => CREATES.has(item.action)).map((item) => item.key));
  const levels = new Map<string, number>();
  let pending: { key: string; targets: string[] }[] = [];
  for (const item of articles) {
    const targets = item.write ? linksOf(item.key).filter((target) => target !== item.key && created.has(target)) : [];
    if (targets.length === 0) levels.set(item.key, 0);
    else pending.push({ key: item.key, targets });
  }
  for (let level = 1; level < MAX_LINK_LEVELS && pending.length > 0; level += 1) {
    // Decided against the levels known before this round, so every target is strictly earlier.
    const ready = pending.filter((entry) => entry.targets.every((target) => (levels.get(target) ?? level) < level));
    if (ready.length === 0) break;
    for (const entry of ready) levels.set(entry.key, level);
    pending = pending.filter((entry) => !levels.has(entry.key));
  }
  for (const entry of pending) levels.set(entry.key, 0);
  return levels;
}
