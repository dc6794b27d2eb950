// Every input accounted for (issue 6): a directory of bad and odd files builds what can be built,
// and `report.json` and the summary line account for every entry — built, skipped or failed with
// why, or ignored as no article file. Hostile file names cannot write outside --out or break a line.
import { execFileSync } from 'node:child_process';
import {
  chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { run } from '../../src/cli/index.js';
import { oneLine } from '../../src/cli/commands/build.js';
import { InputError } from '../../src/errors.js';
import { MAX_ARTICLE_BYTES, readArticle } from '../../src/ingest.js';
import type { RunReport } from '../../src/report.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
const SEED = fileURLToPath(new URL('../../data/articles/seed-bayramov-lavrov-unga78.txt', import.meta.url));
const tmp = (): string => mkdtempSync(join(tmpdir(), 'newskg-inputs-'));
const ROOT = process.getuid?.() === 0;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const report = (out: string): RunReport => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));

// ### `everyPath` lists every file and directory under `dir` (not following links), relative to it.
function everyPath(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      out.push(relative(dir, p));
      if (lstatSync(p).isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

describe('a directory of bad and odd inputs', async () => {
  const dir = tmp();
  const corpus = join(dir, 'corpus');
  mkdirSync(join(corpus, 'sub'), { recursive: true });
  mkdirSync(join(corpus, '.git'));
  writeFileSync(join(corpus, '.git', 'HEAD.txt'), 'ref: refs/heads/main');
  copyFileSync(SEED, join(corpus, 'seed.txt'));
  const seedText = readFileSync(SEED, 'utf8');
  writeFileSync(join(corpus, 'sub', 'crlf-bom.txt'), `\uFEFF${seedText.replace(/\n/g, '\r\n')}`);
  for (const f of ['empty.txt', 'whitespace.txt', 'binary.txt', 'control.txt', 'latin1.txt', 'utf16.txt']) copyFileSync(join(FIXTURES, f), join(corpus, f));
  writeFileSync(join(corpus, 'notes.md'), 'Not an article.');
  writeFileSync(join(corpus, '.draft.txt'), 'A hidden draft.');
  symlinkSync(join(corpus, 'seed.txt'), join(corpus, 'sub', 'alias.txt'));
  symlinkSync(corpus, join(corpus, 'sub', 'loop'));
  symlinkSync('self.txt', join(corpus, 'self.txt'));
  symlinkSync(join(corpus, 'nowhere.txt'), join(corpus, 'dangling.txt'));
  execFileSync('mkfifo', [join(corpus, 'pipe.txt')]);
  writeFileSync(join(corpus, 'huge.txt'), '');
  truncateSync(join(corpus, 'huge.txt'), MAX_ARTICLE_BYTES + 1); // sparse: takes no disk
  const out = join(dir, 'out');
  const c = capture();
  const code = await run(['build', corpus, '--out', out], c.io);
  const r = report(out);
  const byPath = new Map([...r.articles, ...r.ignored].map((a) => [a.path, a]));
  const status = (name: string) => (byPath.get(join(corpus, name)) as { status?: string } | undefined)?.status ?? (r.ignored.some((x) => x.path === join(corpus, name)) ? 'ignored' : undefined);

  it('builds the good articles, CRLF and BOM alike, and exits 1 for the failures', () => {
    expect(code).toBe(1);
    expect(status('seed.txt')).toBe('built');
    expect(status('sub/crlf-bom.txt')).toBe('built');
    expect(['graph.graphml', 'graph.json', 'graph.ttl', 'report.json'].every((f) => existsSync(join(out, f)))).toBe(true);
  });

  it('fails each bad file with its own reason', () => {
    const reasons: [string, RegExp][] = [
      ['empty.txt', /empty/], ['whitespace.txt', /empty or whitespace/], ['binary.txt', /binary/], ['control.txt', /binary.*control/],
      ['latin1.txt', /not valid UTF-8/], ['utf16.txt', /UTF-16/], ['self.txt', /symbolic link loop/], ['dangling.txt', /no such file/],
      ['huge.txt', /too large/],
    ];
    for (const [name, why] of reasons) {
      const a = byPath.get(join(corpus, name)) as { status: string; reason: string };
      expect(a, name).toMatchObject({ status: 'failed' });
      expect(a.reason, name).toMatch(why);
      expect(c.err.filter((l) => l.includes(join(corpus, name))), name).toHaveLength(1);
    }
    expect(c.err).toHaveLength(reasons.length);
  });

  it('skips a second name of an article already read, and ignores what is no article file, saying why', () => {
    expect(byPath.get(join(corpus, 'sub', 'alias.txt'))).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/same file as .*seed\.txt/) });
    expect(byPath.get(join(corpus, 'notes.md'))).toMatchObject({ reason: expect.stringMatching(/not a \.txt file/) });
    expect(byPath.get(join(corpus, '.git'))).toMatchObject({ reason: expect.stringMatching(/hidden directory/) });
    expect(byPath.get(join(corpus, '.draft.txt'))).toMatchObject({ reason: expect.stringMatching(/hidden file/) });
    expect(byPath.get(join(corpus, 'pipe.txt'))).toMatchObject({ reason: expect.stringMatching(/not a regular file/) });
    expect(byPath.get(join(corpus, 'sub', 'loop'))).toMatchObject({ reason: expect.stringMatching(/already searched/) });
  });

  it('accounts for every entry of the directory, and only those', () => {
    const reported = new Set([...byPath.keys()].map((p) => relative(corpus, p)));
    // What lies inside an ignored directory is covered by that directory's entry; a directory
    // that is searched is no entry of its own.
    const covered = everyPath(corpus).filter((p) => !p.startsWith('.git/') && p !== 'sub');
    expect([...reported].sort()).toEqual(covered);
  });

  it('totals the report and says the same in the summary line', () => {
    expect(r.totals).toEqual({
      articles: r.articles.length, built: 2, skipped: 1, failed: 9, ignored: 5,
      entities: expect.any(Number), facts: expect.any(Number),
    });
    expect(r.totals.articles).toBe(12);
    expect(c.out).toHaveLength(1);
    expect(c.out[0]).toMatch(/^built 2 articles, 1 skipped, 9 failed \(.*\): \d+ entities, \d+ facts; wrote .*report\.json$/);
  });

  it('reads CRLF and a byte-order mark to the same facts, offsets into the decoded text', async () => {
    const b = await build([join(corpus, 'seed.txt'), join(corpus, 'sub', 'crlf-bom.txt')], { keepResults: true });
    const [crlf, lf] = b.results.sort((x, y) => (x.article.id < y.article.id ? -1 : 1));
    expect(crlf.article.text.startsWith('\uFEFF')).toBe(false);
    const triples = (x: typeof lf) => x.facts.map((f) => `${f.subject} ${f.predicate} ${f.object}`).sort();
    expect(triples(crlf)).toEqual(triples(lf));
    expect(crlf.facts.length).toBeGreaterThan(0);
    for (const x of [crlf, lf]) for (const f of x.facts) expect(f.provenance.evidence).toBe(x.article.text.slice(f.provenance.start, f.provenance.end));
  });

  it('decodes the non-UTF-8 file only when its encoding is named', async () => {
    const b = await build([join(corpus, 'latin1.txt')], { encoding: 'latin1', keepResults: true });
    expect(b.articles).toMatchObject([{ status: 'built' }]);
    expect(b.results[0].article.text).toContain('é');
  });

  // Tests run as root in CI, and root reads a file whatever its mode: chmod cannot make one unreadable.
  it.skipIf(ROOT)('fails an unreadable file with "permission denied" (skipped as root: root reads any file)', async () => {
    const d = tmp();
    writeFileSync(join(d, 'locked.txt'), 'Bayramov met Lavrov.');
    chmodSync(join(d, 'locked.txt'), 0o000);
    const b = await build([d]);
    expect(b.articles).toMatchObject([{ status: 'failed', reason: expect.stringMatching(/permission denied/) }]);
  });
});

describe('an --out that cannot be written', () => {
  it('is a usage error that names it, and leaves what is there alone', async () => {
    const d = tmp();
    const file = join(d, 'not-a-dir');
    writeFileSync(file, 'keep me');
    const c = capture();
    expect(await run(['build', SEED, '--out', file], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/^newskg: --out .*not-a-dir: cannot write there/);
    expect(c.err.join('\n')).not.toMatch(/\n\s+at /);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });
});

describe('huge files', () => {
  it('refuses a file over the limit without reading it', async () => {
    const d = tmp();
    const file = join(d, 'dump.txt');
    writeFileSync(file, '');
    truncateSync(file, 2 * 1024 ** 3 + 1); // sparse, 2 GiB: past what Node can read into one buffer
    const t0 = performance.now();
    await expect(readArticle(file)).rejects.toMatchObject({ code: 'too-large' });
    await expect(readArticle(file)).rejects.toBeInstanceOf(InputError);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  // A 20 MB file is read whole (its offsets point into the text), in about three times its size
  // at the peak; a 100 MB one is the opt-in test below.
  it('reads a 20 MB file with memory in proportion to its size', async () => {
    const d = tmp();
    const file = join(d, 'big.txt');
    const line = 'The ministers met in Baku on Monday and discussed regional cooperation. ';
    writeFileSync(file, line.repeat(Math.ceil(20e6 / line.length)));
    const before = process.memoryUsage();
    const t0 = performance.now();
    const a = await readArticle(file);
    const ms = performance.now() - t0;
    const after = process.memoryUsage();
    expect(a.text.length).toBeGreaterThanOrEqual(20e6);
    expect(ms).toBeLessThan(10_000);
    expect(after.rss - before.rss).toBeLessThan(200e6);
  }, 30_000);

  it('builds a 4 MB article end to end', async () => {
    const d = tmp();
    const file = join(d, 'long.txt');
    writeFileSync(file, `${'Azerbaijani Foreign Minister Jeyhun Bayramov met Russian Foreign Minister Sergey Lavrov in Baku.\n\n'.repeat(4)}${'The weather in the region was fine that week, officials said. '.repeat(65_000)}`);
    const t0 = performance.now();
    const r = await build([file], { out: join(d, 'out') });
    expect(performance.now() - t0).toBeLessThan(30_000);
    expect(r.articles).toMatchObject([{ status: 'built' }]);
    expect(r.graph.size).toBeGreaterThan(0);
  }, 60_000);

  // Opt-in (NEWSKG_HUGE=1): 100 MB of filler sentences through build(). Measured: see README.
  it.skipIf(process.env.NEWSKG_HUGE !== '1')('builds a 100 MB article without running out of memory (NEWSKG_HUGE=1)', async () => {
    const d = tmp();
    const file = join(d, 'huge.txt');
    writeFileSync(file, `Bayramov met Lavrov in Baku.\n\n${'The weather in the region was fine that week, officials said. '.repeat(1_600_000)}`);
    const t0 = performance.now();
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const r = await build([file], { out: join(d, 'out') }).finally(() => clearInterval(timer));
    console.log(`100 MB: ${Math.round((performance.now() - t0) / 1000)} s, peak RSS ${Math.round(peak / 1e6)} MB`);
    expect(r.articles).toMatchObject([{ status: 'built' }]);
  }, 3_600_000);
});

describe('hostile file names', async () => {
  const dir = tmp();
  const corpus = join(dir, 'corpus');
  mkdirSync(join(corpus, 'deep', 'er'), { recursive: true });
  const names = [
    'a"b.txt', "it's.txt", 'new\nline.txt', 'cr\rlf.txt', 'tab\there.txt', '<x>&y.txt', 'back\\slash.txt', 'esc\u001b[31mred.txt',
    '-dash.txt', '#hash?q=1.txt', '%2e%2e.txt', 'ünï©ødé.txt', '🇦🇿.txt', `${'x'.repeat(200)}.txt`, 'graph.json.txt', 'report.txt',
  ];
  const body = 'Azerbaijani Foreign Minister Jeyhun Bayramov met Russian Foreign Minister Sergey Lavrov in Baku.';
  names.forEach((n, i) => writeFileSync(join(corpus, n), `${body} Meeting ${i}.`));
  // A path that climbs out and back in (not normalised by join): the id is still only the file
  // name. And "..txt", whose id is ".", named as an input since a directory hides dot files.
  const climbing = `${corpus}/deep/er/../../../../${basename(dir)}/corpus/a"b.txt`;
  writeFileSync(join(dir, '..txt'), `${body} Dots.`);
  names.push('..txt');
  const out = join(dir, 'out');
  const before = everyPath(dir);
  const c = capture();
  const code = await run(['build', corpus, climbing, join(dir, '..txt'), '--out', out], c.io);

  it('builds each, named after its file', () => {
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    const r = report(out);
    expect(r.articles.filter((a) => a.status === 'built').map((a) => a.id).sort()).toEqual(names.map((n) => n.slice(0, -4)).sort());
    // The climbing path reached a file already listed: one article, the second name skipped.
    expect(r.articles.filter((a) => a.status === 'skipped')).toHaveLength(1);
  });

  it('writes nothing but the fixed output names, all inside --out', () => {
    expect(everyPath(dir)).toEqual([...before, 'out', 'out/graph.graphml', 'out/graph.json', 'out/graph.ttl', 'out/report.json'].sort());
  });

  it('keeps every id intact in the outputs, which still parse', async () => {
    const json = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    const sources = new Set(json.edges.flatMap((e: { attributes: { provenance: { source: string }[] } }) => e.attributes.provenance.map((p) => p.source)));
    for (const n of names) expect(sources.has(n.slice(0, -4)), n).toBe(true);
    const quads = new Parser().parse(readFileSync(join(out, 'graph.ttl'), 'utf8'));
    expect(quads.length).toBeGreaterThan(0);
    new DOMParser({ onError: (level, m) => { if (level !== 'warning') throw new Error(m); } }).parseFromString(readFileSync(join(out, 'graph.graphml'), 'utf8'), 'text/xml');
  });

  it('prints one line each, with control characters escaped', () => {
    expect(c.out).toHaveLength(1);
    expect(c.out[0]).not.toMatch(/[\n\r\u001b]/);
    expect(oneLine('new\nline\r\u001b[31m\u2028')).toBe('new\\nline\\r\\u001b[31m\\u2028');
  });
});
