// **perf-query** times the query library and the SPARQL engine over a real corpus, run by hand:
//
//   npm run build && node scripts/perf-query.mjs [ARTICLES_DIR] [COPIES]
//
// The corpus (default ../shared/corpus/dev/articles) is built once, then copied COPIES times
// (default 100) under renamed entities, to see how loading and queries grow with the graph.
import { buildFromFiles, relations, neighbours, shortestPaths, SparqlEngine } from '../dist/index.js';
import { createGraph } from '../dist/graph.js';

const [dir = '../shared/corpus/dev/articles', copies = '100'] = process.argv.slice(2);
const time = (label, f) => {
  const t = performance.now();
  const r = f();
  console.log(`${label.padEnd(44)} ${(performance.now() - t).toFixed(1).padStart(9)} ms`);
  return r;
};

const { graph } = await buildFromFiles([dir]);
const MET = `SELECT ?other ?article WHERE { ?me rdfs:label "Jeyhun Bayramov" .
  { ?st nkg:statementSubject ?me ; nkg:statementObject ?o } UNION { ?st nkg:statementObject ?me ; nkg:statementSubject ?o }
  ?st nkg:statementPredicate nkg:metWith ; prov:wasDerivedFrom ?ref . ?o rdfs:label ?other . ?ref nkg:source/dcterms:identifier ?article }`;

function bench(g, name) {
  console.log(`\n${name}: ${g.order} entities, ${g.size} facts`);
  time('relations(subject, predicate), cold index', () => relations(g, { subject: 'Jeyhun Bayramov', predicate: 'metWith' }));
  time('relations(subject, predicate), warm', () => relations(g, { subject: 'Jeyhun Bayramov', predicate: 'metWith' }));
  time('relations(predicate: signed)', () => relations(g, { predicate: 'signed' }));
  time('neighbours(Lavrov, depth 2)', () => neighbours(g, 'Sergey Lavrov', { depth: 2 }));
  time('shortestPaths(Lavrov, Saidov)', () => shortestPaths(g, 'Sergey Lavrov', 'Bakhtiyor Saidov'));
  try {
    relations(g, { subject: 'Bayramof' });
  } catch {
    time('unknown name with suggestions', () => { try { relations(g, { subject: 'Bayramof' }); } catch { /* timed */ } });
  }
  const engine = time('SparqlEngine.fromGraph', () => SparqlEngine.fromGraph(g));
  console.log(`${'  triples'.padEnd(44)} ${String(engine.size).padStart(9)}`);
  time('SPARQL: everyone Bayramov met', () => engine.query(MET));
  time('SPARQL: count per predicate', () => engine.query('SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p'));
}

bench(graph, 'corpus');

// Copies keep the originals' names ("Jeyhun Bayramov") in copy 0 only, so lookups stay unambiguous.
const big = createGraph();
const data = graph.export();
for (let i = 0; i < Number(copies); i++) {
  const k = (key) => (i ? `${key} ${i}` : key);
  for (const n of data.nodes) big.addNode(k(n.key), { ...n.attributes, label: i ? `${n.attributes.label} ${i}` : n.attributes.label, aliases: i ? [] : n.attributes.aliases });
  for (const e of data.edges) big.addDirectedEdgeWithKey(k(e.key), k(e.source), k(e.target), e.attributes);
  // Link each copy to the next, so paths can cross copies.
  if (i) big.mergeDirectedEdgeWithKey(`link ${i}`, k('Person:Sergey Lavrov'), `Person:Sergey Lavrov${i > 1 ? ` ${i - 1}` : ''}`, { predicate: 'metWith', label: 'metWith', symmetric: true, provenance: [] });
}
bench(big, `${copies} copies`);
