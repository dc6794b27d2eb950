// Embedded SPARQL: the store holds exactly graph.ttl's triples, answers match the query library,
// results come out as W3C JSON, CSV and TSV, and bad queries say where they went wrong.
import { readFileSync } from 'node:fs';
import { Parser, Writer } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanLiteral } from '../../src/export/chars.js';
import { graphQuads } from '../../src/export/rdf.js';
import { formatSparql, relations, sparql, SparqlEngine, SparqlError, toSparqlJson, writeTurtle, type KnowledgeGraph, type SparqlResult } from '../../src/index.js';
import { buildFixture } from '../export/fixture.js';
import { devCorpus, parseCsv } from './corpus.js';

const MET = `
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?other ?article ?sentence ?rule WHERE {
  ?me rdfs:label "Jeyhun Bayramov" .
  { ?st nkg:statementSubject ?me ; nkg:statementObject ?o } UNION
  { ?st nkg:statementObject ?me ; nkg:statementSubject ?o }
  ?st nkg:statementPredicate nkg:metWith ; prov:wasDerivedFrom ?ref .
  ?o rdfs:label ?other .
  ?ref nkg:source/dcterms:identifier ?article ; nkg:sentenceIndex ?sentence ; nkg:rule/dcterms:identifier ?rule .
}`;

let dev: KnowledgeGraph;
let engine: SparqlEngine;
beforeAll(async () => {
  dev = (await devCorpus()).graph;
  engine = SparqlEngine.fromGraph(dev);
});

const ntLine = (q: { subject: unknown; predicate: unknown; object: unknown }): string =>
  new Writer({ format: 'N-Triples' }).quadToString(q.subject as never, q.predicate as never, q.object as never);

// ### `rows` reads a SELECT result as `var=value` strings per solution, sorted.
function rows(r: SparqlResult): string[] {
  if (r.type === 'boolean') throw new Error('expected bindings');
  return r.bindings.map((b) => r.vars.map((v) => b[v]?.value ?? '').join('|')).sort();
}

describe('SparqlEngine', () => {
  it('holds exactly the triples of graph.ttl', async () => {
    const ttl = new Set(new Parser().parse(await writeTurtle(dev)).map(ntLine));
    expect(new Set([...graphQuads(dev)].map(ntLine))).toEqual(ttl);
    expect(engine.size).toBe(ttl.size);
    const all = engine.query('CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }');
    expect(all.type).toBe('triples');
    // Back to N-Triples through the SPARQL JSON terms: the same set.
    const back = new Set((all as Extract<SparqlResult, { type: 'triples' }>).bindings.map((b) => {
      const term = (t: (typeof b)[string]): string => (t.type === 'uri' ? `<${t.value}>` : t.type === 'bnode' ? `_:${t.value}`
        : `"${t.value.replace(/[\\"\n\r]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r' })[c]!)}"${t['xml:lang'] ? `@${t['xml:lang']}` : t.datatype ? `^^<${t.datatype}>` : ''}`);
      return `${term(b.subject)} ${term(b.predicate)} ${term(b.object)} .\n`;
    }));
    expect(back).toEqual(ttl);
  });

  it('gives the same answers from graph.ttl or graph.nt loaded as files', async () => {
    const { ttl, nt } = await devCorpus();
    expect(rows(SparqlEngine.fromRdf(readFileSync(ttl, 'utf8'), 'turtle').query(MET))).toEqual(rows(engine.query(MET)));
    expect(rows(SparqlEngine.fromRdf(readFileSync(nt, 'utf8'), 'n-triples').query(MET))).toEqual(rows(engine.query(MET)));
  });

  it('finds everyone Bayramov met, with sources, as the query library does', () => {
    const lib = relations(dev, { subject: 'Jeyhun Bayramov', predicate: 'metWith' })
      .flatMap((r) => r.provenance.map((p) => `${r.object.label}|${p.source}|${p.sentence}|${p.rule}`)).sort();
    expect(lib.length).toBeGreaterThan(0);
    expect(rows(engine.query(MET))).toEqual(lib);
  });

  it('keeps hostile strings intact', () => {
    const g = buildFixture();
    const labels = sparql(g, 'SELECT ?l WHERE { ?s rdfs:label ?l }');
    expect(rows(labels)).toEqual(g.mapNodes((_k, a) => cleanLiteral(a.label)).sort());
  });

  it('answers ASK and CONSTRUCT', () => {
    expect(engine.query('ASK { ?s nkg:metWith ?o }')).toEqual({ type: 'boolean', boolean: true });
    expect(engine.query('ASK { ?s nkg:criticized <urn:nobody> }')).toEqual({ type: 'boolean', boolean: false });
    const c = engine.query('CONSTRUCT { ?s nkg:met ?o } WHERE { ?s nkg:metWith ?o }');
    expect(c.type).toBe('triples');
    expect(c.type === 'triples' && c.bindings.length).toBe(dev.filterEdges((_e, a) => a.predicate === 'metWith').length);
  });

  it('declares the vocabulary prefixes unless told not to, and a query may declare its own', () => {
    expect(engine.query('SELECT (COUNT(*) AS ?n) WHERE { ?s a nkg:Person }').type).toBe('bindings');
    const own = engine.query('PREFIX nkg: <urn:other#> ASK { ?s a nkg:Person }');
    expect(own).toEqual({ type: 'boolean', boolean: false });
    expect(() => engine.query('ASK { ?s a nkg:Person }', { defaultPrefixes: false })).toThrow(SparqlError);
  });
});

describe('SPARQL errors', () => {
  it.each([
    ['SELECT ?x WHERE {\n  ?x foo:bar ?y }', 2, 13, /prefix is not declared/],
    ['SELECT ?x WHERE {\n  ?x ?y }', 2, 10, /expected/],
    ['SELEC ?x WHERE { ?x ?y ?z }', 1, 10, /expected/],
    ['SELECT * WHERE { ?s ?p ?o }\nLIMT 3', 2, 7, /expected one of HAVING/],
    ['SELECT * WHERE { ?s ?p ?o }\n\n  }', 3, 4, /expected/],
    ['INSERT DATA { <urn:a> <urn:b> <urn:c> }', 1, 1, /SPARQL Update \(INSERT\) is not run here: the graph is read-only/],
    ['# clean up\nPREFIX nkg: <https://w3id.org/newskg/ontology#>\n  delete WHERE { ?s a nkg:Person }', 3, 3, /SPARQL Update \(DELETE\)/],
  ])('%j is a syntax error at line %i, column %i', (query, line, column, what) => {
    let error: unknown;
    try {
      engine.query(query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SparqlError);
    const e = error as SparqlError;
    expect(e.code).toBe('syntax');
    expect(e.line).toBe(line);
    expect(e.column).toBe(column);
    expect(e.message).toMatch(new RegExp(`^SPARQL syntax error at line ${line}, column ${column}: `));
    expect(e.message).toMatch(what);
    // The offending line, and a caret under the column.
    const [, text, caret] = e.message.split('\n');
    expect(text).toBe(`  ${query.split('\n')[line - 1]}`);
    expect(caret.indexOf('^')).toBe(column + 1);
  });

  it('reports a query that parses but cannot run', () => {
    expect(() => engine.query('SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }')).toThrow(expect.objectContaining({ name: 'SparqlError', code: 'evaluation' }));
  });

  it('reports RDF that does not parse, with its position', () => {
    expect(() => SparqlEngine.fromRdf('<urn:a> <urn:b> .', 'turtle')).toThrow(expect.objectContaining({ name: 'SparqlError', code: 'data', line: 1, column: 17 }));
    expect(() => SparqlEngine.fromRdf('<urn:a> <urn:b> <urn:c> .\n\n  foo:bar <urn:b> <urn:c> .', 'turtle'))
      .toThrow(expect.objectContaining({ code: 'data', line: 3, column: 3, message: expect.stringMatching(/^not valid Turtle: at line 3 between columns 3 and 10: The prefix foo: has not been declared/) }));
    expect(() => SparqlEngine.fromRdf('<urn:a> <urn:b> "x .', 'n-triples')).toThrow(expect.objectContaining({ code: 'data', line: 1 }));
  });
});

describe('formatSparql', () => {
  const result = (): SparqlResult => engine.query(`SELECT ?label ?type ?missing WHERE {
    ?s rdfs:label ?label ; a ?type . FILTER(?label IN ("Jeyhun Bayramov", "Mevlüt Çavuşoğlu")) } ORDER BY ?label`);

  it('writes the W3C SPARQL 1.1 JSON results document', () => {
    const json = JSON.parse(formatSparql(result(), 'json'));
    expect(json).toEqual(toSparqlJson(result()));
    expect(json.head.vars).toEqual(['label', 'type', 'missing']);
    expect(json.results.bindings[0]).toEqual({ label: { type: 'literal', value: 'Jeyhun Bayramov' }, type: { type: 'uri', value: 'https://w3id.org/newskg/ontology#Person' } });
    expect(JSON.parse(formatSparql({ type: 'boolean', boolean: true }, 'json'))).toEqual({ head: {}, boolean: true });
  });

  it('writes SPARQL 1.1 CSV and TSV, unbound variables empty', () => {
    const csv = formatSparql(result(), 'csv');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ['label', 'type', 'missing'],
      ['Jeyhun Bayramov', 'https://w3id.org/newskg/ontology#Person', ''],
      ['Mevlüt Çavuşoğlu', 'https://w3id.org/newskg/ontology#Person', ''],
    ]);
    expect(formatSparql(result(), 'tsv').split('\n')).toEqual([
      '?label\t?type\t?missing',
      '"Jeyhun Bayramov"\t<https://w3id.org/newskg/ontology#Person>\t',
      '"Mevlüt Çavuşoğlu"\t<https://w3id.org/newskg/ontology#Person>\t',
      '',
    ]);
    const tricky = engine.query('SELECT ?x ?n WHERE { BIND("a, \\"b\\"\\nc" AS ?x) BIND(3 AS ?n) }');
    expect(parseCsv(formatSparql(tricky, 'csv'))[1]).toEqual(['a, "b"\nc', '3']);
    expect(formatSparql(tricky, 'tsv').split('\n')[1]).toBe('"a, \\"b\\"\\nc"\t"3"^^<http://www.w3.org/2001/XMLSchema#integer>');
  });

  it('writes an aligned table with IRIs abbreviated', () => {
    const lines = formatSparql(result(), 'table').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^label {2,}type {2,}missing$/);
    expect(lines[1]).toMatch(/^─+ {2}─+ {2}─+$/);
    expect(lines[2]).toMatch(/^Jeyhun Bayramov {2,}nkg:Person/);
    expect(lines.slice(2).map((l) => l.indexOf('nkg:'))).toEqual([lines[0].indexOf('type'), lines[0].indexOf('type')]);
    expect(formatSparql({ type: 'boolean', boolean: false }, 'table')).toBe('boolean\n───────\nfalse\n');
  });
});
