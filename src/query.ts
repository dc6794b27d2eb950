// **query** answers questions about a built graph: relations by subject, predicate, object and
// type, an entity's neighbourhood, and the shortest paths between two entities, each fact with
// its qualifiers and provenance.
//
// Names are looked up by label, alias, key or IRI with case, diacritics and punctuation folded
// ("cavusoglu" finds "Mevlüt Çavuşoğlu"); a name that matches nothing throws a QueryError with
// the closest names the graph has. Symmetric facts (metWith, spokeWith, counterpartOf) are stored
// once, so they are matched both ways and turned to face the entity that was asked about.
import { UndirectedGraph } from 'graphology';
import { singleSourceLength } from 'graphology-shortest-path/unweighted.js';
import { QueryError } from './errors.js';
import { entityIri, parseEntityKey } from './iri.js';
import { closest, type Candidate } from './suggest.js';
import { fold } from './text.js';
import { ENTITY_TYPES, PREDICATES, type EntityType, type KnowledgeGraph, type Predicate, type Provenance } from './types.js';

/** An entity as results show it. */
export interface EntityRef {
  /** Graph key, `<Type>:<label>`. */
  key: string;
  label: string;
  type: EntityType;
  iri: string;
}

/** The qualifiers of a fact, with `place` and `occasion` resolved to entities. */
export interface RelationQualifiers {
  /** ISO 8601 date, month or year. */
  date?: string;
  place?: EntityRef;
  occasion?: EntityRef;
  topics?: string[];
}

/** One fact of the graph, with every mention that supports it. */
export interface Relation {
  /** The edge key in the graph. */
  key: string;
  subject: EntityRef;
  predicate: Predicate;
  object: EntityRef;
  /** True for metWith, spokeWith and counterpartOf: subject and object may be read either way. */
  symmetric: boolean;
  qualifiers: RelationQualifiers;
  /** Every mention, sorted by article and offset. */
  provenance: Provenance[];
}

/** What {@link relations} matches. Every field is optional; all given fields must hold. */
export interface RelationFilter {
  /** Name, alias, key or IRI of the subject. */
  subject?: string;
  /** One predicate or several (case-insensitive, `nkg:` prefix allowed). */
  predicate?: string | string[];
  /** Name, alias, key or IRI of the object. */
  object?: string;
  /**
   * Entity type of the other end when `subject` or `object` is named ("everyone Bayramov met who
   * is a Person"); otherwise of either end.
   */
  type?: string;
  subjectType?: string;
  objectType?: string;
}

/** Options of {@link neighbours}. */
export interface NeighbourOptions {
  /** How many hops out to go. Default 1. */
  depth?: number;
  /** Follow only these predicates. Default: all. */
  predicate?: string | string[];
  /** Keep only neighbours of this type. Default: all. */
  type?: string;
}

/** An entity reached from the centre of a neighbourhood, and in how many hops. */
export interface Neighbour extends EntityRef {
  distance: number;
}

/** What {@link neighbours} returns. */
export interface Neighbourhood {
  entity: EntityRef;
  /** Sorted by distance, then label. */
  neighbours: Neighbour[];
  /** The facts that link the centre and its neighbours, turned to face the centre where symmetric. */
  relations: Relation[];
}

/** Options of {@link shortestPaths}. */
export interface PathOptions {
  /** Most paths returned. Default 10. */
  limit?: number;
  /** Follow only these predicates. Default: all. */
  predicate?: string | string[];
}

/** One hop of a path: the facts between two consecutive entities, in whichever direction they point. */
export interface Hop {
  from: EntityRef;
  to: EntityRef;
  relations: Relation[];
}

/** One shortest path: `entities[0]` is where it starts, and `hops[i]` links `entities[i]` to `entities[i + 1]`. */
export interface Path {
  entities: EntityRef[];
  hops: Hop[];
}

// ---------------------------------------------------------------------------------------------
// Names

interface NameIndex {
  /** Folded label, alias, key or IRI → node keys. */
  names: Map<string, Set<string>>;
  /** Every name with what to suggest for it: the label, or the key where two entities share a label. */
  candidates: Candidate[];
}

const indexes = new WeakMap<KnowledgeGraph, NameIndex>();
const NODE_EVENTS = ['nodeAdded', 'nodeDropped', 'nodeAttributesUpdated', 'eachNodeAttributesUpdated', 'cleared'] as const;

const norm = (s: string): string => fold(s).replace(/\s+/g, ' ').trim();
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function add(map: Map<string, Set<string>>, name: string, key: string): void {
  const k = norm(name);
  if (!k) return;
  let set = map.get(k);
  if (!set) map.set(k, (set = new Set()));
  set.add(key);
}

// ### `nameIndex` builds the name lookup of a graph once and keeps it until a node changes
// (graphology emits an event for every change, so the cache cannot go stale).
function nameIndex(graph: KnowledgeGraph): NameIndex {
  const cached = indexes.get(graph);
  if (cached) return cached;
  const names = new Map<string, Set<string>>();
  const perLabel = new Map<string, number>();
  graph.forEachNode((key, a) => {
    for (const n of [a.label ?? key, key, a.iri ?? entityIri(key), ...(a.aliases ?? [])]) add(names, n, key);
    perLabel.set(a.label, (perLabel.get(a.label) ?? 0) + 1);
  });
  const candidates: Candidate[] = [];
  graph.forEachNode((key, a) => {
    const value = (perLabel.get(a.label) ?? 0) > 1 ? key : a.label;
    for (const name of [a.label, ...(a.aliases ?? [])]) candidates.push({ name, value });
  });
  const index = { names, candidates };
  if (!indexes.has(graph)) {
    const drop = (): void => void indexes.delete(graph);
    for (const event of NODE_EVENTS) graph.on(event, drop);
  }
  indexes.set(graph, index);
  return index;
}

// ### `typedName` splits "Person:Bayramov" into a type and a name when the prefix is a type.
function typedName(name: string): { type?: EntityType; name: string } {
  const at = name.indexOf(':');
  if (at > 0) {
    const prefix = norm(name.slice(0, at));
    const type = ENTITY_TYPES.find((t) => t.toLowerCase() === prefix);
    if (type) return { type, name: name.slice(at + 1) };
  }
  return { name };
}

/**
 * `findEntities` returns every entity `name` may stand for: by key, IRI, label or alias, with case,
 * diacritics, punctuation and spacing folded. `Type:name` keeps to one type. Empty when nothing matches.
 */
export function findEntities(graph: KnowledgeGraph, name: string): EntityRef[] {
  const index = nameIndex(graph);
  const exact = index.names.get(norm(name));
  if (exact) return [...exact].sort(byText).map((k) => entityRef(graph, k));
  const t = typedName(name);
  if (!t.type) return [];
  return [...(index.names.get(norm(t.name)) ?? [])].filter((k) => graph.getNodeAttribute(k, 'type') === t.type).sort(byText).map((k) => entityRef(graph, k));
}

// ### `unknownEntity` makes the error for a name that matches nothing, with the closest names.
function unknownEntity(graph: KnowledgeGraph, name: string): QueryError {
  const suggestions = closest(typedName(name).name, nameIndex(graph).candidates);
  const hint = suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '; no entity has a similar name';
  return new QueryError(`no entity is named "${name}"${hint}`, 'unknown-entity', name, suggestions);
}

// ### `matchKeys` resolves a name in a filter to the keys of every entity it may stand for.
function matchKeys(graph: KnowledgeGraph, name: string): Set<string> {
  const found = findEntities(graph, name);
  if (!found.length) throw unknownEntity(graph, name);
  return new Set(found.map((e) => e.key));
}

/**
 * `resolveEntity` returns the one entity `name` stands for (see {@link findEntities}). When several
 * match, a label beats an alias ("Fidan" is the entity labelled so, not an alias of "Hakan Fidan").
 * @throws QueryError `unknown-entity` with the closest names, or `ambiguous-entity` with the candidates' keys.
 */
export function resolveEntity(graph: KnowledgeGraph, name: string): EntityRef {
  const found = findEntities(graph, name);
  if (found.length === 1) return found[0];
  if (!found.length) throw unknownEntity(graph, name);
  const byLabel = found.filter((e) => norm(e.label) === norm(typedName(name).name));
  if (byLabel.length === 1) return byLabel[0];
  const keys = found.map((e) => e.key);
  throw new QueryError(`"${name}" names ${keys.length} entities: ${keys.map((k) => `"${k}"`).join(', ')}; name one by its key`, 'ambiguous-entity', name, keys);
}

// ### `resolveFrom` finds `value` in a fixed vocabulary, ignoring case, or throws with the closest terms.
function resolveFrom<T extends string>(value: string, terms: readonly T[], code: 'unknown-predicate' | 'unknown-type', what: string): T {
  const v = norm(value).replace(/^(?:nkg:|https:\/\/w3id\.org\/newskg\/ontology#)/, '');
  const hit = terms.find((t) => t.toLowerCase() === v);
  if (hit) return hit;
  const suggestions = closest(v, terms.map((t) => ({ name: t, value: t })), { limit: 3, maxDistance: (n) => Math.max(3, Math.ceil(n / 2)) });
  const hint = suggestions.length ? `did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}? ` : '';
  throw new QueryError(`unknown ${what} "${value}"; ${hint}Known: ${terms.join(', ')}`, code, value, suggestions);
}

/** `resolvePredicate` reads a predicate name ("metwith", "nkg:metWith"). @throws QueryError `unknown-predicate`. */
export const resolvePredicate = (name: string): Predicate => resolveFrom(name, PREDICATES, 'unknown-predicate', 'predicate');

/** `resolveType` reads an entity type name ("person"). @throws QueryError `unknown-type`. */
export const resolveType = (name: string): EntityType => resolveFrom(name, ENTITY_TYPES, 'unknown-type', 'entity type');

function predicateSet(p: string | string[] | undefined): Set<Predicate> | undefined {
  if (p === undefined) return undefined;
  return new Set((Array.isArray(p) ? p : [p]).map(resolvePredicate));
}

// ---------------------------------------------------------------------------------------------
// Results

// ### `entityRef` describes a node; a qualifier key that is no node still gets its label and type.
export function entityRef(graph: KnowledgeGraph, key: string): EntityRef {
  if (graph.hasNode(key)) {
    const a = graph.getNodeAttributes(key);
    return { key, label: a.label, type: a.type, iri: a.iri ?? entityIri(key) };
  }
  const { type, label } = parseEntityKey(key);
  return { key, label, type, iri: entityIri(key) };
}

// ### `relation` turns an edge into a result, reading it from `from` when it is symmetric and
// `from` is its target.
function relation(graph: KnowledgeGraph, edge: string, from?: string): Relation {
  const a = graph.getEdgeAttributes(edge);
  let s = graph.source(edge), o = graph.target(edge);
  if (a.symmetric && from === o) [s, o] = [o, s];
  const qualifiers: RelationQualifiers = {};
  if (a.date) qualifiers.date = a.date;
  if (a.place) qualifiers.place = entityRef(graph, a.place);
  if (a.occasion) qualifiers.occasion = entityRef(graph, a.occasion);
  if (a.topics?.length) qualifiers.topics = [...a.topics];
  return {
    key: edge, subject: entityRef(graph, s), predicate: a.predicate, object: entityRef(graph, o),
    symmetric: a.symmetric === true, qualifiers, provenance: a.provenance.map((p) => ({ ...p })),
  };
}

const relationOrder = (x: Relation, y: Relation): number =>
  byText(x.subject.label, y.subject.label) || byText(x.predicate, y.predicate) || byText(x.object.label, y.object.label) || byText(x.key, y.key);

/**
 * `relations` returns the facts that match `filter`, sorted by subject, predicate and object label.
 * A symmetric fact matches either way round and comes back facing the named entity, so
 * `{ subject: 'Bayramov', predicate: 'metWith' }` lists everyone he met, whichever way it was stored.
 * @throws QueryError for an unknown name, predicate or type.
 */
export function relations(graph: KnowledgeGraph, filter: RelationFilter = {}): Relation[] {
  const subjects = filter.subject === undefined ? undefined : matchKeys(graph, filter.subject);
  const objects = filter.object === undefined ? undefined : matchKeys(graph, filter.object);
  const predicates = predicateSet(filter.predicate);
  const other = filter.type === undefined ? undefined : resolveType(filter.type);
  const subjectType = filter.subjectType === undefined ? undefined : resolveType(filter.subjectType);
  const objectType = filter.objectType === undefined ? undefined : resolveType(filter.objectType);
  const typeOf = (k: string): EntityType => graph.getNodeAttribute(k, 'type');

  const fits = (s: string, o: string): boolean => {
    if (subjects && !subjects.has(s)) return false;
    if (objects && !objects.has(o)) return false;
    if (subjectType && typeOf(s) !== subjectType) return false;
    if (objectType && typeOf(o) !== objectType) return false;
    if (other) {
      if (subjects && !objects) return typeOf(o) === other;
      if (objects && !subjects) return typeOf(s) === other;
      return typeOf(s) === other || typeOf(o) === other;
    }
    return true;
  };

  const out: Relation[] = [];
  const seen = new Set<string>();
  const visit = (edge: string): void => {
    if (seen.has(edge)) return;
    seen.add(edge);
    const a = graph.getEdgeAttributes(edge);
    if (predicates && !predicates.has(a.predicate)) return;
    const s = graph.source(edge), o = graph.target(edge);
    if (fits(s, o)) out.push(relation(graph, edge));
    else if (a.symmetric && fits(o, s)) out.push(relation(graph, edge, o));
  };
  // Only the edges of the named entities can match, so look at those alone.
  const named = subjects ?? objects;
  if (named) for (const k of named) graph.forEachEdge(k, visit);
  else graph.forEachEdge(visit);
  return out.sort(relationOrder);
}

// ---------------------------------------------------------------------------------------------
// Neighbourhoods and paths

/**
 * `neighbours` returns the entities within `depth` hops of `name` (edges followed either way) and the
 * facts that link them, those closest to the centre first.
 * @throws QueryError for an unknown or ambiguous name, an unknown predicate or type.
 */
export function neighbours(graph: KnowledgeGraph, name: string, options: NeighbourOptions = {}): Neighbourhood {
  const centre = resolveEntity(graph, name);
  const depth = Math.max(1, Math.floor(options.depth ?? 1));
  const predicates = predicateSet(options.predicate);
  const type = options.type === undefined ? undefined : resolveType(options.type);
  const allowed = (edge: string): boolean => !predicates || predicates.has(graph.getEdgeAttribute(edge, 'predicate'));

  const distance = new Map<string, number>([[centre.key, 0]]);
  let frontier = [centre.key];
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (edge, _a, s, t) => {
        const other = s === node ? t : s;
        if (distance.has(other) || !allowed(edge)) return;
        if (type && graph.getNodeAttribute(other, 'type') !== type) return;
        distance.set(other, d);
        next.push(other);
      });
    }
    frontier = next;
  }

  const rels: { r: Relation; d: number }[] = [];
  const seen = new Set<string>();
  for (const [node, d] of distance) {
    if (d >= depth) continue;
    graph.forEachEdge(node, (edge, _a, s, t) => {
      if (seen.has(edge) || !allowed(edge) || !distance.has(s) || !distance.has(t)) return;
      seen.add(edge);
      // Face the end nearer the centre, so "X metWith Y" reads from the entity asked about.
      const near = distance.get(s)! <= distance.get(t)! ? s : t;
      rels.push({ r: relation(graph, edge, near), d: Math.min(distance.get(s)!, distance.get(t)!) });
    });
  }
  const found: Neighbour[] = [...distance].filter(([k]) => k !== centre.key).map(([k, d]) => ({ ...entityRef(graph, k), distance: d }));
  return {
    entity: centre,
    neighbours: found.sort((x, y) => x.distance - y.distance || byText(x.label, y.label) || byText(x.key, y.key)),
    relations: rels.sort((x, y) => x.d - y.d || relationOrder(x.r, y.r)).map((x) => x.r),
  };
}

// ### `linkGraph` is the graph as undirected links between entities (one per linked pair, whatever
// the predicates and directions), the shape shortest paths are searched in.
function linkGraph(graph: KnowledgeGraph, predicates?: Set<Predicate>): UndirectedGraph {
  const links = new UndirectedGraph();
  graph.forEachNode((k) => void links.addNode(k));
  graph.forEachEdge((_e, a, s, t) => {
    if (!predicates || predicates.has(a.predicate)) links.mergeEdge(s, t);
  });
  return links;
}

/**
 * `shortestPaths` returns up to `limit` shortest paths between two entities, following facts either
 * way; each hop lists every fact between its two entities. Empty when they are not connected.
 * Paths come in a stable order (by the labels along them).
 * @throws QueryError for an unknown or ambiguous name, or an unknown predicate.
 */
export function shortestPaths(graph: KnowledgeGraph, from: string, to: string, options: PathOptions = {}): Path[] {
  const a = resolveEntity(graph, from), b = resolveEntity(graph, to);
  const predicates = predicateSet(options.predicate);
  const limit = Math.max(1, Math.floor(options.limit ?? 10));
  if (a.key === b.key) return [{ entities: [a], hops: [] }];
  const links = linkGraph(graph, predicates);
  const fromA = singleSourceLength(links, a.key), fromB = singleSourceLength(links, b.key);
  const length = fromA[b.key];
  if (length === undefined) return [];

  // Walk from A one layer at a time, keeping to nodes that lie on some shortest path to B.
  const label = (k: string): string => graph.getNodeAttribute(k, 'label');
  const nodePaths: string[][] = [];
  const walk = (path: string[]): void => {
    if (nodePaths.length >= limit) return;
    const u = path[path.length - 1];
    if (u === b.key) {
      nodePaths.push([...path]);
      return;
    }
    const next = links.neighbors(u).filter((w) => fromA[w] === fromA[u] + 1 && fromA[w] + fromB[w] === length);
    for (const w of next.sort((x, y) => byText(label(x), label(y)) || byText(x, y))) walk([...path, w]);
  };
  walk([a.key]);

  return nodePaths.map((keys) => ({
    entities: keys.map((k) => entityRef(graph, k)),
    hops: keys.slice(1).map((k, i) => {
      const prev = keys[i];
      // `edges(a, b)` of a directed graph already holds both directions.
      const rels = graph.edges(prev, k)
        .filter((e) => !predicates || predicates.has(graph.getEdgeAttribute(e, 'predicate')))
        .map((e) => relation(graph, e, prev))
        .sort(relationOrder);
      return { from: entityRef(graph, prev), to: entityRef(graph, k), relations: rels };
    }),
  }));
}
