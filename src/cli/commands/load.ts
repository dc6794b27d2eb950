// **load** command: `newskg load [FILE] --endpoint URL [--graph IRI]` pushes a built graph into a triple store.
import type { Argv, ArgumentsCamelCase } from 'yargs';
import { LoadError, UsageError } from '../../errors.js';
import { credentialsFromEnv, DEFAULT_BATCH_SIZE, DEFAULT_GRAPH, loadFile } from '../../store-load.js';
import type { Io } from '../io.js';

export interface LoadArgs {
  file: string;
  endpoint: string;
  graph: string;
  batchSize: number;
  verify: boolean;
  quiet: boolean;
}

export const command = 'load [file]';
export const describe = 'Load a built graph (.ttl, .nt) into a triple store over the SPARQL 1.1 Graph Store protocol';

export function builder(y: Argv): Argv<LoadArgs> {
  return y
    .positional('file', { type: 'string', default: 'out/graph.ttl', describe: 'The RDF file to load' })
    .option('endpoint', { alias: 'e', type: 'string', demandOption: true, describe: 'Graph Store endpoint, e.g. http://localhost:8890/sparql-graph-crud-auth (Virtuoso), http://localhost:3030/ds/data (Fuseki)' })
    .option('graph', { alias: 'g', type: 'string', default: DEFAULT_GRAPH, describe: 'IRI of the graph to replace' })
    .option('batch-size', { type: 'number', default: DEFAULT_BATCH_SIZE, describe: 'Triples per request' })
    .option('verify', { type: 'boolean', default: true, describe: 'Read the graph back and check the store holds every triple (--no-verify skips it)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but errors' })
    .example('NEWSKG_SPARQL_USER=dba NEWSKG_SPARQL_PASSWORD=… $0 load out/graph.ttl -e http://localhost:8890/sparql-graph-crud-auth', 'Replace the graph https://w3id.org/newskg/graph in Virtuoso')
    .epilogue('Credentials come from the environment, never from options: NEWSKG_SPARQL_USER and NEWSKG_SPARQL_PASSWORD (Basic or Digest, as the store asks) or NEWSKG_SPARQL_TOKEN (Bearer). The graph is replaced, not added to: loading twice leaves one copy.\n\nExit codes: 0 loaded and verified; 1 the file could not be read, the store refused a request, or it holds other than what was sent; 2 usage error.') as unknown as Argv<LoadArgs>;
}

// Every name yargs may put into argv for this command, in both spellings.
const KNOWN = new Set(['_', '$0', 'file', 'endpoint', 'e', 'graph', 'g', 'batch-size', 'batchSize', 'verify', 'quiet', 'q', 'help', 'h', 'version']);

// ### `check` refuses what yargs reports but does not stop: the CLI's `.fail` records a usage
// error and lets the handler run, and a load with a mistyped option would replace a graph.
export function check(argv: Record<string, unknown>): void {
  if (typeof argv.endpoint !== 'string' || !argv.endpoint) throw new UsageError('Missing required argument: endpoint');
  const unknown = Object.keys(argv).filter((k) => !KNOWN.has(k));
  if (unknown.length) throw new UsageError(`Unknown argument${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
}

export async function handler(argv: ArgumentsCamelCase<LoadArgs>, io: Io): Promise<number> {
  check(argv);
  const credentials = credentialsFromEnv(process.env);
  try {
    const r = await loadFile(argv.file, {
      endpoint: argv.endpoint, graph: argv.graph, credentials, batchSize: argv.batchSize, verify: argv.verify,
      onBatch: argv.quiet ? undefined : (done, total, n) => io.err(`batch ${done}/${total}: ${n} triples`),
    });
    if (!argv.quiet) {
      const check = r.stored === undefined ? 'not verified' : `the store holds ${r.stored}`;
      io.out(`loaded ${r.triples} triples into <${r.graph}> in ${r.batches} batch${r.batches === 1 ? '' : 'es'}; ${check}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof LoadError && e.code === 'auth' && !credentials) {
      io.err('newskg: hint: set NEWSKG_SPARQL_USER and NEWSKG_SPARQL_PASSWORD (or NEWSKG_SPARQL_TOKEN) for a store that needs credentials');
    }
    throw e;
  }
}
