// **build** is the whole pipeline as a library call: inputs → articles → extractions →
// graph → files. The CLI only parses options and prints what this returns.
import { join } from 'node:path';
import { actorView } from './actors.js';
import { UsageError } from './errors.js';
import { writeGexf, writeGexfStream } from './export/gexf.js';
import { writeJson, writeJsonStream } from './export/json.js';
import { writeGraphml, writeGraphmlStream } from './export/graphml.js';
import { writeNTriples, writeNTriplesStream, writeTurtle, writeTurtleStream } from './export/turtle.js';
import type { ArticleResult } from './extract.js';
import { addExtraction, buildGraph, createGraph, sortedGraph } from './graph.js';
import { extractEach } from './workers.js';
import { listInputs, type SkippedInput } from './ingest.js';
import { writeAtomicStream } from './output.js';
import { runReport, writeReport } from './report.js';
import { articleId, inShard, type Shard } from './shard.js';
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
  /** Threads extracting articles (default: the number of cores); the output is the same for any number. */
  jobs?: number;
  /** Build only shard `index` (0-based) of `count`: the articles whose id hashes there (shard.ts). */
  shard?: Shard;
  /** Return every article's extraction, text included, in `results` (default: no; they cost memory in proportion to the corpus). */
  keepResults?: boolean;
}

export interface ArticleReport {
  id: string;
  path: string;
  /** `skipped`: not read on purpose (a second name of a file already read, another shard). */
  status: 'built' | 'skipped' | 'failed';
  reason?: string;
  entities?: number;
  facts?: number;
}

export interface BuildResult {
  graph: KnowledgeGraph;
  articles: ArticleReport[];
  /** Directory entries that are no article files (not `.txt`, hidden, not regular), with why. */
  ignored: SkippedInput[];
  /** Each built article's extraction, in id order, when `keepResults` is set; else empty. */
  results: ArticleResult[];
  files: string[];
}

// ### `buildFromResults` merges extracted articles into one graph, in article-id order, so the
// graph is the same whatever order they come in.
export function buildFromResults(results: ArticleResult[]): KnowledgeGraph {
  const byId = (a: ArticleResult, b: ArticleResult): number => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0);
  return buildGraph([...results].sort(byId));
}

// ### `build` reads every input, extracts each article on its own, merges, and writes the formats asked for.
// A bad input is reported and skipped; the others are still built. Articles are extracted in id
// order and folded into the graph as they come, so memory holds the graph, not the corpus.
export async function build(inputs: string[], options: BuildOptions = {}): Promise<BuildResult> {
  const { files, errors, skipped, ignored } = await listInputs(inputs);
  const reports: ArticleReport[] = errors.map((e) => ({ id: e.path, path: e.path, status: 'failed', reason: e.message }));
  for (const s of skipped) reports.push({ id: articleId(s.path), path: s.path, status: 'skipped', reason: `${s.path}: ${s.reason}` });
  const results: ArticleResult[] = [];
  const seen = new Map<string, string>();
  let done = 0;
  const mine: string[] = [];
  for (const f of files) {
    if (!options.shard || inShard(articleId(f), options.shard)) mine.push(f);
    else reports.push({ id: articleId(f), path: f, status: 'skipped', reason: `${f}: in another shard than ${options.shard.index}/${options.shard.count}` });
  }
  // Id order is the order the graph merges in (buildFromResults); among files with one id, input order decides.
  const order = mine.map((f, i) => ({ f, i, id: articleId(f) })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.i - b.i)).map((x) => x.f);
  const merged = createGraph();
  await extractEach(order, {
    jobs: options.jobs, encoding: options.encoding, dataDir: options.dataDir, keepText: options.keepResults ?? false,
    onDone: (file) => options.onArticle?.(++done, mine.length, file),
  }, (o) => {
    if (o.error) {
      reports.push({ id: o.error.path, path: o.error.path, status: 'failed', reason: o.error.message });
      return;
    }
    const r = o.result;
    // The first file that yields an id keeps it.
    if (seen.has(r.article.id)) {
      const reason = `${o.path}: article id "${r.article.id}" is already used by ${seen.get(r.article.id)}; rename one of the files`;
      reports.push({ id: o.path, path: o.path, status: 'failed', reason });
      return;
    }
    seen.set(r.article.id, o.path);
    addExtraction(merged, r);
    if (options.keepResults) results.push(r);
    reports.push({ id: r.article.id, path: o.path, status: 'built', entities: r.entities.length, facts: r.facts.length });
  });
  const graph = sortedGraph(merged);
  const written: string[] = [];
  if (options.out) {
    const view = options.view ?? 'full';
    const shown = view === 'actors' ? actorView(graph) : graph;
    for (const f of options.formats ?? DEFAULT_VIEW_FORMATS[view]) {
      if (!VIEW_FORMATS[view].includes(f)) throw new UsageError(`the ${view} view cannot be written as ${f}; use ${VIEW_FORMATS[view].join(', ')}`);
      const path = join(options.out, fileName(f, view));
      await unwritable(options.out, () => writeFormat(path, shown, f));
      written.push(path);
    }
  }
  reports.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const out = options.out;
  if (out) written.push(await unwritable(out, () => writeReport(out, runReport(reports, ignored, graph))));
  return { graph, articles: reports, ignored, results, files: written };
}

// Errors that say the output directory cannot be used, rather than that newskg is broken.
const BAD_OUT = new Set(['ENOTDIR', 'EEXIST', 'EISDIR', 'EACCES', 'EPERM', 'EROFS']);

// ### `unwritable` runs a write into `out`, turning "cannot write there" into a UsageError that says so.
async function unwritable<T>(out: string, write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code && BAD_OUT.has(code)) throw new UsageError(`--out ${out}: cannot write there (${(e as Error).message}); expected a directory newskg may create files in`);
    throw e;
  }
}

// ### `writeFormat` writes one output file atomically and streaming, so a graph whose text
// exceeds what one string can hold is still written.
export async function writeFormat(path: string, graph: KnowledgeGraph, format: Format): Promise<void> {
  switch (format) {
    case 'json':
      return writeAtomicStream(path, (out) => writeJsonStream(graph, out));
    case 'ttl':
      return writeAtomicStream(path, (out) => writeTurtleStream(graph, out));
    case 'nt':
      return writeAtomicStream(path, (out) => writeNTriplesStream(graph, out));
    case 'graphml':
      return writeAtomicStream(path, (out) => writeGraphmlStream(graph, out));
    case 'gexf':
      return writeAtomicStream(path, (out) => writeGexfStream(graph, out));
  }
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
