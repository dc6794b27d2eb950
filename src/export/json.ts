// **json** writes and reads the graph as graphology's own serialisation, the file the scorer reads.
import { createGraph } from '../graph.js';
import type { KnowledgeGraph } from '../types.js';

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
