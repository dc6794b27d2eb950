// **fixture** builds the small, deliberately nasty graph every exporter test writes.
import { addExtraction, createGraph, sortedGraph } from '../../src/graph.js';
import { entityKey } from '../../src/iri.js';
import type { Entity, EntityType, Extraction, Fact, KnowledgeGraph, Predicate, Provenance } from '../../src/types.js';

// Quotes, markup characters, a backslash, Cyrillic, Arabic, an emoji, a C0 control
// character and a lone surrogate: everything a writer might get wrong.
export const NASTY = {
  person: 'Jeyhun "Jay" Bayramov',
  cyrillic: 'Сергей Лавров',
  org: "Back\\slash & <Co> 'Quoted' Org",
  arabic: 'مكة المكرمة',
  event: 'Summit 🌍 2024',
  document: 'Control\u0001Char\tStatement\r\nof 10 November',
  loneSurrogate: 'broken \uD800 alias',
};

const ent = (type: EntityType, label: string, more: Partial<Entity> = {}): Entity => ({ key: entityKey(type, label), label, type, aliases: [], ...more });

export const E = {
  bayramov: ent('Person', NASTY.person, { aliases: ['Bayramov', 'FM <Bayramov> & co', NASTY.loneSurrogate], wikidata: 'Q4231231' }),
  lavrov: ent('Person', NASTY.cyrillic, { aliases: ['Lavrov'], wikidata: 'bogus QID' }),
  azerbaijan: ent('Country', 'Azerbaijan', { wikidata: 'Q227' }),
  org: ent('Organization', NASTY.org),
  mecca: ent('Location', NASTY.arabic),
  summit: ent('Event', NASTY.event),
  doc: ent('Document', NASTY.document),
  post: ent('Position', 'Minister of Foreign Affairs of Azerbaijan', { attrs: { title: 'Minister of Foreign Affairs', of: 'Azerbaijan' } }),
};

const prov = (source: string, start: number, rule: string, evidence: string, sentence = 0): Provenance =>
  ({ source, sentence, start, end: start + evidence.length, evidence, rule });

const fact = (s: Entity, predicate: Predicate, o: Entity, p: Provenance, qualifiers: Fact['qualifiers'] = {}): Fact =>
  ({ subject: s.key, predicate, object: o.key, qualifiers, provenance: p });

const article = (id: string) => ({ id, path: `${id}.txt`, text: '', meta: { bodyStart: 0, bodyEnd: 0, spans: [] } });

const A1 = 'article one';
const A2 = 'статья-2';
const shared = prov(A1, 10, 'role/of', 'Azerbaijani FM "Jay" Bayramov');

export const EXTRACTIONS: Extraction[] = [
  {
    article: article(A1),
    entities: [E.bayramov, E.lavrov, E.azerbaijan, E.mecca, E.summit, E.post, E.doc],
    facts: [
      // Stored object-first: symmetric facts order their ends by key.
      fact(E.lavrov, 'metWith', E.bayramov, prov(A1, 50, 'meet.v1', 'met with his <Russian> counterpart', 1),
        { date: '2023-09-21', place: E.mecca.key, occasion: E.summit.key, topics: ['situation "in" the region', 'bilateral cooperation'] }),
      fact(E.bayramov, 'counterpartOf', E.lavrov, prov(A1, 60, 'counterpart', 'his Russian counterpart', 1)),
      // One span read by one rule supports two facts: one reference node.
      fact(E.bayramov, 'holdsPosition', E.post, shared),
      fact(E.post, 'positionOf', E.azerbaijan, shared),
      fact(E.azerbaijan, 'signed', E.doc, prov(A1, 120, 'sign\\ed', `signed the ${NASTY.document}`, 3), { date: '2023-02-30' }),
      fact(E.lavrov, 'visited', E.mecca, prov(A1, 200, 'visit', 'arrived in مكة 🌍', 4), { date: '2023-11' }),
    ],
  },
  {
    article: article(A2),
    entities: [E.bayramov, E.lavrov, E.azerbaijan, E.org, E.doc],
    facts: [
      fact(E.bayramov, 'metWith', E.lavrov, prov(A2, 5, 'meet.v1', 'Bayramov met Lavrov')),
      fact(E.org, 'supported', E.doc, prov(A2, 40, 'support', 'backed the \u0001 statement', 2), { date: '2024' }),
      fact(E.org, 'criticized', E.azerbaijan, prov(A2, 80, 'criticize', 'condemned the \uFFFD decoding', 3), { date: 'sometime' }),
    ],
  },
];

// ### `buildFixture` merges the extractions in the given order and sorts the result.
export function buildFixture(order: Extraction[] = EXTRACTIONS): KnowledgeGraph {
  const graph = createGraph();
  for (const x of order) addExtraction(graph, x);
  return sortedGraph(graph);
}
