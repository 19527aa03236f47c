/**
 * Link fix-ups of a first push against the minimum: how many articles the planned order sends with
 * stand-in links (each costs one more request once its targets exist), on rings, meshes and random
 * link graphs, beside the exact minimum (brute force, so small graphs only) and the order used
 * before (rounds, no feedback set).
 */
import { fixUpsOf, meshGraph, minimumFixUps, previousFixUpsOf, randomGraph, ringGraph, type LinkGraph } from "./link-graphs.js";
import { createRandom } from "./prng.js";

export interface FixUpRow {
  graph: string;
  articles: number;
  links: number;
  fixUps: number;
  /** The exact minimum; for the rings, one collection's minimum times the collections. */
  minimum: number;
  previous: number;
}

function links(graph: LinkGraph): number {
  return [...graph.values()].reduce((sum, targets) => sum + targets.length, 0);
}

function row(name: string, graph: LinkGraph, minimum: number): FixUpRow {
  return { graph: name, articles: graph.size, links: links(graph), fixUps: fixUpsOf(graph), minimum, previous: previousFixUpsOf(graph) };
}

/** Every family the benchmark reports; random graphs are summed over `randomGraphs` seeded graphs. */
export function measureFixUps(randomGraphs = 50): FixUpRow[] {
  const rows = [
    row("ring: 10 collections x 10, each links the next 2", ringGraph(10, 10), 10 * minimumFixUps(ringGraph(1, 10))),
    row("ring: 30 collections x 10, each links the next 2", ringGraph(30, 10), 30 * minimumFixUps(ringGraph(1, 10))),
    row("ring: 1 x 12, each links the next 3", ringGraph(1, 12, 3), minimumFixUps(ringGraph(1, 12, 3))),
    row("mesh: 8 articles all linking each other", meshGraph(8), minimumFixUps(meshGraph(8))),
  ];
  const random = createRandom(20261203);
  const sum: FixUpRow = { graph: `random: ${randomGraphs} graphs of 14 articles, 15% of links`, articles: 0, links: 0, fixUps: 0, minimum: 0, previous: 0 };
  for (let i = 0; i < randomGraphs; i += 1) {
    const graph = randomGraph(random, 14, 0.15);
    const one = row("", graph, minimumFixUps(graph));
    for (const field of ["articles", "links", "fixUps", "minimum", "previous"] as const) sum[field] += one[field];
  }
  return [...rows, sum];
}
