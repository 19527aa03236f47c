/**
 * Link graphs for measuring the fix-up order (src/plan/link-levels.ts): rings like a collection
 * whose articles link the next ones, meshes, random graphs, and the exact minimum number of
 * articles that must go out with stand-in links, by brute force, for small graphs.
 */
import { computeLinkLevels } from "../src/plan/link-levels.js";
import type { PlanItem } from "../src/plan/types.js";
import type { Random } from "./prng.js";

/** Article key -> the keys it links to; every article is created in the run. */
export type LinkGraph = Map<string, string[]>;

function key(collection: number, index: number): string {
  return `c${String(collection).padStart(2, "0")}/a${String(index).padStart(3, "0")}`;
}

/** `collections` collections of `size` articles, each linking the next `step` in its collection, wrapping round. */
export function ringGraph(collections: number, size: number, step = 2): LinkGraph {
  const graph: LinkGraph = new Map();
  for (let c = 0; c < collections; c += 1) {
    for (let i = 0; i < size; i += 1) {
      graph.set(key(c, i), Array.from({ length: Math.min(step, size - 1) }, (_, s) => key(c, (i + s + 1) % size)));
    }
  }
  return graph;
}

/** `size` articles that all link each other. */
export function meshGraph(size: number): LinkGraph {
  const keys = Array.from({ length: size }, (_, i) => key(0, i));
  return new Map(keys.map((k) => [k, keys.filter((other) => other !== k)]));
}

/** `size` articles, each link present with probability `density`. */
export function randomGraph(random: Random, size: number, density: number): LinkGraph {
  const keys = Array.from({ length: size }, (_, i) => key(0, i));
  return new Map(keys.map((k) => [k, keys.filter((other) => other !== k && random.chance(density))]));
}

/** Plan items creating every article of `graph`, and the lookup of their links. */
export function asPlan(graph: LinkGraph): { items: PlanItem[]; linksOf: (key: string) => readonly string[] } {
  const items: PlanItem[] = [...graph.keys()].map((k) => ({ type: "article", action: "create", key: k, parentKey: null, level: 0, reason: "", locales: [], write: true, defaultLocale: null, content: {} }));
  return { items, linksOf: (k) => graph.get(k) ?? [] };
}

/** Articles whose first request cannot carry every link: some target is not created before them. */
export function standInsOf(graph: LinkGraph, levels: ReadonlyMap<string, number>): string[] {
  return [...graph].filter(([k, targets]) => targets.some((t) => (levels.get(t) ?? 0) >= (levels.get(k) ?? 0))).map(([k]) => k);
}

/** How many articles computeLinkLevels sends with stand-in links on `graph`. */
export function fixUpsOf(graph: LinkGraph): number {
  const { items, linksOf } = asPlan(graph);
  return standInsOf(graph, computeLinkLevels(items, linksOf)).length;
}

/** Whether `graph` has no cycle once `removed` are taken out (recursive: small graphs). */
export function isAcyclicWithout(graph: LinkGraph, removed: ReadonlySet<string>): boolean {
  const state = new Map<string, 1 | 2>();
  const visit = (k: string): boolean => {
    if (state.get(k) === 2) return true;
    if (state.get(k) === 1) return false;
    state.set(k, 1);
    for (const t of graph.get(k) ?? []) if (!removed.has(t) && !visit(t)) return false;
    state.set(k, 2);
    return true;
  };
  return [...graph.keys()].every((k) => removed.has(k) || visit(k));
}

/** The smallest feedback vertex set's size, by trying every set in order of size (small graphs only). */
export function minimumFixUps(graph: LinkGraph): number {
  const keys = [...graph.keys()];
  if (keys.length > 20) throw new Error("minimumFixUps is exponential: use it on 20 articles or fewer");
  for (let size = 0; size <= keys.length; size += 1) {
    const pick = (start: number, chosen: string[]): boolean => {
      if (chosen.length === size) return isAcyclicWithout(graph, new Set(chosen));
      for (let i = start; i < keys.length; i += 1) if (pick(i + 1, [...chosen, keys[i] as string])) return true;
      return false;
    };
    if (pick(0, [])) return size;
  }
  return keys.length;
}

/**
 * Fix-ups of the order used before the feedback set (rounds: an article goes one level after its
 * targets once all of them have one; articles in or behind a cycle all wait for the second pass),
 * kept to show the new order never costs more.
 */
export function previousFixUpsOf(graph: LinkGraph): number {
  const levels = new Map<string, number>();
  let pending: { key: string; targets: string[] }[] = [];
  for (const [k, targets] of graph) {
    const own = targets.filter((t) => t !== k && graph.has(t));
    if (own.length === 0) levels.set(k, 0);
    else pending.push({ key: k, targets: own });
  }
  for (let level = 1; level < 8 && pending.length > 0; level += 1) {
    const ready = pending.filter((entry) => entry.targets.every((t) => (levels.get(t) ?? level) < level));
    if (ready.length === 0) break;
    for (const entry of ready) levels.set(entry.key, level);
    pending = pending.filter((entry) => !levels.has(entry.key));
  }
  for (const entry of pending) levels.set(entry.key, 0);
  return standInsOf(graph, levels).length;
}
