// The dev-corpus graph in a real triple store. `.ci/run` builds out/dev, bulk-loads
// out/dev/store.nt (graph.nt plus the ontology) with ../shared/check/virtuoso-ci.sh and runs this file
// with SPARQL_ENDPOINT and SPARQL_GRAPH set; without them every test here is skipped, saying why.
// The answers must be the facts of the same build's graph.json, and the facts the articles state.
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../../src/export/json.js';
import { NS, statementIri } from '../../src/iri.js';
import type { KnowledgeGraph } from '../../src/types.js';

const endpoint = process.env.SPARQL_ENDPOINT;
const graphIri = process.env.SPARQL_GRAPH;
const devOut = process.env.NEWSKG_DEV_OUT ?? 'out/dev';
const STORE_SKIP = 'SPARQL_ENDPOINT is not set: these tests need the Virtuoso that ../shared/check/virtuoso-ci.sh starts (.ci/run runs them)';

type Row = Record<string, { type: string; value: string; datatype?: string }>;

// ### `select` runs a SPARQL SELECT over the loaded graph and returns the bindings.
async function select(query: string): Promise<Row[]> {
  const body = new URLSearchParams({ query });
  if (graphIri) body.set('default-graph-uri', graphIri);
  const res = await fetch(endpoint!, { method: 'POST', body, headers: { accept: 'application/sparql-results+json' } });
  const text = await res.text();
  if (!res.ok) throw new Error(`SPARQL ${res.status}: ${text.slice(0, 500)}\n${query}`);
  return (JSON.parse(text) as { results: { bindings: Row[] } }).results.bindings;
}

const PREFIXES = `PREFIX nkg: <${NS.ontology}>
PREFIX rdf: <${NS.rdf}>
PREFIX rdfs: <${NS.rdfs}>
PREFIX owl: <${NS.owl}>
PREFIX prov: <${NS.prov}>
PREFIX xsd: <${NS.xsd}>
PREFIX dcterms: <${NS.dcterms}>
PREFIX schema: <${NS.schema}>
`;

const sorted = (values: Iterable<string>): string[] => [...values].sort();

if (!endpoint) {
  // Said on stderr too, since the default reporter shows only a count of skipped tests.
  console.warn(`tests/store/virtuoso.test.ts: skipped: ${STORE_SKIP}`);
  describe(`triple store (skipped: ${STORE_SKIP})`, () => {
    it.skip('answers SPARQL over the dev-corpus graph', () => {});
  });
}

describe.skipIf(!endpoint)('the dev-corpus graph in Virtuoso', () => {
  // Read in beforeAll, not here: a skipped describe still runs its body to collect the tests.
  let graph: KnowledgeGraph;
  beforeAll(() => {
    graph = readJson(readFileSync(`${devOut}/graph.json`, 'utf8'));
  });
  const labelOf = (key: string): string => graph.getNodeAttribute(key, 'label');

  it('holds every triple of store.nt (graph and ontology)', async () => {
    const file = `${devOut}/store.nt`;
    expect(existsSync(file), `${file} is built by .ci/run`).toBe(true);
    const lines = new Set(readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()));
    const [row] = await select('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }');
    expect(Number(row.n.value)).toBe(lines.size);
  });

  it('says whom Jeyhun Bayramov met, reading metWith both ways because the ontology makes it symmetric', async () => {
    const rows = await select(`${PREFIXES}
      SELECT DISTINCT ?name WHERE {
        ?me a nkg:Person ; rdfs:label "Jeyhun Bayramov" .
        { ?me nkg:metWith ?other } UNION { ?other ?p ?me . ?p a owl:SymmetricProperty . FILTER(?p = nkg:metWith) }
        ?other rdfs:label ?name .
      }`);
    const names = sorted(rows.map((r) => r.name.value));
    const me = 'Person:Jeyhun Bayramov';
    const expected = new Set<string>();
    graph.forEachEdge((_, a, s, t) => {
      if (a.predicate === 'metWith' && (s === me || t === me)) expected.add(labelOf(s === me ? t : s));
    });
    expect(names).toEqual(sorted(expected));
    // Stated in the seed article and in dev-004 and dev-006: names with non-ASCII letters must survive the store.
    expect(names).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Mevlüt Çavuşoğlu', 'Feridun H. Sinirlioğlu']));
  });

  it('says which countries signed the Trilateral Statement of 10 November 2020, with their Wikidata items and the date', async () => {
    const rows = await select(`${PREFIXES}
      SELECT ?country ?wikidata ?date WHERE {
        ?doc a nkg:Document ; rdfs:label "Trilateral Statement of 10 November 2020" .
        ?c a nkg:Country ; nkg:signed ?doc ; rdfs:label ?country ; owl:sameAs ?wikidata .
        ?st nkg:statementSubject ?c ; nkg:statementPredicate nkg:signed ; nkg:statementObject ?doc ; nkg:date ?date .
      } ORDER BY ?country`);
    expect(rows.map((r) => [r.country.value, r.wikidata.value])).toEqual([
      ['Armenia', `${NS.wd}Q399`], ['Azerbaijan', `${NS.wd}Q227`], ['Russia', `${NS.wd}Q159`],
    ]);
    for (const r of rows) {
      expect(r.date.value).toMatch(/^2020-11-10/);
      expect(r.date.datatype).toBe(`${NS.xsd}date`);
    }
  });

  it("gives every statement's provenance exactly as graph.json has it: article, sentence, offsets, evidence, rule", async () => {
    const rows = await select(`${PREFIXES}
      SELECT ?st ?article ?index ?sentence ?start ?end ?evidence ?rule WHERE {
        ?st a nkg:Statement ; prov:wasDerivedFrom ?ref .
        ?ref nkg:source/dcterms:identifier ?article ; nkg:sentenceIndex ?index ; nkg:charStart ?start ; nkg:charEnd ?end ;
             nkg:evidence ?evidence ; nkg:rule/dcterms:identifier ?rule .
        OPTIONAL { ?ref nkg:sentenceText ?sentence }
      }`);
    const got = sorted(rows.map((r) => JSON.stringify([r.st.value, r.article.value, Number(r.index.value), r.sentence?.value ?? null,
      Number(r.start.value), Number(r.end.value), r.evidence.value, r.rule.value])));
    const want: string[] = [];
    graph.forEachEdge((_, a, s, t) => {
      for (const p of a.provenance) {
        want.push(JSON.stringify([statementIri(s, a.predicate, t), p.source, p.sentence, p.sentenceText ?? null, p.start, p.end, p.evidence, p.rule]));
      }
    });
    expect(got.length).toBe(want.length);
    expect(got).toEqual(sorted(want));
    // Every fact has a sentence to show, and its evidence stands in that sentence.
    expect(rows.every((r) => r.sentence && r.sentence.value.includes(r.evidence.value.replace(/\s+/g, ' ')))).toBe(true);
  });

  it('has no statement without a reference, and a direct triple for every statement', async () => {
    const [row] = await select(`${PREFIXES}
      SELECT (COUNT(?st) AS ?n) WHERE { ?st a nkg:Statement . FILTER NOT EXISTS { ?st prov:wasDerivedFrom ?ref } }`);
    expect(Number(row.n.value)).toBe(0);
    const [missing] = await select(`${PREFIXES}
      SELECT (COUNT(?st) AS ?n) WHERE {
        ?st nkg:statementSubject ?s ; nkg:statementPredicate ?p ; nkg:statementObject ?o .
        FILTER NOT EXISTS { ?s ?p ?o }
      }`);
    expect(Number(missing.n.value)).toBe(0);
  });

  it('joins the ontology: entities are schema.org and FOAF things through rdfs:subClassOf', async () => {
    const rows = await select(`${PREFIXES}
      SELECT ?class WHERE { ?me rdfs:label "Jeyhun Bayramov" ; a/rdfs:subClassOf* ?class }`);
    expect(rows.map((r) => r.class.value)).toEqual(expect.arrayContaining([`${NS.schema}Person`, `${NS.foaf}Person`, `${NS.prov}Agent`]));
  });

  it("runs the README's SPARQL example as written", async () => {
    const readme = readFileSync('README.md', 'utf8');
    const query = /```sparql\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(query, 'README.md has a ```sparql block').toBeDefined();
    const rows = await select(query!);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.other.value)).toContain('Sergey Lavrov');
    expect(Object.keys(rows[0]).sort()).toEqual(expect.arrayContaining(['article', 'evidence', 'other', 'rule']));
  });
});
