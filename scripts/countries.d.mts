// Types of scripts/countries.mjs, for the tests that import it.
export interface CountryEntry {
  label: string;
  cca2: string;
  cca3: string;
  names: string[];
  demonyms: string[];
  capital: string[];
  wikidata?: string;
  historical?: true;
}
export const OVERRIDES_PATH: string;
export const OUTPUT_PATH: string;
/** `fold` strips diacritics ("Türkiye" -> "Turkiye"). */
export function fold(s: string): string;
/** `buildCountries` returns the sorted entries of countries.json; `overrides` defaults to country-overrides.json. */
export function buildCountries(overrides?: unknown): CountryEntry[];
/** `serialize` is the exact text of countries.json. */
export function serialize(entries: CountryEntry[]): string;
