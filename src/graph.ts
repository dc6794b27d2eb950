// **graph** merges per-article extractions into one graphology graph: one node per
// entity across all inputs, one edge per fact with every supporting mention.
import { MultiDirectedGraph } from 'graphology';
import { edgeKey, entityIri } from './iri.js';
import { isSymmetric, SCHEMA_VERSION } from './schema.js';
import type { EdgeAttributes, Extraction, Fact, GraphAttributes, KnowledgeGraph, NodeAttributes, Provenance, Sentence } from './types.js';

// ### `createGraph` makes an empty graph of the shape newskg uses: directed, with
// parallel edges allowed (two predicates between the same pair), no self loops.
export function createGraph(): KnowledgeGraph {
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: false });
  graph.replaceAttributes({ schemaVersion: SCHEMA_VERSION });
  return graph;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ### `insertSorted` adds `value` to the sorted `list` in place unless an equal one is there, by
// binary search: a country named in thousands of articles, or one fact stated thousands of times,
// stays cheap. Appending, the usual case when articles come in id order, is checked first.
function insertSorted<T>(list: T[], value: T, order: (a: T, b: T) => number): void {
  let lo = 0, hi = list.length;
  if (hi && order(list[hi - 1], value) < 0) lo = hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order(list[mid], value) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo === list.length || order(list[lo], value) !== 0) list.splice(lo, 0, value);
}

function provOrder(a: Provenance, b: Provenance): number {
  return byText(a.source, b.source) || a.start - b.start || a.end - b.end || byText(a.rule, b.rule);
}

// ### `addExtraction` merges one article's entities and facts into the graph.
export function addExtraction(graph: KnowledgeGraph, x: Extraction): void {
  for (const e of x.entities) {
    graph.mergeNode(e.key);
    graph.updateNodeAttributes(e.key, (old) => {
      const aliases = old.aliases ?? [];
      for (const a of e.aliases) if (a !== e.label) insertSorted(aliases, a, byText);
      const sources = old.sources ?? [];
      insertSorted(sources, x.article.id, byText);
      const attrs: NodeAttributes = {
        ...(old as NodeAttributes),
        ...e.attrs,
        label: e.label,
        type: e.type,
        iri: old.iri ?? entityIri(e.key),
        aliases,
        sources,
      };
      if (e.wikidata) attrs.wikidata = e.wikidata;
      return attrs;
    });
  }
  for (const f of x.facts) addFact(graph, withSentence(f, x.sentences, x.article.id));
}

// Every mention keeps its article id and rule id. Copied between threads, each would be a string
// of its own: a million mentions share these few strings instead.
const RULE_IDS = new Map<string, string>();
function ruleId(rule: string): string {
  let r = RULE_IDS.get(rule);
  if (r === undefined) RULE_IDS.set(rule, (r = rule));
  return r;
}

// ### `withSentence` copies a fact with the text of its sentence in the provenance. The
// extractor only records the sentence index; the text is what a reader of the RDF wants.
function withSentence(f: Fact, sentences: Sentence[] | undefined, article: string): Fact {
  const p = f.provenance;
  const i = p.sentence;
  const s = sentences?.[i]?.index === i ? sentences[i] : sentences?.find((x) => x.index === i);
  const provenance = { ...p, source: p.source === article ? article : p.source, rule: ruleId(p.rule) };
  if (s && p.sentenceText === undefined) provenance.sentenceText = s.text;
  return { ...f, provenance };
}

// ### `addFact` adds a fact as an edge, or adds its provenance to the edge that has it.
export function addFact(graph: KnowledgeGraph, f: Fact): void {
  if (f.subject === f.object) return;
  const symmetric = isSymmetric(f.predicate);
  const [s, o] = symmetric && f.object < f.subject ? [f.object, f.subject] : [f.subject, f.object];
  const key = edgeKey(s, f.predicate, o);
  if (!graph.hasEdge(key)) {
    graph.addDirectedEdgeWithKey(key, s, o, { predicate: f.predicate, label: f.predicate, symmetric, provenance: [] });
  }
  graph.updateEdgeAttributes(key, (old) => {
    const a = { ...old };
    // Equal under provOrder means the same source, offsets and rule: the same mention.
    insertSorted(a.provenance, f.provenance, provOrder);
    // The first mention in reading order states the qualifiers; later ones only fill gaps.
    const q = f.qualifiers;
    if (q.date && !a.date) a.date = q.date;
    if (q.place && !a.place) a.place = q.place;
    if (q.occasion && !a.occasion) a.occasion = q.occasion;
    if (q.topics?.length) a.topics = [...new Set([...(a.topics ?? []), ...q.topics])].sort(byText);
    return a;
  });
}

// ### `sortedGraph` copies a graph with nodes and edges in key order, so every export
// is byte-identical whatever order the articles were read in.
export function sortedGraph(graph: KnowledgeGraph): KnowledgeGraph {
  const out = createGraph();
  out.replaceAttributes(graph.getAttributes());
  for (const n of graph.nodes().sort(byText)) out.addNode(n, graph.getNodeAttributes(n));
  for (const e of graph.edges().sort(byText)) out.addDirectedEdgeWithKey(e, graph.source(e), graph.target(e), graph.getEdgeAttributes(e));
  return out;
}

// ### `buildGraph` merges extractions into a new, sorted graph.
export function buildGraph(extractions: Iterable<Extraction>): KnowledgeGraph {
  const graph = createGraph();
  for (const x of extractions) addExtraction(graph, x);
  return sortedGraph(graph);
}

// ### `mergeGraphs` unions built graphs (shards of one corpus, or builds of different corpora) into
// a new, sorted graph: one node per key with aliases and sources merged, one edge per key with every
// provenance item. Where two graphs state different qualifiers for one edge, the one whose first
// mention comes first (by article id and offset) wins, as the first mention in reading order does
// in `addFact`; the other only fills gaps.
export function mergeGraphs(graphs: Iterable<KnowledgeGraph>): KnowledgeGraph {
  const out = createGraph();
  for (const g of graphs) {
    g.forEachNode((key, a) => {
      if (!out.hasNode(key)) {
        out.addNode(key, { ...a, aliases: [...(a.aliases ?? [])], sources: [...(a.sources ?? [])] });
        return;
      }
      out.updateNodeAttributes(key, (old) => {
        // Extra attributes: the graph with the later article wins, as the later article does in addExtraction.
        const later = lastOf(a.sources) > lastOf(old.sources);
        return {
          ...(later ? old : a),
          ...(later ? a : old),
          aliases: [...new Set([...(old.aliases ?? []), ...(a.aliases ?? [])])].sort(byText),
          sources: [...new Set([...(old.sources ?? []), ...(a.sources ?? [])])].sort(byText),
        } as NodeAttributes;
      });
    });
    g.forEachEdge((key, a, s, t) => {
      if (!out.hasEdge(key)) {
        out.addDirectedEdgeWithKey(key, s, t, { ...a, provenance: [...a.provenance] });
        return;
      }
      out.updateEdgeAttributes(key, (old) => {
        const newFirst = a.provenance.length > 0 && (old.provenance.length === 0 || provOrder(a.provenance[0], old.provenance[0]) < 0);
        const [first, second] = newFirst ? [a, old] : [old, a];
        const seen = new Set(first.provenance.map(provKey));
        const provenance = [...first.provenance, ...second.provenance.filter((p) => !seen.has(provKey(p)))].sort(provOrder);
        const merged: EdgeAttributes = { ...second, ...first, provenance };
        for (const q of ['date', 'place', 'occasion'] as const) {
          const v = first[q] ?? second[q];
          if (v !== undefined) merged[q] = v;
        }
        const topics = [...new Set([...(old.topics ?? []), ...(a.topics ?? [])])].sort(byText);
        if (topics.length) merged.topics = topics;
        return merged;
      });
    });
  }
  return sortedGraph(out);
}

const lastOf = (xs: string[] | undefined): string => (xs?.length ? xs[xs.length - 1] : '');
const provKey = (p: Provenance): string => `${p.source}\u0000${p.start}\u0000${p.end}\u0000${p.rule}`;
