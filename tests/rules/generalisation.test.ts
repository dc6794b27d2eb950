// Fresh sentences per construction, written for these tests and found in no corpus: the rules
// must hold for the construction, not for the sentences they were written from.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract.js';
import { articleFromText } from '../../src/ingest.js';

function triples(text: string): string[] {
  const r = extractArticle(articleFromText('fresh', text, 'fresh.txt'));
  const label = new Map(r.entities.map((e) => [e.key, e.label]));
  return r.facts.map((f) => `${label.get(f.subject)} ${f.predicate} ${label.get(f.object)}`);
}

const has = (got: string[], want: string): boolean => {
  const [s, p, o] = want.split(' | ');
  const sym = p === 'metWith' || p === 'spokeWith' || p === 'counterpartOf';
  return got.includes(`${s} ${p} ${o}`) || (sym && got.includes(`${o} ${p} ${s}`));
};

// [text, facts that must be found, facts that must not be found]
const ROWS: [string, string[], string[]][] = [
  ['Norwegian Foreign Minister Espen Barth Eide held talks with his Portuguese counterpart Paulo Rangel in Oslo on Monday.',
    ['Espen Barth Eide | metWith | Paulo Rangel', 'Paulo Rangel | counterpartOf | Espen Barth Eide', 'Paulo Rangel | holdsPosition | Minister of Foreign Affairs of Portugal', 'Espen Barth Eide | holdsPosition | Minister of Foreign Affairs of Norway'], []],
  ["Kenya's President William Ruto received Ethiopian Prime Minister Abiy Ahmed at State House in Nairobi.",
    ['William Ruto | metWith | Abiy Ahmed', 'William Ruto | holdsPosition | President of Kenya', 'Abiy Ahmed | holdsPosition | Prime Minister of Ethiopia'], []],
  ['Chilean President Gabriel Boric and Argentine President Javier Milei held a telephone conversation on Tuesday.',
    ['Gabriel Boric | spokeWith | Javier Milei'], ['Gabriel Boric | metWith | Javier Milei']],
  ['Vietnamese Foreign Minister Bui Thanh Son spoke by phone with Thai Foreign Minister Maris Sangiampongsa about border trade.',
    ['Bui Thanh Son | spokeWith | Maris Sangiampongsa'], []],
  ['Talks between Malaysian Prime Minister Anwar Ibrahim and Indonesian President Prabowo Subianto focused on palm oil.',
    ['Anwar Ibrahim | metWith | Prabowo Subianto'], []],
  ['Austrian Chancellor Karl Nehammer has arrived in Belgrade on a two-day visit.',
    ['Karl Nehammer | visited | Belgrade', 'Karl Nehammer | holdsPosition | Chancellor of Austria'], []],
  ['Polish Foreign Minister Radosław Sikorski will visit Vilnius next week.',
    [], ['Radosław Sikorski | visited | Vilnius']],
  ['Greek Prime Minister Kyriakos Mitsotakis did not meet with Turkish President Recep Tayyip Erdoğan in Athens.',
    [], ['Kyriakos Mitsotakis | metWith | Recep Tayyip Erdoğan']],
  ['Egyptian Foreign Minister Badr Abdelatty offered his condolences to the government and people of Morocco.',
    ['Badr Abdelatty | expressedCondolencesTo | Morocco'], []],
  ['Spanish Prime Minister Pedro Sánchez thanked Portugal for its support.',
    ['Pedro Sánchez | expressedGratitudeTo | Portugal'], []],
  ['Indonesian President Prabowo Subianto congratulated Sri Lankan President Anura Kumara Dissanayake on his election victory.',
    ['Prabowo Subianto | congratulated | Anura Kumara Dissanayake'], []],
  ['Armenia and Georgia signed a memorandum of understanding on energy cooperation in Tbilisi.',
    ['Armenia | signed | memorandum of understanding on energy cooperation'], []],
  ['Swedish Foreign Minister Maria Malmer Stenergard, who is in Finland on an official visit, met with Finnish President Alexander Stubb.',
    ['Maria Malmer Stenergard | visited | Finland', 'Maria Malmer Stenergard | metWith | Alexander Stubb'], ['Finland | metWith | Alexander Stubb']],
  ['Ilze Kalniņa, Deputy Secretary General of the Council of Europe, met Latvian Foreign Minister Baiba Braže in Riga.',
    ['Ilze Kalniņa | metWith | Baiba Braže', 'Ilze Kalniņa | holdsPosition | Deputy Secretary General of the Council of Europe'], []],
  ['Brazilian Foreign Minister Mauro Vieira met Colombian Foreign Minister Luis Gilberto Murillo in Bogotá. The two ministers signed a joint declaration on Amazon protection.',
    ['Mauro Vieira | metWith | Luis Gilberto Murillo', 'Mauro Vieira | signed | Joint Declaration on Amazon protection', 'Luis Gilberto Murillo | signed | Joint Declaration on Amazon protection'], []],
  ['Moroccan Foreign Minister Nasser Bourita met Mauritanian Foreign Minister Mohamed Salem Ould Merzoug. Bourita briefed his guest on regional developments.',
    ['Nasser Bourita | informed | Mohamed Salem Ould Merzoug'], []],
  ['Estonian Prime Minister Kristen Michal condemned Russia for the airspace violation.',
    ['Kristen Michal | criticized | Russia'], []],
  ['Canadian Foreign Minister Mélanie Joly expressed support for Ukraine.',
    ['Mélanie Joly | supported | Ukraine'], []],
  ['Kazakh President Kassym-Jomart Tokayev invited Mongolian President Ukhnaagiin Khürelsükh to visit Astana.',
    ['Kassym-Jomart Tokayev | invited | Ukhnaagiin Khürelsükh'], []],
  ['Uruguay joined the Asian Infrastructure Investment Bank in 2020.',
    [], ['Uruguay | memberOf | Asian Infrastructure Investment Bank in 2020']],
  ['The Tunisian top diplomat, Mohamed Ali Nafti, met Algerian Foreign Minister Ahmed Attaf in Algiers. The minister also held talks with Algerian Prime Minister Nadir Larbaoui.',
    ['Mohamed Ali Nafti | metWith | Ahmed Attaf'], []],
];

describe('fresh sentences', () => {
  for (const [text, want, not] of ROWS) {
    it(text.slice(0, 90), () => {
      const got = triples(text);
      for (const w of want) expect(has(got, w), `expected "${w}" among ${JSON.stringify(got)}`).toBe(true);
      for (const n of not) expect(has(got, n), `did not expect "${n}" among ${JSON.stringify(got)}`).toBe(false);
    });
  }
});
