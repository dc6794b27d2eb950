// `newskg build` as a user runs it: files written atomically, a one-line summary,
// one clear line per bad input, and the documented exit codes.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, parseFormats } from '../../src/cli/commands/build.js';
import { run } from '../../src/cli/index.js';
import { UsageError } from '../../src/errors.js';

function capture(): { io: { out: (l: string) => void; err: (l: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l) => out.push(l), err: (l) => err.push(l) }, out, err };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'newskg-cli-'));
const SEED = 'data/articles/seed-bayramov-lavrov-unga78.txt';

describe('newskg build', () => {
  it('builds data/ into the three default files and prints one summary line', async () => {
    const out = tmp();
    const c = capture();
    const code = await run(['build', 'data/', '--out', out], c.io);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['graph.graphml', 'graph.json', 'graph.ttl', 'report.json']);
    expect(c.out).toHaveLength(1);
    expect(c.out[0]).toMatch(/^built 1 article: \d+ entities, \d+ facts; wrote .*graph\.json, .*graph\.ttl, .*graph\.graphml, .*report\.json$/);
    const json = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    expect(json.nodes.find((n: { key: string }) => n.key === 'Person:Jeyhun Bayramov').attributes.type).toBe('Person');
  });

  it('writes only the formats asked for, N-Triples included', async () => {
    const out = tmp();
    expect(await run(['build', SEED, '--out', out, '--format', 'ttl,nt'], capture().io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['graph.nt', 'graph.ttl', 'report.json']);
  });

  it('reports a missing path, an empty, a binary and a non-UTF-8 file, and still builds the rest', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x00, 0x08]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 talks in Bras\xedlia.', 'latin1'));
    const out = tmp();
    const c = capture();
    const code = await run(['build', SEED, join(dir, 'empty.txt'), join(dir, 'binary.txt'), join(dir, 'latin1.txt'), join(dir, 'nope.txt'), '--out', out], c.io);
    expect(code).toBe(1);
    expect(existsSync(join(out, 'graph.json'))).toBe(true);
    expect(c.out[0]).toMatch(/^built 1 article, 4 failed \(/);
    expect(c.err).toHaveLength(4);
    for (const name of ['empty.txt', 'binary.txt', 'latin1.txt', 'nope.txt']) {
      const line = c.err.find((l) => l.includes(name));
      expect(line, `a line for ${name}`).toBeDefined();
      expect(line).not.toMatch(/\n\s+at /);
    }
    expect(c.err.find((l) => l.includes('latin1.txt'))).toMatch(/UTF-8|encoding/i);
  });

  it('decodes a non-UTF-8 file when the user names its encoding', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Turkish Foreign Minister Hakan Fidan met Sergey Lavrov in Bras\xedlia.', 'latin1'));
    const out = tmp();
    expect(await run(['build', join(dir, 'latin1.txt'), '--encoding', 'latin1', '--out', out], capture().io)).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    expect(json.edges.some((e: { attributes: { predicate: string } }) => e.attributes.predicate === 'metWith')).toBe(true);
  });

  it('writes GEXF on request', async () => {
    const out = tmp();
    expect(await run(['build', SEED, '--out', out, '--format', 'gexf'], capture().io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['graph.gexf', 'report.json']);
    expect(readFileSync(join(out, 'graph.gexf'), 'utf8')).toMatch(/^<\?xml[^>]*\?>\n<gexf version="1\.2"/);
  });

  it('writes the actor view as actors.json, actors.graphml and actors.gexf', async () => {
    const out = tmp();
    const c = capture();
    expect(await run(['build', SEED, '--out', out, '--view', 'actors'], c.io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['actors.gexf', 'actors.graphml', 'actors.json', 'report.json']);
    const json = JSON.parse(readFileSync(join(out, 'actors.json'), 'utf8'));
    expect(new Set(json.nodes.map((n: { attributes: { type: string } }) => n.attributes.type))).toEqual(new Set(['Person', 'Country', 'Organization']));
    const bayramov = json.nodes.find((n: { key: string }) => n.key === 'Person:Jeyhun Bayramov');
    expect(bayramov.attributes.positions).toBe('Minister of Foreign Affairs of Azerbaijan');
  });

  it('refuses RDF in the actor view with a usage error', async () => {
    const c = capture();
    expect(await run(['build', SEED, '--out', tmp(), '--view', 'actors', '--format', 'ttl'], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/--view actors writes json, graphml, gexf, not ttl/);
  });

  it('leaves no temporary files behind', async () => {
    const out = tmp();
    await run(['build', SEED, '--out', out], capture().io);
    expect(readdirSync(out).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('exits 2 with a usage line for an unknown format, no inputs, or an unknown option', async () => {
    for (const args of [['build', SEED, '--format', 'pdf'], ['build'], ['build', SEED, '--colour'], []]) {
      const c = capture();
      expect(await run(args, c.io), args.join(' ')).toBe(2);
      expect(c.err.join('\n')).toMatch(/newskg: .+\nRun `newskg --help` for usage\./);
    }
  });

  it('explains itself in --help', async () => {
    const lines: string[] = [];
    const orig = console.log;
    console.log = (s: string) => lines.push(s);
    try {
      expect(await run(['build', '--help'], capture().io)).toBe(0);
    } finally {
      console.log = orig;
    }
    const help = lines.join('\n');
    expect(help).toContain('--out');
    expect(help).toContain('--format');
    expect(help).toContain('Exit codes');
  });
});

describe('check', () => {
  it.each<[{ format?: string; view: 'full' | 'actors' }, string[]]>([
    [{ view: 'full' }, ['json', 'ttl', 'graphml']],
    [{ view: 'actors' }, ['json', 'graphml', 'gexf']],
    [{ view: 'full', format: 'nt,gexf' }, ['nt', 'gexf']],
    [{ view: 'actors', format: 'graphml' }, ['graphml']],
  ])('%j -> %j', (argv, formats) => {
    expect(check(argv)).toEqual(formats);
  });

  it.each([['ttl'], ['json,nt']])('refuses --view actors --format %s', (format) => {
    expect(() => check({ view: 'actors', format })).toThrow(UsageError);
  });
});

describe('parseFormats', () => {
  it('reads a comma-separated list and rejects unknown names', () => {
    expect(parseFormats('json, TTL,graphml')).toEqual(['json', 'ttl', 'graphml']);
    expect(() => parseFormats('json,pdf')).toThrow(UsageError);
    expect(() => parseFormats('')).toThrow(UsageError);
  });
});
