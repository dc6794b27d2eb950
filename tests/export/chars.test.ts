import { describe, expect, it } from 'vitest';
import { cleanLiteral, cleanText } from '../../src/export/chars.js';

describe('cleanText and cleanLiteral', () => {
  const s = 'a\u0001b\uD800c\uDC00d\uFFFEe\uFFFF😀\t\n\r\uFFFD';

  it('replace one unit by one, so offsets survive', () => {
    expect(cleanText(s)).toBe('a␚b␚c␚d␚e␚😀\t\n\r\uFFFD');
    expect(cleanText(s)).toHaveLength(s.length);
  });

  it('keep U+FFFD out of RDF literals, where Jena flags it', () => {
    expect(cleanLiteral(s)).toBe('a␚b␚c␚d␚e␚😀\t\n\r␚');
    expect(cleanLiteral('clean text')).toBe('clean text');
  });
});
