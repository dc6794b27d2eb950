// **suggest** finds the known names closest to a misspelt one, for "did you mean" in errors.
import { fold } from './text.js';

// ### `editDistance` is the Levenshtein distance between two strings (insertions, deletions and
// substitutions of UTF-16 units), in two rows of memory.
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** A name that could be meant, and what it stands for (e.g. the entity's label for an alias). */
export interface Candidate {
  name: string;
  value: string;
}

/** Options of {@link closest}. */
export interface ClosestOptions {
  /** Most suggestions returned. Default 5. */
  limit?: number;
  /**
   * Largest distance still suggested, as a function of the folded query's length. Default: a third
   * of the length, at least 2, so "Bayramof" finds "Bayramov" but "UN" does not find "EU"'s cousins.
   */
  maxDistance?: (length: number) => number;
}

const defaultMax = (length: number): number => Math.max(2, Math.floor(length / 3));

// ### `score` is how far `query` is from `name`, both folded: the distance to the whole name, to
// any single word of it ("bayramof" is one edit from the surname of "jeyhun bayramov"), or, for a
// prefix ("met" of "metwith"), a half, so a typed beginning is always a good suggestion.
function score(query: string, name: string): number {
  if (name.startsWith(query)) return 0.5;
  let best = editDistance(query, name);
  if (name.includes(' ')) for (const word of name.split(' ')) best = Math.min(best, editDistance(query, word) + 0.25);
  return best;
}

// ### `closest` returns the values of the candidates nearest to `query` (case, diacritics and
// punctuation folded), best first and each value once; ties go to the shorter, then smaller value.
export function closest(query: string, candidates: Iterable<Candidate>, options: ClosestOptions = {}): string[] {
  const q = fold(query).trim();
  const max = (options.maxDistance ?? defaultMax)(q.length);
  const best = new Map<string, number>();
  for (const c of candidates) {
    const s = score(q, fold(c.name));
    if (s <= max && s < (best.get(c.value) ?? Infinity)) best.set(c.value, s);
  }
  return [...best]
    .sort(([x, s], [y, t]) => s - t || x.length - y.length || (x < y ? -1 : x > y ? 1 : 0))
    .slice(0, options.limit ?? 5)
    .map(([value]) => value);
}
