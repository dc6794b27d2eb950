// The small pieces under the query commands: edit distance and suggestions, and the table, CSV and
// TSV layouts.
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/suggest.js';
import { csvField, formatCsv, formatTable, formatTsv } from '../../src/tabular.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0], ['abc', '', 3], ['', 'ab', 2], ['kitten', 'sitting', 3], ['bayramof', 'bayramov', 1],
    ['lavrov', 'lavrov', 0], ['metwith', 'met', 4], ['flaw', 'lawn', 2],
  ])('%j → %j is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closest', () => {
  const people = ['Jeyhun Bayramov', 'Sergey Lavrov', 'Mevlüt Çavuşoğlu', 'Hakan Fidan', 'Bakhtiyor Saidov'].map((n) => ({ name: n, value: n }));
  it.each([
    ['Bayramof', ['Jeyhun Bayramov']],
    ['lavrow', ['Sergey Lavrov']],
    ['CAVUSOGLU', ['Mevlüt Çavuşoğlu']],
    ['Sergey', ['Sergey Lavrov']],
    ['Saidof', ['Bakhtiyor Saidov']],
    ['zzzzzz', []],
    ['UN', []],
  ])('%s suggests %j', (query, want) => {
    expect(closest(query, people)).toEqual(want);
  });

  it('ranks by distance, gives each value once, and stops at the limit', () => {
    const names = [{ name: 'Lavrov', value: 'Sergey Lavrov' }, { name: 'Sergey Lavrov', value: 'Sergey Lavrov' }, { name: 'Lavrova', value: 'Anna Lavrova' }, { name: 'Lavrof', value: 'X' }];
    expect(closest('Lavrov', names)).toEqual(['Sergey Lavrov', 'Anna Lavrova', 'X']);
    expect(closest('Lavrov', names, { limit: 1 })).toEqual(['Sergey Lavrov']);
  });
});

describe('formatTable', () => {
  it('aligns columns under a rule, flattening line breaks', () => {
    expect(formatTable(['a', 'long header'], [['x', '1'], ['wide cell', 'two\nlines']])).toBe([
      'a          long header',
      '─────────  ───────────',
      'x          1',
      'wide cell  two lines',
      '',
    ].join('\n'));
  });

  it('cuts the widest columns to fit a terminal, marking the cut', () => {
    const out = formatTable(['name', 'evidence'], [['Lavrov', 'x'.repeat(100)]], { width: 40 });
    for (const line of out.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(40);
    expect(out).toContain('x…');
    expect(out).toContain('Lavrov');
  });

  it('counts characters, not UTF-16 units', () => {
    const lines = formatTable(['n', 'v'], [['🌍🌍', '1'], ['ab', '2']]).split('\n');
    expect([...lines[2]].indexOf('1')).toBe([...lines[3]].indexOf('2'));
  });
});

describe('CSV and TSV', () => {
  it.each([
    ['plain', 'plain'], ['a,b', '"a,b"'], ['say "hi"', '"say ""hi"""'], ['two\nlines', '"two\nlines"'], ['', ''],
  ])('%j is written %j', (field, csv) => {
    expect(csvField(field)).toBe(csv);
  });

  it('writes CRLF-terminated CSV with a header, and TSV with tabs and breaks made spaces', () => {
    expect(formatCsv(['a', 'b'], [['1', 'x,y'], ['2']])).toBe('a,b\r\n1,"x,y"\r\n2,\r\n');
    expect(formatTsv(['a', 'b'], [['1', 'x\ty'], ['2', 'p\nq  r']])).toBe('a\tb\n1\tx y\n2\tp q  r\n');
  });
});
