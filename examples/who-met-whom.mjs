// **who-met-whom** builds a graph from articles and asks it three questions with the newskg library:
// whom a person met (with the sentences that say so), how two people are connected, and the same
// meetings again through SPARQL.
//
//   node examples/who-met-whom.mjs [ARTICLES...] [--person NAME] [--to NAME]
//
// ARTICLES are files or directories (default: data/); the defaults ask about Jeyhun Bayramov and
// Sergey Lavrov.
import { parseArgs } from 'node:util';
import { buildFromFiles, formatSparql, relations, shortestPaths, SparqlEngine } from 'newskg';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { person: { type: 'string', default: 'Jeyhun Bayramov' }, to: { type: 'string', default: 'Sergey Lavrov' } },
});

const { graph, articles } = await buildFromFiles(positionals.length ? positionals : ['data/']);
console.log(`${articles.length} articles: ${graph.order} entities, ${graph.size} facts\n`);

// 1. Whom did the person meet, when, and where is it said?
console.log(`${values.person} met:`);
for (const r of relations(graph, { subject: values.person, predicate: 'metWith' })) {
  const said = r.provenance.map((p) => `${p.source}#${p.sentence} "${p.evidence.replace(/\s+/g, ' ')}"`);
  console.log(`- ${r.object.label}${r.qualifiers.date ? ` on ${r.qualifiers.date}` : ''}: ${[...new Set(said)].join('; ')}`);
}

// 2. How are the two connected? Each hop lists the facts between two entities.
const [path] = shortestPaths(graph, values.person, values.to);
console.log(`\n${values.person} → ${values.to}: ${path ? path.entities.map((e) => e.label).join(' → ') : 'not connected'}`);
for (const hop of path?.hops ?? []) {
  for (const r of hop.relations) console.log(`  ${r.subject.label} ${r.predicate} ${r.object.label}`);
}

// 3. The same meetings in SPARQL, over exactly the triples graph.ttl would hold.
const engine = SparqlEngine.fromGraph(graph);
const result = engine.query(`
  SELECT ?other (COUNT(?ref) AS ?mentions) WHERE {
    ?me rdfs:label ${JSON.stringify(values.person)} .
    { ?st nkg:statementSubject ?me ; nkg:statementObject ?o } UNION
    { ?st nkg:statementObject ?me ; nkg:statementSubject ?o }
    ?st nkg:statementPredicate nkg:metWith ; prov:wasDerivedFrom ?ref .
    ?o rdfs:label ?other .
  } GROUP BY ?other ORDER BY ?other`);
console.log(`\nSPARQL (${engine.size} triples):`);
process.stdout.write(formatSparql(result, 'table'));
