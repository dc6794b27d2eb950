// **merge** command: `newskg merge a/graph.json b/graph.json [--out DIR] [--format json,ttl]`.
import type { Argv, ArgumentsCamelCase } from 'yargs';
import { DEFAULT_FORMATS } from '../../build.js';
import { UsageError } from '../../errors.js';
import { mergeFiles } from '../../merge.js';
import type { Io } from '../io.js';
import { parseFormats } from './build.js';

export interface MergeArgs {
  graphs: string[];
  out: string;
  format?: string;
  quiet: boolean;
}

export const command = 'merge <graphs..>';
export const describe = 'Union graphs built apart (e.g. with build --shard i/n) into one, aliases and provenance merged';

export function builder(y: Argv): Argv<MergeArgs> {
  return y
    .positional('graphs', { type: 'string', array: true, describe: 'graph.json files written by newskg build' })
    .option('out', { alias: 'o', type: 'string', default: 'out', describe: 'Directory to write the merged graph into' })
    .option('format', { alias: 'f', type: 'string', defaultDescription: DEFAULT_FORMATS.join(','), describe: 'Comma-separated output formats: json, ttl, nt, graphml, gexf' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but errors' })
    .example('$0 build corpus/ --shard 0/2 --out s0 -f json && $0 build corpus/ --shard 1/2 --out s1 -f json && $0 merge s0/graph.json s1/graph.json --out out', 'Build a corpus in two shards, then merge them: the same files as one build')
    .epilogue('Exit codes: 0 done; 1 a graph could not be read; 2 usage error.') as unknown as Argv<MergeArgs>;
}

export async function handler(argv: ArgumentsCamelCase<MergeArgs>, io: Io): Promise<number> {
  if (!argv.graphs?.length) throw new UsageError('Not enough non-option arguments: name the graph.json files to merge');
  const formats = argv.format === undefined ? DEFAULT_FORMATS : parseFormats(argv.format);
  const r = await mergeFiles(argv.graphs, { out: argv.out, formats });
  if (!argv.quiet) io.out(`merged ${argv.graphs.length} graph${argv.graphs.length === 1 ? '' : 's'}: ${r.graph.order} entities, ${r.graph.size} facts; wrote ${r.files.join(', ') || 'nothing'}`);
  return 0;
}
