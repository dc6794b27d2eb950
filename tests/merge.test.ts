// Sharded builds and `newskg merge`: the dev corpus built as two shards and merged gives the same
// bytes as one build; the shard split is stable and disjoint.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { run } from '../src/cli/index.js';
import { InputError, UsageError } from '../src/errors.js';
import { mergeFiles } from '../src/merge.js';
import { parseShard, shardOf } from '../src/shard.js';
import { capture, DEV_ARTICLES } from './query/corpus.js';

const FORMATS = ['json', 'ttl', 'nt', 'graphml'] as const;
const read = (dir: string, f: string): string => readFileSync(join(dir, `graph.${f}`), 'utf8');
let home: string;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'newskg-merge-'));
  await build([DEV_ARTICLES], { out: join(home, 'whole'), formats: [...FORMATS] });
}, 120_000);

describe('build --shard and merge', () => {
  it('merges two shards of the dev corpus into the bytes of one build', async () => {
    const shards = await Promise.all([0, 1].map((index) => build([DEV_ARTICLES], { out: join(home, `s${index}`), formats: ['json'], shard: { index, count: 2 } })));
    const ids = shards.map((s) => s.articles.filter((a) => a.status === 'built').map((a) => a.id));
    expect(ids[0].length + ids[1].length).toBe(41);
    expect(ids[0].length).toBeGreaterThan(5); // both halves hold real work
    expect(ids[1].length).toBeGreaterThan(5);
    expect(ids[0].filter((id) => ids[1].includes(id))).toEqual([]);
    const r = await mergeFiles([join(home, 's1', 'graph.json'), join(home, 's0', 'graph.json')], { out: join(home, 'merged'), formats: [...FORMATS] });
    expect(r.files).toHaveLength(4);
    for (const f of FORMATS) expect(read(join(home, 'merged'), f), f).toBe(read(join(home, 'whole'), f));
  }, 120_000);

  it('runs as `newskg build --shard` and `newskg merge` with three shards', async () => {
    const c = capture();
    for (const i of [0, 1, 2]) expect(await run(['build', DEV_ARTICLES, '--shard', `${i}/3`, '--out', join(home, `t${i}`), '-f', 'json', '-q'], c.io)).toBe(0);
    const code = await run(['merge', ...[0, 1, 2].map((i) => join(home, `t${i}`, 'graph.json')), '--out', join(home, 'tm'), '-f', 'json,ttl'], c.io);
    expect(code).toBe(0);
    expect(c.out.at(-1)).toMatch(/^merged 3 graphs: \d+ entities, \d+ facts; wrote /);
    expect(read(join(home, 'tm'), 'json')).toBe(read(join(home, 'whole'), 'json'));
    expect(read(join(home, 'tm'), 'ttl')).toBe(read(join(home, 'whole'), 'ttl'));
  }, 120_000);

  it('merging a graph with itself changes nothing', async () => {
    await mergeFiles([join(home, 'whole', 'graph.json'), join(home, 'whole', 'graph.json')], { out: join(home, 'self'), formats: ['json'] });
    expect(read(join(home, 'self'), 'json')).toBe(read(join(home, 'whole'), 'json'));
  });

  it('reports a missing or non-graph file as an InputError, exit code 1', async () => {
    await expect(mergeFiles([join(home, 'nope.json')])).rejects.toBeInstanceOf(InputError);
    const c = capture();
    expect(await run(['merge', join(home, 'nope.json'), '--out', join(home, 'x')], c.io)).toBe(1);
    expect(c.err[0]).toMatch(/nope\.json: no such file/);
  });
});

describe('parseShard and shardOf', () => {
  it.each([['0/1', { index: 0, count: 1 }], ['2/4', { index: 2, count: 4 }], [' 1/2 ', { index: 1, count: 2 }]])('reads %j', (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });
  it.each(['2/2', '1/0', '-1/2', 'a/b', '1', '1/2/3', ''])('refuses %j as a usage error', (text) => {
    expect(() => parseShard(text)).toThrow(UsageError);
  });
  it('is stable across runs and machines (a content hash of the id)', () => {
    // Pinned: a change here re-splits every sharded corpus.
    expect(['seed-bayramov-lavrov-unga78', 'a', 'Ünïcödé'].map((id) => shardOf(id, 7))).toEqual([5, 6, 6]);
    expect(shardOf('anything', 1)).toBe(0);
  });
  it('refuses a bad --shard on the command line with exit code 2', async () => {
    const c = capture();
    expect(await run(['build', DEV_ARTICLES, '--shard', '3/2', '--out', join(home, 'bad')], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/--shard/);
  });
});
