// **network** folds the facts between two nodes into one edge for network tools (GraphML, GEXF).
//
// Why: Gephi merges parallel edges at import (same endpoints, same edge type) and keeps the
// attributes of only one of them, and the GraphML XSD leaves no valid place for Gephi's edge type.
// One edge per ordered pair, carrying every fact it stands for, loses nothing whatever the import
// settings; all edges stay directed (subject → object), since networkx refuses files that mix
// directed and undirected edges. Symmetric facts keep their stored direction and say so.
import type { EdgeAttributes, KnowledgeGraph, Predicate, Provenance } from '../types.js';

/** One fact of a {@link NetworkEdge}, as written into its `statements` JSON. */
export interface NetworkFact {
  /** The graph's edge key of the fact. */
  key: string;
  predicate: Predicate;
  symmetric: boolean;
  date?: string;
  place?: string;
  occasion?: string;
  topics?: string[];
  provenance: Provenance[];
}

/** Every fact from `source` to `target`, in graph order. */
export interface NetworkEdge {
  source: string;
  target: string;
  facts: NetworkFact[];
}

/** The list separator used in every multi-valued text column. */
export const LIST_SEPARATOR = ' | ';

const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

// ### `distinct` lists the values once each, sorted, for stable columns.
export const distinct = (values: Iterable<string>): string[] => [...new Set(values)].sort(byText);

function toFact(key: string, e: EdgeAttributes): NetworkFact {
  // Built in this order so the JSON reads key, predicate, qualifiers, then provenance.
  const f: Omit<NetworkFact, 'provenance'> & { provenance?: Provenance[] } = { key, predicate: e.predicate, symmetric: e.symmetric === true };
  if (e.date) f.date = e.date;
  if (e.place) f.place = e.place;
  if (e.occasion) f.occasion = e.occasion;
  if (e.topics?.length) f.topics = e.topics;
  f.provenance = e.provenance ?? [];
  return f as NetworkFact;
}

// ### `networkEdges` groups the facts of `graph` by (source, target), in order of each pair's first fact.
export function networkEdges(graph: KnowledgeGraph): NetworkEdge[] {
  const pairs = new Map<string, NetworkEdge>();
  graph.forEachEdge((key, attrs, source, target) => {
    // Node keys may hold any character: JSON quoting keeps every pair apart.
    const id = JSON.stringify([source, target]);
    let edge = pairs.get(id);
    if (!edge) pairs.set(id, (edge = { source, target, facts: [] }));
    edge.facts.push(toFact(key, attrs));
  });
  return [...pairs.values()];
}

/** The summary columns of a {@link NetworkEdge}, shared by the GraphML and GEXF writers. */
export interface EdgeSummary {
  /** The predicates, `' | '`-separated: what Gephi shows on the edge. */
  label: string;
  /** The number of supporting mentions over all facts (each fact counts at least 1, as Gephi drops weight 0). */
  weight: number;
  /** The number of facts the edge stands for. */
  facts: number;
  /** True when every fact is symmetric, so the edge reads both ways. */
  symmetric: boolean;
  date?: string;
  place?: string;
  occasion?: string;
  topics?: string;
  rules?: string;
  sources?: string;
  /** Every fact with its qualifiers and provenance, as JSON: nothing is lost in the summary. */
  statements: string;
}

// ### `summarize` gives the columns of one network edge; multi-valued columns list distinct values.
export function summarize(edge: NetworkEdge): EdgeSummary {
  const f = edge.facts;
  const join = (values: (string | undefined)[]): string | undefined => {
    const list = distinct(values.filter((v): v is string => !!v));
    return list.length ? list.join(LIST_SEPARATOR) : undefined;
  };
  const prov = f.flatMap((x) => x.provenance);
  const s: EdgeSummary = {
    label: f.map((x) => x.predicate).join(LIST_SEPARATOR),
    weight: f.reduce((n, x) => n + Math.max(1, x.provenance.length), 0),
    facts: f.length,
    symmetric: f.every((x) => x.symmetric),
    statements: JSON.stringify(f),
  };
  const date = join(f.map((x) => x.date)), place = join(f.map((x) => x.place)), occasion = join(f.map((x) => x.occasion));
  const topics = join(f.flatMap((x) => x.topics ?? [])), rules = join(prov.map((p) => p.rule)), sources = join(prov.map((p) => p.source));
  if (date) s.date = date;
  if (place) s.place = place;
  if (occasion) s.occasion = occasion;
  if (topics) s.topics = topics;
  if (rules) s.rules = rules;
  if (sources) s.sources = sources;
  return s;
}
