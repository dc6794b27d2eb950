// Every rule's example sentences are its tests: positive examples must yield the facts
// they list, negative ones (expect: []) must yield nothing from that rule.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract.js';
import { articleFromText } from '../../src/ingest.js';
import { loadRules } from '../../src/rules.js';
import { PREDICATES, type Predicate } from '../../src/types.js';

const rules = loadRules();

function factsOf(text: string): { triples: string[]; rules: string[] } {
  const r = extractArticle(articleFromText('example', text, 'example.txt'));
  const label = new Map(r.entities.map((e) => [e.key, e.label]));
  return {
    triples: r.facts.map((f) => `${label.get(f.subject)} ${f.predicate} ${label.get(f.object)}`),
    rules: r.facts.map((f) => f.provenance.rule),
  };
}

function split(expected: string): [string, Predicate, string] {
  const words = expected.split(' ');
  const at = words.findIndex((w) => PREDICATES.includes(w as Predicate));
  return [words.slice(0, at).join(' '), words[at] as Predicate, words.slice(at + 1).join(' ')];
}

describe('rule examples', () => {
  for (const rule of rules.rules) {
    for (const ex of rule.examples) {
      it(`${rule.id}: ${ex.expect.length ? 'finds' : 'ignores'} "${ex.text.slice(0, 70)}"`, () => {
        const got = factsOf(ex.text);
        if (ex.expect.length === 0) {
          const fromRule = got.triples.filter((_, i) => got.rules[i] === rule.id);
          expect(fromRule).toEqual([]);
          return;
        }
        for (const want of ex.expect) {
          const [s, p, o] = split(want);
          const symmetric = p === 'metWith' || p === 'spokeWith' || p === 'counterpartOf';
          const hit = got.triples.includes(want) || (symmetric && got.triples.includes(`${o} ${p} ${s}`));
          expect(hit, `expected "${want}" among ${JSON.stringify(got.triples)}`).toBe(true);
        }
      });
    }
  }
});
