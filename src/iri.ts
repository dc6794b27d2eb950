// **iri** is the one place that turns entity keys, predicates and facts into IRIs,
// so extractors and exporters never build them by joining strings.
import type { EntityType, Predicate } from './types.js';

export const NS = {
  base: 'https://w3id.org/newskg/',
  ontology: 'https://w3id.org/newskg/ontology#',
  id: 'https://w3id.org/newskg/id/',
  statement: 'https://w3id.org/newskg/statement/',
  reference: 'https://w3id.org/newskg/reference/',
  article: 'https://w3id.org/newskg/article/',
  rule: 'https://w3id.org/newskg/rule/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  prov: 'http://www.w3.org/ns/prov#',
  schema: 'https://schema.org/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dcterms: 'http://purl.org/dc/terms/',
  sh: 'http://www.w3.org/ns/shacl#',
  wd: 'http://www.wikidata.org/entity/',
} as const;

const PLAIN = /^[A-Za-z0-9 -]*[A-Za-z0-9-][A-Za-z0-9 -]*$/;
const UTF8 = new TextEncoder();

// ### `segment` encodes any string as one IRI path segment.
// Only unreserved ASCII survives as is; everything else (quotes, spaces, `<>`, non-Latin
// scripts) is percent-encoded UTF-8, which every RDF parser and Virtuoso accept, and which
// never needs escaping in a Turtle local name.
// Each space becomes "_" and "_" itself is escaped, so "A B", "A_B" and "A  B" stay three IRIs.
// A segment of dots only ("." or "..", which URL normalisation would resolve away) or an empty
// one gets a leading "~", and "~" is escaped everywhere else, so the mapping stays one-to-one.
export function segment(value: string): string {
  // Letters, digits, hyphens and spaces only (most labels, ids and rule names): nothing to encode.
  if (PLAIN.test(value)) return value.replaceAll(' ', '_');
  // Rule ids, article ids and names with diacritics recur in every reference: encode each once.
  let out = ENCODED.get(value);
  if (out === undefined) {
    out = encodeSegment(value);
    if (ENCODED.size >= 100_000) ENCODED.clear();
    ENCODED.set(value, out);
  }
  return out;
}
const ENCODED = new Map<string, string>();

function encodeSegment(value: string): string {
  const nfc = value.normalize('NFC');
  let out = '';
  for (const byte of UTF8.encode(nfc)) {
    const c = String.fromCharCode(byte);
    out += c === ' ' ? '_' : /[A-Za-z0-9-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return /^(?:%2E)*$/.test(out) ? `~${out}` : out;
}

// ### `entityKey` is the graph key of an entity: its type and canonical label.
// Readable and stable across runs and articles, so the same thing merges into one node.
export function entityKey(type: EntityType, label: string): string {
  return `${type}:${label.normalize('NFC')}`;
}

export function parseEntityKey(key: string): { type: EntityType; label: string } {
  const at = key.indexOf(':');
  return { type: key.slice(0, at) as EntityType, label: key.slice(at + 1) };
}

// ### `entityIri` gives the IRI of an entity key: `id/<type>/<label>`.
export function entityIri(key: string): string {
  const { type, label } = parseEntityKey(key);
  return `${NS.id}${type.toLowerCase()}/${segment(label)}`;
}

export const predicateIri = (p: Predicate): string => NS.ontology + p;
export const classIri = (t: EntityType): string => NS.ontology + t;

// ### `edgeKey` is the graph key of a fact. Symmetric facts order their ends so
// "A metWith B" and "B metWith A" are one edge.
export function edgeKey(subject: string, predicate: Predicate, object: string): string {
  return `${subject}|${predicate}|${object}`;
}

// ### `statementIri` names the statement node of a fact (Wikidata statement model).
export function statementIri(subject: string, predicate: Predicate, object: string): string {
  return `${NS.statement}${segment(parseEntityKey(subject).type.toLowerCase())}.${segment(parseEntityKey(subject).label)}.${predicate}.${segment(parseEntityKey(object).type.toLowerCase())}.${segment(parseEntityKey(object).label)}`;
}

// ### `referenceIri` names one provenance item: the article and the evidence offsets.
export function referenceIri(source: string, start: number, end: number, rule: string): string {
  return `${NS.reference}${segment(source)}/${start}-${end}/${segment(rule)}`;
}

export const articleIri = (source: string): string => NS.article + segment(source);
export const ruleIri = (rule: string): string => NS.rule + segment(rule);

// ### `spanIri` names the evidence span of a mention inside its article, as an RFC 5147
// `char=` fragment. Offsets are the UTF-16 offsets of the provenance, which equal RFC 5147's
// character positions whenever the text has no characters outside the BMP.
export const spanIri = (source: string, start: number, end: number): string => `${articleIri(source)}#char=${start},${end}`;

// ### `wikidataIri` gives the entity IRI of a Wikidata QID, or undefined when `qid` is not one,
// so a stray gazetteer value never becomes an IRI (or a prefixed name) of its own.
export const wikidataIri = (qid: string): string | undefined => (/^Q[1-9][0-9]*$/.test(qid) ? NS.wd + qid : undefined);
