import { readFileSync } from 'node:fs';
import { DataFactory, Parser, Store } from 'n3';
import type { Term } from 'n3';
import { describe, expect, it } from 'vitest';
import { NS } from '../../src/iri.js';
import { graphQuads, VOCABULARY } from '../../src/export/rdf.js';
import { PREDICATE_SPECS } from '../../src/schema.js';
import { ENTITY_TYPES, PREDICATES } from '../../src/types.js';
import { buildFixture } from './fixture.js';

const { namedNode } = DataFactory;
const iri = (ns: keyof typeof NS, local: string) => namedNode(NS[ns] + local);
const nkg = (local: string) => iri('ontology', local);
const type = iri('rdf', 'type');

const store = new Store(new Parser().parse(readFileSync(new URL('../../ontology/newskg.ttl', import.meta.url), 'utf8')));
const one = (s: Term, p: Term): Term | undefined => store.getObjects(s, p, null)[0];
const isA = (s: Term, cls: Term): boolean => store.has(DataFactory.quad(s as never, type, cls as never));

// ### `typesOf` expands a domain or range into entity type names: a class, a union list,
// or nkg:Actor, which stands for the three actor types.
function typesOf(term: Term | undefined): string[] {
  if (!term) return [];
  if (term.termType === 'NamedNode') {
    return term.value === NS.ontology + 'Actor' ? ['Person', 'Country', 'Organization'] : [term.value.slice(NS.ontology.length)];
  }
  const out: string[] = [];
  for (let list = one(term, iri('owl', 'unionOf')); list && list.value !== NS.rdf + 'nil'; list = one(list, iri('rdf', 'rest'))) {
    out.push(...typesOf(one(list, iri('rdf', 'first'))));
  }
  return out;
}

describe('ontology/newskg.ttl', () => {
  it('is an owl:Ontology', () => {
    expect(isA(namedNode('https://w3id.org/newskg/ontology'), iri('owl', 'Ontology'))).toBe(true);
  });

  it.each(ENTITY_TYPES.map((t) => [t]))('declares the class %s under nkg:Entity', (t) => {
    expect(isA(nkg(t), iri('owl', 'Class'))).toBe(true);
    expect(one(nkg(t), iri('rdfs', 'label'))).toBeDefined();
    expect(one(nkg(t), iri('rdfs', 'comment'))).toBeDefined();
    const supers = store.getObjects(nkg(t), iri('rdfs', 'subClassOf'), null).map((o) => o.value);
    expect(supers.some((s) => s === NS.ontology + 'Entity' || s === NS.ontology + 'Actor')).toBe(true);
  });

  it.each(PREDICATES.map((p) => [p]))('declares %s as in src/schema.ts', (p) => {
    const spec = PREDICATE_SPECS[p];
    expect(isA(nkg(p), iri('owl', 'ObjectProperty'))).toBe(true);
    expect(isA(nkg(p), iri('owl', 'SymmetricProperty'))).toBe(spec.symmetric === true);
    expect(one(nkg(p), iri('rdfs', 'comment'))?.value).toBe(spec.comment);
    expect(one(nkg(p), iri('rdfs', 'label'))).toBeDefined();
    expect(typesOf(one(nkg(p), iri('rdfs', 'domain'))).sort()).toEqual([...spec.domain].sort());
    expect(typesOf(one(nkg(p), iri('rdfs', 'range'))).sort()).toEqual([...spec.range].sort());
    const cameo = store.getObjects(nkg(p), nkg('cameoCode'), null).map((o) => o.value);
    expect(cameo[0]).toBe(spec.cameo);
  });

  it('aligns the entity types with schema.org, FOAF and PROV', () => {
    const sub = (t: string, sup: Term) => store.has(DataFactory.quad(nkg(t), iri('rdfs', 'subClassOf'), sup as never));
    expect(sub('Person', iri('foaf', 'Person')) && sub('Person', iri('schema', 'Person'))).toBe(true);
    expect(sub('Organization', iri('schema', 'Organization')) && sub('Organization', iri('foaf', 'Organization'))).toBe(true);
    expect(sub('Country', iri('schema', 'Country'))).toBe(true);
    expect(sub('Location', iri('schema', 'Place'))).toBe(true);
    expect(sub('Event', iri('schema', 'Event'))).toBe(true);
    expect(sub('Document', iri('schema', 'CreativeWork'))).toBe(true);
    expect(sub('Reference', iri('prov', 'Entity'))).toBe(true);
  });

  it('aligns the properties with schema.org, the ORG ontology, Dublin Core and PROV', () => {
    const subProp = (p: string, sup: Term) => store.has(DataFactory.quad(nkg(p), iri('rdfs', 'subPropertyOf'), sup as never));
    const org = (l: string) => namedNode(`http://www.w3.org/ns/org#${l}`);
    expect(subProp('holdsPosition', org('holds')) && subProp('positionOf', org('postIn'))).toBe(true);
    expect(subProp('memberOf', org('memberOf')) && subProp('memberOf', iri('schema', 'memberOf'))).toBe(true);
    expect(subProp('affiliatedWith', iri('schema', 'affiliation'))).toBe(true);
    expect(subProp('locatedIn', iri('schema', 'location')) && subProp('place', iri('schema', 'location'))).toBe(true);
    expect(subProp('date', iri('dcterms', 'date')) && subProp('topic', iri('dcterms', 'subject'))).toBe(true);
    expect(subProp('source', iri('prov', 'wasQuotedFrom')) && subProp('evidence', iri('prov', 'value'))).toBe(true);
    expect(store.has(DataFactory.quad(nkg('attended'), iri('owl', 'inverseOf'), iri('schema', 'attendee')))).toBe(true);
    expect(store.has(DataFactory.quad(nkg('Rule'), iri('rdfs', 'subClassOf'), iri('prov', 'Plan')))).toBe(true);
  });

  it.each(VOCABULARY.map((t) => [t]))('declares the exporter term nkg:%s', (t) => {
    const kinds = ['Class', 'ObjectProperty', 'DatatypeProperty'].filter((k) => isA(nkg(t), iri('owl', k)));
    expect(kinds).toHaveLength(1);
    expect(one(nkg(t), iri('rdfs', 'comment'))).toBeDefined();
  });

  it('declares every nkg: term the exporter writes', () => {
    const used = new Set<string>();
    for (const q of graphQuads(buildFixture())) {
      for (const t of [q.predicate, q.object]) if (t.termType === 'NamedNode' && t.value.startsWith(NS.ontology)) used.add(t.value);
    }
    const declared = (v: string) => store.getQuads(namedNode(v), type, null, null).length > 0;
    expect([...used].filter((v) => !declared(v))).toEqual([]);
  });
});
