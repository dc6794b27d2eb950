// Types of scripts/locations.mjs, for the tests that import it.
import type { CountryEntry } from './countries.mjs';
export interface LocationEntry {
  label: string;
  aliases?: string[];
  weakAliases?: string[];
  kind: string;
  country?: string;
  wikidata?: string;
}
export const OVERRIDES_PATH: string;
export const OUTPUT_PATH: string;
/** `key` is the folded, lowercased form two names collide on. */
export function key(s: string): string;
/** `buildLocations` returns the sorted entries of locations.json; the arguments default to the files in data/gazetteers/. */
export function buildLocations(overrides?: unknown, countries?: CountryEntry[]): LocationEntry[];
/** `serialize` is the exact text of locations.json, one entry per line. */
export function serialize(entries: LocationEntry[]): string;
