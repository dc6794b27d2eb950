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

function provOrder(a: Provenance, b: Provenance): number {
  return byText(a.source, b.source) || a.start - b.start || a.end - b.end || byText(a.rule, b.rule);
}

// ### `addExtraction` merges one article's entities and facts into the graph.
export function addExtraction(graph: KnowledgeGraph, x: Extraction): void {
  for (const e of x.entities) {
    graph.mergeNode(e.key);
    graph.updateNodeAttributes(e.key, (old) => {
      const aliases = new Set<string>(old.aliases ?? []);
      for (const a of e.aliases) if (a !== e.label) aliases.add(a);
      const sources = new Set<string>(old.sources ?? []);
      sources.add(x.article.id);
      const attrs: NodeAttributes = {
        ...(old as NodeAttributes),
        ...e.attrs,
        label: e.label,
        type: e.type,
        iri: entityIri(e.key),
        aliases: [...aliases].sort(byText),
        sources: [...sources].sort(byText),
      };
      if (e.wikidata) attrs.wikidata = e.wikidata;
      return attrs;
    });
  }
  for (const f of x.facts) addFact(graph, x.sentences ? withSentence(f, x.sentences) : f);
}

// ### `withSentence` copies a fact with the text of its sentence in the provenance. The
// extractor only records the sentence index; the text is what a reader of the RDF wants.
function withSentence(f: Fact, sentences: Sentence[]): Fact {
  const i = f.provenance.sentence;
  const s = sentences[i]?.index === i ? sentences[i] : sentences.find((x) => x.index === i);
  if (!s || f.provenance.sentenceText !== undefined) return f;
  return { ...f, provenance: { ...f.provenance, sentenceText: s.text } };
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
    if (!a.provenance.some((p) => p.source === f.provenance.source && p.start === f.provenance.start && p.end === f.provenance.end && p.rule === f.provenance.rule)) {
      a.provenance = [...a.provenance, f.provenance].sort(provOrder);
    }
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
