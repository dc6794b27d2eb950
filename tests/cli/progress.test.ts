// The progress line of `newskg build`: drawn on a terminal only, never with --quiet.
import { describe, expect, it } from 'vitest';
import { formatProgress, progress } from '../../src/cli/progress.js';
import { processIo } from '../../src/cli/io.js';

const fake = (isTTY: boolean): { isTTY: boolean; columns: number; text: string[]; write: (t: string) => void } => {
  const s = { isTTY, columns: 120, text: [] as string[], write: (t: string) => void s.text.push(t) };
  return s;
};

describe('progress', () => {
  it.each([
    [0, 10, 0, 0, '0/10 articles · 0.0 MB · 0.0 MB/s · ETA 0s'],
    [5, 10, 2_500_000, 2, '5/10 articles · 2.5 MB · 1.3 MB/s · ETA 2s'],
    [1, 100, 1_000_000, 10, '1/100 articles · 1.0 MB · 0.1 MB/s · ETA 16m30s'],
    [10, 10, 1_000_000, 4, '10/10 articles · 1.0 MB · 0.3 MB/s · ETA 0s'],
  ])('formats %d/%d, %d bytes in %d s', (done, total, bytes, s, line) => {
    expect(formatProgress(done, total, bytes, s)).toBe(line);
  });

  it('draws on a terminal, throttled, and clears the line at the end', () => {
    const s = fake(true);
    let t = 0;
    const p = progress(processIo, false, s, () => t)!;
    p.onArticle(1, 3, '-');
    t = 50;
    p.onArticle(2, 3, '-'); // within 100 ms: skipped
    t = 400;
    p.onArticle(3, 3, '-');
    p.end();
    expect(s.text).toEqual([expect.stringMatching(/^\r1\/3 articles/), expect.stringMatching(/^\r3\/3 articles .*ETA 0s\x1b\[K$/), '\r\x1b[K']);
  });

  it('stays quiet with --quiet or when not a terminal', () => {
    expect(progress(processIo, true, fake(true))).toBeUndefined();
    expect(progress(processIo, false, fake(false))).toBeUndefined();
  });
});
