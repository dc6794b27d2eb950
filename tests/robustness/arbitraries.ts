// **arbitraries** generates hostile graphs for the property tests: entity names, evidence and ids
// drawn from all of Unicode, with the characters writers get wrong made frequent.
import fc from 'fast-check';
import { addExtraction, createGraph, sortedGraph } from '../../src/graph.js';
import { entityKey } from '../../src/iri.js';
import { ENTITY_TYPES, PREDICATES } from '../../src/types.js';
import type { Entity, Extraction, Fact, KnowledgeGraph } from '../../src/types.js';

// One character or short sequence each: markup and escapes, controls, lone surrogates,
// non-characters, combining marks, right-to-left text and marks, emoji (with ZWJ and flags),
// every kind of line break and space, and the `_` and `%` that IRIs are built with.
const NASTY = [
  '"', "'", '\\', '<', '>', '&', '&amp;', ']]>', '<!--', '`', '{', '}', '|', '^', '#', '%', '%41', '_', ':', '/', '.', '..', '?', '@', ';', ',',
  '\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\r\n', '\u000b', '\f', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f',
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFE', '\uFFFF', '\uFFFD', '\uFDD0', '\uFEFF',
  'e\u0301', '\u0301', 'ﬁ', 'Å', 'Å', '\u0130', 'ß',
  'مكة', '\u202E', '\u202D', '\u200F', '\u200E', '\u061C', 'עִבְרִית',
  '😀', '👩‍👩‍👧', '🇦🇿', '🏳️‍🌈', '\u200D', '\uFE0F',
  ' ', '  ', '\u00A0', '\u2028', '\u2029', '\u3000', '\u200B',
  '\\u0041', '\\n', '"""', "'''", '^^', '@en', '_:b0', '<http://x>',
];

/** One unit of a hostile string: any code point, or one of the nasty pieces above. */
export const hostileUnit = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
);

// A 10 kB string: a hostile piece repeated (drawing 10,000 units one by one is slow), cut at
// 10,000 UTF-16 units, which may split a surrogate pair.
const big = fc.string({ unit: hostileUnit, minLength: 1, maxLength: 40 }).map((s) => s.repeat(Math.ceil(10_000 / s.length)).slice(0, 10_000));

/** A hostile string: usually short, sometimes 10 kB. */
export const hostileString = fc.oneof(
  { weight: 30, arbitrary: fc.string({ unit: hostileUnit, maxLength: 24 }) },
  { weight: 1, arbitrary: big },
);

/** A date qualifier: a real ISO date of any precision, an impossible one, or junk. */
const date = fc.oneof(
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2023', '2023-02', '2023-02-30', '0000-01-01', '2023-13-01'),
  hostileString,
);

const entity = fc.record({
  type: fc.constantFrom(...ENTITY_TYPES),
  label: hostileString,
  aliases: fc.array(hostileString, { maxLength: 3 }),
  wikidata: fc.option(fc.oneof(fc.integer({ min: 1, max: 1e9 }).map((n) => `Q${n}`), hostileString), { nil: undefined }),
}).map(({ type, label, aliases, wikidata }): Entity => {
  const e: Entity = { key: entityKey(type, label), label, type, aliases };
  if (wikidata !== undefined) e.wikidata = wikidata;
  return e;
});

const factSpec = fc.record({
  s: fc.nat(), o: fc.nat(), predicate: fc.constantFrom(...PREDICATES),
  date: fc.option(date, { nil: undefined }), place: fc.option(fc.nat(), { nil: undefined }), occasion: fc.option(fc.nat(), { nil: undefined }),
  topics: fc.option(fc.array(hostileString, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  sentence: fc.nat({ max: 500 }), start: fc.nat({ max: 100_000 }), evidence: hostileString, rule: hostileString,
  sentenceText: fc.option(hostileString, { nil: undefined }),
});

/** Extractions of one to three articles over a shared pool of hostile entities. */
export const extractions = fc.record({
  pool: fc.array(entity, { minLength: 2, maxLength: 6 }),
  articles: fc.array(fc.record({ id: hostileString, facts: fc.array(factSpec, { maxLength: 4 }) }), { minLength: 1, maxLength: 3 }),
}).map(({ pool, articles }): Extraction[] => articles.map(({ id, facts }) => {
  const pick = (i: number): Entity => pool[i % pool.length];
  const out: Fact[] = facts.map((f) => {
    const fact: Fact = {
      subject: pick(f.s).key, predicate: f.predicate, object: pick(f.o).key, qualifiers: {},
      provenance: { source: id, sentence: f.sentence, start: f.start, end: f.start + f.evidence.length, evidence: f.evidence, rule: f.rule },
    };
    if (f.date !== undefined) fact.qualifiers.date = f.date;
    if (f.place !== undefined) fact.qualifiers.place = pick(f.place).key;
    if (f.occasion !== undefined) fact.qualifiers.occasion = pick(f.occasion).key;
    if (f.topics !== undefined) fact.qualifiers.topics = f.topics;
    if (f.sentenceText !== undefined) fact.provenance.sentenceText = f.sentenceText;
    return fact;
  });
  return { article: { id, path: `${id}.txt`, text: '', meta: { bodyStart: 0, bodyEnd: 0, spans: [] } }, entities: pool, facts: out };
}));

// ### `graphOf` builds the sorted graph of extractions, as `build` does.
export function graphOf(xs: Extraction[]): KnowledgeGraph {
  const graph = createGraph();
  for (const x of xs) addExtraction(graph, x);
  return sortedGraph(graph);
}

/** Hostile graphs. */
export const graphs = extractions.map(graphOf);
