// **layout** places the nodes of a graph with ForceAtlas2, so GraphML and GEXF files open laid out in Gephi.
//
// ForceAtlas2 itself is deterministic; only its starting positions are not, when they are random.
// Here every node starts at a point drawn from a hash of its key, and the iterations run in graph
// order, so the same graph always gets the same coordinates and the files stay byte-identical.
import { MultiDirectedGraph } from 'graphology';
import fa2 from 'graphology-layout-forceatlas2';
import type { KnowledgeGraph } from './types.js';

/** Options of {@link layout}. */
export interface LayoutOptions {
  /** ForceAtlas2 iterations. Default: 300 up to 1,000 nodes, fewer above (at least 50). */
  iterations?: number;
  /** Decimals kept in the coordinates, so tiny float differences never reach the files. Default 2. */
  decimals?: number;
}

/** A position per node key. */
export type Positions = Map<string, { x: number; y: number }>;

// ### `hash32` is FNV-1a over the UTF-16 code units of `text`, salted: a cheap, stable spread.
function hash32(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

// ### `seedPosition` gives a node its starting point in a square that grows with the graph,
// so ForceAtlas2 does not start from a pile-up.
export function seedPosition(key: string, order: number): { x: number; y: number } {
  const side = 10 * Math.sqrt(Math.max(order, 1));
  return { x: (hash32(key, 1) / 0xffffffff - 0.5) * side, y: (hash32(key, 2) / 0xffffffff - 0.5) * side };
}

// Big graphs get fewer iterations and Barnes-Hut, so a build of 100k nodes still lays out in seconds.
// The package is CommonJS whose typings declare an ES default: take the function either way.
const forceAtlas2 = ((fa2 as unknown as { default?: typeof fa2.default }).default ?? fa2) as unknown as typeof fa2.default;

const defaultIterations = (order: number): number => (order <= 1000 ? 300 : Math.max(50, Math.round(300000 / order)));
const BARNES_HUT_ABOVE = 500;

// ### `layout` runs ForceAtlas2 over the nodes and edges of `graph` and returns rounded positions.
// Parallel facts between two nodes pull them together harder, as several mentions should.
// The settings are graphology's `inferSettings` for the graph's size, with Barnes-Hut above 500 nodes.
export function layout(graph: KnowledgeGraph, options: LayoutOptions = {}): Positions {
  const positions: Positions = new Map();
  if (graph.order === 0) return positions;
  // A copy holding only what ForceAtlas2 reads, so the knowledge graph is never written to.
  const g = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.forEachNode((node) => g.addNode(node, seedPosition(node, graph.order)));
  graph.forEachEdge((_, __, source, target) => g.addEdge(source, target));
  const computed = forceAtlas2(g, {
    iterations: options.iterations ?? defaultIterations(graph.order),
    settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > BARNES_HUT_ABOVE },
    getEdgeWeight: null,
  });
  const scale = 10 ** (options.decimals ?? 2);
  // `+ 0` turns a rounded -0 into 0, which would otherwise print as "-0" in one run and "0" in another.
  const round = (v: number): number => (Number.isFinite(v) ? Math.round(v * scale) / scale + 0 : 0);
  graph.forEachNode((node) => {
    const p = computed[node];
    positions.set(node, { x: round(p.x), y: round(p.y) });
  });
  return positions;
}
