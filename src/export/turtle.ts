// **turtle** writes the graph's triples (see rdf.ts) as Turtle or N-Triples through n3's writers.
//
// NOTE on prefixed names: n3's Writer abbreviates an IRI only when its rest after a prefix
// matches `[_a-zA-Z0-9](\.?[-_a-zA-Z0-9])*` (N3Writer `_createPrefixRegex`), so a local name
// never holds a backslash escape or a `%XX` (which Virtuoso would keep or mangle); anything
// else is written as a full `<IRI>`. Only vocabulary namespaces get prefixes (DEFAULT_PREFIXES),
// so entity, statement and reference IRIs are always written in full, and `wd:` is only
// used for checked QIDs (`wikidataIri`).
import { Writer } from 'n3';
import type { KnowledgeGraph } from '../types.js';
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

// ### `writeTurtleStream` writes Turtle (or N-Triples) to `out` as it goes, for graphs too
// big for one string. n3's Writer renders into a buffer that goes to `out` in 64 KiB chunks,
// honouring back-pressure: the triples are made only as fast as `out` takes them. (n3's
// StreamWriter is the same Writer behind a Transform stream, which costs a stream step per triple.)
// Resolves when everything is written (and `out` ended, by default).
export async function writeTurtleStream(graph: KnowledgeGraph, out: NodeJS.WritableStream, options: TurtleStreamOptions = {}): Promise<void> {
  let failed: Error | undefined;
  const onError = (e: Error): void => {
    failed ??= e;
  };
  out.on('error', onError);
  let chunks: string[] = [], size = 0;
  const sink = { write: (chunk: string): boolean => (chunks.push(chunk), (size += chunk.length), true), end: (done?: () => void): void => done?.() };
  const flush = async (): Promise<void> => {
    const text = chunks.join('');
    chunks = [];
    size = 0;
    if (text && !out.write(text)) await waitFor(out, 'drain', () => failed);
  };
  try {
    const writer = new Writer(sink as unknown as NodeJS.WritableStream, writerOptions(options));
    for (const q of graphQuads(graph)) {
      writer.addQuad(q);
      if (size >= 65_536) await flush();
      if (failed) throw failed;
    }
    await new Promise<void>((resolve, reject) => writer.end((error) => (error ? reject(error) : resolve())));
    await flush();
    if (options.end ?? true) {
      out.end();
      await waitFor(out, 'finish', () => failed);
    }
    if (failed) throw failed;
  } finally {
    out.off('error', onError);
  }
}

// ### `waitFor` waits for an event of `out`, or rejects with the error it reports meanwhile.
function waitFor(out: NodeJS.WritableStream, event: string, failed: () => Error | undefined): Promise<void> {
  const early = failed();
  if (early) return Promise.reject(early);
  return new Promise((resolve, reject) => {
    const ok = (): void => {
      out.off('error', bad);
      resolve();
    };
    const bad = (e: Error): void => {
      out.off(event, ok);
      reject(e);
    };
    out.once(event, ok);
    out.once('error', bad);
  });
}

// ### `writeNTriplesStream` is `writeTurtleStream` for N-Triples.
export const writeNTriplesStream = (graph: KnowledgeGraph, out: NodeJS.WritableStream, options: Omit<TurtleStreamOptions, 'format' | 'prefixes'> = {}): Promise<void> =>
  writeTurtleStream(graph, out, { ...options, format: 'N-Triples' });
