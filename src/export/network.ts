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
// One pass over the edges; pairs are found through a map per source, not a composite key per fact.
export function networkEdges(graph: KnowledgeGraph): NetworkEdge[] {
  const bySource = new Map<string, Map<string, NetworkEdge>>();
  const edges: NetworkEdge[] = [];
  graph.forEachEdge((key, attrs, source, target) => {
    let targets = bySource.get(source);
    if (!targets) bySource.set(source, (targets = new Map()));
    let edge = targets.get(target);
    if (!edge) {
      targets.set(target, (edge = { source, target, facts: [] }));
      edges.push(edge);
    }
    edge.facts.push(toFact(key, attrs));
  });
  return edges;
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

// ### `listed` joins the distinct values of `set` in code-unit order, or gives undefined when there are none.
function listed(set: Set<string>): string | undefined {
  if (set.size === 0) return undefined;
  if (set.size === 1) return set.values().next().value;
  // The default sort compares UTF-16 code units: the same order on every machine and locale.
  return [...set].sort().join(LIST_SEPARATOR);
}

// ### `summarize` gives the columns of one network edge; multi-valued columns list distinct values.
// One loop over the facts and their provenance collects every column. With `statements: false`
// the facts' JSON, the costly column, is left empty for the caller to make when it needs it.
export function summarize(edge: NetworkEdge, options: { statements?: boolean } = {}): EdgeSummary {
  const f = edge.facts;
  const dates = new Set<string>(), places = new Set<string>(), occasions = new Set<string>();
  const topics = new Set<string>(), rules = new Set<string>(), sources = new Set<string>();
  let label = '', weight = 0, symmetric = true;
  for (let i = 0; i < f.length; i++) {
    const x = f[i];
    label = i === 0 ? x.predicate : label + LIST_SEPARATOR + x.predicate;
    weight += Math.max(1, x.provenance.length);
    if (!x.symmetric) symmetric = false;
    if (x.date) dates.add(x.date);
    if (x.place) places.add(x.place);
    if (x.occasion) occasions.add(x.occasion);
    if (x.topics) for (const t of x.topics) if (t) topics.add(t);
    for (const p of x.provenance) {
      if (p.rule) rules.add(p.rule);
      if (p.source) sources.add(p.source);
    }
  }
  const s: EdgeSummary = { label, weight, facts: f.length, symmetric, statements: options.statements === false ? '' : JSON.stringify(f) };
  const date = listed(dates), place = listed(places), occasion = listed(occasions);
  const topicList = listed(topics), ruleList = listed(rules), sourceList = listed(sources);
  if (date) s.date = date;
  if (place) s.place = place;
  if (occasion) s.occasion = occasion;
  if (topicList) s.topics = topicList;
  if (ruleList) s.rules = ruleList;
  if (sourceList) s.sources = sourceList;
  return s;
}
