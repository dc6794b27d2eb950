// **newskg** is the package's library entry: build a graph from files or strings, load a saved
// graph.json, query it (relations, neighbourhoods, paths, SPARQL) and write it in any format.
import { build, buildFromResults, type BuildOptions, type BuildResult } from './build.js';
import { InputError } from './errors.js';
import { extractArticle, type ArticleResult, type ExtractOptions } from './extract.js';
import { articleFromText } from './ingest.js';
import type { KnowledgeGraph } from './types.js';

/**
 * `buildFromFiles` builds the graph of article files and directories (searched recursively for
 * `.txt`), and writes the formats asked for when `options.out` is set. A bad input is reported in
 * `result.articles` with its reason; the others are still built. Same as `newskg build`.
 *
 * @param inputs Files, directories, or `-` for stdin.
 * @param options `out` (no files when unset), `formats` (default json, ttl, graphml), `encoding`, `dataDir`.
 */
export function buildFromFiles(inputs: string[], options: BuildOptions = {}): Promise<BuildResult> {
  return build(inputs, options);
}

/**
 * `buildFromTexts` builds the graph of articles already in memory, keyed by article id (the id is
 * what provenance calls the `source`).
 *
 * @param texts `{ id: text }`, or `[id, text]` pairs.
 * @param options `dataDir`: a directory with your own `gazetteers/` and `rules/` (default: the package's).
 * @throws InputError for an empty or binary text, or an id given twice.
 */
export function buildFromTexts(texts: Record<string, string> | Iterable<readonly [string, string]>, options: ExtractOptions = {}): KnowledgeGraph {
  const pairs = Symbol.iterator in texts ? [...(texts as Iterable<readonly [string, string]>)] : Object.entries(texts);
  const seen = new Set<string>();
  const results: ArticleResult[] = [];
  for (const [id, text] of pairs) {
    if (seen.has(id)) throw new InputError(`article id "${id}" is given twice`, id, 'not-a-text-file');
    seen.add(id);
    results.push(extractArticle(articleFromText(id, text, id), options));
  }
  return buildFromResults(results);
}

export { build, render, FORMATS, DEFAULT_FORMATS } from './build.js';
export type { ArticleReport, BuildOptions, BuildResult, Format } from './build.js';
export type { ArticleResult, ExtractOptions } from './extract.js';
export { loadGraph } from './load.js';
export { readJson, writeJson, GraphJsonError } from './export/json.js';
export type { JsonOptions } from './export/json.js';
export { writeTurtle, writeTurtleStream, writeNTriples, writeNTriplesStream } from './export/turtle.js';
export type { TurtleOptions, TurtleStreamOptions } from './export/turtle.js';
export { writeGraphml, writeGraphmlStream } from './export/graphml.js';
export { writeGexf, writeGexfStream } from './export/gexf.js';
export type { GraphmlOptions, GraphmlStreamOptions } from './export/graphml.js';
export type { GexfOptions, GexfStreamOptions } from './export/gexf.js';
export { findEntities, resolveEntity, resolvePredicate, resolveType, entityRef, relations, neighbours, shortestPaths } from './query.js';
export type { EntityRef, Hop, Neighbour, Neighbourhood, NeighbourOptions, Path, PathOptions, Relation, RelationFilter, RelationQualifiers } from './query.js';
export { SparqlEngine, sparql, formatSparql, toSparqlJson, SPARQL_FORMATS } from './sparql.js';
export type { RdfSyntax, SparqlBinding, SparqlFormat, SparqlQueryOptions, SparqlResult, SparqlTerm } from './sparql.js';
export { NewskgError, InputError, ExtractionError, UsageError, RuleError, QueryError, SparqlError } from './errors.js';
export type { InputErrorCode, QueryErrorCode, SparqlErrorCode } from './errors.js';
export { ENTITY_TYPES, PREDICATES } from './types.js';
export type {
  Article, ArticleMeta, EdgeAttributes, EntityType, GraphAttributes, KnowledgeGraph, NodeAttributes, Predicate, Provenance, Qualifiers,
} from './types.js';
