// ForceAtlas2 positions: the same graph always gets the same coordinates, whatever order it was built in.
import { describe, expect, it } from 'vitest';
import { createGraph } from '../src/graph.js';
import { layout, seedPosition } from '../src/layout.js';
import { buildFixture, EXTRACTIONS } from './export/fixture.js';

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
