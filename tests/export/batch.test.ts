// The streaming writers' batching: the bytes are the same however the pieces fall into buffers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batched, utf8Batched } from '../../src/export/batch.js';

// Pieces of ASCII, Latin-1, Cyrillic, CJK and astral text (whole surrogate pairs), as node and edge lines are.
const piece = fc.array(fc.constantFrom('a', '<', 'é', 'ж', '中', '😀', '\n', ' | '), { maxLength: 40 }).map((xs) => xs.join(''));

describe('utf8Batched', () => {
  it('encodes the pieces exactly as one UTF-8 string, whatever the buffer size', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 200 }), (pieces, size) => {
      const buffers = [...utf8Batched(pieces, size)];
      expect(Buffer.concat(buffers).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
      expect(buffers.every((b) => b.length > 0)).toBe(true);
    }));
  });

  it('starts a new buffer when a piece may not fit, big enough for a piece larger than the size', () => {
    expect([...utf8Batched(['a', 'b', 'c', 'd', 'e'].map((c) => c.repeat(20)), 128)].map((b) => b.length)).toEqual([80, 20]);
    const big = 'ж'.repeat(1000);
    expect([...utf8Batched(['ab', big, 'c'.repeat(50), 'd'.repeat(1000)], 128)].map((b) => b.length)).toEqual([2, 2050, 1000]);
  });

  it('yields nothing for no text', () => {
    expect([...utf8Batched([])]).toEqual([]);
    expect([...utf8Batched(['', ''])]).toEqual([]);
  });
});

describe('batched', () => {
  it('joins pieces into strings of about the given size', () => {
    expect([...batched(['ab', 'cd', 'e'], 3)]).toEqual(['abcd', 'e']);
  });
});
