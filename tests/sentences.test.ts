// Tests for **sentences**: splitting rules, paragraphs, offsets, and linear time on hostile input.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleFromText, parseMeta } from '../src/ingest.js';
import { MAX_SENTENCE_LENGTH, splitSentences } from '../src/sentences.js';
import type { Article, Sentence } from '../src/types.js';

const SEED = fileURLToPath(new URL('../../shared/corpus/dev/articles/seed-bayramov-lavrov-unga78.txt', import.meta.url));

const article = (text: string): Article => articleFromText('t', text, 't.txt');
const texts = (text: string): string[] => splitSentences(article(text)).map((s) => s.text);

/** Every sentence must be the article slice with line ends turned into spaces. */
function expectFaithful(a: Article, sentences: Sentence[]): void {
  sentences.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(s.text).toBe(a.text.slice(s.start, s.end).replace(/[\r\n]/g, ' '));
    expect(s.text).toBe(s.text.trim());
  });
}

describe('splitSentences on the seed article', () => {
  it.skipIf(!existsSync(SEED))('finds its nine sentences, faithful to the text', () => {
    const a = articleFromText('seed', readFileSync(SEED, 'utf8'), SEED);
    const sentences = splitSentences(a);
    expect(sentences).toHaveLength(9);
    expect(sentences[0].text).toBe(
      "Azerbaijan's Minister of Foreign Affairs Jeyhun Bayramov has met with his Russian counterpart Sergey Lavrov on the sidelines of the high-level week of the 78th session of the United Nations General Assembly, Azernews reports.",
    );
    expect(sentences[8].text).toBe('During the meeting, the parties also exchanged views on other issues of the current cooperation agenda between the two countries.');
    expect(sentences[3].text).toBe('The minister noted that an investigation had been launched into the incident.');
    expectFaithful(a, sentences);
    // Wire copy without blank lines: a sentence ending a line ends its paragraph, one ending mid-line does not.
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1, 2, 2, 3, 4, 5, 6, 7]);
  });
});

describe('splitSentences rules', () => {
  it.each([
    ['Mr. Smith met Dr. Jones in St. Petersburg. They talked.', 2],
    ["India's External Affairs Minister S. Jaishankar met him. Talks followed.", 2],
    ['Secretary of State Antony J. Blinken arrived. He met Feridun H. Sinirlioğlu in Vienna.', 2],
    ['The talks were held on Jan. 9 in Amman. The U.S. Secretary of State attended.', 2],
    ['The U.N. Security Council met. It condemned the attack.', 2],
    ['The No. 1 priority is peace, e.g. in the region, i.e. here. Talks go on.', 2],
    ['They met at 5 p.m. on Friday, Sept. 14, with Gen. Smith and Col. Brown. Then they left.', 2],
    ['Ferdinand Marcos Jr. of the Philippines thanked Japan. Manila agreed.', 2],
    ['Apple Inc. and Acme Co. Ltd. signed. Both agreed.', 2],
    ['They met in 2023. 15 people attended.', 2],
    ['The deal ended. "We agree," he said.', 2],
    ['He said "yes." The talks went on.', 2],
    ['Was it agreed? Nobody knows! Maybe… Later.', 4],
    ['Version 2.0 shipped. Good.', 2],
    ['It rose by 3.5 percent. the rest is lowercase.', 1],
    ['KAMIKAWA. Yoko spoke.', 2],
    ['(It was signed.) Then they left.', 2],
  ])('splits %j into %i sentences', (text, count) => {
    const a = article(text);
    const sentences = splitSentences(a);
    expect(sentences).toHaveLength(count);
    expectFaithful(a, sentences);
  });

  it('keeps the closing quote with its sentence', () => {
    expect(texts('He said "yes." The talks went on.')).toEqual(['He said "yes."', 'The talks went on.']);
  });

  it('never ends a sentence at a hard wrap', () => {
    expect(texts('The minister met\nhis counterpart in\nBaku, said the U.S.\nembassy. The talks\nwent well.')).toEqual([
      'The minister met his counterpart in Baku, said the U.S. embassy.',
      'The talks went well.',
    ]);
  });

  it('ends a sentence at a blank line, so a headline stands alone', () => {
    const a = article('Ghana and Hungary sign memorandum\n\nGhana signed it on Tuesday. It covers water.\n\nHungary agreed');
    const sentences = splitSentences(a);
    expect(sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ['Ghana and Hungary sign memorandum', 0],
      ['Ghana signed it on Tuesday.', 1],
      ['It covers water.', 1],
      ['Hungary agreed', 2],
    ]);
    expectFaithful(a, sentences);
  });

  it('leaves a dateline under a headline out of the sentences', () => {
    const a = article('Ghana and Hungary sign memorandum\n\nBRUSSELS, 22 January 2019 -- Ghana signed it.\nHungary\nagreed.');
    expect(splitSentences(a).map((s) => s.text)).toEqual(['Ghana and Hungary sign memorandum', 'Ghana signed it.', 'Hungary agreed.']);
  });

  it('starts after the wrapper and dateline and stops before boilerplate', () => {
    const a = article('(MENAFN- Trend News Agency) BAKU, Azerbaijan, November 22. The ministers met.\nThey talked.\n\nFollow us on Twitter\n');
    expect(splitSentences(a).map((s) => s.text)).toEqual(['The ministers met.', 'They talked.']);
  });

  it('keeps paragraph numbers to blank lines when the body has them', () => {
    const a = article('First paragraph starts.\nIt wraps here.\n\nSecond paragraph.\n\n\n\nThird paragraph.');
    expect(splitSentences(a).map((s) => s.paragraph)).toEqual([0, 0, 1, 2]);
  });

  it('maps offsets one to one through CRLF line ends', () => {
    const a = article('BAKU, May 5, 2024 — The ministers met.\r\nThey talked about\r\nthe region.\r\n\r\nThen they left.');
    const sentences = splitSentences(a);
    expect(sentences.map((s) => s.text)).toEqual(['The ministers met.', 'They talked about  the region.', 'Then they left.']);
    expectFaithful(a, sentences);
    const s = sentences[1];
    const i = s.text.indexOf('the region');
    expect(a.text.slice(s.start + i, s.start + i + 'the region'.length)).toBe('the region');
  });

  it('drops ornament lines but counts the paragraphs around them', () => {
    const a = article('First part ends.\n\n* * *\n\nSecond part ends.');
    expect(splitSentences(a).map((s) => [s.text, s.paragraph, s.index])).toEqual([
      ['First part ends.', 0, 0],
      ['Second part ends.', 2, 1],
    ]);
  });

  it('returns nothing for a body that is all metadata', () => {
    const a: Article = { id: 'x', path: '-', text: 'By Jane Doe\n', meta: parseMeta('By Jane Doe\n') };
    expect(splitSentences(a)).toEqual([]);
  });
});

/** The text was one over-long sentence: it must come back as pieces of at most the maximum that cover it all. */
function expectPieces(text: string, sentences: Sentence[]): void {
  expect(sentences.length).toBeGreaterThanOrEqual(Math.ceil(text.trim().length / MAX_SENTENCE_LENGTH));
  expect(sentences.every((s) => s.end - s.start <= MAX_SENTENCE_LENGTH)).toBe(true);
  expect(sentences[0].start).toBe(0);
  expect(sentences[sentences.length - 1].end).toBe(text.trimEnd().length);
  for (let i = 1; i < sentences.length; i++) expect(text.slice(sentences[i - 1].end, sentences[i].start)).toMatch(/^\s+$|^$/);
}

describe('splitSentences speed', () => {
  it('splits a 1 MB line with no sentence end quickly', () => {
    const text = 'the minister met his counterpart '.repeat(32_000);
    const t0 = performance.now();
    expectPieces(text, splitSentences(article(text)));
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('splits 100,000 capitalised words quickly', () => {
    const text = 'Minister '.repeat(100_000);
    const t0 = performance.now();
    expectPieces(text, splitSentences(article(text)));
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('splits 100,000 initials and abbreviations quickly', () => {
    const text = 'A. Mr. U.S. '.repeat(100_000);
    const t0 = performance.now();
    expectPieces(text, splitSentences(article(text)));
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('splits 100,000 short sentences quickly', () => {
    const text = 'Talks went on. '.repeat(100_000);
    const t0 = performance.now();
    expect(splitSentences(article(text))).toHaveLength(100_000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('cuts 1 MB without white space into pieces, never inside a character', () => {
    // Letters outside the BMP, one unit off: a cut every 2,000 units would split every pair.
    const text = `a${'𝐀'.repeat(500_000)}`;
    const t0 = performance.now();
    const sentences = splitSentences(article(text));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(sentences.map((s) => s.text).join('')).toBe(text);
    for (const s of sentences) expect(s.text.isWellFormed()).toBe(true);
  });
});

describe('splitSentences on over-long sentences (issue 6)', () => {
  const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

  it('keeps a sentence of the maximum length whole', () => {
    const text = `${'a'.repeat(MAX_SENTENCE_LENGTH - 1)}.`;
    expect(texts(text)).toEqual([text]);
  });

  it('cuts after the last comma, semicolon or colon in the second half of the window', () => {
    const head = words(300);
    const text = `${head}, ${words(400)}; ${words(100)}`;
    const a = article(text);
    const sentences = splitSentences(a);
    expectFaithful(a, sentences);
    expect(sentences[0].text).toBe(`${head},`);
    expect(sentences.every((s) => s.text.length <= MAX_SENTENCE_LENGTH)).toBe(true);
  });

  it('cuts between words when there is no clause mark, and keeps offsets faithful', () => {
    const text = `${words(2000)}.\n\nNext paragraph.`;
    const a = article(text);
    const sentences = splitSentences(a);
    expectFaithful(a, sentences);
    expect(sentences.at(-1)!.text).toBe('Next paragraph.');
    expect(sentences.slice(0, -1).map((s) => s.text).join(' ')).toBe(`${words(2000)}.`);
    expect(sentences.slice(0, -1).every((s) => s.paragraph === 0)).toBe(true);
    expect(sentences.at(-1)!.paragraph).toBe(1);
  });
});

