// Issue #7: the dev corpus built as two shards (`--shard 0/2`, `--shard 1/2`) and both shards'
// graph.nt loaded into one triple store gives the same SPARQL answers and counts as one build loaded
// alone. The store is SparqlEngine (Oxigraph, in process), the one `newskg sparql` uses; with
// SPARQL_ENDPOINT set (under Virtuoso) it is still this store: nothing here needs the server.
//
// The comparison is by full RDF terms (IRIs, literals with datatype and language), not labels, so
// it fails if the shards' IRIs are not the whole build's: blank nodes, per-build or per-shard ids,
// ids that depend on the order of the articles. Blank nodes are also refused outright, since their
// labels mean nothing across files and two shards' `_:b0` would silently become one node.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { SparqlEngine, type SparqlResult, type SparqlTerm } from '../../src/sparql.js';
import { DEV_ARTICLES } from '../query/corpus.js';

const DEV_COUNT = 41;

// Queries users are shown: the README's meeting query and the examples/ files it points to, and
// the ones the README describes CI running against Virtuoso (tests/store/virtuoso.test.ts).
const README_QUERY = /```sparql\n([\s\S]*?)```/.exec(readFileSync('README.md', 'utf8'))?.[1];
const example = (name: string): string => readFileSync(join('examples', name), 'utf8');
const QUERIES: Record<string, string> = {
  'the README: whom Jeyhun Bayramov met, with sentence and rule': README_QUERY ?? '',
  'examples/bayramov-met.rq: his meetings with dates': example('bayramov-met.rq'),
  'examples/evidence.rq: where Bayramov meeting Lavrov is said': example('evidence.rq'),
  'examples/signed-documents.rq: which countries signed which documents, when, how often': example('signed-documents.rq'),
  'who met whom, with the date of each meeting': `
    SELECT ?st ?a ?b ?date WHERE {
      ?st nkg:statementPredicate nkg:metWith ; nkg:statementSubject ?s ; nkg:statementObject ?o .
      ?s rdfs:label ?a . ?o rdfs:label ?b .
      OPTIONAL { ?st nkg:date ?date }
    }`,
  'which countries signed the Trilateral Statement of 10 November 2020': `
    SELECT ?country ?wikidata ?date WHERE {
      ?doc a nkg:Document ; rdfs:label "Trilateral Statement of 10 November 2020" .
      ?c a nkg:Country ; nkg:signed ?doc ; rdfs:label ?country ; owl:sameAs ?wikidata .
      ?st nkg:statementSubject ?c ; nkg:statementPredicate nkg:signed ; nkg:statementObject ?doc ; nkg:date ?date .
    }`,
  "every statement's source sentence, offsets, evidence and rule (the provenance model)": `
    SELECT ?st ?ref ?article ?index ?sentence ?start ?end ?evidence ?rule WHERE {
      ?st a nkg:Statement ; prov:wasDerivedFrom ?ref .
      ?ref nkg:source/dcterms:identifier ?article ; nkg:sentenceIndex ?index ; nkg:charStart ?start ; nkg:charEnd ?end ;
           nkg:evidence ?evidence ; nkg:rule/dcterms:identifier ?rule .
      OPTIONAL { ?ref nkg:sentenceText ?sentence }
    }`,
  'triples per predicate': 'SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p',
  'subjects per class': 'SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class',
  'every triple': 'SELECT ?s ?p ?o WHERE { ?s ?p ?o }',
};

// ### `key` writes a term in full (an N-Triples-like form), so two rows are equal only when every term is.
function key(t: SparqlTerm | undefined): string {
  if (!t) return '-';
  if (t.type !== 'literal') return `${t.type === 'uri' ? '' : '_:'}<${t.value}>`;
  return `${JSON.stringify(t.value)}${t['xml:lang'] ? `@${t['xml:lang']}` : `^^${t.datatype ?? 'xsd:string'}`}`;
}

// ### `rows` gives a SELECT result as sorted rows (a multiset: no DISTINCT is added), refusing blank nodes.
function rows(r: SparqlResult): string[] {
  if (r.type !== 'bindings') throw new Error(`expected a SELECT result, got ${r.type}`);
  for (const b of r.bindings) {
    for (const [v, t] of Object.entries(b)) if (t.type === 'bnode') throw new Error(`?${v} is a blank node: not comparable across stores`);
  }
  return r.bindings.map((b) => r.vars.map((v) => key(b[v])).join(' ')).sort();
}

const count = (engine: SparqlEngine, query: string): number => {
  const r = engine.query(query);
  if (r.type !== 'bindings') throw new Error('expected bindings');
  return Number(r.bindings[0].n.value);
};

let whole: SparqlEngine;
let union: SparqlEngine;
let halves: SparqlEngine[];
let shardIds: string[][];
let wholeNt: string;
let shardNt: string[];

beforeAll(async () => {
  const home = mkdtempSync(join(tmpdir(), 'newskg-shard-store-'));
  // One build each: the whole corpus, and the two shards side by side.
  const [one, ...shards] = await Promise.all([
    build([DEV_ARTICLES], { out: join(home, 'whole'), formats: ['nt'] }),
    ...[0, 1].map((index) => build([DEV_ARTICLES], { out: join(home, `s${index}`), formats: ['nt'], shard: { index, count: 2 } })),
  ]);
  expect(one.articles.filter((a) => a.status === 'built')).toHaveLength(DEV_COUNT);
  shardIds = shards.map((s) => s.articles.filter((a) => a.status === 'built').map((a) => a.id).sort());
  wholeNt = readFileSync(join(home, 'whole', 'graph.nt'), 'utf8');
  shardNt = [0, 1].map((i) => readFileSync(join(home, `s${i}`, 'graph.nt'), 'utf8'));
  whole = SparqlEngine.fromRdf(wholeNt, 'n-triples');
  // Both shards' files into ONE store, as `cat s0/graph.nt s1/graph.nt` loaded as one file would be.
  union = SparqlEngine.fromRdf(shardNt.join(''), 'n-triples');
  halves = shardNt.map((nt) => SparqlEngine.fromRdf(nt, 'n-triples'));
}, 180_000);

describe('two shards of the dev corpus in one triple store', () => {
  it('splits the corpus into two real, disjoint halves', () => {
    const [a, b] = shardIds;
    expect(a.length + b.length).toBe(DEV_COUNT);
    expect(a.length).toBeGreaterThan(5);
    expect(b.length).toBeGreaterThan(5);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    // Each shard's store holds less than the whole, and more than nothing: neither shard is the whole graph.
    for (const h of halves) {
      expect(h.size).toBeGreaterThan(1000);
      expect(h.size).toBeLessThan(whole.size);
    }
  });

  it('holds no blank nodes, whose labels would clash between the shards', () => {
    for (const [name, nt] of [['whole', wholeNt], ['shard 0', shardNt[0]], ['shard 1', shardNt[1]]]) {
      expect(/(^|\s)_:/m.test(nt), `${name} graph.nt has a blank node`).toBe(false);
    }
    expect(union.query('ASK { { ?s ?p ?o FILTER(isBlank(?s)) } UNION { ?s ?p ?o FILTER(isBlank(?o)) } }')).toEqual({ type: 'boolean', boolean: false });
  });

  // A stored per-statement total would not add up (two shards' counts of 1 and 2 where one build
  // says 3): the exporter writes none, and the mention count is COUNT(prov:wasDerivedFrom).
  it('has exactly the triples of one build', () => {
    expect(union.size).toBe(whole.size);
    const all = 'SELECT ?s ?p ?o WHERE { ?s ?p ?o }';
    const want = rows(whole.query(all));
    expect(want.length).toBeGreaterThan(10_000);
    expect(rows(union.query(all))).toEqual(want);
    // The shards overlap (shared entities, the vocabulary), so the union is less than their sum.
    expect(union.size).toBeLessThan(halves[0].size + halves[1].size);
  });

  const compare = (query: string): void => {
    expect(query.trim(), 'the query is there').not.toBe('');
    const want = rows(whole.query(query));
    expect(want.length, 'the query has answers to compare').toBeGreaterThan(0);
    const got = rows(union.query(query));
    expect(got.length).toBe(want.length);
    expect(got).toEqual(want);
  };
  for (const [name, query] of Object.entries(QUERIES)) {
    it(`answers ${name} with the rows of one build`, () => compare(query));
  }

  it('needs both shards for those answers: each shard alone gives only part of them', () => {
    const provenance = QUERIES["every statement's source sentence, offsets, evidence and rule (the provenance model)"];
    const articles = (e: SparqlEngine): Set<string> => {
      const r = e.query(provenance);
      return new Set(r.type === 'bindings' ? r.bindings.map((b) => b.article.value) : []);
    };
    const all = articles(union);
    expect(all).toEqual(articles(whole));
    for (const [i, h] of halves.entries()) {
      const mine = articles(h);
      expect(mine.size).toBeGreaterThan(0);
      expect(mine.size).toBeLessThan(all.size);
      // A shard's facts come from its own articles only.
      for (const id of mine) expect(shardIds[i]).toContain(id);
    }
  });

  // The checks above must be able to fail: two ways a build could name things per build.
  const provenance = (): string => QUERIES["every statement's source sentence, offsets, evidence and rule (the provenance model)"];
  const REFERENCE = /<https:\/\/w3id\.org\/newskg\/reference\/[^>]*>/g;

  it('would notice a per-build id in the IRIs, though the triple count stays the same', () => {
    expect(shardNt[1].match(REFERENCE)?.length, 'graph.nt has reference IRIs').toBeGreaterThan(0);
    const salted = shardNt[1].replace(REFERENCE, (iri) => iri.replace('/reference/', '/reference/build-1f3a/'));
    const skewed = SparqlEngine.fromRdf(shardNt[0] + salted, 'n-triples');
    expect(skewed.size).toBe(union.size);
    expect(rows(skewed.query(provenance()))).not.toEqual(rows(whole.query(provenance())));
    expect(rows(skewed.query(QUERIES['every triple']))).not.toEqual(rows(whole.query(QUERIES['every triple'])));
  });

  it('would notice blank nodes numbered per file, which merge wrongly in one store', () => {
    const blank = (nt: string): string => {
      const ids = new Map<string, string>();
      return nt.replace(REFERENCE, (iri) => ids.get(iri) ?? (ids.set(iri, `_:b${ids.size}`), ids.get(iri)!));
    };
    const nt = blank(shardNt[0]) + blank(shardNt[1]);
    expect(/(^|\s)_:/m.test(nt)).toBe(true);
    const skewed = SparqlEngine.fromRdf(nt, 'n-triples');
    expect(() => rows(skewed.query(provenance()))).toThrow(/blank node/);
    expect(skewed.size).not.toBe(whole.size); // _:b0 of shard 0 and of shard 1 became one node
  });
});
