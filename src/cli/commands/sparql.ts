// **sparql** command: `newskg sparql QUERY | --file F [inputs..] [--graph FILE] [--format table|json|csv|tsv]`.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Argv, ArgumentsCamelCase } from 'yargs';
import { InputError, SparqlError, UsageError } from '../../errors.js';
import type { SparqlFormat } from '../../sparql.js';
import type { Io } from '../io.js';
import { graphPath, loadSource, sourceOptions, type SourceArgs } from '../source.js';
import { emit, terminalWidth } from '../terminal.js';

export interface SparqlArgs extends SourceArgs {
  query?: string;
  inputs: string[];
  file?: string;
  format?: string;
}

const FORMATS: readonly SparqlFormat[] = ['table', 'json', 'csv', 'tsv'];
const RDF_FILES: Record<string, 'turtle' | 'n-triples'> = { '.ttl': 'turtle', '.nt': 'n-triples' };

/** What {@link check} makes of the options. */
export interface SparqlPlan {
  /** The query text, or undefined when it is to be read from `file`. */
  query?: string;
  file?: string;
  inputs: string[];
  format: SparqlFormat;
}

// ### `check` settles where the query comes from: with `--file`, the first positional is an input,
// not a query. `tty` makes the default format a table (TSV in a pipe).
export function check(argv: Partial<SparqlArgs>, tty = false): SparqlPlan {
  const inputs = [...(argv.inputs ?? [])];
  const format = (argv.format ?? (tty ? 'table' : 'tsv')).toLowerCase() as SparqlFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format: unknown format "${argv.format}"; use one of ${FORMATS.join(', ')}`);
  if (argv.file !== undefined) {
    if (argv.query !== undefined) inputs.unshift(argv.query);
    return { file: argv.file, inputs, format };
  }
  if (argv.query === undefined || argv.query.trim() === '') throw new UsageError('give a SPARQL query, or --file FILE');
  return { query: argv.query, inputs, format };
}

export const command = 'sparql [query] [inputs..]';
export const describe = 'Run a SPARQL 1.1 query over the graph, in process (the triples of graph.ttl)';

export function builder(y: Argv): Argv<SparqlArgs> {
  return sourceOptions(y
    .positional('query', { type: 'string', describe: 'The query (or give --file)' })
    .positional('inputs', { type: 'string', array: true, default: [], describe: 'Articles to build and query on the fly, instead of --graph' })
    .option('file', { type: 'string', describe: 'Read the query from this file (e.g. examples/bayramov-met.rq)' })
    .option('format', { alias: 'f', type: 'string', describe: `Result format: ${FORMATS.join(', ')} (default: table on a terminal, else tsv)` }))
    .example('$0 sparql --file examples/bayramov-met.rq', 'Everyone Jeyhun Bayramov met, with article, sentence and rule')
    .example("$0 sparql 'SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p' --format csv", 'Triples per property, as CSV')
    .epilogue('--graph may be a graph.json, or a graph.ttl / graph.nt loaded as is. The vocabulary prefixes of graph.ttl (nkg:, rdfs:, prov:, dcterms:, owl:, skos:, xsd:, rdf:, wd:) are declared for you when the query does not declare them. json is the W3C SPARQL 1.1 JSON results format; csv and tsv follow SPARQL 1.1 CSV/TSV.\n\nExit codes: 0 done; 1 the graph or some input could not be read; 2 usage error, or a query that does not parse or cannot run.') as unknown as Argv<SparqlArgs>;
}

// ### `readText` reads the query file or a graph.ttl, with the same errors as any input.
async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code})`}`, file, code === 'ENOENT' ? 'missing' : 'unreadable');
  }
}

export async function handler(argv: ArgumentsCamelCase<SparqlArgs>, io: Io): Promise<number> {
  const width = terminalWidth(io);
  const plan = check(argv, width !== undefined);
  const query = plan.query ?? (await readText(plan.file!));
  // Loaded only here: the WebAssembly engine is not worth starting for the other commands.
  const { SparqlEngine, formatSparql } = await import('../../sparql.js');
  const source: SourceArgs = { ...argv, inputs: plan.inputs };
  const path = graphPath(source);
  const syntax = path === undefined ? undefined : RDF_FILES[extname(path).toLowerCase()];
  let engine, failed = 0;
  if (path !== undefined && syntax) {
    const text = await readText(path);
    try {
      engine = SparqlEngine.fromRdf(text, syntax);
    } catch (e) {
      throw new InputError(`${path}: ${(e as Error).message}`, path, 'not-a-graph');
    }
  } else {
    const s = await loadSource(source, io);
    engine = SparqlEngine.fromGraph(s.graph);
    failed = s.failed;
  }
  try {
    emit(io, formatSparql(engine.query(query), plan.format, { width }));
  } catch (e) {
    if (!(e instanceof SparqlError)) throw e;
    for (const line of `newskg: ${e.message}`.split('\n')) io.err(line);
    return 2;
  }
  return failed ? 1 : 0;
}
