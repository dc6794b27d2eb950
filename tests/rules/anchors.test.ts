// The trigger-word index may only skip a rule when its cue cannot match: checked on every
// sentence of the dev corpus and every rule example, against every rule.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorsOf, latin1Text, lowercaseCue, TriggerIndex } from '../../src/anchors.js';
import { articleFromText } from '../../src/ingest.js';
import { loadRules } from '../../src/rules.js';
import { splitSentences } from '../../src/sentences.js';

const rules = loadRules().rules.filter((r) => r.re);

// The plain definition the trigger index must agree with: the lowercased sentence holds an anchor.
const mayMatch = (anchors: string[] | undefined, lower: string): boolean => !anchors || anchors.some((a) => lower.includes(a));
const DEV = join(process.env.NEWSKG_SHARED ?? '../shared', 'corpus/dev/articles');

describe('anchorsOf', () => {
  it('takes the alternatives a match must start with', () => {
    expect(anchorsOf('\\b(?:met|meets)\\s+with\\b')).toEqual(['with']);
    expect(anchorsOf('\\b(?:congratulat(?:ed|es)|congratulations\\s+to)\\b')).toEqual(['congratulat', 'congratulations']);
  });

  it('unions the words of top-level alternatives and lowercases them', () => {
    expect(anchorsOf('\\bJoined\\b|\\bbecame\\s+a\\s+member\\b')).toEqual(['became', 'joined']);
  });

  it('gives nothing when a branch has no literal or only optional ones', () => {
    expect(anchorsOf('\\b\\p{Lu}\\p{L}+\\b')).toBeUndefined();
    expect(anchorsOf('(?:visit)?\\s+to')).toBeUndefined();
    expect(anchorsOf('met|\\d+')).toBeUndefined();
  });

  it('ignores literals too short to select anything', () => {
    expect(anchorsOf('\\b(?:at|in)\\s+\\p{Lu}')).toBeUndefined();
  });
});

describe('lowercaseCue', () => {
  it('drops the i flag and reads \\p{Lu} as any letter', () => {
    expect(lowercaseCue('\\bin\\s+[\\p{Lu}][\\p{L}-]+')?.source).toBe('\\bin\\s+[\\p{L}][\\p{L}-]+');
    expect(lowercaseCue('met')?.flags).toBe('gu');
  });

  it('refuses patterns with uppercase literals, which only the i flag would match in lowercased text', () => {
    expect(lowercaseCue('\\bU\\.S\\.')).toBeUndefined();
    expect(lowercaseCue('[A-Z]\\w+')).toBeUndefined();
    expect(lowercaseCue('\\P{Lu}')).toBeUndefined();
  });
});

describe('latin1Text', () => {
  it('keeps Latin-1 and stands in for wider characters by their class, one for one', () => {
    expect(latin1Text('café – “łódź” \u2009x\u2028y')).toBe('café ¦ ¦ªódª¦  x\ny');
    expect(latin1Text('ok 😀')).toBeUndefined();
  });
});

describe('mayMatch on real sentences', () => {
  const sentences: string[] = [];
  for (const f of readdirSync(DEV).filter((x) => x.endsWith('.txt'))) {
    const article = articleFromText(f, readFileSync(join(DEV, f), 'utf8'), f);
    for (const s of splitSentences(article)) sentences.push(s.text);
  }
  for (const r of rules) for (const ex of r.examples) sentences.push(ex.text);

  it('never skips a rule whose cue matches the sentence', () => {
    expect(sentences.length).toBeGreaterThan(300);
    const wrong: string[] = [];
    let skipped = 0;
    for (const s of sentences) {
      const lower = s.toLowerCase();
      for (const r of rules) {
        r.re!.lastIndex = 0;
        const matches = r.re!.test(s);
        const may = mayMatch(r.anchors, lower);
        if (matches && !may) wrong.push(`${r.id}: ${s}`);
        if (!may) skipped++;
      }
    }
    expect(wrong).toEqual([]);
    // and it does skip: most rules do not apply to most sentences
    expect(skipped / (sentences.length * rules.length)).toBeGreaterThan(0.7);
  });

  it('the trigger index marks exactly the rules whose anchors occur', () => {
    const all = loadRules().rules;
    const hit = new Uint8Array(all.length);
    for (const s of sentences) {
      const lower = s.toLowerCase();
      const index = [...loadRules().triggers.scan(lower, hit)];
      expect(index).toEqual(all.map((r) => (r.re && mayMatch(r.anchors, lower) ? 1 : 0)));
    }
  });

  it('finds overlapping anchors, one inside another', () => {
    const t = new TriggerIndex([['meeting'], ['eti'], ['tin'], undefined, ['with']]);
    expect([...t.scan('a meeting', new Uint8Array(5))]).toEqual([1, 1, 1, 1, 0]);
    expect([...t.scan('meetin', new Uint8Array(5))]).toEqual([0, 1, 1, 1, 0]);
  });

  it('the lowercase cue finds exactly the matches of the case-insensitive one', () => {
    const spans = (re: RegExp, text: string): string[] => [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => `${m.index}+${m[0].length}`);
    const wrong: string[] = [];
    let compared = 0;
    for (const s of sentences) {
      const lower = s.toLowerCase();
      if (lower.length !== s.length) continue;
      const narrow = latin1Text(lower);
      for (const r of rules) {
        if (!r.lower) continue;
        compared++;
        if (spans(r.re!, s).join() !== spans(r.lower, lower).join()) wrong.push(`${r.id}: ${s}`);
        if (r.ascii && narrow !== undefined && spans(r.re!, s).join() !== spans(r.lower, narrow).join()) wrong.push(`${r.id} (Latin-1): ${s}`);
      }
    }
    expect(compared).toBeGreaterThan(10_000);
    expect(wrong).toEqual([]);
  });
});
