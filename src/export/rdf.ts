// **rdf** turns the graph into RDF triples after Wikidata's statement model: a direct
// triple per fact, plus a statement node carrying its qualifiers and references.
//
// Shape (nkg: = NS.ontology; every nkg: term is defined in ontology/newskg.ttl):
//   <entity>    a nkg:<Type> ; rdfs:label "…" ; skos:altLabel "…" ; owl:sameAs wd:Q… ;
//               nkg:<predicate> <entity> .                      # the direct triple
//   <statement> a nkg:Statement ; nkg:statementSubject <s> ; nkg:statementPredicate nkg:<p> ;
//               nkg:statementObject <o> ; nkg:date "…"^^xsd:date|gYearMonth|gYear ;
//               nkg:place <entity> ; nkg:occasion <entity> ; nkg:topic "…" ;
//               prov:wasDerivedFrom <reference> .      # one per mention: COUNT them for a mention count
//   <reference> a nkg:Reference, prov:Entity ; nkg:source <article> ; nkg:span <article#char=s,e> ;
//               nkg:sentenceIndex n ; nkg:sentenceText "…" ; nkg:charStart n ; nkg:charEnd n ;
//               nkg:evidence "…" ; nkg:rule <rule> .
//   <article>   a nkg:Article ; dcterms:identifier "id" .
//   <rule>      a nkg:Rule ; dcterms:identifier "id" .
import { DataFactory } from 'n3';
import type { Literal, NamedNode, Quad } from 'n3';
import { articleIri, entityIri, NS, predicateIri, referenceIri, ruleIri, spanIri, statementIri, wikidataIri } from '../iri.js';
import { PREDICATES, type EdgeAttributes, type KnowledgeGraph, type Predicate, type Provenance } from '../types.js';
import { cleanLiteral } from './chars.js';

const { namedNode, literal, quad } = DataFactory;

/** The nkg: terms the exporter writes besides the classes and predicates of the schema. */
export const VOCABULARY = [
  'Statement', 'Reference', 'Article', 'Rule',
  'statementSubject', 'statementPredicate', 'statementObject',
  'date', 'place', 'occasion', 'topic',
  'source', 'span', 'sentenceIndex', 'sentenceText', 'charStart', 'charEnd', 'evidence', 'rule',
] as const;

/** Prefixes written at the top of Turtle files: the vocabularies, never the data namespaces. */
export const DEFAULT_PREFIXES: Readonly<Record<string, string>> = {
  nkg: NS.ontology, rdf: NS.rdf, rdfs: NS.rdfs, owl: NS.owl, xsd: NS.xsd, prov: NS.prov,
  skos: NS.skos, dcterms: NS.dcterms, wd: NS.wd,
};

// Terms are built once: the hot loop below only looks them up.
const nkg = Object.fromEntries(VOCABULARY.map((t) => [t, namedNode(NS.ontology + t)])) as Record<(typeof VOCABULARY)[number], NamedNode>;
const a = namedNode(`${NS.rdf}type`);
const predicates = new Map(PREDICATES.map((p) => [p, namedNode(predicateIri(p))]));
const predicateNode = (p: Predicate): NamedNode => predicates.get(p) ?? namedNode(predicateIri(p));
const label = namedNode(`${NS.rdfs}label`);
const altLabel = namedNode(`${NS.skos}altLabel`);
const sameAs = namedNode(`${NS.owl}sameAs`);
const identifier = namedNode(`${NS.dcterms}identifier`);
const provEntity = namedNode(`${NS.prov}Entity`);
const wasDerivedFrom = namedNode(`${NS.prov}wasDerivedFrom`);
const xsd = (t: string): NamedNode => namedNode(NS.xsd + t);
const xsdInteger = xsd('integer');

const text = (value: string): Literal => literal(cleanLiteral(value));

// ### `integer` writes an xsd:integer, refusing what would be an ill-typed literal ("NaN", "1.5"),
// since one such literal makes validating parsers reject the whole file.
function integer(value: number): Literal {
  if (!Number.isSafeInteger(value)) throw new TypeError(`graphQuads: expected an integer offset or count, got ${String(value)}`);
  return literal(String(value), xsdInteger);
}

const isoDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

// ### `dateLiteral` types an ISO date by its precision: xsd:date, xsd:gYearMonth or xsd:gYear.
// A day or month that does not exist falls back to the coarser type (validating parsers
// reject "2023-02-30"^^xsd:date); a string that is no ISO date at all gives nothing.
export function dateLiteral(iso: string): Literal | undefined {
  const m = isoDate.exec(iso);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (y === '0000') return undefined;
  const year = Number(y), month = Number(mo), day = Number(d);
  if (!mo || month < 1 || month > 12) return literal(y, xsd('gYear'));
  // Date.UTC rolls "02-30" over into March, which tells an impossible day apart.
  const ok = d !== undefined && day >= 1 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
  return ok ? literal(`${y}-${mo}-${d}`, xsd('date')) : literal(`${y}-${mo}`, xsd('gYearMonth'));
}

// ### `graphQuads` yields every triple of the graph in a fixed order: entities with their
// direct facts, then statements with their references, then the articles and rules cited.
// The order follows the graph's node and edge order, so a `sortedGraph` gives stable files.
export function* graphQuads(graph: KnowledgeGraph): Generator<Quad> {
  // Each entity's IRI is made once; statements and facts name the same entities over and over.
  const iri = new Map<string, NamedNode>();
  const iriOf = (key: string): NamedNode => {
    let n = iri.get(key);
    if (!n) iri.set(key, (n = namedNode(entityIri(key))));
    return n;
  };
  for (const node of graph.nodes()) {
    const attrs = graph.getNodeAttributes(node);
    const s = iriOf(node);
    yield quad(s, a, namedNode(NS.ontology + attrs.type));
    yield quad(s, label, text(attrs.label));
    for (const alias of attrs.aliases ?? []) yield quad(s, altLabel, text(alias));
    const wd = attrs.wikidata ? wikidataIri(attrs.wikidata) : undefined;
    if (wd) yield quad(s, sameAs, namedNode(wd));
    for (const edge of graph.outEdges(node).sort(byText)) {
      yield quad(s, predicateNode(graph.getEdgeAttributes(edge).predicate), iriOf(graph.target(edge)));
    }
  }
  const references = new Set<string>(), articles = new Set<string>(), rules = new Set<string>();
  for (const edge of graph.edges()) {
    const attrs = graph.getEdgeAttributes(edge);
    const source = graph.source(edge), target = graph.target(edge);
    const refs = attrs.provenance.map((p) => namedNode(referenceIri(p.source, p.start, p.end, p.rule)));
    yield* statementQuads(namedNode(statementIri(source, attrs.predicate, target)), iriOf(source), iriOf(target), attrs, iriOf, refs);
    for (let i = 0; i < refs.length; i++) {
      const p = attrs.provenance[i];
      articles.add(p.source);
      rules.add(p.rule);
      // One span read by one rule can support two facts: describe it once.
      const key = `${p.start}-${p.end} ${p.rule} ${p.source}`;
      if (references.has(key)) continue;
      references.add(key);
      yield* referenceQuads(refs[i], p);
    }
  }
  for (const id of [...articles].sort(byText)) {
    yield quad(namedNode(articleIri(id)), a, nkg.Article);
    yield quad(namedNode(articleIri(id)), identifier, text(id));
  }
  for (const id of [...rules].sort(byText)) {
    yield quad(namedNode(ruleIri(id)), a, nkg.Rule);
    yield quad(namedNode(ruleIri(id)), identifier, text(id));
  }
}

function* statementQuads(st: NamedNode, subject: NamedNode, object: NamedNode, e: EdgeAttributes, iriOf: (key: string) => NamedNode, refs: NamedNode[]): Generator<Quad> {
  yield quad(st, a, nkg.Statement);
  yield quad(st, nkg.statementSubject, subject);
  yield quad(st, nkg.statementPredicate, predicateNode(e.predicate));
  yield quad(st, nkg.statementObject, object);
  const date = e.date ? dateLiteral(e.date) : undefined;
  if (date) yield quad(st, nkg.date, date);
  if (e.place) yield quad(st, nkg.place, iriOf(e.place));
  if (e.occasion) yield quad(st, nkg.occasion, iriOf(e.occasion));
  for (const topic of e.topics ?? []) yield quad(st, nkg.topic, text(topic));
  // No stored mention count: a total of one build would not add up when shards are loaded
  // into one store. The references are the count.
  for (const ref of refs) yield quad(st, wasDerivedFrom, ref);
}

function* referenceQuads(ref: NamedNode, p: Provenance): Generator<Quad> {
  yield quad(ref, a, nkg.Reference);
  yield quad(ref, a, provEntity);
  yield quad(ref, nkg.source, namedNode(articleIri(p.source)));
  yield quad(ref, nkg.span, namedNode(spanIri(p.source, p.start, p.end)));
  yield quad(ref, nkg.sentenceIndex, integer(p.sentence));
  if (p.sentenceText) yield quad(ref, nkg.sentenceText, text(p.sentenceText));
  yield quad(ref, nkg.charStart, integer(p.start));
  yield quad(ref, nkg.charEnd, integer(p.end));
  yield quad(ref, nkg.evidence, text(p.evidence));
  yield quad(ref, nkg.rule, namedNode(ruleIri(p.rule)));
}

const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
