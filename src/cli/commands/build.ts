// **build** command: `newskg build <inputs..> [--out DIR] [--format json,ttl,graphml] [--view full|actors]`.
import type { Argv, ArgumentsCamelCase } from 'yargs';
import { build, DEFAULT_VIEW_FORMATS, FORMATS, VIEW_FORMATS, VIEWS, type Format, type View } from '../../build.js';
import { UsageError } from '../../errors.js';
import type { Io } from '../io.js';
import { progress } from '../progress.js';
import { parseShard } from '../../shard.js';

export interface BuildArgs {
  inputs: string[];
  out: string;
  format?: string;
  view: View;
  encoding?: string;
  data?: string;
  quiet: boolean;
  jobs?: number;
  shard?: string;
}

// ### `oneLine` escapes line breaks and other control characters (from file names, say) as
// `\n`, `\u001b`, ..., so each message stays one line and cannot drive the terminal.
export const oneLine = (text: string): string =>
  text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

// ### `parseFormats` reads "--format json,ttl" into a list, or says what is allowed.
export function parseFormats(value: string): Format[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length || !list.length) throw new UsageError(`--format: unknown format ${bad.map((b) => `"${b}"`).join(', ') || '(none)'}; use a comma-separated list of ${FORMATS.join(', ')}`);
  return [...new Set(list)] as Format[];
}

// ### `check` compares --format with --view: the actor view is for network tools, so it has no RDF.
// Returns the formats to write.
export function check(argv: { format?: string; view: View }): Format[] {
  const formats = argv.format === undefined ? DEFAULT_VIEW_FORMATS[argv.view] : parseFormats(argv.format);
  const bad = formats.filter((f) => !VIEW_FORMATS[argv.view].includes(f));
  if (bad.length) throw new UsageError(`--view ${argv.view} writes ${VIEW_FORMATS[argv.view].join(', ')}, not ${bad.join(', ')} (RDF always carries the whole graph)`);
  return formats;
}

export const command = 'build <inputs..>';
export const describe = 'Build the knowledge graph of articles (files, directories of .txt files, or - for stdin)';

export function builder(y: Argv): Argv<BuildArgs> {
  return y
    .positional('inputs', { type: 'string', array: true, describe: 'Article files, directories (searched recursively for .txt), or - for stdin' })
    .option('out', { alias: 'o', type: 'string', default: 'out', describe: 'Directory to write graph.json, graph.ttl, graph.graphml into' })
    .option('format', { alias: 'f', type: 'string', defaultDescription: `${DEFAULT_VIEW_FORMATS.full.join(',')}; with --view actors ${DEFAULT_VIEW_FORMATS.actors.join(',')}`, describe: `Comma-separated output formats: ${FORMATS.join(', ')}` })
    .option('view', { type: 'string', choices: VIEWS, default: 'full' as View, describe: 'full: the whole graph; actors: people, countries and organisations only, other facts folded into node attributes (files actors.*)' })
    .option('encoding', { type: 'string', describe: 'Decode files that are not UTF-8 with this encoding (e.g. latin1, windows-1252)' })
    .option('data', { type: 'string', describe: 'Directory with gazetteers/ and rules/ to use instead of the built-in data' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but errors' })
    .option('jobs', { alias: 'j', type: 'number', defaultDescription: 'the number of cores', describe: 'Threads extracting articles; the output is the same for any number' })
    .option('shard', { type: 'string', describe: 'Build only shard i of n (i/n, 0-based), split by a hash of the article id; `newskg merge` unions the shards' })
    .example('$0 build data/', 'Build every .txt article under data/ into out/')
    .epilogue('Each input is extracted on its own and merged into one graph. A bad input (missing, empty, binary, not UTF-8) is reported on one line and skipped; the rest is still built. Outputs are written atomically.\n\nExit codes: 0 done; 1 some input failed (the rest was built); 2 usage error.')
    .example('$0 build a.txt b.txt --out graph --format ttl', 'Build two articles, write only Turtle')
    .example('$0 build data/ --view actors', 'Write out/actors.json, actors.graphml and actors.gexf for Gephi') as unknown as Argv<BuildArgs>;
}

export async function handler(argv: ArgumentsCamelCase<BuildArgs>, io: Io): Promise<number> {
  const formats = check(argv);
  if (argv.jobs !== undefined && !(Number.isInteger(argv.jobs) && argv.jobs >= 1)) throw new UsageError(`--jobs: expected a whole number of threads, 1 or more, got ${argv.jobs}`);
  const shard = argv.shard === undefined ? undefined : parseShard(argv.shard);
  const bar = progress(io, argv.quiet);
  const r = await build(argv.inputs, { out: argv.out, formats, view: argv.view, encoding: argv.encoding, dataDir: argv.data, jobs: argv.jobs, shard, onArticle: bar?.onArticle }).finally(() => bar?.end());
  const failed = r.articles.filter((a) => a.status === 'failed');
  for (const f of failed) io.err(oneLine(`newskg: ${f.reason}`));
  const built = r.articles.filter((a) => a.status === 'built').length;
  const skipped = r.articles.length - built - failed.length;
  if (!argv.quiet) {
    io.out(oneLine(`built ${built} article${built === 1 ? '' : 's'}${skipped ? `, ${skipped} skipped` : ''}${failed.length ? `, ${failed.length} failed (${failed.map((f) => f.id).join(', ')})` : ''}: ${r.graph.order} entities, ${r.graph.size} facts; wrote ${r.files.join(', ') || 'nothing'}`));
  }
  return failed.length ? 1 : 0;
}
