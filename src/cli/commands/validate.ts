// **validate** command: `newskg validate FILE [--shapes FILE]` checks a graph against the SHACL shapes.
import type { Argv, ArgumentsCamelCase } from 'yargs';
import { UsageError } from '../../errors.js';
import { readRdfFile } from '../../rdf-file.js';
import { validateFile, type Violation } from '../../validate.js';
import type { Io } from '../io.js';

export interface ValidateArgs {
  file: string;
  shapes?: string;
  maxErrors?: number;
  quiet: boolean;
}

export const command = 'validate <file>';
export const describe = 'Check a graph (.ttl, .nt, .nq, .trig) against the SHACL shapes of ontology/shapes.ttl';

export function builder(y: Argv): Argv<ValidateArgs> {
  return y
    .positional('file', { type: 'string', describe: 'The RDF file to check, e.g. out/graph.ttl' })
    .option('shapes', { type: 'string', describe: 'SHACL shapes to use instead of the shipped ontology/shapes.ttl' })
    .option('max-errors', { type: 'number', describe: 'Stop after this many violations (default: report all)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print only the violations' })
    .example('$0 validate out/graph.ttl', 'Check the built graph; exit 1 and list every violation if it does not conform')
    .epilogue('Each violation is one line: the node, the property, what is wrong and the value.\n\nExit codes: 0 the graph conforms; 1 violations found, or the file cannot be read or parsed; 2 usage error.') as unknown as Argv<ValidateArgs>;
}

// ### `formatViolation` writes one violation as one line a person can act on.
export function formatViolation(v: Violation): string {
  const where = v.path ? `<${v.focusNode}> <${v.path}>` : `<${v.focusNode}>`;
  const value = v.value !== undefined && v.value !== v.focusNode ? ` (value: ${JSON.stringify(v.value)})` : '';
  return `${v.severity}: ${where}: ${v.message}${value} [${v.constraint}]`;
}

export async function handler(argv: ArgumentsCamelCase<ValidateArgs>, io: Io): Promise<number> {
  // yargs reports a missing positional but still runs the handler (the CLI's `.fail` only records it).
  if (!argv.file) throw new UsageError('Not enough non-option arguments: name the RDF file to check');
  const shapes = argv.shapes ? await readRdfFile(argv.shapes) : undefined;
  const r = await validateFile(argv.file, { shapes, maxErrors: argv.maxErrors });
  for (const v of r.violations) io.out(formatViolation(v));
  if (!argv.quiet || !r.conforms) {
    const n = r.violations.length;
    io.out(`${argv.file}: ${r.triples} triples, ${n} violation${n === 1 ? '' : 's'}${r.conforms ? ': conforms' : ''}`);
  }
  return r.conforms ? 0 : 1;
}
