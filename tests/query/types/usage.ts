// **usage** is a consumer's script, type-checked against the package's shipped declarations: every
// export a README example uses, and `@ts-expect-error` where the types must refuse a mistake.
import {
  buildFromFiles, buildFromTexts, ENTITY_TYPES, findEntities, formatSparql, InputError, loadGraph, neighbours, PREDICATES, QueryError,
  readJson, relations, resolveEntity, resolvePredicate, shortestPaths, sparql, SparqlEngine, SparqlError, toSparqlJson, writeGraphml,
  writeGraphmlStream, writeJson, writeNTriples, writeTurtle, writeTurtleStream,
  type BuildResult, type EntityRef, type EntityType, type KnowledgeGraph, type Neighbourhood, type Path, type Predicate, type Provenance,
  type QueryErrorCode, type Relation, type SparqlFormat, type SparqlResult, type SparqlTerm,
} from 'newskg';

export async function main(): Promise<void> {
  const graph: KnowledgeGraph = await loadGraph('out/graph.json');
  const again: KnowledgeGraph = readJson(writeJson(graph, { indent: 0 }));
  const built: BuildResult = await buildFromFiles(['data/'], { formats: ['json', 'ttl'] });
  const fromText: KnowledgeGraph = buildFromTexts({ a: 'Hakan Fidan met Sergey Lavrov.' }, { dataDir: 'data' });
  buildFromTexts([['a', 'Hakan Fidan met Sergey Lavrov.']]);

  const met: Relation[] = relations(graph, { subject: 'Jeyhun Bayramov', predicate: ['metWith', 'spokeWith'], type: 'Person' });
  for (const r of met) {
    const p: Predicate = r.predicate;
    const other: EntityRef = r.object;
    const type: EntityType = other.type;
    const date: string | undefined = r.qualifiers.date;
    const place: string | undefined = r.qualifiers.place?.label;
    const mentions: Provenance[] = r.provenance;
    const where: string[] = mentions.map((m) => `${m.source}#${m.sentence} ${m.start}-${m.end} ${m.rule}: ${m.evidence}`);
    // @ts-expect-error: a predicate is one of the schema's, not any string
    const wrong: 'talkedTo' = r.predicate;
    void [p, type, date, place, where, wrong];
  }
  // @ts-expect-error: not a filter field
  relations(graph, { subjekt: 'Jeyhun Bayramov' });

  const n: Neighbourhood = neighbours(graph, 'Sergey Lavrov', { depth: 2, predicate: 'metWith', type: 'Person' });
  const far: number = n.neighbours[0].distance;
  const paths: Path[] = shortestPaths(graph, 'Lavrov', 'Saidov', { limit: 3 });
  const hops: Relation[][] = paths.flatMap((p) => p.hops.map((h) => h.relations));
  const found: EntityRef[] = findEntities(graph, 'cavusoglu');
  const one: EntityRef = resolveEntity(graph, 'Person:Jeyhun Bayramov');
  const pred: Predicate = resolvePredicate('metwith');

  const engine = SparqlEngine.fromGraph(graph);
  const size: number = engine.size;
  const result: SparqlResult = engine.query('SELECT ?s WHERE { ?s a nkg:Person }', { defaultPrefixes: true });
  if (result.type === 'bindings') {
    const vars: string[] = result.vars;
    const term: SparqlTerm | undefined = result.bindings[0]?.s;
    if (term?.type === 'literal') {
      const lang: string | undefined = term['xml:lang'];
      void lang;
    }
    void vars;
  } else if (result.type === 'boolean') {
    const yes: boolean = result.boolean;
    void yes;
  }
  const formats: SparqlFormat[] = ['table', 'json', 'csv', 'tsv'];
  const text: string = formatSparql(sparql(graph, 'ASK {}'), formats[0], { width: 80 });
  const json: object = toSparqlJson(SparqlEngine.fromRdf(await writeTurtle(graph), 'turtle').query('ASK {}'));
  // @ts-expect-error: the result formats are a closed list
  formatSparql(result, 'xml');

  try {
    resolveEntity(graph, 'Bayramof');
  } catch (e) {
    if (e instanceof QueryError) {
      const code: QueryErrorCode = e.code;
      const suggestions: string[] = e.suggestions;
      void [code, suggestions];
    } else if (e instanceof SparqlError) {
      const line: number | undefined = e.line;
      void line;
    } else if (e instanceof InputError) {
      const path: string = e.path;
      void path;
    }
  }

  const nt: string = await writeNTriples(graph);
  const xml: string = writeGraphml(graph, { style: false });
  await writeTurtleStream(graph, process.stdout, { end: false });
  await writeGraphmlStream(graph, process.stdout, { end: false });
  // The graph itself is graphology's, with newskg's attribute types.
  graph.forEachEdge((_edge, attrs) => {
    const provenance: Provenance[] = attrs.provenance;
    void provenance;
  });
  const all: readonly Predicate[] = PREDICATES;
  const types: readonly EntityType[] = ENTITY_TYPES;
  void [again, built, fromText, far, hops, found, one, pred, size, text, json, nt, xml, all, types];
}
