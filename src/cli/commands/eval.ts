// **eval** command: `newskg eval --gold DIR [--articles DIR]` builds each article alone and scores it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Argv, ArgumentsCamelCase } from 'yargs';
import { UsageError } from '../../errors.js';
import { formatReport, summarize, type Gold, type SystemGraph } from '../../eval.js';
import { extractArticle } from '../../extract.js';
import { buildGraph } from '../../graph.js';
import { readArticle } from '../../ingest.js';
import type { Io } from '../io.js';

export interface EvalArgs {
  gold: string;
  articles?: string;
  json: boolean;
  verbose: boolean;
  data?: string;
}

export const command = 'eval';
export const describe = 'Score extraction against gold annotations (per predicate and type, qualifiers, provenance)';

export function builder(y: Argv): Argv<EvalArgs> {
  return y
    .option('gold', { type: 'string', demandOption: true, describe: 'Directory of gold files ID.json (or one file)' })
    .option('articles', { type: 'string', describe: 'Directory of articles ID.txt (default: the "articles" directory beside the gold directory)' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the summary and per-article scores as JSON' })
    .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'List every missed and spurious fact and entity' })
    .option('data', { type: 'string', describe: 'Directory with gazetteers/ and rules/ to evaluate instead of the built-in data' })
    .example('$0 eval --gold corpus/gold', 'Score the articles in corpus/articles against corpus/gold')
    .epilogue('Each article is built alone, as `newskg build FILE` would, and scored with the same metrics as the shared scorer. Gold format: see SCHEMA.md ("Gold files").') as unknown as Argv<EvalArgs>;
}

export async function handler(argv: ArgumentsCamelCase<EvalArgs>, io: Io): Promise<number> {
  if (!existsSync(argv.gold)) throw new UsageError(`--gold: ${argv.gold} does not exist`);
  const single = argv.gold.endsWith('.json');
  const goldFiles = single ? [argv.gold] : readdirSync(argv.gold).filter((f) => f.endsWith('.json')).sort().map((f) => join(argv.gold, f));
  const articlesDir = argv.articles ?? join(dirname(single ? dirname(argv.gold) : argv.gold.replace(/\/+$/, '')), 'articles');
  const golds: Gold[] = [];
  const graphs = new Map<string, SystemGraph>();
  const texts = new Map<string, string>();
  for (const f of goldFiles) {
    let gold: Gold;
    try {
      gold = JSON.parse(readFileSync(f, 'utf8')) as Gold;
    } catch (e) {
      throw new UsageError(`${f}: not a gold file (${(e as Error).message})`);
    }
    gold.article ||= basename(f, '.json');
    golds.push(gold);
    const path = join(articlesDir, `${gold.article}.txt`);
    if (!existsSync(path)) continue;
    const article = await readArticle(path);
    texts.set(gold.article, article.text);
    graphs.set(gold.article, buildGraph([extractArticle(article, { dataDir: argv.data })]).export() as SystemGraph);
  }
  const { summary, perArticle } = summarize(golds, graphs, texts);
  if (argv.json) io.out(JSON.stringify({ summary, perArticle }, null, 2));
  else for (const line of formatReport(summary, perArticle, argv.verbose)) io.out(line);
  return 0;
}
