// **query** command: `newskg query [inputs..] [--graph FILE] --subject/--predicate/--object/--type | --neighbours NAME | --path A B`.
import type { Argv, ArgumentsCamelCase } from 'yargs';
import { QueryError, UsageError } from '../../errors.js';
import { neighbours, relations, shortestPaths, type NeighbourOptions, type Path, type PathOptions, type Relation, type RelationFilter } from '../../query.js';
import { formatCsv, formatTable, formatTsv } from '../../tabular.js';
import type { Io } from '../io.js';
import { loadSource, sourceOptions, type SourceArgs } from '../source.js';
import { emit, terminalWidth } from '../terminal.js';

export interface QueryArgs extends SourceArgs {
  inputs: string[];
  subject?: string;
  predicate?: string;
  object?: string;
  type?: string;
  subjectType?: string;
  objectType?: string;
  neighbours?: string;
  depth?: number;
  path?: string[];
  limit?: number;
  evidence: boolean;
  json: boolean;
  ndjson: boolean;
  csv: boolean;
  table: boolean;
}

/** How the results are written. */
export type QueryOutput = 'table' | 'tsv' | 'json' | 'ndjson' | 'csv';

/** What to ask the graph, as {@link check} reads it from the options. */
export type QueryPlan =
  | { mode: 'relations'; filter: RelationFilter }
  | { mode: 'neighbours'; name: string; options: NeighbourOptions }
  | { mode: 'path'; from: string; to: string; options: PathOptions };

const predicateList = (p: string | undefined): string[] | undefined => (p === undefined ? undefined : p.split(',').map((s) => s.trim()).filter(Boolean));

// ### `check` reads the options into a plan and an output format, or says which options clash.
// `tty` is whether stdout is a terminal: the default output is a table there and TSV in a pipe.
export function check(argv: Partial<QueryArgs>, tty = false): { plan: QueryPlan; output: QueryOutput } {
  const formats = (['json', 'ndjson', 'csv', 'table'] as const).filter((f) => argv[f]);
  if (formats.length > 1) throw new UsageError(`choose one output format, not ${formats.map((f) => `--${f}`).join(' and ')}`);
  const output: QueryOutput = formats[0] ?? (tty ? 'table' : 'tsv');
  if (argv.neighbours !== undefined && argv.path !== undefined) throw new UsageError('--neighbours and --path ask different questions: use one');
  const ends = (['subject', 'object', 'subjectType', 'objectType'] as const).filter((k) => argv[k] !== undefined);
  const flag = (k: string): string => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const predicate = predicateList(argv.predicate);
  if (argv.depth !== undefined && argv.neighbours === undefined) throw new UsageError('--depth goes with --neighbours');
  if (argv.limit !== undefined && argv.path === undefined) throw new UsageError('--limit goes with --path');
  if (argv.neighbours !== undefined || argv.path !== undefined) {
    const mode = argv.neighbours !== undefined ? '--neighbours' : '--path';
    if (ends.length) throw new UsageError(`${mode} cannot be combined with ${ends.map(flag).join(', ')} (only --predicate and --type filter it)`);
  }
  if (argv.neighbours !== undefined) {
    if (argv.depth !== undefined && (!Number.isInteger(argv.depth) || argv.depth < 1)) throw new UsageError(`--depth must be a whole number of hops, at least 1 (got ${argv.depth})`);
    return { plan: { mode: 'neighbours', name: argv.neighbours, options: { depth: argv.depth, predicate, type: argv.type } }, output };
  }
  if (argv.path !== undefined) {
    if (argv.path.length !== 2) throw new UsageError(`--path takes two names, A and B (got ${argv.path.length}${argv.path.length > 2 ? '; put article inputs before --path' : ''})`);
    if (argv.limit !== undefined && (!Number.isInteger(argv.limit) || argv.limit < 1)) throw new UsageError(`--limit must be a whole number, at least 1 (got ${argv.limit})`);
    if (argv.type !== undefined) throw new UsageError('--type does not apply to --path');
    return { plan: { mode: 'path', from: argv.path[0], to: argv.path[1], options: { limit: argv.limit, predicate } }, output };
  }
  const filter: RelationFilter = {};
  if (argv.subject !== undefined) filter.subject = argv.subject;
  if (predicate !== undefined) filter.predicate = predicate;
  if (argv.object !== undefined) filter.object = argv.object;
  if (argv.type !== undefined) filter.type = argv.type;
  if (argv.subjectType !== undefined) filter.subjectType = argv.subjectType;
  if (argv.objectType !== undefined) filter.objectType = argv.objectType;
  return { plan: { mode: 'relations', filter }, output };
}

const RELATION_COLUMNS = ['subject', 'predicate', 'object', 'date', 'place', 'occasion', 'topics', 'sources'];
const MENTION_COLUMNS = ['subject', 'predicate', 'object', 'date', 'place', 'occasion', 'topics', 'source', 'sentence', 'start', 'end', 'rule', 'evidence'];

// ### `relationRows` lays relations out as rows: one per fact, its sources as `article#sentence`,
// or with `evidence` one per supporting mention, with the sentence, offsets, rule and evidence.
export function relationRows(rels: Relation[], evidence: boolean): { columns: string[]; rows: string[][] } {
  const rows: string[][] = [];
  for (const r of rels) {
    const q = r.qualifiers;
    const head = [r.subject.label, r.predicate, r.object.label, q.date ?? '', q.place?.label ?? '', q.occasion?.label ?? '', (q.topics ?? []).join('; ')];
    if (!evidence) {
      rows.push([...head, [...new Set(r.provenance.map((p) => `${p.source}#${p.sentence}`))].join(' ')]);
      continue;
    }
    for (const p of r.provenance) rows.push([...head, p.source, String(p.sentence), String(p.start), String(p.end), p.rule, p.evidence]);
  }
  return { columns: evidence ? MENTION_COLUMNS : RELATION_COLUMNS, rows };
}

// ### `pathRows` is `relationRows` with the path and hop numbers in front.
function pathRows(paths: Path[], evidence: boolean): { columns: string[]; rows: string[][] } {
  const rows: string[][] = [];
  let columns = ['path', 'hop', ...(evidence ? MENTION_COLUMNS : RELATION_COLUMNS)];
  paths.forEach((p, i) => p.hops.forEach((h, j) => {
    const t = relationRows(h.relations, evidence);
    columns = ['path', 'hop', ...t.columns];
    for (const r of t.rows) rows.push([String(i + 1), String(j + 1), ...r]);
  }));
  return { columns, rows };
}

// ### `render` writes the answer in the chosen format; JSON is exactly what the library returns.
function render(output: QueryOutput, answer: object, items: object[], table: { columns: string[]; rows: string[][] }, width?: number): string {
  switch (output) {
    case 'json':
      return `${JSON.stringify(answer, null, 2)}\n`;
    case 'ndjson':
      return items.map((x) => `${JSON.stringify(x)}\n`).join('');
    case 'csv':
      return formatCsv(table.columns, table.rows);
    case 'tsv':
      return formatTsv(table.columns, table.rows);
    case 'table': {
      // A column empty on every row (no topics anywhere) only takes room from the others.
      const keep = table.columns.map((_, i) => !table.rows.length || table.rows.some((r) => r[i]));
      const pick = <T>(r: T[]): T[] => r.filter((_, i) => keep[i]);
      return formatTable(pick(table.columns), table.rows.map(pick), { width });
    }
  }
}

export const command = 'query [inputs..]';
export const describe = 'Ask a built graph who did what with whom: relations, neighbours, shortest paths';

export function builder(y: Argv): Argv<QueryArgs> {
  return sourceOptions(y
    .positional('inputs', { type: 'string', array: true, default: [], describe: 'Articles to build and query on the fly, instead of --graph' })
    .option('subject', { alias: 's', type: 'string', describe: 'Name, alias or key of the subject (case and accents do not matter)' })
    .option('predicate', { alias: 'p', type: 'string', describe: 'Predicate, or several separated by commas (metWith,spokeWith)' })
    .option('object', { alias: 'o', type: 'string', describe: 'Name, alias or key of the object' })
    .option('type', { alias: 't', type: 'string', describe: 'Entity type of the other end when --subject or --object is given, else of either end' })
    .option('subject-type', { type: 'string', describe: 'Entity type of the subject' })
    .option('object-type', { type: 'string', describe: 'Entity type of the object' })
    .option('neighbours', { alias: 'neighbors', type: 'string', describe: 'List the facts around this entity' })
    .option('depth', { type: 'number', describe: 'With --neighbours: hops to go out (default 1)' })
    .option('path', { type: 'string', array: true, describe: 'Shortest paths between two entities: --path A B' })
    .option('limit', { type: 'number', describe: 'With --path: most paths shown (default 10)' })
    .option('evidence', { alias: 'e', type: 'boolean', default: false, describe: 'One row per supporting mention, with its sentence, offsets, rule and evidence' })
    .option('json', { type: 'boolean', default: false, describe: 'Write the result as JSON (what the library returns)' })
    .option('ndjson', { type: 'boolean', default: false, describe: 'Write one JSON object per line: a fact, or a path' })
    .option('csv', { type: 'boolean', default: false, describe: 'Write CSV (RFC 4180)' })
    .option('table', { type: 'boolean', default: false, describe: 'Write an aligned table even when stdout is not a terminal (the default there is TSV)' }))
    .example('$0 query --subject "Jeyhun Bayramov" --predicate metWith', 'Everyone Bayramov met, with the articles and sentences that say so')
    .example('$0 query --predicate signed --subject-type Country --csv', 'Which countries signed which documents, as CSV')
    .example('$0 query --neighbours Lavrov --json', 'Every fact about Lavrov, as JSON')
    .example('$0 query --path Lavrov Saidov', 'How Lavrov and Saidov are connected')
    .epilogue('The graph is --graph FILE, the articles given as inputs built on the fly, or out/graph.json. Names are matched by label, alias, key ("Person:Jeyhun Bayramov") or IRI, ignoring case and accents; an unknown name gets the closest ones. Symmetric facts (metWith, spokeWith, counterpartOf) match either way round.\n\nExit codes: 0 done; 1 the graph or some input could not be read; 2 usage error, unknown name, predicate or type.') as unknown as Argv<QueryArgs>;
}

export async function handler(argv: ArgumentsCamelCase<QueryArgs>, io: Io): Promise<number> {
  const width = terminalWidth(io);
  const { plan, output } = check(argv, width !== undefined);
  const { graph, failed } = await loadSource(argv, io);
  try {
    if (plan.mode === 'relations') {
      const rels = relations(graph, plan.filter);
      emit(io, render(output, rels, rels, relationRows(rels, argv.evidence), width));
    } else if (plan.mode === 'neighbours') {
      const n = neighbours(graph, plan.name, plan.options);
      emit(io, render(output, n, n.relations, relationRows(n.relations, argv.evidence), width));
    } else {
      const paths = shortestPaths(graph, plan.from, plan.to, plan.options);
      if (!paths.length) io.err(`newskg: no path links "${plan.from}" and "${plan.to}"`);
      emit(io, render(output, paths, paths, pathRows(paths, argv.evidence), width));
    }
  } catch (e) {
    if (!(e instanceof QueryError)) throw e;
    io.err(`newskg: ${e.message}`);
    return 2;
  }
  return failed ? 1 : 0;
}
