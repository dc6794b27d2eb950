// The actor view: people, countries and organisations only, the facts between them as edges, and
// every other fact of an actor folded into its attributes, so the view drops nodes but no fact.
import { describe, expect, it } from 'vitest';
import { ACTOR_TYPES, actorView } from '../src/actors.js';
import { writeGraphml } from '../src/export/graphml.js';
import { buildFixture, E } from './export/fixture.js';

describe('actorView', () => {
  const graph = buildFixture();
  const view = actorView(graph);

  it('keeps the actors, with their attributes, in graph order', () => {
    expect(view.nodes()).toEqual(graph.nodes().filter((n) => ACTOR_TYPES.includes(graph.getNodeAttribute(n, 'type'))));
    expect(view.getNodeAttribute(E.bayramov.key, 'wikidata')).toBe('Q4231231');
    expect(view.getAttribute('name')).toBe('actors');
  });

  it('keeps the facts between actors as they are', () => {
    expect(view.edges().sort()).toEqual([
      `${E.bayramov.key}|counterpartOf|${E.lavrov.key}`,
      `${E.bayramov.key}|metWith|${E.lavrov.key}`,
      `${E.org.key}|criticized|${E.azerbaijan.key}`,
    ].sort());
    const key = `${E.bayramov.key}|metWith|${E.lavrov.key}`;
    expect(view.getEdgeAttributes(key)).toEqual(graph.getEdgeAttributes(key));
  });

  it.each([
    [E.bayramov.key, 'positions', 'Minister of Foreign Affairs of Azerbaijan'],
    [E.bayramov.key, 'represents', 'Azerbaijan'],
    [E.azerbaijan.key, 'offices', 'Minister of Foreign Affairs of Azerbaijan'],
    [E.azerbaijan.key, 'signed', E.doc.label],
    [E.lavrov.key, 'visited', E.mecca.label],
    [E.org.key, 'supported', E.doc.label],
  ])('folds into %s the attribute %s = %j', (node, name, value) => {
    expect(view.getNodeAttribute(node, name)).toBe(value);
  });

  it('loses no fact: each is an edge of the view or named in an attribute of an actor', () => {
    graph.forEachEdge((edge, a, s, t) => {
      if (view.hasEdge(edge)) return;
      const actor = view.hasNode(s) ? s : t;
      const other = actor === s ? t : s;
      const attrs = Object.values(view.getNodeAttributes(actor)).filter((v): v is string => typeof v === 'string');
      expect(attrs.some((v) => v.split(' | ').includes(graph.getNodeAttribute(other, 'label'))), edge).toBe(true);
    });
  });

  it('writes as GraphML with the folded attributes as columns and one weighted edge per pair', () => {
    const text = writeGraphml(view);
    expect(text).toContain('<key id="positions" for="node" attr.name="positions" attr.type="string"/>');
    expect(text).toContain('<key id="represents" for="node" attr.name="represents" attr.type="string"/>');
    expect(text.match(/<edge /g)).toHaveLength(2);
    expect(text).toContain('<data key="edgelabel">counterpartOf | metWith</data><data key="weight">3</data>');
  });

  it('does not change the graph it reads', () => {
    expect(buildFixture().export()).toEqual(graph.export());
  });
});
