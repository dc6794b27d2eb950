// An article that newskg can read but fails to extract (a bug) is reported as failed with its path,
// and the rest of the build goes on; a bad rule file still stops the build, since every article would fail.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/extract.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/extract.js')>();
  const { RuleError } = await import('../../src/errors.js');
  return {
    ...real,
    extractArticle: (article: { id: string }, options?: object) => {
      if (article.id === 'boom') throw new TypeError("Cannot read properties of undefined (reading 'start')");
      if (article.id === 'rules') throw new RuleError('data/rules/x.json: not valid JSON', 'data/rules/x.json');
      return real.extractArticle(article as never, options);
    },
  };
});

const { build } = await import('../../src/build.js');
const { RuleError } = await import('../../src/errors.js');

const dir = mkdtempSync(join(tmpdir(), 'newskg-fail-'));
const seed = readFileSync('data/articles/seed-bayramov-lavrov-unga78.txt', 'utf8');
writeFileSync(join(dir, 'a.txt'), seed);
writeFileSync(join(dir, 'boom.txt'), seed);

describe('an article whose extraction throws', () => {
  it('is reported as failed with its path and the reason, and the other articles are built', async () => {
    const r = await build([dir]);
    // reports are sorted by id, and a failed file's id is its path
    expect(r.articles.map((a) => [a.id, a.status])).toEqual([[join(dir, 'boom.txt'), 'failed'], ['a', 'built']]);
    expect(r.articles[0].reason).toBe(`${join(dir, 'boom.txt')}: newskg failed to extract this article (Cannot read properties of undefined (reading 'start')); it was left out. This is a bug: please report it with the file`);
    expect(r.graph.size).toBeGreaterThan(0);
    expect(r.graph.edges().every((e) => r.graph.getEdgeAttribute(e, 'provenance').every((p) => p.source === 'a'))).toBe(true);
  });

  it('stops the build when it is a rule error, which every article would hit', async () => {
    const d = mkdtempSync(join(tmpdir(), 'newskg-fail-'));
    writeFileSync(join(d, 'rules.txt'), seed);
    await expect(build([d])).rejects.toBeInstanceOf(RuleError);
  });
});
