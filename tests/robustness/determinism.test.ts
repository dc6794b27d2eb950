// Determinism (issue 6): the same articles give byte-identical graph.ttl, graph.graphml and
// graph.json (and the other formats, and report.json), across runs and whatever the order the
// inputs are given in or the articles are merged in.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build, buildFromResults, FORMATS, render, fileName } from '../../src/build.js';

const DEV = process.env.NEWSKG_DEV_CORPUS
  ? join(process.env.NEWSKG_DEV_CORPUS, 'articles')
  : fileURLToPath(new URL('../../../shared/corpus/dev/articles/', import.meta.url));
const here = existsSync(DEV);

describe.skipIf(!here)(`determinism on the dev corpus${here ? '' : ` (SKIPPED: no dev corpus at ${DEV})`}`, () => {
  const files = here ? readdirSync(DEV).filter((f) => f.endsWith('.txt')).sort().map((f) => join(DEV, f)) : [];
  // Reversed, then every other one first: an order nothing sorts by accident.
  const shuffled = [...files].reverse().filter((_, i) => i % 2 === 0).concat([...files].reverse().filter((_, i) => i % 2 === 1));
  const outA = mkdtempSync(join(tmpdir(), 'newskg-det-a-'));
  const outB = mkdtempSync(join(tmpdir(), 'newskg-det-b-'));

  it('writes byte-identical files from the directory and from its files in another order', async () => {
    expect(files.length).toBeGreaterThan(10);
    expect(shuffled).not.toEqual(files);
    const a = await build(files, { out: outA, formats: [...FORMATS] });
    const b = await build(shuffled, { out: outB, formats: [...FORMATS] });
    expect(a.graph.size).toBeGreaterThan(100);
    for (const f of FORMATS) {
      const name = fileName(f);
      expect(readFileSync(join(outB, name)).equals(readFileSync(join(outA, name))), name).toBe(true);
    }
    expect(readFileSync(join(outB, 'report.json'), 'utf8')).toBe(readFileSync(join(outA, 'report.json'), 'utf8'));
    // And the directory itself as the input, a second run: the same graph files again.
    const outC = mkdtempSync(join(tmpdir(), 'newskg-det-c-'));
    await build([DEV], { out: outC, formats: [...FORMATS] });
    for (const f of FORMATS) expect(readFileSync(join(outC, fileName(f))).equals(readFileSync(join(outA, fileName(f)))), fileName(f)).toBe(true);
  }, 120_000);

  it('merges extracted articles to the same bytes whatever order they come in', async () => {
    const { results } = await build(files, { keepResults: true });
    const forward = buildFromResults(results);
    const backward = buildFromResults([...results].reverse());
    for (const f of ['json', 'ttl', 'graphml'] as const) expect(await render(backward, f), f).toBe(await render(forward, f));
  }, 120_000);
});
