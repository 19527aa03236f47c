/**
 * Orders article writes so that link targets created in the same run come first. A body that links
 * to an article not yet created is sent with a stand-in href and costs a second request once the
 * target exists (apply's link pass); creating the target first lets the first request carry the
 * real URL.
 *
 * Links can form cycles (an article links the next two in its collection, the last ones link the
 * first), and in a cycle some article must go out before its target exists. The articles that do
 * are a feedback vertex set of the link graph: once they are set aside, the rest has no cycle and
 * can be ordered so that every target comes first. Finding the smallest such set is NP-hard; the
 * reductions and greedy choice below find the minimum on rings and meshes, and close to it on
 * random graphs (see `npm run bench`).
 */
import type { PlanItem } from "./types.js";

/**
 * Most sub-levels articles are spread over. Each sub-level waits for the previous one to finish,
 * so a long chain of links would serialise the push; an article that would go deeper is sent with
 * stand-in links instead, like an article in a cycle.
 */
export const MAX_LINK_LEVELS = 16;

const CREATES: ReadonlySet<string> = new Set(["create", "recreate"]);

type Graph = Map<string, readonly string[]>;

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A link graph being reduced: links out and in of each article still in it. */
interface Reducible {
  out: Map<string, Set<string>>;
  in: Map<string, Set<string>>;
}

function removeArticle(graph: Reducible, key: string): void {
  for (const target of graph.out.get(key) ?? []) graph.in.get(target)?.delete(key);
  for (const source of graph.in.get(key) ?? []) graph.out.get(source)?.delete(key);
  graph.out.delete(key);
  graph.in.delete(key);
}

function addLink(graph: Reducible, from: string, to: string): void {
  graph.out.get(from)?.add(to);
  graph.in.get(to)?.add(from);
}

/**
 * Applies the reductions that never make the set larger (Levy and Low, "A contraction algorithm
 * for finding small cycle cutsets", J. Algorithms 9, 1988): an article with a link to itself must
 * be in the set; one with no link in or none out is on no cycle; one with a single link in (or
 * out) is on a cycle only through that neighbour, so it is merged into it. Returns the articles
 * the first rule put in the set.
 */
function reduce(graph: Reducible, start: readonly string[]): string[] {
  const chosen: string[] = [];
  // A worklist: an article is looked at again only when a neighbour of it changed.
  const queue = [...start];
  const queued = new Set(queue);
  const requeue = (keys: Iterable<string>): void => {
    for (const key of keys) {
      if (!queued.has(key)) {
        queued.add(key);
        queue.push(key);
      }
    }
  };
  for (let at = 0; at < queue.length; at += 1) {
    const key = queue[at] as string;
    queued.delete(key);
    const out = graph.out.get(key);
    const inward = graph.in.get(key);
    if (out === undefined || inward === undefined) continue;
    const neighbours = [...inward, ...out];
    if (out.has(key)) chosen.push(key);
    else if (inward.size === 1) {
      const source = [...inward][0] as string;
      for (const target of out) addLink(graph, source, target);
    } else if (out.size === 1) {
      const target = [...out][0] as string;
      for (const source of inward) addLink(graph, source, target);
    } else if (inward.size !== 0 && out.size !== 0) continue;
    removeArticle(graph, key);
    requeue(neighbours.filter((neighbour) => neighbour !== key));
  }
  return chosen;
}

/**
 * A small set of articles whose removal leaves `graph` without cycles: the reductions above, and
 * when none applies, the article with the largest (links in) x (links out), ties by key.
 */
export function feedbackArticles(graph: Graph): Set<string> {
  const reducible: Reducible = { out: new Map(), in: new Map() };
  for (const key of graph.keys()) {
    reducible.out.set(key, new Set());
    reducible.in.set(key, new Set());
  }
  for (const [key, targets] of graph) for (const target of targets) if (graph.has(target)) addLink(reducible, key, target);
  const chosen = new Set<string>();
  let changed = [...reducible.out.keys()].sort(compareStrings);
  for (;;) {
    for (const key of reduce(reducible, changed)) chosen.add(key);
    if (reducible.out.size === 0) return withoutRedundant(graph, chosen);
    let best = "";
    let bestScore = -1;
    for (const [key, out] of reducible.out) {
      const score = (reducible.in.get(key)?.size ?? 0) * out.size;
      if (score > bestScore || (score === bestScore && key < best)) [best, bestScore] = [key, score];
    }
    chosen.add(best);
    changed = [...new Set([...(reducible.in.get(best) ?? []), ...(reducible.out.get(best) ?? [])])].sort(compareStrings);
    removeArticle(reducible, best);
  }
}

/** Whether a path of links leads from `start` back to itself without passing through `removed`. */
function returnsTo(graph: Graph, start: string, removed: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    for (const target of graph.get(stack.pop() as string) ?? []) {
      if (target === start) return true;
      if (removed.has(target) || seen.has(target)) continue;
      seen.add(target);
      stack.push(target);
    }
  }
  return false;
}

/**
 * Drops, latest choice first, every article the rest of the set makes unnecessary: one that is on
 * no cycle avoiding the others (the rest of the graph has none, since the set breaks them all).
 */
function withoutRedundant(graph: Graph, chosen: ReadonlySet<string>): Set<string> {
  const kept = new Set(chosen);
  for (const key of [...chosen].reverse()) {
    kept.delete(key);
    if (returnsTo(graph, key, kept)) kept.add(key);
  }
  return kept;
}

/**
 * The sub-level of each article item (0 .. MAX_LINK_LEVELS - 1). Articles that link to no article
 * created in this run, and the feedback set (sent with stand-in links), are at 0; every other
 * article is one level after the deepest article it links to, so its first request carries every
 * real URL. With nothing to order, every article stays at 0 and the push runs as one level.
 *
 * @param linksOf keys of the articles an article's bodies link to (all locales)
 */
export function computeLinkLevels(articles: readonly PlanItem[], linksOf: (key: string) => readonly string[]): Map<string, number> {
  const created = new Set(articles.filter((item) => CREATES.has(item.action)).map((item) => item.key));
  // Only links to articles created in this run need ordering: the others have a URL already.
  const graph: Graph = new Map();
  const levels = new Map<string, number>();
  for (const item of articles) {
    const targets = item.write && created.size > 0 ? [...new Set(linksOf(item.key))].filter((target) => target !== item.key && created.has(target)) : [];
    // Most articles link to nothing new (every one, in a push that creates nothing): level 0.
    if (targets.length === 0) levels.set(item.key, 0);
    else graph.set(item.key, targets);
  }
  const standIns = feedbackArticles(graph);
  // Depth-first, targets before the articles linking to them; without the feedback set the
  // graph has no cycle, so every target is settled when its article is.
  const settle = (root: string): void => {
    const frames: { key: string; at: number }[] = [{ key: root, at: 0 }];
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { key: string; at: number };
      const targets = standIns.has(frame.key) ? [] : (graph.get(frame.key) ?? []);
      const target = targets[frame.at];
      if (target !== undefined) {
        frame.at += 1;
        if (!levels.has(target)) frames.push({ key: target, at: 0 });
        continue;
      }
      frames.pop();
      const deepest = Math.max(-1, ...targets.map((key) => levels.get(key) ?? 0));
      const level = targets.length === 0 ? 0 : deepest + 1;
      // Too deep: sent with stand-in links, which lets the articles linking to it go earlier.
      levels.set(frame.key, level < MAX_LINK_LEVELS ? level : 0);
    }
  };
  for (const key of graph.keys()) if (!levels.has(key)) settle(key);
  return levels;
}
