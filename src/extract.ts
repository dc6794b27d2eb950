// **extract** runs the per-article pipeline: sentences → entities → relations.
// It reads one article and nothing else, so articles can be extracted in any order or in workers.
import { Analyzer } from './entities.js';
import { loadGazetteer, DEFAULT_DATA_DIR } from './gazetteer.js';
import { applyRules, type Context, type Miss } from './relations.js';
import { loadRules } from './rules.js';
import { splitSentences } from './sentences.js';
import type { Registry } from './entities.js';
import type { Article, Extraction, Fact, Sentence } from './types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const GENERIC_DOC_WORDS = new Set(['trilateral', 'bilateral', 'tripartite', 'joint', 'final', 'of', 'understanding']);

// Sentences in news are short; a "sentence" of many kilobytes is a page without punctuation.
// Cutting it into pieces at spaces keeps every per-sentence pass linear in the article.
const MAX_SENTENCE = 1500;

// ### `boundSentences` splits over-long sentences into pieces of at most MAX_SENTENCE characters.
export function boundSentences(sentences: Sentence[]): Sentence[] {
  if (sentences.every((s) => s.text.length <= MAX_SENTENCE)) return sentences;
  const out: Sentence[] = [];
  for (const s of sentences) {
    let from = 0;
    while (s.text.length - from > MAX_SENTENCE) {
      let cut = s.text.lastIndexOf(' ', from + MAX_SENTENCE);
      if (cut <= from) cut = from + MAX_SENTENCE;
      out.push({ ...s, start: s.start + from, end: s.start + cut, text: s.text.slice(from, cut) });
      from = cut;
    }
    out.push({ ...s, start: s.start + from, end: s.end, text: s.text.slice(from) });
  }
  return out.map((s, index) => ({ ...s, index }));
}

// ### `mergeShortNames` folds a person first named by surname alone ("Slovak Foreign Minister Káčer"
// in a headline) into the full name written later ("Rastislav Káčer"): one person, one node.
function mergeShortNames(reg: Registry, facts: Fact[]): void {
  const people = [...reg.entities.values()].filter((e) => e.type === 'Person');
  for (const short of people) {
    if (/\s/.test(short.label)) continue;
    const full = people.filter((p) => p !== short && p.label.split(/\s+/).pop() === short.label);
    if (full.length !== 1) continue;
    const into = full[0];
    for (const a of [short.label, ...short.aliases]) if (!into.aliases.includes(a)) into.aliases.push(a);
    reg.entities.delete(short.key);
    for (const f of facts) {
      if (f.subject === short.key) f.subject = into.key;
      if (f.object === short.key) f.object = into.key;
    }
    const office = reg.offices.get(short.key);
    if (office && !reg.offices.has(into.key)) reg.offices.set(into.key, office);
  }
}

// ### `nameDocumentsByDate` gives a generic document ("Trilateral statement") the date it was
// signed, as SCHEMA.md labels it ("Trilateral Statement of 10 November 2020"), so two different
// joint statements do not merge into one node across articles.
function nameDocumentsByDate(reg: Registry, facts: Fact[], heads: Set<string>): void {
  for (const e of [...reg.entities.values()]) {
    if (e.type !== 'Document') continue;
    const words = e.label.toLowerCase().split(/\s+/);
    if (words.length < 2 || !words.every((w) => GENERIC_DOC_WORDS.has(w) || heads.has(w))) continue;
    const dated = facts.find((f) => f.predicate === 'signed' && f.object === e.key && f.qualifiers.date?.length === 10);
    if (!dated) continue;
    const [y, m, d] = dated.qualifiers.date!.split('-').map(Number);
    const label = `${e.label.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()).replace(/ Of /g, ' of ')} of ${d} ${MONTHS[m - 1]} ${y}`;
    const key = reg.add('Document', label, e.label);
    for (const a of e.aliases) reg.add('Document', label, a);
    reg.entities.delete(e.key);
    for (const f of facts) {
      if (f.subject === e.key) f.subject = key;
      if (f.object === e.key) f.object = key;
    }
  }
}

export interface ExtractOptions {
  /** Directory holding `gazetteers/` and `rules/` (default: the package's `data/`). */
  dataDir?: string;
}

export interface ArticleResult extends Extraction {
  sentences: Sentence[];
  /** Cue matches that gave no fact, and why (for `explain`). */
  misses: Miss[];
}

// ### `extractArticle` turns one article into entities and facts with provenance.
export function extractArticle(article: Article, options: ExtractOptions = {}): ArticleResult {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const g = loadGazetteer(dataDir);
  const rules = loadRules(dataDir);
  const analyzer = new Analyzer(g);
  const reg = analyzer.registry;
  const meta = article.meta;
  // The wire and the outlet are organisations of their own (SCHEMA.md); they carry no fact.
  for (const name of [meta.wire, meta.outlet]) {
    if (!name) continue;
    const known = g.phrases.get(name.toLowerCase())?.find((h) => h.type === 'Organization');
    reg.add('Organization', known?.label ?? name, name, known?.wikidata ? { wikidata: known.wikidata } : undefined);
  }
  if (meta.byline) reg.addPerson(meta.byline);
  let datelinePlace: string | undefined;
  if (meta.place) {
    const hit = g.phrases.get(meta.place.toLowerCase())?.find((h) => h.type === 'Location' || h.type === 'Country');
    if (hit?.type) datelinePlace = reg.add(hit.type, hit.label, meta.place);
    else datelinePlace = reg.add('Location', meta.place);
  }
  const ctx: Context = { articleId: article.id, dateline: meta.date, datelinePlace, people: [], participants: [], bodies: [] };
  const sentences = boundSentences(splitSentences(article));
  const facts: Fact[] = [];
  const misses: Miss[] = [];
  for (const s of sentences) {
    const a = analyzer.analyze(s);
    for (const nf of a.facts) {
      facts.push({
        subject: nf.subject,
        predicate: nf.predicate,
        object: nf.object,
        qualifiers: {},
        provenance: { source: article.id, sentence: s.index, start: nf.start, end: nf.end, evidence: article.text.slice(nf.start, nf.end), rule: nf.rule },
      });
    }
    const r = applyRules(a, rules, reg, ctx, article.text);
    facts.push(...r.facts);
    misses.push(...r.misses);
  }
  nameDocumentsByDate(reg, facts, g.sets.documentHeads);
  mergeShortNames(reg, facts);
  // Only entities that exist in the registry are kept; facts never point elsewhere.
  const entities = [...reg.entities.values()].map((e) => ({ ...e, aliases: [...e.aliases] }));
  const known = new Set(entities.map((e) => e.key));
  const kept = facts.filter((f) => known.has(f.subject) && known.has(f.object));
  for (const f of kept) {
    if (f.qualifiers.place && !known.has(f.qualifiers.place)) delete f.qualifiers.place;
    if (f.qualifiers.occasion && !known.has(f.qualifiers.occasion)) delete f.qualifiers.occasion;
  }
  return { article, entities, facts: kept, sentences, misses };
}
