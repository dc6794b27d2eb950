// ForceAtlas2 positions: the same graph always gets the same coordinates, whatever order it was built in.
import { describe, expect, it } from 'vitest';
import { createGraph } from '../src/graph.js';
import { MultiDirectedGraph } from 'graphology';
import fa2 from 'graphology-layout-forceatlas2';
import { BARNES_HUT_ABOVE, barnesHutForceAtlas2, layout, seedPosition } from '../src/layout.js';
import { buildFixture, EXTRACTIONS } from './export/fixture.js';

const forceAtlas2 = ((fa2 as unknown as { default?: typeof fa2.default }).default ?? fa2) as unknown as typeof fa2.default;

describe('layout', () => {
  const graph = buildFixture();
  const positions = layout(graph);

  it('places every node at a finite, rounded point, no two nodes on one spot', () => {
    expect([...positions.keys()]).toEqual(graph.nodes());
    for (const { x, y } of positions.values()) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect([x, y].every((v) => Math.round(v * 100) / 100 === v)).toBe(true);
      expect(Object.is(x, -0) || Object.is(y, -0)).toBe(false);
    }
    expect(new Set([...positions.values()].map((p) => `${p.x},${p.y}`)).size).toBe(graph.order);
  });

  it('is deterministic: the same graph, or the same articles in another order, give the same positions', () => {
    expect(layout(buildFixture())).toEqual(positions);
    expect(layout(buildFixture([...EXTRACTIONS].reverse()))).toEqual(positions);
  });

  it('pulls nodes that share facts closer than nodes that do not', () => {
    const d = (a: string, b: string) => Math.hypot(positions.get(a)!.x - positions.get(b)!.x, positions.get(a)!.y - positions.get(b)!.y);
    const [bay, lav] = ['Person:Jeyhun "Jay" Bayramov', 'Person:Сергей Лавров'];
    const unrelated = graph.nodes().filter((n) => !graph.areNeighbors(bay, n) && n !== bay);
    const mean = unrelated.reduce((s, n) => s + d(bay, n), 0) / unrelated.length;
    expect(d(bay, lav)).toBeLessThan(mean);
  });

  it('honours the number of iterations and the decimals', () => {
    const one = layout(graph, { iterations: 1, decimals: 0 });
    expect([...one.values()].every(({ x, y }) => Number.isInteger(x) && Number.isInteger(y))).toBe(true);
    expect(one).not.toEqual(positions);
  });

  it('gives nothing for an empty graph and does not touch the graph it reads', () => {
    expect(layout(createGraph()).size).toBe(0);
    expect(graph.getNodeAttributes(graph.nodes()[0])).not.toHaveProperty('x');
  });
});

describe('seedPosition', () => {
  it('is a pure function of the key and the graph size', () => {
    expect(seedPosition('Person:A', 10)).toEqual(seedPosition('Person:A', 10));
    expect(seedPosition('Person:A', 10)).not.toEqual(seedPosition('Person:B', 10));
    const { x, y } = seedPosition('Person:A', 100);
    expect(Math.abs(x) <= 50 && Math.abs(y) <= 50).toBe(true);
  });
});

describe('layout of a graph above the Barnes-Hut threshold', () => {
  // A seeded graph of 800 nodes in 40 communities: dense inside, a few links between them.
  function community(order = 800, groups = 40) {
    const graph = createGraph();
    let seed = 7;
    const r = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const key = (i: number) => `Person:P${i}`;
    for (let i = 0; i < order; i++) graph.addNode(key(i), { label: `P${i}`, type: 'Person', aliases: [], iri: `x:${i}`, sources: [] });
    const edge = (a: number, b: number) => {
      if (a !== b) graph.addEdge(key(a), key(b), { predicate: 'metWith', label: 'metWith', symmetric: true, provenance: [] });
    };
    for (let i = 0; i < order; i++) {
      const g = i % groups;
      for (let k = 0; k < 3; k++) edge(i, g + groups * Math.floor(r() * (order / groups)));
      if (r() < 0.05) edge(i, Math.floor(r() * order));
    }
    return graph;
  }
  const graph = community();
  const positions = layout(graph);
  // Mean edge length over the mean distance of all pairs: low when linked nodes sit together.
  const score = (p: Map<string, { x: number; y: number }>) => {
    const d = (a: string, b: string) => Math.hypot(p.get(a)!.x - p.get(b)!.x, p.get(a)!.y - p.get(b)!.y);
    const edges = graph.mapEdges((_, __, s, t) => d(s, t));
    const nodes = graph.nodes();
    let all = 0;
    for (let i = 0; i < nodes.length; i += 7) for (let j = 0; j < nodes.length; j += 5) all += d(nodes[i], nodes[j]);
    return edges.reduce((a, b) => a + b, 0) / edges.length / (all / (Math.ceil(nodes.length / 7) * Math.ceil(nodes.length / 5)));
  };

  it('places every node at a finite, rounded point and is deterministic', () => {
    expect(graph.order).toBeGreaterThan(BARNES_HUT_ABOVE);
    expect([...positions.keys()]).toEqual(graph.nodes());
    for (const { x, y } of positions.values()) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect([x, y].every((v) => Math.round(v * 100) / 100 === v)).toBe(true);
    }
    expect(new Set([...positions.values()].map((p) => `${p.x},${p.y}`)).size).toBe(graph.order);
    expect(layout(community())).toEqual(positions);
  });

  it('lays the graph out as well as ForceAtlas2 with exact repulsion (graphology, the same settings)', () => {
    const g = new MultiDirectedGraph();
    graph.forEachNode((node) => g.addNode(node, seedPosition(node, graph.order)));
    graph.forEachEdge((_, __, s, t) => g.addEdge(s, t));
    const exact = forceAtlas2(g, { iterations: 300, settings: forceAtlas2.inferSettings(g), getEdgeWeight: null });
    const exactScore = score(new Map(Object.entries(exact)));
    expect(exactScore).toBeLessThan(0.2);
    expect(Math.abs(score(positions) - exactScore)).toBeLessThan(0.05 * exactScore);
  });

  it('moves the nodes as exact repulsion does, up to the Barnes-Hut approximation (one iteration from the seeds)', () => {
    // One iteration from the seeds: the only difference left is the Barnes-Hut approximation.
    const one = barnesHutForceAtlas2(graph, 1);
    const g = new MultiDirectedGraph();
    graph.forEachNode((node) => g.addNode(node, seedPosition(node, graph.order)));
    graph.forEachEdge((_, __, s, t) => g.addEdge(s, t));
    const exact = forceAtlas2(g, { iterations: 1, settings: forceAtlas2.inferSettings(g), getEdgeWeight: null });
    const moved = graph.nodes().map((node, i) => Math.hypot(one.x[i] - exact[node].x, one.y[i] - exact[node].y)).sort((a, b) => a - b);
    const step = graph.nodes().map((node) => Math.hypot(exact[node].x - seedPosition(node, graph.order).x, exact[node].y - seedPosition(node, graph.order).y)).sort((a, b) => a - b);
    expect(moved[moved.length >> 1]).toBeLessThan(0.05 * step[step.length >> 1]);
  });
});
