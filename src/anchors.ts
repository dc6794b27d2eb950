// **anchors** finds, for a cue regular expression, words that every match must contain: if a
// sentence holds none of them, the cue cannot match and its rule need not run. This is the
// trigger-word index of the relation stage; most sentences trigger two or three of the rules.
import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Element } from '@eslint-community/regexpp/ast';

// Literals shorter than this select almost every sentence: not worth a check.
const MIN_LENGTH = 3;

/** A set of lowercase strings one of which every match contains; `null` when no such set is known. */
type Need = string[] | null;

// ### `better` prefers the set whose shortest string is longest (more selective), then the smaller set.
function better(a: Need, b: Need): Need {
  if (!a) return b;
  if (!b) return a;
  const la = Math.min(...a.map((s) => s.length)), lb = Math.min(...b.map((s) => s.length));
  if (la !== lb) return la > lb ? a : b;
  return a.length <= b.length ? a : b;
}

// ### `ofAlternatives` is what one of several alternatives needs: the union of what each needs.
function ofAlternatives(alts: Alternative[]): Need {
  const out = new Set<string>();
  for (const alt of alts) {
    const need = ofSequence(alt.elements);
    if (!need) return null;
    for (const s of need) out.add(s);
  }
  return [...out];
}

// ### `ofSequence` is what a concatenation needs: the best of its literal runs and its parts.
function ofSequence(elements: Element[]): Need {
  let best: Need = null;
  let run = '';
  const endRun = (): void => {
    if (run) best = better(best, [run]);
    run = '';
  };
  for (const e of elements) {
    if (e.type === 'Character') {
      run += String.fromCodePoint(e.value).toLowerCase();
      continue;
    }
    endRun();
    best = better(best, ofElement(e));
  }
  endRun();
  return best;
}

function ofElement(e: Element): Need {
  switch (e.type) {
    case 'Character':
      return [String.fromCodePoint(e.value).toLowerCase()];
    case 'Group':
    case 'CapturingGroup':
      return ofAlternatives(e.alternatives);
    case 'Quantifier':
      return e.min >= 1 ? ofElement(e.element) : null;
    default:
      // classes, sets (\s, \p{L}), assertions and lookarounds, back-references: no literal known
      return null;
  }
}

// ### `anchorsOf` gives the lowercase strings one of which every match of `source` (compiled
// with the u and i flags) contains, or `undefined` when the cue has no selective literal.
export function anchorsOf(source: string): string[] | undefined {
  const ast = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(source, 0, source.length, { unicode: true });
  const need = ofAlternatives(ast.alternatives);
  if (!need || !need.length || need.some((s) => s.length < MIN_LENGTH)) return undefined;
  return need.sort();
}

// ### `TriggerIndex` finds, in one pass over a sentence, which rules may match it: an Aho-Corasick
// automaton over the anchors of all rules, so the cost is one step per character however many
// rules there are. Rules without anchors always may.
export class TriggerIndex {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Per state, the rules one of whose anchors ends here. */
  private readonly out: number[][] = [[]];
  private readonly always: number[] = [];

  constructor(anchorsOfRules: (string[] | undefined)[]) {
    anchorsOfRules.forEach((anchors, rule) => {
      if (!anchors) {
        this.always.push(rule);
        return;
      }
      for (const a of anchors) {
        let state = 0;
        for (let i = 0; i < a.length; i++) {
          const c = a.charCodeAt(i);
          let to = this.next[state].get(c);
          if (to === undefined) {
            to = this.next.length;
            this.next.push(new Map());
            this.fail.push(0);
            this.out.push([]);
            this.next[state].set(c, to);
          }
          state = to;
        }
        if (!this.out[state].includes(rule)) this.out[state].push(rule);
      }
    });
    // Failure links breadth first; each state also reports what its failure state reports.
    const queue = [...this.next[0].values()];
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q];
      for (const [c, to] of this.next[state]) {
        let f = this.fail[state];
        while (f && !this.next[f].has(c)) f = this.fail[f];
        const target = this.next[f].get(c);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        for (const r of this.out[this.fail[to]]) if (!this.out[to].includes(r)) this.out[to].push(r);
        queue.push(to);
      }
    }
  }

  // ### `scan` marks in `hit` (one slot per rule) the rules that may match the lowercased sentence.
  scan(lower: string, hit: Uint8Array): Uint8Array {
    hit.fill(0);
    for (const r of this.always) hit[r] = 1;
    let state = 0;
    for (let i = 0; i < lower.length; i++) {
      const c = lower.charCodeAt(i);
      let to = this.next[state].get(c);
      while (to === undefined && state !== 0) {
        state = this.fail[state];
        to = this.next[state].get(c);
      }
      state = to ?? 0;
      for (const r of this.out[state]) hit[r] = 1;
    }
    return hit;
  }
}

// ### `lowercaseCue` compiles a cue for matching the lowercased sentence without the `i` flag: V8
// runs a case-insensitive Unicode pattern several times slower. With `i`, \p{Lu} and \p{Ll} match
// any cased letter, so on lowercased text both become \p{L}. Returns `undefined` when the pattern
// has uppercase literals or classes this cannot carry over; the rule then keeps its `iu` pattern.
export function lowercaseCue(source: string): RegExp | undefined {
  const ast = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(source, 0, source.length, { unicode: true });
  let safe = true;
  const upper = (cp: number): boolean => String.fromCodePoint(cp).toLowerCase() !== String.fromCodePoint(cp);
  const walk = (node: { type: string } & Record<string, unknown>): void => {
    if (!safe) return;
    switch (node.type) {
      case 'Character':
        if (upper(node.value as number)) safe = false;
        return;
      case 'CharacterClassRange': {
        const { min, max } = node as unknown as { min: { value: number }; max: { value: number } };
        for (let cp = min.value; cp <= max.value && safe; cp++) if (upper(cp)) safe = false;
        return;
      }
      case 'CharacterSet':
        if (node.kind === 'property' && node.negate && /^(?:Lu|Ll|Lt)$/.test(String(node.value ?? node.key))) safe = false;
        return;
      default:
        for (const k of ['alternatives', 'elements', 'element']) {
          const child = node[k];
          if (Array.isArray(child)) for (const c of child) walk(c);
          else if (child && typeof child === 'object') walk(child as typeof node);
        }
    }
  };
  walk(ast as unknown as { type: string } & Record<string, unknown>);
  if (!safe) return undefined;
  return new RegExp(source.replace(/(?<!\\)\\p\{(?:Lu|Ll|Lt)\}/g, '\\p{L}'), 'gu');
}

// Letters, spaces and line ends beyond Latin-1, for the stand-ins of `latin1Text`.
const LETTER = /\p{L}/u;
const SPACE = /\s/u;
const WIDE = /[^\x00-\xff]/;

// ### `latin1Text` gives a stand-in for a lowercased sentence with every character beyond Latin-1
// replaced by one of its class as the cues see it: a letter by "ª" (a letter, not \w), a space by
// " ", a line separator by "\n", anything else by "¦". V8 compiles a pattern once per string width,
// and the two-byte code of a pattern with \p{L} takes a third of a second to build, for every cue in
// every thread; one-byte text needs only the cheap one. Cues with characters beyond ASCII do not use
// it (rules.ts). `undefined` when the text has astral characters, which count as one in a pattern
// and would be two here.
export function latin1Text(lower: string): string | undefined {
  // decoding as latin1 always gives a one-byte string, even for text V8 had stored two bytes wide
  if (!WIDE.test(lower)) return Buffer.from(lower, 'latin1').toString('latin1');
  const codes = Buffer.allocUnsafe(lower.length);
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c <= 0xff) codes[i] = c;
    else if (c >= 0xd800 && c <= 0xdfff) return undefined;
    else if (c === 0x2028 || c === 0x2029) codes[i] = 0x0a;
    else codes[i] = LETTER.test(lower[i]) ? 0xaa : SPACE.test(lower[i]) ? 0x20 : 0xa6;
  }
  return codes.toString('latin1');
}
