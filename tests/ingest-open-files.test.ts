// readArticle called on many files at once, as `Promise.all(files.map(readArticle))` does, keeps few
// files open: with every read started together, 30,000 files ran out of descriptors (EMFILE) under
// `ulimit -n 1024`. Small regular files are read synchronously, one descriptor at a time; the rest
// (empty, large or special files) go through `readFile`, of which at most 64 run at once.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Count the `readFile` calls in flight (each held a little longer, so that they overlap).
const flight = vi.hoisted(() => ({ now: 0, max: 0, calls: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = (async (...args: Parameters<typeof fs.readFile>) => {
    flight.calls++;
    flight.max = Math.max(flight.max, ++flight.now);
    try {
      await new Promise((resolve) => setTimeout(resolve, 2));
      return await fs.readFile(...args);
    } finally {
      flight.now--;
    }
  }) as typeof fs.readFile;
  return { ...fs, readFile, default: { ...fs, readFile } };
});

const { readArticle } = await import('../src/ingest.js');

describe('readArticle on many files at once', () => {
  it('reads small articles without readFile, and every one of them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-open-'));
    const files = Array.from({ length: 500 }, (_, i) => join(dir, `a${i}.txt`));
    files.forEach((f, i) => writeFileSync(f, `BAKU, May 12 -- Article ${i}: the ministers met.\n`));
    flight.calls = flight.max = 0;
    const articles = await Promise.all(files.map((f) => readArticle(f)));
    expect(articles.map((a) => a.id)).toEqual(files.map((_, i) => `a${i}`));
    expect(articles[7].text).toBe('BAKU, May 12 -- Article 7: the ministers met.\n');
    expect(flight.calls).toBe(0);
  });

  it('has at most 64 readFile calls in flight, and refuses each file as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-open-'));
    // Empty files and directories are not read synchronously: they take the readFile path.
    const files = Array.from({ length: 300 }, (_, i) => join(dir, `e${i}.txt`));
    for (const f of files) writeFileSync(f, '');
    const dirs = Array.from({ length: 100 }, (_, i) => join(dir, `d${i}.txt`));
    for (const d of dirs) mkdirSync(d);
    flight.calls = flight.max = 0;
    const results = await Promise.allSettled([...files, ...dirs].map((f) => readArticle(f)));
    expect(flight.calls).toBe(400);
    expect(flight.max).toBe(64); // reached, so the reads did contend, and never passed
    expect(results.slice(0, 300).map((r) => r.status === 'rejected' && (r.reason as { code: string }).code)).toEqual(files.map(() => 'empty'));
    expect(results.slice(300).map((r) => r.status === 'rejected' && (r.reason as { code: string }).code)).toEqual(dirs.map(() => 'not-a-text-file'));
  });
});
