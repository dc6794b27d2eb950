// **countries** builds `data/gazetteers/countries.json`, one entry per state, from the
// `world-countries` package (names, codes, capitals, demonyms) and the QIDs of
// `@rapideditor/country-coder`, corrected and extended by the curated
// `data/gazetteers/country-overrides.json`.
//
//   node scripts/countries.mjs          (npm run data:countries) writes the file
//   import { buildCountries } from ...  returns the entries without writing
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature } from '@rapideditor/country-coder';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OVERRIDES_PATH = `${ROOT}data/gazetteers/country-overrides.json`;
export const OUTPUT_PATH = `${ROOT}data/gazetteers/countries.json`;

// Words that may appear in an English alternative name without being a name
// themselves ("Republic of ...", "Kingdom of ..."). A spelling made only of these
// and of words from the country's own English names is kept; anything else
// ("Shqipëri", "Bundesrepublik Deutschland", "Island" for Iceland) is not.
const GENERIC = new Set(`of the and republic kingdom state states democratic people's federal federation united
union islamic arab socialist commonwealth principality grand duchy sultanate plurinational bolivarian
independent co-operative oriental hashemite confederation most serene nation collectivity territory
islands island great north south east west northern southern eastern western central new saint st.
former federated sovereign popular`.split(/\s+/));

// Only these scripts count as English-looking: Latin letters, marks, digits, spaces and
// the punctuation of names.
const LATIN = /^[\p{Script=Latin}\p{M}\d\s'’.,()-]+$/u;

// ### `fold` strips diacritics, for the ASCII spelling of a name ("Türkiye" -> "Turkiye").
export function fold(s) {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i').replace(/İ/g, 'I');
}

const uniq = (xs) => [...new Set(xs)];
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// ### `englishNames` keeps the English-looking names of one world-countries record.
function englishNames(rec, extraWords) {
  const own = new Set(
    [rec.name.common, rec.name.official, ...extraWords]
      .flatMap((n) => n.toLowerCase().split(/[\s,]+/))
      .filter(Boolean),
  );
  const foreign = new Set();
  for (const n of Object.values(rec.name.native ?? {})) foreign.add(n.official).add(n.common);
  for (const [lang, n] of Object.entries(rec.translations ?? {})) if (lang !== 'eng') foreign.add(n.official).add(n.common);
  const out = [rec.name.common, rec.name.official];
  for (const alt of rec.altSpellings) {
    if (alt.length <= 3 && alt === alt.toUpperCase()) continue; // codes: curated per country instead
    if (!LATIN.test(alt) || /[(),]/.test(alt)) continue; // other scripts, "Korea, Republic of"
    if (foreign.has(alt)) continue;
    const words = alt.toLowerCase().split(/\s+/);
    if (!words.every((w) => GENERIC.has(w) || own.has(w))) continue;
    if (words.every((w) => GENERIC.has(w))) continue;
    out.push(alt);
  }
  return out;
}

// ### `splitDemonyms` turns "Antiguan, Barbudan" or "Kittitian or Nevisian" into a list.
function splitDemonyms(s) {
  return s ? s.split(/,\s*|\s+or\s+/).map((x) => x.trim()).filter(Boolean) : [];
}

// ### `buildCountries` returns the sorted country entries (nothing is written).
export function buildCountries(overrides = JSON.parse(readFileSync(OVERRIDES_PATH, 'utf8'))) {
  const records = require('world-countries/countries.json');
  const include = new Set(overrides.include ?? []);
  const per = overrides.countries ?? {};
  const known = new Set(records.map((r) => r.cca2));
  for (const code of [...include, ...Object.keys(per)]) {
    if (!known.has(code)) throw new Error(`country-overrides.json: unknown cca2 code ${JSON.stringify(code)}`);
  }
  const out = [];
  for (const rec of records) {
    if (rec.independent !== true && !include.has(rec.cca2)) continue;
    const o = per[rec.cca2] ?? {};
    const label = o.label ?? rec.name.common;
    const drop = new Set([...(o.dropNames ?? []), ...(o.dropDemonyms ?? [])]);
    const demonyms = uniq([
      ...splitDemonyms(rec.demonyms?.eng?.m),
      ...splitDemonyms(rec.demonyms?.eng?.f),
      ...(o.demonyms ?? []),
    ]).filter((d) => !drop.has(d));
    const demonymSet = new Set(demonyms);
    // A spelling found only as a demonym ("Saudi", "Lao") stays a demonym; curated names stay names.
    const curated = new Set(o.names ?? []);
    let names = uniq([label, ...englishNames(rec, o.names ?? []), ...curated])
      .filter((n) => !drop.has(n) && (n === label || curated.has(n) || !demonymSet.has(n)));
    names = uniq(names.flatMap((n) => [n, fold(n)])).filter((n) => !drop.has(n));
    const wikidata = o.wikidata ?? feature(rec.cca2)?.properties?.wikidata;
    const entry = {
      label,
      cca2: rec.cca2,
      cca3: rec.cca3,
      names: [label, ...names.filter((n) => n !== label).sort(byText)],
      demonyms: demonyms.sort(byText),
      capital: o.capital ?? rec.capital,
    };
    if (wikidata) entry.wikidata = wikidata;
    out.push(entry);
  }
  for (const h of overrides.historical ?? []) {
    const names = uniq([h.label, ...h.names.flatMap((n) => [n, fold(n)])]);
    out.push({
      label: h.label,
      cca2: h.cca2,
      cca3: h.cca3,
      names: [h.label, ...names.filter((n) => n !== h.label).sort(byText)],
      demonyms: uniq(h.demonyms).sort(byText),
      capital: h.capital,
      ...(h.wikidata ? { wikidata: h.wikidata } : {}),
      historical: true,
    });
  }
  return out.sort((a, b) => byText(a.label, b.label));
}

// ### `serialize` is the exact text written to countries.json (checked by tests/data).
export function serialize(entries) {
  return `${JSON.stringify(entries, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const entries = buildCountries();
  writeFileSync(OUTPUT_PATH, serialize(entries));
  process.stdout.write(`wrote ${entries.length} countries to ${OUTPUT_PATH}\n`);
}
