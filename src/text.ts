// **text** tokenises sentences into words and punctuation with offsets, and folds
// words for dictionary lookup (case, diacritics and apostrophes do not matter).

export interface Token {
  text: string;
  /** Offsets into the article text. */
  start: number;
  end: number;
  /** Folded form for lookups. */
  fold: string;
  /** Starts with an uppercase letter or digit (a name-like word). */
  cap: boolean;
  /** A word (letters or digits), not punctuation. */
  word: boolean;
}

// A word: letters/digits, joined inside by hyphens, apostrophes, dots or ampersands
// ("Co-operation", "al-Bashir", "O'Brien", "News.Az", "U.S"). Everything else is one
// character of punctuation. Both alternatives are linear: no nested quantifiers overlap.
const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐'’.&][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|[^\s]/gu;
const POSSESSIVE = /^(.{2,})(['’][sS])$/u;
const UPPER_START = /^[\p{Lu}\p{N}]/u;
const WORD_START = /^[\p{L}\p{N}]/u;

// ### `fold` lowercases, strips diacritics and unifies apostrophes and dashes.
export function fold(s: string): string {
  // Most words of English news are plain ASCII: lowercasing is all they need.
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127 || c === 96) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s.toLowerCase();
  // Names with diacritics recur through a corpus: normalise each once.
  let f = FOLDED.get(s);
  if (f === undefined) {
    f = s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[’‘`]/g, "'")
      .replace(/[‐‑‒–—]/g, '-')
      .replace(/ı/g, 'i')
      .toLowerCase();
    if (FOLDED.size >= 100_000) FOLDED.clear();
    FOLDED.set(s, f);
  }
  return f;
}
const FOLDED = new Map<string, string>();

// ### `tokenize` splits `text` (a slice that starts at article offset `base`) into tokens.
// A possessive "'s" becomes its own token so "Azerbaijan's" finds "Azerbaijan".
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const s = base + m.index;
    const w = m[0];
    // only a word with an apostrophe near its end can be a possessive
    const p = w.length > 3 && (w.charCodeAt(w.length - 2) === 39 || w.charCodeAt(w.length - 2) === 0x2019) ? POSSESSIVE.exec(w) : null;
    if (p) {
      out.push(makeToken(p[1], s));
      out.push(makeToken(p[2], s + p[1].length));
    } else {
      out.push(makeToken(m[0], s));
    }
  }
  return out;
}

function makeToken(t: string, start: number): Token {
  const c = t.charCodeAt(0);
  // ASCII first letters decide without a Unicode class test
  const cap = c < 128 ? (c >= 65 && c <= 90) || (c >= 48 && c <= 57) : UPPER_START.test(t);
  const word = c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) : WORD_START.test(t);
  return { text: t, start, end: start + t.length, fold: fold(t), cap, word };
}

// ### `foldPhrase` gives the lookup key of a phrase: its folded tokens joined by spaces.
export function foldPhrase(phrase: string): string {
  return tokenize(phrase).map((t) => t.fold).join(' ');
}
