import { PassThrough } from 'node:stream';
import { DataFactory, Parser, Writer } from 'n3';
import type { Quad, Term } from 'n3';
import { describe, expect, it } from 'vitest';
import { articleIri, entityIri, NS, predicateIri, referenceIri, ruleIri, spanIri, statementIri } from '../../src/iri.js';
import { dateLiteral, graphQuads } from '../../src/export/rdf.js';
import { writeNTriples, writeNTriplesStream, writeTurtle, writeTurtleStream } from '../../src/export/turtle.js';
import type { KnowledgeGraph } from '../../src/types.js';
import { buildFixture, E, EXTRACTIONS, NASTY } from './fixture.js';

const { namedNode, literal } = DataFactory;
const nkg = (local: string) => namedNode(NS.ontology + local);
const rdfs = (local: string) => namedNode(NS.rdfs + local);
const xsd = (local: string) => namedNode(NS.xsd + local);
const type = namedNode(`${NS.rdf}type`);

const termKey = (t: Term): string => (t.termType === 'Literal' ? `"${t.value}"^^${t.datatype.value}` : `<${t.value}>`);
const quadKey = (q: Quad): string => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`;
const keys = (quads: Quad[]): Set<string> => new Set(quads.map(quadKey));
const has = (quads: Quad[], s: Term, p: Term, o: Term): boolean =>
  quads.some((q) => q.subject.equals(s) && q.predicate.equals(p) && q.object.equals(o));
const objects = (quads: Quad[], s: Term, p: Term): Term[] => quads.filter((q) => q.subject.equals(s) && q.predicate.equals(p)).map((q) => q.object);

// ### `expectedCount` counts the triples the design promises, straight from the graph.
function expectedCount(graph: KnowledgeGraph): number {
  let n = 0;
  const references = new Set<string>(), articles = new Set<string>(), rules = new Set<string>();
  graph.forEachNode((_, a) => {
    n += 2 + a.aliases.length + (a.wikidata && /^Q\d+$/.test(a.wikidata) ? 1 : 0);
  });
  graph.forEachEdge((_, e) => {
    // direct triple, 4 statement triples (type, subject, predicate, object), one per reference
    n += 1 + 4 + e.provenance.length + (e.topics?.length ?? 0) + (e.place ? 1 : 0) + (e.occasion ? 1 : 0);
    n += e.date && /^\d{4}/.test(e.date) ? 1 : 0;
    for (const p of e.provenance) {
      references.add(`${p.source}|${p.start}|${p.end}|${p.rule}`);
      articles.add(p.source);
      rules.add(p.rule);
    }
  });
  return n + 9 * references.size + 2 * articles.size + 2 * rules.size;
}

async function collect(write: (out: PassThrough) => Promise<void>): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  return Buffer.concat(chunks).toString('utf8');
}

describe('writeTurtle', async () => {
  const graph = buildFixture();
  const ttl = await writeTurtle(graph);
  const quads = new Parser().parse(ttl);

  it('parses back into exactly the triples of the design', () => {
    expect(quads.length).toBe(expectedCount(graph));
    expect(keys(quads).size).toBe(quads.length);
    expect(keys(quads)).toEqual(keys([...graphQuads(graph)]));
  });

  it('keeps nasty labels intact, replacing only what XML cannot carry', () => {
    expect(has(quads, namedNode(entityIri(E.bayramov.key)), rdfs('label'), literal(NASTY.person))).toBe(true);
    expect(has(quads, namedNode(entityIri(E.lavrov.key)), rdfs('label'), literal(NASTY.cyrillic))).toBe(true);
    expect(has(quads, namedNode(entityIri(E.org.key)), rdfs('label'), literal(NASTY.org))).toBe(true);
    expect(has(quads, namedNode(entityIri(E.mecca.key)), rdfs('label'), literal(NASTY.arabic))).toBe(true);
    expect(has(quads, namedNode(entityIri(E.summit.key)), rdfs('label'), literal(NASTY.event))).toBe(true);
    expect(has(quads, namedNode(entityIri(E.doc.key)), rdfs('label'), literal('Control\u241AChar\tStatement\r\nof 10 November'))).toBe(true);
    expect(objects(quads, namedNode(entityIri(E.bayramov.key)), namedNode(`${NS.skos}altLabel`)).map((t) => t.value).sort())
      .toEqual(['Bayramov', 'FM <Bayramov> & co', 'broken \u241A alias']);
  });

  it('types entities and links Wikidata only for real QIDs', () => {
    expect(has(quads, namedNode(entityIri(E.doc.key)), type, nkg('Document'))).toBe(true);
    expect(objects(quads, namedNode(entityIri(E.bayramov.key)), namedNode(`${NS.owl}sameAs`))).toEqual([namedNode(`${NS.wd}Q4231231`)]);
    expect(objects(quads, namedNode(entityIri(E.lavrov.key)), namedNode(`${NS.owl}sameAs`))).toEqual([]);
  });

  it('writes a symmetric fact once, in its stored direction', () => {
    const [bay, lav] = [namedNode(entityIri(E.bayramov.key)), namedNode(entityIri(E.lavrov.key))];
    expect(has(quads, bay, nkg('metWith'), lav)).toBe(true);
    expect(has(quads, lav, nkg('metWith'), bay)).toBe(false);
    expect(has(quads, bay, nkg('counterpartOf'), lav)).toBe(true);
  });

  it('gives each fact a statement with qualifiers and references', () => {
    const st = namedNode(statementIri(E.bayramov.key, 'metWith', E.lavrov.key));
    expect(has(quads, st, type, nkg('Statement'))).toBe(true);
    expect(has(quads, st, nkg('statementSubject'), namedNode(entityIri(E.bayramov.key)))).toBe(true);
    expect(has(quads, st, nkg('statementPredicate'), namedNode(predicateIri('metWith')))).toBe(true);
    expect(has(quads, st, nkg('statementObject'), namedNode(entityIri(E.lavrov.key)))).toBe(true);
    expect(has(quads, st, nkg('date'), literal('2023-09-21', xsd('date')))).toBe(true);
    expect(has(quads, st, nkg('place'), namedNode(entityIri(E.mecca.key)))).toBe(true);
    expect(has(quads, st, nkg('occasion'), namedNode(entityIri(E.summit.key)))).toBe(true);
    expect(objects(quads, st, nkg('topic')).map((t) => t.value)).toEqual(['bilateral cooperation', 'situation "in" the region']);
    expect(objects(quads, st, nkg('mentionCount'))).toEqual([]);
    expect(objects(quads, st, namedNode(`${NS.prov}wasDerivedFrom`))).toHaveLength(2);

    const ref = namedNode(referenceIri('article one', 50, 84, 'meet.v1'));
    expect(has(quads, st, namedNode(`${NS.prov}wasDerivedFrom`), ref)).toBe(true);
    expect(has(quads, ref, type, nkg('Reference'))).toBe(true);
    expect(has(quads, ref, type, namedNode(`${NS.prov}Entity`))).toBe(true);
    expect(has(quads, ref, nkg('source'), namedNode(articleIri('article one')))).toBe(true);
    expect(has(quads, ref, nkg('span'), namedNode(spanIri('article one', 50, 84)))).toBe(true);
    expect(has(quads, ref, nkg('sentenceIndex'), literal('1', xsd('integer')))).toBe(true);
    expect(has(quads, ref, nkg('charStart'), literal('50', xsd('integer')))).toBe(true);
    expect(has(quads, ref, nkg('charEnd'), literal('84', xsd('integer')))).toBe(true);
    expect(has(quads, ref, nkg('evidence'), literal('met with his <Russian> counterpart'))).toBe(true);
    expect(has(quads, ref, nkg('rule'), namedNode(ruleIri('meet.v1')))).toBe(true);
    expect(has(quads, namedNode(articleIri('статья-2')), namedNode(`${NS.dcterms}identifier`), literal('статья-2'))).toBe(true);
    expect(has(quads, namedNode(ruleIri('sign\\ed')), type, nkg('Rule'))).toBe(true);
  });

  it('describes a reference shared by two facts once', () => {
    const ref = namedNode(referenceIri('article one', 10, 39, 'role/of'));
    expect(quads.filter((q) => q.subject.equals(ref))).toHaveLength(9);
    expect(quads.filter((q) => q.object.equals(ref))).toHaveLength(2);
  });

  it('types dates by precision and drops what is no date', () => {
    const date = (s: string, p: Parameters<typeof statementIri>[1], o: string) => objects(quads, namedNode(statementIri(s, p, o)), nkg('date'));
    expect(date(E.azerbaijan.key, 'signed', E.doc.key)).toEqual([literal('2023-02', xsd('gYearMonth'))]);
    expect(date(E.lavrov.key, 'visited', E.mecca.key)).toEqual([literal('2023-11', xsd('gYearMonth'))]);
    expect(date(E.org.key, 'supported', E.doc.key)).toEqual([literal('2024', xsd('gYear'))]);
    expect(date(E.org.key, 'criticized', E.azerbaijan.key)).toEqual([]);
  });

  it('abbreviates only vocabulary IRIs, never with escapes or %XX', () => {
    // Strip literals and full IRIs; what is left are prefixed names and punctuation.
    const rest = ttl.split('\n').filter((l) => !l.startsWith('@prefix')).join('\n')
      .replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/<[^>]*>/g, '<>');
    const names = rest.match(/[A-Za-z][\w-]*:[^\s;,.()[\]]*(?:\.[^\s;,.()[\]]+)*/g) ?? [];
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^(nkg|rdf|rdfs|owl|xsd|prov|skos|dcterms|wd):[A-Za-z][A-Za-z0-9_]*$/);
  });

  it('is byte-identical for the same graph and whatever the article order', async () => {
    expect(await writeTurtle(graph)).toBe(ttl);
    expect(await writeTurtle(buildFixture([...EXTRACTIONS].reverse()))).toBe(ttl);
  });

  it('streams the same bytes', async () => {
    expect(await collect((out) => writeTurtleStream(graph, out))).toBe(ttl);
  });
});

describe('writeNTriples', async () => {
  const graph = buildFixture();
  const nt = await writeNTriples(graph);

  it('parses back into the same triples as the Turtle', async () => {
    const quads = new Parser({ format: 'N-Triples' }).parse(nt);
    expect(quads.length).toBe(expectedCount(graph));
    expect(keys(quads)).toEqual(keys(new Parser().parse(await writeTurtle(graph))));
    expect(nt.split('\n').filter(Boolean)).toHaveLength(quads.length);
  });

  it('streams the same bytes', async () => {
    expect(await collect((out) => writeNTriplesStream(graph, out))).toBe(nt);
  });

  it('is plain ASCII-safe where it must be: no raw control characters', () => {
    expect(nt).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
  });
});

describe('dateLiteral', () => {
  it.each([
    ['2020-11-10', '2020-11-10', 'date'],
    ['2024-02-29', '2024-02-29', 'date'],
    ['2023-02-29', '2023-02', 'gYearMonth'],
    ['2020-11', '2020-11', 'gYearMonth'],
    ['2020-13', '2020', 'gYear'],
    ['2020', '2020', 'gYear'],
  ])('%s -> %s^^xsd:%s', (iso, value, dt) => {
    expect(dateLiteral(iso)).toEqual(literal(value, xsd(dt)));
  });

  it.each(['', 'July 22', '2020-11-10T10:00', '0000', '20201110'])('%j is no date', (iso) => {
    expect(dateLiteral(iso)).toBeUndefined();
  });
});

describe("n3's Writer prefix rule (what makes our prefixed names safe)", () => {
  const write = (iri: string): string => {
    const w = new Writer({ prefixes: { ex: 'http://example.org/' } });
    return w.quadToString(namedNode(iri), namedNode(iri), namedNode(iri));
  };

  it('abbreviates plain local names, leading digits included', () => {
    expect(write('http://example.org/Abc')).toMatch(/^ex:Abc /);
    expect(write('http://example.org/1abc')).toMatch(/^ex:1abc /);
  });

  it('writes full IRIs when the local name holds %XX, slashes or non-ASCII', () => {
    for (const local of ['%41b', 'a/b', 'Сергей', 'a%20b', 'trailing.']) {
      expect(write(`http://example.org/${local}`)).toMatch(/^<http:\/\/example\.org\//);
    }
  });
});

describe('the sentence of each mention', () => {
  it('is written on the reference when the graph was built from extractions that carry their sentences', async () => {
    const [first, ...rest] = EXTRACTIONS;
    const text = 'First sentence. Bayramov met with his <Russian> counterpart in Mecca.';
    const withSentences = { ...first, sentences: [0, 1, 2, 3, 4].map((index) => ({ index, start: 0, end: text.length, text: `${text} (${index})`, paragraph: 0 })) };
    const graph = buildFixture([withSentences, ...rest]);
    const p = graph.getEdgeAttribute(`${E.bayramov.key}|metWith|${E.lavrov.key}`, 'provenance').find((x) => x.source === 'article one')!;
    expect(p.sentenceText).toBe(`${text} (1)`);
    const quads = new Parser().parse(await writeTurtle(graph));
    expect(objects(quads, namedNode(referenceIri(p.source, p.start, p.end, p.rule)), nkg('sentenceText'))).toEqual([literal(`${text} (1)`)]);
    // Articles without sentences (the second one here) keep references without it.
    const other = graph.getEdgeAttribute(`${E.org.key}|supported|${E.doc.key}`, 'provenance')[0];
    expect(objects(quads, namedNode(referenceIri(other.source, other.start, other.end, other.rule)), nkg('sentenceText'))).toEqual([]);
  });
});
