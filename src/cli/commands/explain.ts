// **explain** command: `newskg explain FILE [--gold GOLD]` shows each fact with its rule and
// the evidence marked in its sentence; with gold, each missed fact and why it was missed.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Argv, ArgumentsCamelCase } from 'yargs';
import { UsageError } from '../../errors.js';
import { goldIndex, matchNode, type Gold } from '../../eval.js';
import { extractArticle, type ArticleResult } from '../../extract.js';
import { readArticle } from '../../ingest.js';
import { loadRules } from '../../rules.js';
import { PREDICATE_SPECS } from '../../schema.js';
import type { Io } from '../io.js';

export interface ExplainArgs {
  file: string;
  gold?: string;
  data?: string;
}

export const command = 'explain <file>';
export const describe = 'Show how each fact of an article was found: rule, evidence and sentence; with --gold, why facts were missed';

export function builder(y: Argv): Argv<ExplainArgs> {
  return y
    .positional('file', { type: 'string', describe: 'An article file' })
    .option('gold', { type: 'string', describe: 'Gold file (ID.json) or a directory holding it: also list missed gold facts and the reason' })
    .option('data', { type: 'string', describe: 'Directory with gazetteers/ and rules/ to use instead of the built-in data' })
    .example('$0 explain article.txt --gold gold/', 'Facts, and the gold facts that were missed') as unknown as Argv<ExplainArgs>;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ');

// ### `marked` gives the sentence with the evidence between »« marks.
function marked(r: ArticleResult, sentence: number, start: number, end: number): string {
  const s = r.sentences[sentence];
  if (!s) return '';
  const t = r.article.text;
  return squash(`${t.slice(s.start, start)}»${t.slice(start, end)}«${t.slice(end, s.end)}`);
}

export function explainFacts(r: ArticleResult): string[] {
  const label = new Map(r.entities.map((e) => [e.key, e.label]));
  const out: string[] = [];
  const facts = [...r.facts].sort((a, b) => a.provenance.start - b.provenance.start || a.provenance.end - b.provenance.end);
  for (const f of facts) {
    const q = Object.entries(f.qualifiers)
      .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('; ') : (label.get(v as string) ?? v)}`)
      .join(' ');
    out.push(`[${f.provenance.sentence}] ${label.get(f.subject)} ${f.predicate} ${label.get(f.object)}   (rule ${f.provenance.rule}${q ? `; ${q}` : ''})`);
    out.push(`    ${marked(r, f.provenance.sentence, f.provenance.start, f.provenance.end)}`);
  }
  return out;
}

const REASONS: Record<string, string> = {
  'negated-or-future': 'filtered as negated or future',
  'no-subject': 'a rule matched but found no subject',
  'no-object': 'a rule matched but found no object',
  'type-mismatch': 'a rule matched but the types do not fit the predicate',
};

// ### `explainMisses` lists the required gold facts the extraction lacks, each with its likely cause.
export function explainMisses(r: ArticleResult, gold: Gold, rulePredicates: Map<string, string>): string[] {
  const idx = goldIndex(gold);
  const nodeOf = new Map<number, string>();
  for (const e of r.entities) {
    const g = matchNode({ label: e.label, type: e.type, aliases: e.aliases }, idx);
    if (g !== undefined && gold.entities[g].type === e.type && !nodeOf.has(g)) nodeOf.set(g, e.key);
  }
  const have = new Set(r.facts.map((f) => `${f.subject}|${f.predicate}|${f.object}`));
  const out: string[] = [];
  for (const t of gold.triples) {
    if (t.optional) continue;
    const si = idx.byCanonical.get(t.s)!;
    const oi = idx.byCanonical.get(t.o)!;
    const s = nodeOf.get(si);
    const o = nodeOf.get(oi);
    const sym = (PREDICATE_SPECS as Record<string, { symmetric?: boolean }>)[t.p]?.symmetric;
    if (s && o && (have.has(`${s}|${t.p}|${o}`) || (sym && have.has(`${o}|${t.p}|${s}`)))) continue;
    let why: string;
    if (!s || !o) why = `entity not found: ${[!s ? t.s : '', !o ? t.o : ''].filter(Boolean).join(', ')}`;
    else {
      const at = t.evidence ? squash(r.article.text).indexOf(squash(t.evidence)) : -1;
      // squashing only shortens runs of spaces; find the sentence by position in the squashed text
      const sentence = at < 0 ? undefined : r.sentences.find((x) => squash(r.article.text.slice(0, x.end)).length > at);
      const misses = sentence ? r.misses.filter((m) => m.sentence === sentence.index) : [];
      const ruleMiss = misses.find((m) => rulePredicates.get(m.rule) === t.p);
      why = ruleMiss ? `${REASONS[ruleMiss.reason]} (rule ${ruleMiss.rule}, cue "${ruleMiss.cue}")` : 'no rule matched';
    }
    out.push(`missed ${t.s} ${t.p} ${t.o}: ${why}`);
    if (t.evidence) out.push(`    evidence: ${squash(t.evidence)}`);
  }
  return out;
}

export async function handler(argv: ArgumentsCamelCase<ExplainArgs>, io: Io): Promise<number> {
  const article = await readArticle(argv.file);
  const r = extractArticle(article, { dataDir: argv.data });
  io.out(`${article.id}: ${r.sentences.length} sentences, ${r.entities.length} entities, ${r.facts.length} facts`);
  for (const line of explainFacts(r)) io.out(line);
  if (argv.gold) {
    let path = argv.gold;
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, `${article.id}.json`);
    if (!existsSync(path)) throw new UsageError(`--gold: no gold file ${path} for article ${article.id}`);
    const gold = JSON.parse(readFileSync(path, 'utf8')) as Gold;
    gold.article ||= basename(path, '.json');
    const misses = explainMisses(r, gold, new Map(loadRules(argv.data).rules.map((x) => [x.id, x.predicate])));
    io.out('');
    io.out(misses.length ? `${misses.filter((l) => l.startsWith('missed')).length} required gold facts missed:` : 'every required gold fact was found');
    for (const line of misses) io.out(line);
  }
  return 0;
}
