// **source** gives the query commands their graph: a saved graph.json, or articles built on the fly.
import { existsSync } from 'node:fs';
import type { Argv } from 'yargs';
import { build } from '../build.js';
import { UsageError } from '../errors.js';
import { loadGraph } from '../load.js';
import type { KnowledgeGraph } from '../types.js';
import type { Io } from './io.js';

/** The options every query command takes to find its graph. */
export interface SourceArgs {
  inputs?: string[];
  graph?: string;
  data?: string;
  encoding?: string;
}

/** Where a graph is read from when neither `--graph` nor inputs are given: what `newskg build` writes. */
export const DEFAULT_GRAPH = 'out/graph.json';

// ### `sourceOptions` declares `--graph`, `--data` and `--encoding`.
export function sourceOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('graph', { alias: 'g', type: 'string', describe: `A graph.json written by \`newskg build\` (default ${DEFAULT_GRAPH} when no inputs are given)` })
    .option('data', { type: 'string', describe: 'With inputs: directory with gazetteers/ and rules/ to use instead of the built-in data' })
    .option('encoding', { type: 'string', describe: 'With inputs: decode files that are not UTF-8 with this encoding' }) as Argv<T>;
}

// ### `graphPath` says which file to read, or that the inputs are to be built; a pure check.
export function graphPath(args: SourceArgs): string | undefined {
  const inputs = args.inputs ?? [];
  if (args.graph !== undefined && inputs.length) throw new UsageError(`give either --graph or article inputs, not both (got --graph ${args.graph} and ${inputs.join(' ')})`);
  if (args.graph !== undefined) return args.graph;
  if (inputs.length) return undefined;
  if (!existsSync(DEFAULT_GRAPH)) throw new UsageError(`no graph to query: give --graph FILE or article inputs (${DEFAULT_GRAPH} does not exist; \`newskg build DIR\` writes it)`);
  return DEFAULT_GRAPH;
}

/** A graph to query, and how many inputs failed to build (each already reported on stderr). */
export interface Source {
  graph: KnowledgeGraph;
  failed: number;
}

// ### `loadSource` reads the graph file, or builds the inputs and reports each bad one on stderr, as
// `newskg build` does; the rest is still queried.
export async function loadSource(args: SourceArgs, io: Io): Promise<Source> {
  const path = graphPath(args);
  if (path !== undefined) return { graph: await loadGraph(path), failed: 0 };
  const r = await build(args.inputs ?? [], { encoding: args.encoding, dataDir: args.data });
  const failed = r.articles.filter((a) => a.status === 'failed');
  for (const f of failed) io.err(`newskg: ${f.reason}`);
  return { graph: r.graph, failed: failed.length };
}
