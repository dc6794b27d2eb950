// **rules** loads the extractor rules from `data/rules/*.json`, checks every rule
// against the rule schema, and compiles the cues once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorsOf, lowercaseCue, TriggerIndex } from './anchors.js';
import { RuleError } from './errors.js';
import { DEFAULT_DATA_DIR } from './gazetteer.js';
import { PREDICATES, type Predicate } from './types.js';

/** Where a slot's entities are found relative to the cue. */
export type Slot = 'left' | 'right' | 'inside' | 'clause' | 'none';

export interface RuleExample {
  text: string;
  /** Expected facts as "Subject predicate Object" with canonical labels; [] for a negative example. */
  expect: string[];
}

/** A rule as written in a rule file. */
export interface RuleSpec {
  id: string;
  predicate: Predicate;
  /** A regular expression (case-insensitive) that finds the cue in a sentence. */
  cue?: string;
  /** Rules recognised while reading names (offices, counterparts) have no cue: the code names them. */
  builtin?: boolean;
  subject?: Slot;
  object?: Slot;
  /** "pairs": every two of the participants found (for "A and B met", "talks between A and B");
   *  "each": every actor on the subject side, not only the nearest ("A met B on the sidelines of E": both attended). */
  mode?: 'pairs' | 'each';
  /** "ignore": the fact holds even when planned ("the summit will be held in Baku" still places it). */
  modality?: 'ignore';
  /** Words that must not stand between the subject and the cue for the fact to count. */
  why: string;
  examples: RuleExample[];
}

export interface Rule extends RuleSpec {
  file: string;
  re?: RegExp;
  /** Lowercase words one of which every match of the cue contains (anchors.ts); none: always run. */
  anchors?: string[];
  /** The cue for the lowercased sentence, without the slow `i` flag, when it can be made (anchors.ts). */
  lower?: RegExp;
  /** The cue is all ASCII, so `lower` may run on the sentence's Latin-1 stand-in (anchors.ts `latin1Text`). */
  ascii?: boolean;
}

export interface RuleSet {
  rules: Rule[];
  /** Which rules may match a sentence, found in one pass over it (anchors.ts). */
  triggers: TriggerIndex;
  /** Words that make a statement negated or not yet real (future, plan, hypothesis). */
  modality: RegExp;
  modalityWords: string[];
}

const SLOTS = new Set(['left', 'right', 'inside', 'clause', 'none']);

// ### `checkRule` lists every problem of one rule, so a bad file is reported at once.
function checkRule(r: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof r.id !== 'string' || !/^[a-z][a-zA-Z0-9]*(?:[.-][a-zA-Z0-9]+)*$/.test(r.id)) problems.push(`"id" must be a dotted lowercase name like "meet.met-with", got ${JSON.stringify(r.id)}`);
  if (!PREDICATES.includes(r.predicate as Predicate)) problems.push(`"predicate" must be one of ${PREDICATES.join(', ')}; got ${JSON.stringify(r.predicate)}`);
  if (typeof r.why !== 'string' || !r.why.trim()) problems.push('"why" must say in words why the rule exists');
  if (r.builtin !== true) {
    if (typeof r.cue !== 'string' || !r.cue) problems.push('"cue" must be a regular expression string');
    else {
      try {
        new RegExp(r.cue, 'iu');
      } catch (e) {
        problems.push(`"cue" is not a valid regular expression: ${(e as Error).message}`);
      }
      // Nested quantifiers can backtrack for hours on hostile text; keep cues flat.
      if (/\([^()]*[+*][^()]*\)(?:[+*]|\{\d+,\})/.test(r.cue)) problems.push('"cue" has a nested quantifier such as (a+)+, which can take exponential time');
    }
    if (!SLOTS.has(r.subject as string)) problems.push('"subject" must be "left", "right", "inside", "clause" or "none"');
    if (!SLOTS.has(r.object as string)) problems.push('"object" must be "left", "right", "inside" or "none"');
  }
  if (r.mode !== undefined && r.mode !== 'pairs' && r.mode !== 'each') problems.push('"mode" may only be "pairs" or "each"');
  if (r.modality !== undefined && r.modality !== 'ignore') problems.push('"modality" may only be "ignore"');
  if (!Array.isArray(r.examples) || r.examples.length === 0) problems.push('"examples" must list at least one example sentence');
  else {
    r.examples.forEach((ex: unknown, i: number) => {
      const e = ex as Record<string, unknown>;
      if (typeof e?.text !== 'string' || !e.text) problems.push(`examples[${i}].text must be a sentence`);
      if (!Array.isArray(e?.expect) || !e.expect.every((x) => typeof x === 'string' && x.split(' ').some((w) => PREDICATES.includes(w as Predicate)))) {
        problems.push(`examples[${i}].expect must be a list of "Subject predicate Object" strings ([] for a negative example)`);
      }
    });
  }
  const known = new Set(['id', 'predicate', 'cue', 'builtin', 'subject', 'object', 'mode', 'modality', 'why', 'examples']);
  for (const k of Object.keys(r)) if (!known.has(k)) problems.push(`unknown field "${k}"`);
  return problems;
}

// ### `readMacros` reads named regex pieces that cues share as {NAME} ("{FILLER}" for "on Monday", "in Vienna").
function readMacros(file: string): Record<string, string> {
  let doc: { macros?: Record<string, unknown> };
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new RuleError(`${file}: expected {"macros": {"NAME": "regex"}}: ${(e as Error).message}`, file);
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc.macros ?? {})) {
    if (!/^[A-Z][A-Z_]*$/.test(k) || typeof v !== 'string') throw new RuleError(`${file}: macro ${JSON.stringify(k)} must be an UPPER_CASE name with a regex string`, file);
    try {
      new RegExp(v, 'u');
    } catch (e) {
      throw new RuleError(`${file}: macro ${k} is not a valid regular expression: ${(e as Error).message}`, file);
    }
    out[k] = v;
  }
  return out;
}

const cache = new Map<string, RuleSet>();

// ### `loadRules` reads every rule file of a data directory; a bad rule throws a RuleError naming file, id and problem.
export function loadRules(dataDir = DEFAULT_DATA_DIR): RuleSet {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const dir = join(dataDir, 'rules');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'modality.json' && f !== 'macros.json').sort();
  const macros = readMacros(join(dir, 'macros.json'));
  const rules: Rule[] = [];
  const ids = new Map<string, string>();
  for (const f of files) {
    const file = join(dir, f);
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new RuleError(`${file}: not valid JSON: ${(e as Error).message}`, file);
    }
    const list = (doc as { rules?: unknown }).rules;
    if (!Array.isArray(list)) throw new RuleError(`${file}: expected {"rules": [...]}`, file);
    list.forEach((raw: unknown, i: number) => {
      const r = { ...(raw as Record<string, unknown>) };
      if (typeof r.cue === 'string') {
        const unknown = [...r.cue.matchAll(/(?<!\\[pP])\{([A-Z][A-Z_]*)\}/g)].map((x) => x[1]).filter((n) => !(n in macros));
        if (unknown.length) throw new RuleError(`${file}: rule ${String(r.id)} (index ${i}): cue uses unknown macro {${unknown[0]}}; macros.json defines ${Object.keys(macros).join(', ')}`, file, String(r.id), i);
        r.cue = r.cue.replace(/(?<!\\[pP])\{([A-Z][A-Z_]*)\}/g, (_, n: string) => `(?:${macros[n]})`);
      }
      const problems = checkRule(r);
      const id = typeof r?.id === 'string' ? r.id : undefined;
      if (id && ids.has(id)) problems.push(`id "${id}" is already used in ${ids.get(id)}`);
      if (problems.length) {
        throw new RuleError(`${file}: rule ${id ?? `#${i}`} (index ${i}): ${problems.join('; ')}. Rule: ${JSON.stringify(raw).slice(0, 300)}`, file, id, i);
      }
      ids.set(id!, f);
      const spec = r as unknown as RuleSpec;
      rules.push({ ...spec, file, re: spec.cue ? new RegExp(spec.cue, 'giu') : undefined, anchors: spec.cue ? anchorsOf(spec.cue) : undefined, lower: spec.cue ? lowercaseCue(spec.cue) : undefined, ascii: spec.cue ? /^[\x00-\x7f]*$/.test(spec.cue) : undefined });
    });
  }
  const modFile = join(dir, 'modality.json');
  let words: string[];
  try {
    words = (JSON.parse(readFileSync(modFile, 'utf8')) as { words: string[] }).words;
  } catch (e) {
    throw new RuleError(`${modFile}: expected {"words": [...]}: ${(e as Error).message}`, modFile);
  }
  if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) throw new RuleError(`${modFile}: "words" must be a list of strings`, modFile);
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  // Case matters: "may" is a modal, "May" a month ("on 7 May 2024").
  const set: RuleSet = { rules, triggers: new TriggerIndex(rules.map((r) => (r.re ? r.anchors : []))), modality: new RegExp(`(?:^|[^\\p{L}])(?:${escaped.join('|')})(?![\\p{L}])`, 'u'), modalityWords: words };
  cache.set(dataDir, set);
  return set;
}
