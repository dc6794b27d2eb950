// SHACL validation: what the builder writes conforms to ontology/shapes.ttl, every kind of broken
// graph is reported with the node, property and constraint, and the shapes follow src/schema.ts.
import { DataFactory, Store } from 'n3';
import type { Quad, Term } from 'n3';
import { describe, expect, it } from 'vitest';
import { graphQuads } from '../src/export/rdf.js';
import { entityIri, NS, referenceIri, statementIri } from '../src/iri.js';
import { PREDICATE_SPECS } from '../src/schema.js';
import { ENTITY_TYPES, PREDICATES } from '../src/types.js';
import { loadShapes, validateQuads } from '../src/validate.js';
import { buildFixture, E } from './export/fixture.js';

const { namedNode, literal, quad } = DataFactory;
const nkg = (l: string) => namedNode(NS.ontology + l);
const rdfs = (l: string) => namedNode(NS.rdfs + l);
const type = namedNode(`${NS.rdf}type`);
const xsd = (l: string) => namedNode(NS.xsd + l);
const validate = (quads: Quad[]) => validateQuads(quads);

const fixture = (): Quad[] => [...graphQuads(buildFixture())];
const bayramov = namedNode(entityIri(E.bayramov.key));
const metWith = namedNode(statementIri(E.bayramov.key, 'metWith', E.lavrov.key));
const ref = namedNode(referenceIri('article one', 50, 50 + 'met with his <Russian> counterpart'.length, 'meet.v1'));

const without = (quads: Quad[], s: Term, p: Term): Quad[] => quads.filter((q) => !(q.subject.equals(s) && q.predicate.equals(p)));

describe('validateQuads', () => {
  it('finds the fixture graph, with all its nasty strings, conforming', async () => {
    const r = await validate(fixture());
    expect(r.violations).toEqual([]);
    expect(r.conforms).toBe(true);
    expect(r.triples).toBeGreaterThan(50);
  });

  it.each<[string, (q: Quad[]) => Quad[], { path?: string; constraint: string; focus?: string }]>([
    ['an entity without a label', (q) => without(q, bayramov, rdfs('label')), { path: `${NS.rdfs}label`, constraint: 'MinCountConstraintComponent' }],
    ['an entity with two labels', (q) => [...q, quad(bayramov, rdfs('label'), literal('Another'))], { path: `${NS.rdfs}label`, constraint: 'MaxCountConstraintComponent' }],
    ['a label with a language tag', (q) => [...without(q, bayramov, rdfs('label')), quad(bayramov, rdfs('label'), literal('J', 'en'))], { path: `${NS.rdfs}label`, constraint: 'DatatypeConstraintComponent' }],
    ['an owl:sameAs that is no Wikidata item', (q) => [...q, quad(namedNode(entityIri(E.org.key)), namedNode(`${NS.owl}sameAs`), namedNode('https://example.org/x'))], { path: `${NS.owl}sameAs`, constraint: 'PatternConstraintComponent' }],
    ['a relation its type may not have', (q) => [...q, quad(bayramov, nkg('memberOf'), namedNode(entityIri(E.org.key)))], { constraint: 'ClosedConstraintComponent', path: `${NS.ontology}memberOf` }],
    ['a relation to the wrong kind of node', (q) => [...q, quad(bayramov, nkg('metWith'), namedNode(entityIri(E.doc.key)))], { path: `${NS.ontology}metWith`, constraint: 'OrConstraintComponent' }],
    ['a property the builder never writes', (q) => [...q, quad(bayramov, nkg('nickname'), literal('Jay'))], { constraint: 'ClosedConstraintComponent', path: `${NS.ontology}nickname` }],
    ['a statement without references', (q) => without(q, metWith, namedNode(`${NS.prov}wasDerivedFrom`)), { path: `${NS.prov}wasDerivedFrom`, constraint: 'MinCountConstraintComponent' }],
    ['a statement with an unknown predicate', (q) => [...without(q, metWith, nkg('statementPredicate')), quad(metWith, nkg('statementPredicate'), nkg('likes'))], { path: `${NS.ontology}statementPredicate`, constraint: 'InConstraintComponent' }],
    ['a date that is a plain string', (q) => [...without(q, metWith, nkg('date')), quad(metWith, nkg('date'), literal('2023-09-21'))], { path: `${NS.ontology}date`, constraint: 'OrConstraintComponent' }],
    ['a mention count, which the builder no longer writes', (q) => [...q, quad(metWith, nkg('mentionCount'), literal('2', xsd('integer')))], { path: `${NS.ontology}mentionCount`, constraint: 'ClosedConstraintComponent' }],
    ['a reference without evidence', (q) => without(q, ref, nkg('evidence')), { path: `${NS.ontology}evidence`, constraint: 'MinCountConstraintComponent' }],
    ['a reference that ends before it starts', (q) => [...without(q, ref, nkg('charEnd')), quad(ref, nkg('charEnd'), literal('3', xsd('integer')))], { path: `${NS.ontology}charStart`, constraint: 'LessThanOrEqualsConstraintComponent' }],
    ['an untyped node used as a statement subject', (q) => [...without(q, metWith, nkg('statementSubject')), quad(metWith, nkg('statementSubject'), namedNode('https://example.org/nobody'))], { path: `${NS.ontology}statementSubject`, constraint: 'OrConstraintComponent' }],
    ['an entity IRI outside id/<type>/', (q) => [...q, quad(namedNode('https://example.org/p'), type, nkg('Person')), quad(namedNode('https://example.org/p'), rdfs('label'), literal('P'))], { focus: 'https://example.org/p', constraint: 'PatternConstraintComponent' }],
  ])('reports %s', async (_, breakIt, expected) => {
    const r = await validate(breakIt(fixture()));
    expect(r.conforms).toBe(false);
    expect(r.violations).toContainEqual(expect.objectContaining({ severity: 'Violation', ...(expected.path ? { path: expected.path } : {}), constraint: expected.constraint, ...(expected.focus ? { focusNode: expected.focus } : {}) }));
  });

  it('lists violations in a stable order, each with a message', async () => {
    const broken = without(without(fixture(), bayramov, rdfs('label')), ref, nkg('rule'));
    const a = await validate(broken), b = await validate([...broken].reverse());
    expect(a.violations).toEqual(b.violations);
    expect(a.violations.every((v) => v.message.length > 0)).toBe(true);
  });
});

describe('ontology/shapes.ttl', () => {
  const shapes = new Store(loadShapes());
  const sh = (l: string) => namedNode(NS.sh + l);
  const objects = (s: Term, p: Term): Term[] => shapes.getObjects(s, p, null);
  const one = (s: Term, p: Term): Term | undefined => objects(s, p)[0];
  const list = (head: Term | undefined): Term[] => {
    const out: Term[] = [];
    for (let n = head; n && n.value !== `${NS.rdf}nil`; n = one(n, namedNode(`${NS.rdf}rest`))) out.push(one(n, namedNode(`${NS.rdf}first`))!);
    return out;
  };
  // The classes a shape (or an sh:or of sh:class shapes) allows.
  const classesOf = (shape: Term): string[] => {
    const direct = objects(shape, sh('class')).map((c) => c.value.slice(NS.ontology.length));
    return [...direct, ...list(one(shape, sh('or'))).flatMap(classesOf)].sort();
  };
  const shapeFor = (p: string) => namedNode(`https://w3id.org/newskg/shapes#${p}Shape`);

  it.each(PREDICATES.map((p) => [p]))('checks both ends of %s as src/schema.ts says', (p) => {
    const s = shapeFor(p);
    expect(one(s, sh('targetSubjectsOf'))?.value).toBe(NS.ontology + p);
    expect(classesOf(s)).toEqual([...PREDICATE_SPECS[p].domain].sort());
    const prop = objects(s, sh('property')).find((x) => one(x, sh('path'))?.value === NS.ontology + p)!;
    expect(classesOf(prop)).toEqual([...PREDICATE_SPECS[p].range].sort());
  });

  it.each(ENTITY_TYPES.map((t) => [t]))('lets a %s have exactly the relations its type may have', (t) => {
    const s = shapeFor(t);
    expect(one(s, sh('closed'))?.value).toBe('true');
    const paths = objects(s, sh('property')).map((x) => one(x, sh('path'))!.value).filter((v) => v.startsWith(NS.ontology)).map((v) => v.slice(NS.ontology.length)).sort();
    expect(paths).toEqual(PREDICATES.filter((p) => PREDICATE_SPECS[p].domain.includes(t)).sort());
  });
});
