// **json** writes and reads the graph as graphology's own serialisation, the file the scorer reads.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGraph } from '../graph.js';
import type { KnowledgeGraph } from '../types.js';
import { batched } from './batch.js';

/** Options of {@link writeJson}. */
export interface JsonOptions {
  /** Spaces of indentation; 0 writes one line. Default 2. */
  indent?: number;
}

// ### `writeJson` serialises `graph.export()`.
// Nodes and edges come out in the graph's own order, so pass a `sortedGraph` for
// byte-identical files whatever order the articles were read in.
export function writeJson(graph: KnowledgeGraph, options: JsonOptions = {}): string {
  return `${JSON.stringify(graph.export(), null, options.indent ?? 2)}\n`;
}

/** Options of {@link writeJsonStream}. */
export interface JsonStreamOptions extends JsonOptions {
  /** End `out` when done. Default true; pass false for `process.stdout`. */
  end?: boolean;
}

// ### `jsonChunks` yields the bytes of `writeJson` piece by piece: one node or edge at a time, so
// a graph whose JSON is longer than a JavaScript string can hold (2^29 characters) is still written.
// Each element is `JSON.stringify`'d at its own depth and indented as the whole document would be.
export function* jsonChunks(graph: KnowledgeGraph, options: JsonOptions = {}): Generator<string> {
  const indent = options.indent ?? 2;
  const pad = (depth: number): string => (indent > 0 ? `\n${' '.repeat(indent * depth)}` : '');
  const nested = (value: unknown, depth: number): string => {
    const text = JSON.stringify(value, null, indent);
    return indent > 0 ? text.replace(/\n/g, pad(depth)) : text;
  };
  const entries = Object.entries(graph.export()).filter(([, v]) => v !== undefined);
  yield '{';
  for (let k = 0; k < entries.length; k++) {
    const [key, value] = entries[k];
    yield `${pad(1)}${JSON.stringify(key)}:${indent > 0 ? ' ' : ''}`;
    if (Array.isArray(value) && value.length > 0) {
      yield '[';
      for (let i = 0; i < value.length; i++) yield `${pad(2)}${nested(value[i] ?? null, 2)}${i + 1 < value.length ? ',' : ''}`;
      yield `${pad(1)}]`;
    } else {
      yield nested(value, 1);
    }
    if (k + 1 < entries.length) yield ',';
  }
  yield `${entries.length ? pad(0) : ''}}\n`;
}

// ### `writeJsonStream` writes the same bytes as `writeJson` to `out`, honouring back-pressure.
export async function writeJsonStream(graph: KnowledgeGraph, out: NodeJS.WritableStream, options: JsonStreamOptions = {}): Promise<void> {
  await pipeline(Readable.from(batched(jsonChunks(graph, options))), out, { end: options.end ?? true });
}


/** Thrown by {@link readJson} when the text is JSON but not a serialised graph. */
export class GraphJsonError extends Error {
  override name = 'GraphJsonError';
}

// ### `readJson` imports a file written by `writeJson` into a new graph of newskg's shape.
// JSON syntax errors surface as the `SyntaxError` of `JSON.parse`.
export function readJson(text: string): KnowledgeGraph {
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { nodes?: unknown }).nodes)) {
    throw new GraphJsonError(`readJson: expected a graphology export with a "nodes" array, got ${Array.isArray(data) ? 'an array' : typeof data}`);
  }
  const graph = createGraph();
  graph.import(data as Parameters<KnowledgeGraph['import']>[0]);
  return graph;
}
