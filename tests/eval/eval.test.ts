// `newskg eval` must measure exactly what the shared scorer measures: same graphs, same figures.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { writeJson } from '../../src/export/json.js';
import { extractArticle } from '../../src/extract.js';
import { buildGraph } from '../../src/graph.js';
import { readArticle } from '../../src/ingest.js';

const DEV = '../shared/corpus/dev';

function capture(): { io: { out: (l: string) => void; err: (l: string) => void }; out: string[] } {
  const out: string[] = [];
  return { io: { out: (l) => out.push(l), err: () => {} }, out };
}

describe('newskg eval', () => {
  it('prints the same report as the shared scorer on the dev corpus', async () => {
    const system = mkdtempSync(join(tmpdir(), 'newskg-eval-'));
    for (const f of readdirSync(join(DEV, 'articles')).filter((x) => x.endsWith('.txt'))) {
      const article = await readArticle(join(DEV, 'articles', f));
      mkdirSync(join(system, article.id));
      writeFileSync(join(system, article.id, 'graph.json'), writeJson(buildGraph([extractArticle(article)])));
    }
    const shared = execFileSync('node', [join(DEV, '../../eval/score.mjs'), '--gold', join(DEV, 'gold'), '--system', system, '--articles', join(DEV, 'articles'), '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const c = capture();
    expect(await run(['eval', '--gold', join(DEV, 'gold'), '--json'], c.io)).toBe(0);
    const ours = JSON.parse(c.out.join('\n'));
    const theirs = JSON.parse(shared);
    expect(ours.summary).toEqual(theirs.summary);
    expect(ours.perArticle.map((a: { id: string; fn: string[]; fp: string[] }) => [a.id, a.fn, a.fp])).toEqual(theirs.perArticle.map((a: { id: string; fn: string[]; fp: string[] }) => [a.id, a.fn, a.fp]));
    // the table form ends with the overall figures, as the shared scorer's does
    const table = capture();
    await run(['eval', '--gold', join(DEV, 'gold')], table.io);
    const sharedTable = execFileSync('node', [join(DEV, '../../eval/score.mjs'), '--gold', join(DEV, 'gold'), '--system', system, '--articles', join(DEV, 'articles')], { encoding: 'utf8' });
    expect(table.out.join('\n').trim()).toBe(sharedTable.trim());
  });

  it('reports a missing gold directory as a usage error', async () => {
    const c = capture();
    expect(await run(['eval', '--gold', 'no/such/dir'], c.io)).toBe(2);
  });
});

describe('newskg explain', () => {
  it('marks each fact\'s evidence in its sentence and explains a missed gold fact', async () => {
    const c = capture();
    expect(await run(['explain', 'data/articles/seed-bayramov-lavrov-unga78.txt', '--gold', join(DEV, 'gold')], c.io)).toBe(0);
    const text = c.out.join('\n');
    expect(text).toMatch(/^\[0\] Jeyhun Bayramov metWith Sergey Lavrov {3}\(rule meet\.met-with; occasion=78th session of the United Nations General Assembly\)$/m);
    expect(text).toContain('»Jeyhun Bayramov has met with his Russian counterpart Sergey Lavrov«');
    expect(text).toMatch(/every required gold fact was found|required gold facts missed/);
  });

  it('says why a gold fact was missed: negated, or an entity not found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-explain-'));
    writeFileSync(join(dir, 'neg.txt'), 'Turkish Foreign Minister Hakan Fidan did not meet with Greek Foreign Minister Giorgos Gerapetritis in Athens.');
    writeFileSync(join(dir, 'neg.json'), JSON.stringify({
      article: 'neg',
      entities: [{ name: 'Hakan Fidan', type: 'Person' }, { name: 'Giorgos Gerapetritis', type: 'Person' }, { name: 'Zorro', type: 'Person' }],
      triples: [
        { s: 'Hakan Fidan', p: 'metWith', o: 'Giorgos Gerapetritis', evidence: 'Hakan Fidan did not meet with Greek Foreign Minister Giorgos Gerapetritis' },
        { s: 'Hakan Fidan', p: 'metWith', o: 'Zorro', evidence: 'Hakan Fidan' },
      ],
    }));
    const c = capture();
    await run(['explain', join(dir, 'neg.txt'), '--gold', join(dir, 'neg.json')], c.io);
    const text = c.out.join('\n');
    expect(text).toMatch(/missed Hakan Fidan metWith Giorgos Gerapetritis: filtered as negated or future \(rule meet\.met-with/);
    expect(text).toMatch(/missed Hakan Fidan metWith Zorro: entity not found: Zorro/);
  });
});
