// **gazetteer** loads the curated name lists in `data/gazetteers/` and compiles them
// into one phrase index, so every sentence needs a single dictionary pass.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleError } from './errors.js';
import { foldPhrase } from './text.js';
import type { EntityType } from './types.js';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

export interface CountryEntry { label: string; names: string[]; demonyms: string[]; capital?: string[]; wikidata?: string; cca2?: string; cca3?: string }
export interface OrgEntry { label: string; aliases?: string[]; weakAliases?: string[]; kind?: string; country?: string; parent?: string; wikidata?: string }
export interface LocationEntry { label: string; aliases?: string[]; kind?: string; country?: string; wikidata?: string }
export interface TitleEntry { title: string; forms: string[]; holder?: 'country' | 'organization' | 'any'; onlyFor?: string[] | null; alias?: string }
export interface WordLists {
  orgHeads: string[]; eventHeads: string[]; documentHeads: string[]; locationHeads: string[];
  personParticles: string[]; honorifics: string[]; notNames: string[];
  /** Lowercase heads of armed and official groups named by a demonym ("Russian peacekeeping contingent"). */
  groupHeads: string[];
  /** Words that never end a person's name but end portfolios and topics ("Affairs", "Policy", "Goals"). */
  nameEnders: string[];
  /** Words that may stand between a holder and a title ("Pakistan's caretaker Foreign Minister"). */
  titleModifiers?: string[];
}

/** One word of the phrase trie: the phrases ending here, and the words that may follow. */
export interface TrieNode {
  hits?: Hit[];
  next?: Map<string, TrieNode>;
}

// ### `trieOf` indexes the phrase keys (folded words joined by spaces) word by word.
function trieOf(phrases: Map<string, Hit[]>): TrieNode {
  const root: TrieNode = {};
  for (const [key, hits] of phrases) {
    let node = root;
    for (const w of key.split(' ')) {
      node.next ??= new Map();
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = {}));
      node = child;
    }
    node.hits = hits;
  }
  return root;
}

/** What a phrase in the index stands for. */
export interface Hit {
  kind: 'entity' | 'demonym' | 'title';
  type?: EntityType;
  label: string;
  /** Only match when capitalised and not at sentence start (ambiguous words). */
  weak?: boolean;
  /** For demonyms: the country; for organisations: their country. */
  country?: string;
  parent?: string;
  wikidata?: string;
  /** For titles. */
  title?: TitleEntry;
}

export interface Gazetteer {
  phrases: Map<string, Hit[]>;
  /** First words of all phrases: a word that starts none needs no lookup at all. */
  firstWords: Set<string>;
  maxWords: number;
  /** The phrases as a word trie, so a lookup walks forward once instead of joining keys of every length. */
  trie: TrieNode;
  /** Every word of the title modifiers ("newly", "appointed", "caretaker"). */
  modifierWords: Set<string>;
  /** Every word of every title form, folded ("secretary", "minister", "foreign"). */
  titleWords: Set<string>;
  countries: Map<string, CountryEntry>;
  orgs: Map<string, OrgEntry>;
  locations: Map<string, LocationEntry>;
  words: WordLists;
  /** Folded single words for quick membership tests. */
  sets: { nameEnders: Set<string>; groupHeads: Set<string>; titleModifiers: Set<string>; orgHeads: Set<string>; eventHeads: Set<string>; documentHeads: Set<string>; locationHeads: Set<string>; particles: Set<string>; honorifics: Set<string>; notNames: Set<string> };
}

function readJson<T>(file: string): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new RuleError(`cannot read gazetteer ${file}: ${(e as Error).message}`, file);
  }
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new RuleError(`gazetteer ${file} is not valid JSON: ${(e as Error).message}`, file);
  }
}

function requireArray(file: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new RuleError(`gazetteer ${file}: expected a JSON array of entries, got ${typeof value}`, file);
  return value;
}

function checkEntry(file: string, i: number, entry: unknown, field: string): void {
  const e = entry as Record<string, unknown>;
  if (typeof e !== 'object' || e === null || typeof e[field] !== 'string' || (e[field] as string).trim() === '') {
    throw new RuleError(`gazetteer ${file}: entry ${i} needs a non-empty string "${field}", got ${JSON.stringify(entry)}`, file);
  }
}

const cache = new Map<string, Gazetteer>();

// ### `loadGazetteer` reads and indexes the gazetteers of a data directory, once per directory.
export function loadGazetteer(dataDir = DEFAULT_DATA_DIR): Gazetteer {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const dir = join(dataDir, 'gazetteers');
  const f = (n: string): string => join(dir, n);
  const countryList = requireArray(f('countries.json'), readJson(f('countries.json'))) as CountryEntry[];
  const orgList = requireArray(f('organizations.json'), readJson(f('organizations.json'))) as OrgEntry[];
  const locList = requireArray(f('locations.json'), readJson(f('locations.json'))) as LocationEntry[];
  const titleList = requireArray(f('titles.json'), readJson(f('titles.json'))) as TitleEntry[];
  const words = readJson<WordLists>(f('wordlists.json'));
  countryList.forEach((e, i) => checkEntry(f('countries.json'), i, e, 'label'));
  orgList.forEach((e, i) => checkEntry(f('organizations.json'), i, e, 'label'));
  locList.forEach((e, i) => checkEntry(f('locations.json'), i, e, 'label'));
  titleList.forEach((e, i) => checkEntry(f('titles.json'), i, e, 'title'));

  const phrases = new Map<string, Hit[]>();
  let maxWords = 1;
  const add = (phrase: string, h: Hit): void => {
    const key = foldPhrase(phrase);
    if (!key) return;
    maxWords = Math.max(maxWords, key.split(' ').length);
    const list = phrases.get(key) ?? [];
    if (!list.some((x) => x.kind === h.kind && x.label === h.label && x.type === h.type && x.title === h.title)) list.push(h);
    phrases.set(key, list);
  };

  const countries = new Map<string, CountryEntry>();
  for (const c of countryList) {
    countries.set(c.label, c);
    for (const n of [c.label, ...(c.names ?? [])]) add(n, { kind: 'entity', type: 'Country', label: c.label, wikidata: c.wikidata });
    for (const d of c.demonyms ?? []) add(d, { kind: 'demonym', label: c.label, country: c.label });
    for (const cap of c.capital ?? []) add(cap, { kind: 'entity', type: 'Location', label: cap, country: c.label });
  }
  const orgs = new Map<string, OrgEntry>();
  for (const o of orgList) {
    orgs.set(o.label, o);
    const base: Hit = { kind: 'entity', type: 'Organization', label: o.label, country: o.country, parent: o.parent, wikidata: o.wikidata };
    for (const n of [o.label, ...(o.aliases ?? [])]) add(n, base);
    for (const n of o.weakAliases ?? []) add(n, { ...base, weak: true });
  }
  const locations = new Map<string, LocationEntry>();
  for (const l of locList) {
    locations.set(l.label, l);
    for (const n of [l.label, ...(l.aliases ?? [])]) add(n, { kind: 'entity', type: 'Location', label: l.label, country: l.country, wikidata: l.wikidata });
  }
  for (const t of titleList) {
    for (const form of t.forms ?? []) add(form, { kind: 'title', label: t.title, title: t });
    add(t.title, { kind: 'title', label: t.title, title: t });
  }
  const set = (xs: string[] | undefined): Set<string> => new Set((xs ?? []).map((x) => foldPhrase(x)));
  const titleWords = new Set<string>();
  for (const t of titleList) for (const form of [t.title, ...(t.forms ?? [])]) for (const w of foldPhrase(form).split(' ')) if (/^\p{L}/u.test(w) && w.length > 2) titleWords.add(w);
  for (const w of ['of', 'for', 'and', 'the']) titleWords.delete(w);
  const g: Gazetteer = {
    phrases, firstWords: new Set([...phrases.keys()].map((k) => k.split(' ')[0])), maxWords, trie: trieOf(phrases), titleWords, modifierWords: new Set((words.titleModifiers ?? []).flatMap((m) => foldPhrase(m).split(' ')).filter((w) => /^\p{L}/u.test(w))), countries, orgs, locations, words,
    sets: {
      nameEnders: set(words.nameEnders), groupHeads: set(words.groupHeads), titleModifiers: set(words.titleModifiers), orgHeads: set(words.orgHeads), eventHeads: set(words.eventHeads), documentHeads: set(words.documentHeads),
      locationHeads: set(words.locationHeads), particles: set(words.personParticles), honorifics: set(words.honorifics),
      notNames: set(words.notNames),
    },
  };
  cache.set(dataDir, g);
  return g;
}
