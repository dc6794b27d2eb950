// **merge** unions graphs built apart (the shards of `build --shard i/n`, or separate corpora) into
// one, and writes it as `build` would: same files, same bytes as one build over all the articles.
import { join } from 'node:path';
import { fileName, render, DEFAULT_FORMATS, type Format } from './build.js';
import { mergeGraphs } from './graph.js';
import { loadGraph } from './load.js';
import { writeAtomic } from './output.js';
import type { KnowledgeGraph } from './types.js';

export interface MergeOptions {
  /** Output directory; nothing is written when undefined. */
  out?: string;
  /** Default json, ttl, graphml. */
  formats?: Format[];
}

export interface MergeResult {
  graph: KnowledgeGraph;
  files: string[];
}

/**
 * `mergeFiles` reads graph.json files written by `newskg build`, unions them (`mergeGraphs`) and
 * writes the formats asked for.
 * @throws InputError when a file is missing or holds no graph.
 */
export async function mergeFiles(paths: string[], options: MergeOptions = {}): Promise<MergeResult> {
  const graphs: KnowledgeGraph[] = [];
  for (const p of paths) graphs.push(await loadGraph(p));
  const graph = mergeGraphs(graphs);
  const files: string[] = [];
  if (options.out) {
    for (const f of options.formats ?? DEFAULT_FORMATS) {
      const path = join(options.out, fileName(f));
      writeAtomic(path, await render(graph, f));
      files.push(path);
    }
  }
  return { graph, files };
}
