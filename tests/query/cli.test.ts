// `newskg query` and `newskg sparql` as a user runs them: the same facts as the library, in every
// output format, the examples/ queries, and the promised errors and exit codes.
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { check as checkQuery } from '../../src/cli/commands/query.js';
import { check as checkSparql } from '../../src/cli/commands/sparql.js';
import { run } from '../../src/cli/index.js';
import { UsageError } from '../../src/errors.js';
import { neighbours, relations, shortestPaths, type KnowledgeGraph, type Relation } from '../../src/index.js';
import { capture, devCorpus, DEV_ARTICLES, parseCsv, type Dev } from './corpus.js';

let dev: Dev;
let graph: KnowledgeGraph;
beforeAll(async () => {
  dev = await devCorpus();
  graph = dev.graph;
});

// ### `cli` runs newskg with `args` and returns the exit code and what it printed.
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = capture();
  const code = await run(args, c.io);
  return { code, out: c.text(), err: c.err.join('\n') };
}

// "Everyone Jeyhun Bayramov met, with sources" as one line per mention: the fact three ways must give.
const mentions = (rels: Relation[]): string[] =>
  rels.flatMap((r) => r.provenance.map((p) => `${r.object.label}|${p.source}|${p.sentence}|${p.rule}`)).sort();

describe('the same facts three ways', () => {
  it('library, newskg query and newskg sparql agree on everyone Bayramov met, with sources', async () => {
    const lib = mentions(relations(graph, { subject: 'Jeyhun Bayramov', predicate: 'metWith' }));
    expect(lib.length).toBeGreaterThan(0);
    expect(lib.some((m) => m.startsWith('Sergey Lavrov|seed-bayramov-lavrov-unga78|0|'))).toBe(true);

    const q = await cli('query', '--graph', dev.json, '--subject', 'Jeyhun Bayramov', '--predicate', 'metWith', '--json');
    expect(q.code).toBe(0);
    expect(mentions(JSON.parse(q.out))).toEqual(lib);

    const s = await cli('sparql', '--graph', dev.json, '--file', 'examples/bayramov-met.rq', '--format', 'json');
    expect(s.code).toBe(0);
    const json = JSON.parse(s.out) as { results: { bindings: Record<string, { value: string }>[] } };
    expect(json.results.bindings.map((b) => `${b.other.value}|${b.article.value}|${b.sentence.value}|${b.rule.value}`).sort()).toEqual(lib);
  });

  it('builds articles on the fly to the same answers as a saved graph', async () => {
    const saved = await cli('query', '--graph', dev.json, '-s', 'bayramov', '-p', 'metWith', '--json');
    const fresh = await cli('query', DEV_ARTICLES, '-s', 'bayramov', '-p', 'metWith', '--json');
    expect(fresh.code).toBe(0);
    expect(JSON.parse(fresh.out)).toEqual(JSON.parse(saved.out));
    const sparql = await cli('sparql', '--file', 'examples/bayramov-met.rq', DEV_ARTICLES, '--format', 'csv');
    expect(sparql.code).toBe(0);
    expect(sparql.out).toBe((await cli('sparql', '--file', 'examples/bayramov-met.rq', '--graph', dev.json, '--format', 'csv')).out);
  });

  it('newskg sparql reads graph.ttl and graph.nt as well as graph.json', async () => {
    const want = (await cli('sparql', '--file', 'examples/bayramov-met.rq', '--graph', dev.json, '--format', 'tsv')).out;
    for (const file of [dev.ttl, dev.nt]) {
      const r = await cli('sparql', '--file', 'examples/bayramov-met.rq', '--graph', file, '--format', 'tsv');
      expect(r.code).toBe(0);
      expect(r.out).toBe(want);
    }
  });
});

describe('newskg query output', () => {
  const ARGS = ['query', '--graph', '', '--subject', 'Jeyhun Bayramov', '--predicate', 'metWith'];
  const args = (...more: string[]): string[] => [...ARGS.slice(0, 2), dev.json, ...ARGS.slice(3), ...more];

  it('--json is what the library returns, --ndjson one fact a line', async () => {
    const lib = relations(graph, { subject: 'Jeyhun Bayramov', predicate: 'metWith' });
    expect(JSON.parse((await cli(...args('--json'))).out)).toEqual(lib);
    const nd = (await cli(...args('--ndjson'))).out.trimEnd().split('\n');
    expect(nd.map((l) => JSON.parse(l))).toEqual(lib);
  });

  it('--csv writes one row per fact, or per mention with --evidence', async () => {
    const lib = relations(graph, { subject: 'Jeyhun Bayramov', predicate: 'metWith' });
    const csv = parseCsv((await cli(...args('--csv'))).out);
    expect(csv[0]).toEqual(['subject', 'predicate', 'object', 'date', 'place', 'occasion', 'topics', 'sources']);
    expect(csv.slice(1).map((r) => r[2])).toEqual(lib.map((r) => r.object.label));
    expect(csv[1][7]).toBe([...new Set(lib[0].provenance.map((p) => `${p.source}#${p.sentence}`))].join(' '));
    const ev = parseCsv((await cli(...args('--csv', '--evidence'))).out);
    expect(ev[0]).toEqual(['subject', 'predicate', 'object', 'date', 'place', 'occasion', 'topics', 'source', 'sentence', 'start', 'end', 'rule', 'evidence']);
    // Evidence keeps its line breaks inside a quoted field.
    expect(ev.slice(1).map((r) => r[12])).toEqual(lib.flatMap((r) => r.provenance.map((p) => p.evidence)));
  });

  it('--table aligns the columns; a pipe gets TSV by default', async () => {
    const lines = (await cli(...args('--table'))).out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^subject {2,}predicate {2,}object/);
    const at = lines[0].indexOf('object');
    for (const l of lines.slice(2)) expect(l.slice(at - 2, at)).toBe('  ');
    expect(lines.slice(2).map((l) => l.slice(at).split('  ')[0])).toEqual(relations(graph, { subject: 'Jeyhun Bayramov', predicate: 'metWith' }).map((r) => r.object.label));
    const tsv = (await cli(...args())).out.trimEnd().split('\n');
    expect(tsv[0]).toBe('subject\tpredicate\tobject\tdate\tplace\toccasion\ttopics\tsources');
    expect(tsv).toHaveLength(lines.length - 1);
  });

  it('--neighbours and --path print what the library returns', async () => {
    const n = await cli('query', '--graph', dev.json, '--neighbours', 'Sergey Lavrov', '--json');
    expect(JSON.parse(n.out)).toEqual(neighbours(graph, 'Sergey Lavrov'));
    const n2 = await cli('query', '--graph', dev.json, '--neighbors', 'Lavrov', '--depth', '2', '--predicate', 'metWith,spokeWith', '--ndjson');
    expect(n2.out.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual(neighbours(graph, 'Lavrov', { depth: 2, predicate: ['metWith', 'spokeWith'] }).relations);
    const p = await cli('query', '--graph', dev.json, '--path', 'Lavrov', 'Saidov', '--limit', '3', '--json');
    expect(p.code).toBe(0);
    expect(JSON.parse(p.out)).toEqual(shortestPaths(graph, 'Lavrov', 'Saidov', { limit: 3 }));
    const t = parseCsv((await cli('query', '--graph', dev.json, '--path', 'Lavrov', 'Saidov', '--limit', '1', '--csv')).out);
    expect(t[0].slice(0, 3)).toEqual(['path', 'hop', 'subject']);
    expect(t.slice(1).map((r) => r[1])).toEqual(shortestPaths(graph, 'Lavrov', 'Saidov', { limit: 1 })[0].hops.flatMap((h, i) => h.relations.map(() => String(i + 1))));
  });

  it('says so when no path links two entities', async () => {
    const isolated = graph.filterNodes((n) => graph.degree(n) === 0)[0] ?? graph.nodes().find((n) => !shortestPaths(graph, 'Lavrov', n).length);
    if (!isolated) return;
    const r = await cli('query', '--graph', dev.json, '--path', 'Lavrov', isolated, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]);
    expect(r.err).toMatch(/no path links "Lavrov" and/);
  });
});

describe('examples/', () => {
  it('has SPARQL files that all run', async () => {
    const files = readdirSync('examples').filter((f) => f.endsWith('.rq'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const r = await cli('sparql', '--graph', dev.json, '--file', `examples/${f}`, '--format', 'csv');
      expect(r.code, `${f}: ${r.err}`).toBe(0);
      expect(parseCsv(r.out).length, f).toBeGreaterThan(1);
    }
  });

  it('signed-documents.rq lists the countries the library finds', async () => {
    const rows = parseCsv((await cli('sparql', '--graph', dev.json, '--file', 'examples/signed-documents.rq', '--format', 'csv')).out);
    expect(rows[0]).toEqual(['country', 'document', 'date', 'mentions']);
    const lib = relations(graph, { predicate: 'signed', subjectType: 'Country' });
    expect(rows.slice(1).map((r) => `${r[0]}|${r[1]}|${r[2]}|${r[3]}`).sort())
      .toEqual(lib.map((r) => `${r.subject.label}|${r.object.label}|${r.qualifiers.date ?? ''}|${r.provenance.length}`).sort());
  });

  it('evidence.rq gives the words and span of each mention', async () => {
    const rows = parseCsv((await cli('sparql', '--graph', dev.json, '--file', 'examples/evidence.rq', '--format', 'csv')).out);
    const lib = relations(graph, { subject: 'Jeyhun Bayramov', predicate: 'metWith', object: 'Sergey Lavrov' }).flatMap((r) => r.provenance);
    expect(lib.length).toBeGreaterThan(0);
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual(lib.map((p) => [p.source, String(p.sentence), String(p.start), String(p.end), p.evidence]));
    expect(rows[1][5]).toBe(`https://w3id.org/newskg/article/${lib[0].source}#char=${lib[0].start},${lib[0].end}`);
  });
});

describe('errors', () => {
  it.each([
    [['--subject', 'Bayramof'], /no entity is named "Bayramof"; did you mean "Jeyhun Bayramov"\?/],
    [['--object', 'Lavrow', '--predicate', 'metWith'], /did you mean "Sergey Lavrov"/],
    [['--predicate', 'met'], /unknown predicate "met"; did you mean "metWith"/],
    [['--predicate', 'metWith,spoke'], /unknown predicate "spoke"; did you mean "spokeWith"/],
    [['--type', 'Persn'], /unknown entity type "Persn"; did you mean "Person"/],
    [['--neighbours', 'Qqqqxxxzzzz'], /no entity is named "Qqqqxxxzzzz"; no entity has a similar name/],
    [['--path', 'Lavrov', 'Saidof'], /did you mean "Bakhtiyor Saidov"/],
  ])('newskg query %j exits 2 with suggestions', async (more, message) => {
    const r = await cli('query', '--graph', dev.json, ...more);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('newskg sparql reports a syntax error with its line, column and a caret, and exits 2', async () => {
    const r = await cli('sparql', '--graph', dev.json, 'SELECT ?x WHERE {\n  ?x foo:bar ?y }');
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toEqual([
      'newskg: SPARQL syntax error at line 2, column 13: the prefix is not declared',
      '    ?x foo:bar ?y }',
      '              ^',
    ]);
  });

  it('a missing or broken graph file exits 1 with one line', async () => {
    for (const cmd of [['query', '--subject', 'x'], ['sparql', 'ASK {}']]) {
      const r = await cli(...cmd, '--graph', 'no/such/graph.json');
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^newskg: no\/such\/graph\.json: no such file$/);
    }
    const bad = await cli('query', '--graph', 'package.json', '-s', 'x');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/package\.json: not a newskg graph\.json/);
    const ttl = await cli('sparql', 'ASK {}', '--graph', 'tests/query/corpus.ts.ttl');
    expect(ttl.code).toBe(1);
  });

  it.each([
    [['query', '--json', '--csv']],
    [['query', '--neighbours', 'a', '--path', 'a', 'b']],
    [['query', '--path', 'a']],
    [['query', '--path', 'a', 'b', 'c']],
    [['query', '--neighbours', 'a', '--subject', 'b']],
    [['query', '--depth', '2', '--subject', 'b']],
    [['query', 'x.txt', '--graph', 'g.json']],
    [['sparql']],
    [['sparql', 'ASK {}', '--format', 'xml']],
    [['query', '--colour']],
  ])('%j is a usage error (exit 2)', async (args) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^newskg: .+/);
  });
});

describe('check', () => {
  it('reads the query options into a plan', () => {
    expect(checkQuery({ subject: 'A', predicate: 'metWith, spokeWith' })).toEqual({ plan: { mode: 'relations', filter: { subject: 'A', predicate: ['metWith', 'spokeWith'] } }, output: 'tsv' });
    expect(checkQuery({ subject: 'A' }, true).output).toBe('table');
    expect(checkQuery({ ndjson: true, neighbours: 'A', depth: 2 }).plan).toEqual({ mode: 'neighbours', name: 'A', options: { depth: 2, predicate: undefined, type: undefined } });
    expect(checkQuery({ path: ['A', 'B'], limit: 3, csv: true })).toEqual({ plan: { mode: 'path', from: 'A', to: 'B', options: { limit: 3, predicate: undefined } }, output: 'csv' });
  });

  it.each([
    [{ json: true, ndjson: true }],
    [{ neighbours: 'A', path: ['A', 'B'] }],
    [{ neighbours: 'A', object: 'B' }],
    [{ path: ['A', 'B'], subjectType: 'Person' }],
    [{ path: ['A', 'B'], type: 'Person' }],
    [{ path: ['A'] }],
    [{ neighbours: 'A', depth: 0 }],
    [{ neighbours: 'A', depth: 1.5 }],
    [{ path: ['A', 'B'], limit: 0 }],
    [{ limit: 2 }],
    [{ depth: 2 }],
  ])('refuses %j', (argv) => {
    expect(() => checkQuery(argv)).toThrow(UsageError);
  });

  it('takes the first positional as an input when the query is in a file', () => {
    expect(checkSparql({ query: 'ASK {}', inputs: ['a.txt'] })).toEqual({ query: 'ASK {}', inputs: ['a.txt'], format: 'tsv' });
    expect(checkSparql({ query: 'a.txt', inputs: ['b.txt'], file: 'q.rq', format: 'JSON' }, true)).toEqual({ file: 'q.rq', inputs: ['a.txt', 'b.txt'], format: 'json' });
    expect(checkSparql({ query: 'ASK {}' }, true).format).toBe('table');
    expect(() => checkSparql({ inputs: [] })).toThrow(UsageError);
    expect(() => checkSparql({ query: '  ' })).toThrow(UsageError);
    expect(() => checkSparql({ query: 'ASK {}', format: 'xml' })).toThrow(UsageError);
  });
});
