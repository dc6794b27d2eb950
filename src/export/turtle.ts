// **turtle** writes the graph's triples (see rdf.ts) as Turtle or N-Triples through n3's writers.
//
// NOTE on prefixed names: n3's Writer abbreviates an IRI only when its rest after a prefix
// matches `[_a-zA-Z0-9](\.?[-_a-zA-Z0-9])*` (N3Writer `_createPrefixRegex`), so a local name
// never holds a backslash escape or a `%XX` (which Virtuoso would keep or mangle); anything
// else is written as a full `<IRI>`. Only vocabulary namespaces get prefixes (DEFAULT_PREFIXES),
// so entity, statement and reference IRIs are always written in full, and `wd:` is only
// used for checked QIDs (`wikidataIri`).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writer } from 'n3';
import type { KnowledgeGraph } from '../types.js';
import { utf8Batched } from './batch.js';
import { DEFAULT_PREFIXES, graphQuads } from './rdf.js';

/** Options of the Turtle and N-Triples writers. */
export interface TurtleOptions {
  /** Prefixes to declare (Turtle only). Default {@link DEFAULT_PREFIXES}. */
  prefixes?: Readonly<Record<string, string>>;
  /** `'Turtle'` (default) or `'N-Triples'`. */
  format?: 'Turtle' | 'N-Triples';
}

/** Options of the streaming writers. */
export interface TurtleStreamOptions extends TurtleOptions {
  /** End `out` when done. Default true; pass false for `process.stdout`. */
  end?: boolean;
}

function writerOptions(options: TurtleOptions): { format: string; prefixes?: Record<string, string> } {
  const format = options.format ?? 'Turtle';
  return format === 'Turtle' ? { format, prefixes: { ...(options.prefixes ?? DEFAULT_PREFIXES) } } : { format };
}

// ### `writeTurtle` returns the graph as one Turtle (or N-Triples) string.
// Same graph, same bytes: the triples come in graph order and n3 writes them as given.
export function writeTurtle(graph: KnowledgeGraph, options: TurtleOptions = {}): Promise<string> {
  const writer = new Writer(writerOptions(options));
  for (const q of graphQuads(graph)) writer.addQuad(q);
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}

// ### `writeNTriples` returns the same triples as N-Triples, one per line, in canonical form.
export const writeNTriples = (graph: KnowledgeGraph): Promise<string> => writeTurtle(graph, { format: 'N-Triples' });

// ### `turtleChunks` renders the graph's triples piece by piece: n3's Writer writes into a list
// that is handed on every thousand pieces, so the triples are made only as fast as they are taken.
// (n3's StreamWriter is the same Writer behind a Transform stream, a stream step per triple.)
function* turtleChunks(graph: KnowledgeGraph, options: TurtleOptions): Generator<string> {
  let pieces: string[] = [];
  const sink = {
    write: (piece: string, _encoding?: string, done?: () => void): boolean => (pieces.push(piece), done?.(), true),
    end: (done?: () => void): void => done?.(),
  };
  const writer = new Writer(sink as unknown as NodeJS.WritableStream, writerOptions(options));
  for (const q of graphQuads(graph)) {
    writer.addQuad(q);
    if (pieces.length >= 1024) {
      yield* pieces;
      pieces = [];
    }
  }
  // With this sink, end() finishes at once.
  writer.end();
  yield* pieces;
}

// ### `writeTurtleStream` writes Turtle (or N-Triples) to `out` as it goes, for graphs too big for
// one string, in large buffers that honour back-pressure, as the GraphML and GEXF writers do.
// Resolves when everything is written (and `out` ended, by default).
export async function writeTurtleStream(graph: KnowledgeGraph, out: NodeJS.WritableStream, options: TurtleStreamOptions = {}): Promise<void> {
  await pipeline(Readable.from(utf8Batched(turtleChunks(graph, options)), { objectMode: false }), out, { end: options.end ?? true });
}

// ### `writeNTriplesStream` is `writeTurtleStream` for N-Triples.
export const writeNTriplesStream = (graph: KnowledgeGraph, out: NodeJS.WritableStream, options: Omit<TurtleStreamOptions, 'format' | 'prefixes'> = {}): Promise<void> =>
  writeTurtleStream(graph, out, { ...options, format: 'N-Triples' });
