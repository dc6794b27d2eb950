// **store-load** pushes a graph into a triple store over the Graph Store protocol, in batches, and checks the store kept it all.
//
// Retry-safe by design: the first batch is a PUT, which replaces whatever the graph held (an earlier
// load, or half of one), and the rest are POSTs of ground triples, which a store keeps as a set; so a
// batch sent twice, or a whole load run twice, never duplicates a fact. Triples with blank nodes all
// go into that first PUT, since a blank node sent twice would be two nodes. Batches are ~50k triples
// because Virtuoso was seen to answer 201 to a 1M-triple upload yet keep only ~90% of it; and the
// graph is read back at the end, so a store that drops triples is caught rather than trusted.
import { Parser, Writer } from 'n3';
import type { Quad, Term } from 'n3';
import { LoadError, UsageError } from './errors.js';
import { checkEndpoint, GraphStore, type Credentials, type GraphStoreOptions } from './gsp.js';
import { NS } from './iri.js';
import { readRdfFile } from './rdf-file.js';

/** The graph a load goes into when none is named. */
export const DEFAULT_GRAPH = `${NS.base}graph`;
/** Triples per request. */
export const DEFAULT_BATCH_SIZE = 50_000;
/** The media type batches are sent as: N-Triples, a subset of Turtle that every store reads. */
export const CONTENT_TYPE = 'text/turtle; charset=utf-8';

/** Options of {@link loadQuads} and {@link loadFile}. */
export interface LoadOptions extends Omit<GraphStoreOptions, 'graph'> {
  /** The graph IRI to replace. Default {@link DEFAULT_GRAPH}. */
  graph?: string;
  /** Triples per request. Default {@link DEFAULT_BATCH_SIZE}. */
  batchSize?: number;
  /** Read the graph back and compare the count. Default true. */
  verify?: boolean;
  /** Called after each batch the store accepted. */
  onBatch?: (done: number, total: number, triples: number) => void;
}

/** What a load did. */
export interface LoadResult {
  graph: string;
  /** Distinct triples sent. */
  triples: number;
  batches: number;
  /** Distinct triples the store holds afterwards (when verified). */
  stored?: number;
}

// ### `termKey` writes a term as in N-Triples, enough to tell distinct triples apart.
const termKey = (t: Term): string =>
  t.termType === 'Literal' ? `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^${t.datatype.value}`}`
    : t.termType === 'BlankNode' ? `_:${t.value}` : `<${t.value}>`;
const tripleKey = (q: Quad): string => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`;
const hasBlank = (q: Quad): boolean => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode';

// ### `batches` splits distinct triples into batches of `size`, every blank-node triple in the first.
// Graph names of quads are dropped: a load fills one graph.
export function batches(quads: Iterable<Quad>, size = DEFAULT_BATCH_SIZE): Quad[][] {
  if (!Number.isInteger(size) || size < 1) throw new UsageError(`--batch-size: expected a positive integer, got ${size}`);
  const seen = new Set<string>();
  const blank: Quad[] = [], ground: Quad[] = [];
  for (const q of quads) {
    const key = tripleKey(q);
    if (seen.has(key)) continue;
    seen.add(key);
    (hasBlank(q) ? blank : ground).push(q);
  }
  const first = [...blank, ...ground.splice(0, Math.max(0, size - blank.length))];
  const out = [first];
  for (let i = 0; i < ground.length; i += size) out.push(ground.slice(i, i + size));
  return out;
}

// ### `nTriples` serialises one batch; n3 writes N-Triples in its default graph, one line each.
function nTriples(quads: Quad[]): Promise<string> {
  const writer = new Writer({ format: 'N-Triples' });
  for (const q of quads) writer.addQuad(q.subject, q.predicate, q.object);
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}

// ### `countTriples` counts the distinct triples of a store's answer, parsed by its media type.
export function countTriples(text: string, contentType: string | null): number {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const format = type === 'application/n-triples' ? 'N-Triples' : type === 'application/n-quads' ? 'N-Quads' : 'Turtle';
  const keys = new Set<string>();
  for (const q of new Parser({ format }).parse(text)) keys.add(tripleKey(q));
  return keys.size;
}

// ### `loadQuads` replaces the graph with `quads`, batch by batch, then reads it back and checks the count.
export async function loadQuads(quads: Iterable<Quad>, options: LoadOptions): Promise<LoadResult> {
  const graph = options.graph ?? DEFAULT_GRAPH;
  const store = new GraphStore({ ...options, graph });
  const list = batches(quads, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const triples = list.reduce((n, b) => n + b.length, 0);
  await store.authenticate();
  for (let i = 0; i < list.length; i++) {
    const body = await nTriples(list[i]);
    await (i === 0 ? store.put(body, CONTENT_TYPE) : store.post(body, CONTENT_TYPE));
    options.onBatch?.(i + 1, list.length, list[i].length);
  }
  const result: LoadResult = { graph, triples, batches: list.length };
  if (options.verify === false) return result;
  const answer = await store.getWithType('application/n-triples, text/turtle;q=0.9');
  result.stored = answer ? countTriples(answer.text, answer.type) : 0;
  if (result.stored !== triples) {
    throw new LoadError(`${store.url.href}: the store holds ${result.stored} triples after the load, but ${triples} were sent; load again (it replaces the graph), with a smaller --batch-size if the store drops triples from large requests`, 'verify');
  }
  return result;
}

// ### `loadFile` reads a Turtle, N-Triples, N-Quads or TriG file and loads it. A bad endpoint is
// reported before the file is read.
export async function loadFile(path: string, options: LoadOptions): Promise<LoadResult> {
  checkEndpoint(options.endpoint);
  return loadQuads(await readRdfFile(path), options);
}

// ### `credentialsFromEnv` takes the credentials from `NEWSKG_SPARQL_TOKEN`, or from
// `NEWSKG_SPARQL_USER` and `NEWSKG_SPARQL_PASSWORD`; undefined when none is set.
export function credentialsFromEnv(env: Record<string, string | undefined>): Credentials | undefined {
  const { NEWSKG_SPARQL_USER: user, NEWSKG_SPARQL_PASSWORD: password, NEWSKG_SPARQL_TOKEN: token } = env;
  if (token) return { token };
  if (user === undefined && password === undefined) return undefined;
  if (!user || password === undefined) throw new UsageError('set both NEWSKG_SPARQL_USER and NEWSKG_SPARQL_PASSWORD, or NEWSKG_SPARQL_TOKEN');
  return { user, password };
}
