// **build** is the whole pipeline as a library call: inputs → articles → extractions →
// graph → files. The CLI only parses options and prints what this returns.
import { join } from 'node:path';
import { actorView } from './actors.js';
import { InputError, UsageError } from './errors.js';
import { writeGexf } from './export/gexf.js';
import { writeJson } from './export/json.js';
import { writeGraphml } from './export/graphml.js';
import { writeNTriples, writeTurtle } from './export/turtle.js';
import { extractArticle, type ArticleResult } from './extract.js';
import { buildGraph } from './graph.js';
import { listInputs, readArticle, readStdin } from './ingest.js';
import { writeAtomic } from './output.js';
import type { KnowledgeGraph } from './types.js';

export const FORMATS = ['json', 'ttl', 'nt', 'graphml', 'gexf'] as const;
export type Format = (typeof FORMATS)[number];
export const DEFAULT_FORMATS: Format[] = ['json', 'ttl', 'graphml'];
const FILE_NAMES: Record<Format, string> = { json: 'graph.json', ttl: 'graph.ttl', nt: 'graph.nt', graphml: 'graph.graphml', gexf: 'graph.gexf' };

/** What is written: the whole graph, or the actor view (actors.ts) for network analysis. */
export const VIEWS = ['full', 'actors'] as const;
export type View = (typeof VIEWS)[number];
/** The formats the actor view can be written in: RDF always carries the whole graph. */
export const VIEW_FORMATS: Record<View, readonly Format[]> = { full: FORMATS, actors: ['json', 'graphml', 'gexf'] };
export const DEFAULT_VIEW_FORMATS: Record<View, Format[]> = { full: DEFAULT_FORMATS, actors: ['json', 'graphml', 'gexf'] };
// ### `fileName` names the file of a format in a view: `graph.graphml`, `actors.graphml`.
export const fileName = (format: Format, view: View = 'full'): string => (view === 'full' ? FILE_NAMES[format] : FILE_NAMES[format].replace(/^graph/, view));

export interface BuildOptions {
  /** Output directory; nothing is written when undefined. */
  out?: string;
  formats?: Format[];
  /** Write the whole graph (default) or the actor view; the actor view allows `VIEW_FORMATS.actors` only. */
  view?: View;
  dataDir?: string;
  /** Decode inputs that are not UTF-8 with this encoding (e.g. "latin1"). */
  encoding?: string;
  /** Called after each article, for progress displays. */
  onArticle?: (done: number, total: number, id: string) => void;
}

export interface ArticleReport {
  id: string;
  path: string;
  status: 'built' | 'failed';
  reason?: string;
  entities?: number;
  facts?: number;
}

export interface BuildResult {
  graph: KnowledgeGraph;
  articles: ArticleReport[];
  results: ArticleResult[];
  files: string[];
}

// ### `buildFromArticles` extracts already-read articles and merges them into one graph.
export function buildFromResults(results: ArticleResult[]): KnowledgeGraph {
  return buildGraph(results);
}

// ### `build` reads every input, extracts each article on its own, merges, and writes the formats asked for.
// A bad input is reported and skipped; the others are still built.
export async function build(inputs: string[], options: BuildOptions = {}): Promise<BuildResult> {
  const { files, errors } = await listInputs(inputs);
  const reports: ArticleReport[] = errors.map((e) => ({ id: e.path, path: e.path, status: 'failed', reason: e.message }));
  const results: ArticleResult[] = [];
  const seen = new Map<string, string>();
  let done = 0;
  for (const file of files) {
    try {
      const article = file === '-' ? await readStdin() : await readArticle(file, { encoding: options.encoding });
      if (seen.has(article.id)) {
        throw new InputError(`${file}: article id "${article.id}" is already used by ${seen.get(article.id)}; rename one of the files`, file, 'not-a-text-file');
      }
      seen.set(article.id, file);
      const r = extractArticle(article, { dataDir: options.dataDir });
      results.push(r);
      reports.push({ id: article.id, path: file, status: 'built', entities: r.entities.length, facts: r.facts.length });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      reports.push({ id: e.path, path: e.path, status: 'failed', reason: e.message });
    }
    options.onArticle?.(++done, files.length, file);
  }
  const graph = buildFromResults(results);
  const written: string[] = [];
  if (options.out) {
    const view = options.view ?? 'full';
    const shown = view === 'actors' ? actorView(graph) : graph;
    for (const f of options.formats ?? DEFAULT_VIEW_FORMATS[view]) {
      if (!VIEW_FORMATS[view].includes(f)) throw new UsageError(`the ${view} view cannot be written as ${f}; use ${VIEW_FORMATS[view].join(', ')}`);
      const path = join(options.out, fileName(f, view));
      writeAtomic(path, await render(shown, f));
      written.push(path);
    }
  }
  reports.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { graph, articles: reports, results, files: written };
}

// ### `render` gives the text of one output format.
export async function render(graph: KnowledgeGraph, format: Format): Promise<string> {
  switch (format) {
    case 'json':
      return writeJson(graph);
    case 'ttl':
      return writeTurtle(graph);
    case 'nt':
      return writeNTriples(graph);
    case 'graphml':
      return writeGraphml(graph);
    case 'gexf':
      return writeGexf(graph);
  }
}
