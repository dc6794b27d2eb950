// **sentences** splits an article's body into sentences and paragraphs, with offsets, in one linear scan.
import type { Article, ArticleMeta, Sentence } from './types.js';

// A period after one of these does not end a sentence. Case matters: "No. 5" is an abbreviation,
// "said no. The" is not. Dotted initialisms ("U.S.", "e.g.", "a.m.") and single capital initials
// ("S. Jaishankar", "Antony J. Blinken") are recognised by shape, not listed.
const ABBREVIATIONS = new Set([
  'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'St.', 'Jr.', 'Sr.', 'Gen.', 'Col.', 'Lt.', 'Capt.', 'Maj.', 'Adm.', 'Sgt.', 'Brig.',
  'Prof.', 'Sen.', 'Rep.', 'Gov.', 'Amb.', 'Rev.', 'Hon.', 'Pres.', 'No.', 'Nos.', 'vs.', 'etc.', 'approx.',
  'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.',
  'Inc.', 'Co.', 'Corp.', 'Ltd.', 'Mt.', 'Ft.',
]);
// Abbreviations are short: looking further back than this cannot find one, and keeps the scan linear.
const MAX_ABBREVIATION = 12;

const LF = 0x0a;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LETTER = /\p{L}/u;
const INITIALISM = /^(?:\p{L}\.){2,}$/u;
const WORDY = /[\p{L}\p{N}]/u;

function isWhitespace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whitespace that does not end a line. */
function isLineSpace(c: number): boolean {
  return c !== LF && isWhitespace(c);
}

function isSentenceFinal(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026; // . ! ? …
}

/** Closing quotes and brackets that may follow the final punctuation: `."`, `?)`, `.’`. */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x201d || c === 0x2019 || c === 0xbb;
}

/** Opening quotes and brackets that may start a sentence. */
function isOpener(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x28 || c === 0x5b || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x201e;
}

// ### `startsSentence` tells whether the character at `i` can begin a sentence: a capital, a digit or an opening quote.
function startsSentence(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || isOpener(c)) return true;
  if (c < 0x80) return false;
  return UPPER.test(String.fromCodePoint(text.codePointAt(i)!));
}

// ### `isAbbreviation` tells whether the period at `i` closes an abbreviation or an initial rather than a sentence.
function isAbbreviation(text: string, i: number, floor: number): boolean {
  let b = i;
  while (b > floor && i - b < MAX_ABBREVIATION) {
    const ch = text[b - 1];
    if (ch === '.' || LETTER.test(ch)) b--;
    else break;
  }
  if (b > floor) {
    const before = text.charCodeAt(b - 1);
    // Still inside a word (too long to be an abbreviation), or glued to a digit or slash ("2023.", "/TASS/.").
    if (!isWhitespace(before) && !isOpener(before)) return false;
  }
  const token = text.slice(b, i + 1);
  if (ABBREVIATIONS.has(token)) return true;
  if (token.length === 2 && UPPER.test(token[0])) return true;
  return INITIALISM.test(token);
}

/**
 * The longest sentence, in UTF-16 units. Past it a run of text without a sentence end (a table, a
 * list of names, a page scraped without punctuation) is cut into pieces, so no one "sentence" makes
 * the later stages, whose work grows with the square of a sentence's length, take minutes. News
 * sentences are far shorter: the longest in the dev corpus has 367 characters.
 */
export const MAX_SENTENCE_LENGTH = 2000;

// ### `cutAt` says where a piece of an over-long sentence starting at `from` ends: at the white
// space after the last `,`, `;` or `:` in the second half of the window, else at the last white
// space there, else at the window's end, moved back off a low surrogate so no character is split.
// It looks at most `limit / 2` characters, and every piece is at least that long: linear overall.
function cutAt(text: string, from: number, limit: number): number {
  const end = from + limit;
  let space = -1;
  for (let i = end; i > from + (limit >> 1); i--) {
    if (!isWhitespace(text.charCodeAt(i))) continue;
    const prev = text.charCodeAt(i - 1);
    if (prev === 0x2c || prev === 0x3b || prev === 0x3a) return i;
    if (space < 0) space = i;
  }
  if (space >= 0) return space;
  const c = text.charCodeAt(end);
  return c >= 0xdc00 && c <= 0xdfff ? end - 1 : end;
}

// ### `skipRanges` lists the metadata inside the body (a dateline under a headline, say) that
// sentences must not include: every span but headlines, clipped to the body, sorted and merged.
function skipRanges(meta: ArticleMeta): { start: number; end: number }[] {
  const ranges = meta.spans
    .filter((s) => s.kind !== 'headline')
    .map((s) => ({ start: Math.max(s.start, meta.bodyStart), end: Math.min(s.end, meta.bodyEnd) }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r.start <= prev.end) prev.end = Math.max(prev.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

// ### `blankLineBreaks` counts the blank lines that separate text in `[start, end)`, up to `limit`.
function blankLineBreaks(text: string, start: number, end: number, limit: number): number {
  let count = 0;
  let i = text.indexOf('\n', start);
  while (i >= 0 && i < end && count < limit) {
    let j = i + 1;
    while (j < end && isLineSpace(text.charCodeAt(j))) j++;
    if (j < end && text.charCodeAt(j) === LF) {
      count++;
      while (j < end && isWhitespace(text.charCodeAt(j))) j++;
    }
    i = text.indexOf('\n', j);
  }
  return count;
}

/**
 * `splitSentences` splits the body of an article, `[meta.bodyStart, meta.bodyEnd)`, into sentences.
 *
 * A sentence ends after `.`, `!`, `?` or `…` (and any closing quotes or brackets) when whitespace and
 * then a capital, a digit or an opening quote follow, unless the period closes an abbreviation
 * ("Mr.", "Jan.", "U.S.") or an initial ("Antony J. Blinken"). A blank line always ends a sentence,
 * so a headline stands alone; a single newline is a hard wrap and never does. Metadata spans inside
 * the body (all but headlines) end a sentence and are left out of every sentence, and so are
 * stretches without a letter or digit ("* * *").
 *
 * Paragraphs are the blank-line-separated blocks, counted from 0. When the body has at most one
 * blank line, it is wire copy whose paragraph breaks were flattened into newlines (perhaps under a
 * headline): there a sentence that ends at the end of a line also ends its paragraph.
 *
 * A sentence longer than {@link MAX_SENTENCE_LENGTH} is cut into pieces of at most that length,
 * after a comma, semicolon or colon where it can be, else between words.
 *
 * `Sentence.text` is the slice of the article with `\r` and `\n` turned into spaces, so it has the
 * slice's length and offsets into it map one to one onto the article.
 *
 * Runs in time linear in the body: each character is looked at a bounded number of times.
 */
export function splitSentences(article: Article): Sentence[] {
  const { text, meta } = article;
  const end = Math.min(meta.bodyEnd, text.length);
  const skips = skipRanges(meta);
  const lineMode = blankLineBreaks(text, meta.bodyStart, end, 2) <= 1;
  const out: Sentence[] = [];

  let k = 0;
  let nextSkip = skips.length > 0 ? skips[0].start : end;
  let paragraph = 0;
  let paragraphUsed = false;
  let start = -1;
  let last = -1;
  let sentenceParagraph = 0;

  const push = (from: number, to: number): void => {
    const raw = text.slice(from, to);
    // A line of ornaments ("* * *") separates paragraphs; it is no sentence.
    if (!WORDY.test(raw)) return;
    const flat = raw.includes('\n') || raw.includes('\r') ? raw.replace(/[\r\n]/g, ' ') : raw;
    out.push({ index: out.length, start: from, end: to, text: flat, paragraph: sentenceParagraph });
  };
  const close = (to: number): void => {
    if (start < 0) return;
    let from = start;
    start = -1;
    while (to - from > MAX_SENTENCE_LENGTH) {
      const cut = cutAt(text, from, MAX_SENTENCE_LENGTH);
      let e = cut;
      while (e > from && isWhitespace(text.charCodeAt(e - 1))) e--;
      push(from, e);
      from = cut;
      while (from < to && isWhitespace(text.charCodeAt(from))) from++;
    }
    push(from, to);
  };
  const breakParagraph = (): void => {
    if (paragraphUsed) paragraph++;
    paragraphUsed = false;
  };

  let i = meta.bodyStart;
  while (i < end) {
    if (i >= nextSkip) {
      close(last);
      i = Math.max(i, skips[k].end);
      k++;
      nextSkip = k < skips.length ? skips[k].start : end;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === LF) {
      let j = i + 1;
      while (j < nextSkip && isLineSpace(text.charCodeAt(j))) j++;
      if (j >= end || (j < nextSkip && text.charCodeAt(j) === LF)) {
        close(last);
        breakParagraph();
      }
      i = j;
      continue;
    }
    if (isWhitespace(c)) {
      i++;
      continue;
    }
    if (start < 0) {
      start = i;
      sentenceParagraph = paragraph;
      paragraphUsed = true;
    }
    last = i + 1;
    if (isSentenceFinal(c)) {
      let j = i + 1;
      while (j < nextSkip && isCloser(text.charCodeAt(j))) j++;
      let n = j;
      let newlines = 0;
      while (n < nextSkip && isWhitespace(text.charCodeAt(n))) {
        if (text.charCodeAt(n) === LF) newlines++;
        n++;
      }
      // Two newlines in the gap make a blank line: the newline branch ends the sentence there.
      if (n > j && n < nextSkip && newlines < 2 && startsSentence(text, n) && !(c === 0x2e && isAbbreviation(text, i, meta.bodyStart))) {
        close(j);
        if (newlines === 1 && lineMode) breakParagraph();
        i = n;
        continue;
      }
    }
    i++;
  }
  close(last);
  return out;
}
