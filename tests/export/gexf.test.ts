// GEXF for Gephi: parses back (graphology-gexf's own parser and a strict XML parser) into the same
// nodes, positions, colours and facts, one directed edge per ordered pair, byte-identical runs.
import { DOMParser } from '@xmldom/xmldom';
import { DirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/export/chars.js';
import { writeGexf } from '../../src/export/gexf.js';
import { TYPE_COLORS } from '../../src/export/graphml.js';
import { createGraph } from '../../src/graph.js';
import { layout } from '../../src/layout.js';
import { buildFixture, E, EXTRACTIONS, NASTY } from './fixture.js';

describe('writeGexf', () => {
  const graph = buildFixture();
  const text = writeGexf(graph);
  const back = parse(DirectedGraph, text);
  const nodeByKey = (key: string) => back.findNode((_, a) => a.key === cleanText(key))!;

  it('is well-formed XML that a strict parser reads, declared as GEXF 1.2 with the viz namespace networkx reads', () => {
    const doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(`${level}: ${message}`); } }).parseFromString(text, 'text/xml');
    expect(doc.documentElement!.getAttribute('version')).toBe('1.2');
    expect(doc.documentElement!.getAttribute('xmlns')).toBe('http://www.gexf.net/1.2draft');
    expect(doc.documentElement!.getAttribute('xmlns:viz')).toBe('http://www.gexf.net/1.2draft/viz');
    expect(doc.getElementsByTagNameNS('http://www.gexf.net/1.2draft/viz', 'position')).toHaveLength(graph.order);
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  });

  it('has every node, with label, type, key, IRI, colour by type, size by degree and the ForceAtlas2 position', () => {
    expect(back.order).toBe(graph.order);
    const id = nodeByKey(E.bayramov.key);
    const a = back.getNodeAttributes(id);
    const { x, y } = layout(graph).get(E.bayramov.key)!;
    expect(a).toMatchObject({ label: NASTY.person, type: 'Person', iri: graph.getNodeAttribute(E.bayramov.key, 'iri'), wikidata: 'Q4231231', degree: 3, x, y });
    expect(a.color).toBe(`rgb(${TYPE_COLORS.Person.join(',')})`);
    expect(a.size).toBe(Math.round((10 + 5 * Math.sqrt(3)) * 100) / 100);
    expect(back.getNodeAttribute(nodeByKey(E.lavrov.key), 'label')).toBe(NASTY.cyrillic);
    expect(back.getNodeAttribute(nodeByKey(E.post.key), 'title')).toBe('Minister of Foreign Affairs');
  });

  it('folds the facts between a pair into one directed edge with the predicates as label and the mentions as weight', () => {
    expect(back.type).toBe('directed');
    const e = back.edge(nodeByKey(E.bayramov.key), nodeByKey(E.lavrov.key))!;
    expect(back.getEdgeAttributes(e)).toMatchObject({ label: 'counterpartOf | metWith', weight: 3, facts: 2, symmetric: true, date: '2023-09-21' });
    const facts = JSON.parse(back.getEdgeAttribute(e, 'statements'));
    expect(facts[1].provenance).toEqual(graph.getEdgeAttribute(`${E.bayramov.key}|metWith|${E.lavrov.key}`, 'provenance'));
  });

  it('loses no fact', () => {
    const keys = back.mapEdges((_, a) => JSON.parse(a.statements).map((f: { key: string }) => f.key)).flat().sort();
    expect(keys).toEqual(graph.edges().sort());
  });

  it('is byte-identical for the same graph and whatever the article order', () => {
    expect(writeGexf(graph)).toBe(text);
    expect(writeGexf(buildFixture([...EXTRACTIONS].reverse()))).toBe(text);
  });

  it('writes an empty graph', () => {
    expect(parse(DirectedGraph, writeGexf(createGraph()), { respectInputGraphType: true }).order).toBe(0);
  });
});
