// **workers** extracts articles on all cores: a pool of worker threads (extract-worker.ts), each
// reading and extracting the batches of files it is handed. Outcomes are delivered in input order,
// whatever thread finished first, so the graph is byte-identical to a one-thread build.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ExtractionError, InputError, NewskgError, RuleError, UsageError } from './errors.js';
import { extractArticle, type ArticleResult } from './extract.js';
import { readArticle, readStdin } from './ingest.js';

/** What each thread is started with. */
export interface WorkerSetup {
  encoding?: string;
  dataDir?: string;
  /** Keep the article text, the misses and every sentence in the results (explain needs them; the graph does not). Default: no. */
  keepText?: boolean;
}
/** One file to extract; `index` is its place in the input order. */
export interface WorkerTask {
  index: number;
  path: string;
}
/** An error as plain data, rebuilt into its class by {@link revive}. */
export interface WorkerError {
  name: string;
  message: string;
  stack?: string;
  ours: boolean;
  fields: Record<string, unknown>;
}
export type WorkerReply = { index: number; result: ArticleResult; error?: undefined } | { index: number; error: WorkerError; result?: undefined };

/** The outcome of one input file: its extraction, or why it has none. */
export type Outcome = { path: string; result: ArticleResult; error?: undefined } | { path: string; error: InputError | ExtractionError; result?: undefined };

export interface ExtractFilesOptions extends WorkerSetup {
  /** Threads to use; 1 (or a single file) extracts in this thread. Default {@link defaultJobs}. */
  jobs?: number;
  /** Called as each file is done, in completion order. */
  onDone?: (path: string) => void;
}

// ### `defaultJobs` is the number of cores Node may use.
export const defaultJobs = (): number => availableParallelism();

// The compiled worker beside this module; absent when this module runs from src/*.ts (vitest),
// where extraction then stays in this thread.
const WORKER_URL = new URL('./extract-worker.js', import.meta.url);
export const workersAvailable = (): boolean => import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER_URL));

// ### `extractFiles` reads and extracts every file ("-" is stdin) and returns the outcomes in the
// order of `files`.
export async function extractFiles(files: string[], options: ExtractFilesOptions = {}): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  await extractEach(files, options, (o) => outcomes.push(o));
  return outcomes;
}

// ### `extractEach` reads and extracts every file and hands each outcome to `use` in the order of
// `files`, as soon as it and all before it are done: a caller can fold results into a graph and drop
// them, so memory holds the graph, not the corpus. A bad input or a failed extraction is an outcome;
// a bad rule or gazetteer file (RuleError) stops the whole call, since every article would fail.
export async function extractEach(files: string[], options: ExtractFilesOptions, use: (o: Outcome, index: number) => void): Promise<void> {
  const onFiles = files.filter((f) => f !== '-');
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), onFiles.length));
  if (jobs <= 1 || !workersAvailable()) return extractHere(files, options, use);
  // Out-of-order outcomes wait here until those before them arrive; a thread is never more than a
  // few batches ahead, so this stays small.
  const waiting = new Map<number, Outcome>();
  let next = 0;
  const deliver = (index: number, o: Outcome): void => {
    waiting.set(index, o);
    for (let w = waiting.get(next); w !== undefined; w = waiting.get(next)) {
      waiting.delete(next);
      use(w, next++);
    }
  };
  const tasks: WorkerTask[] = [];
  for (let index = 0; index < files.length; index++) {
    if (files[index] === '-') deliver(index, await extractOne('-', options));
    else tasks.push({ index, path: files[index] });
  }
  const byIndex = new Map(tasks.map((t) => [t.index, t]));
  await runPool(tasks, jobs, options, (m) => {
    const path = byIndex.get(m.index)!.path;
    byIndex.delete(m.index);
    deliver(m.index, m.result ? { path, result: m.result } : { path, error: failure(revive(m.error), path) });
    options.onDone?.(path);
  });
}

// ### `failure` sorts an error of one article: bad input and bugs are outcomes, the rest is thrown.
export function failure(e: unknown, path: string): InputError | ExtractionError {
  if (e instanceof InputError) return e;
  if (e instanceof RuleError || e instanceof UsageError) throw e;
  const message = e instanceof Error ? e.message : String(e);
  return new ExtractionError(`${path}: newskg failed to extract this article (${message}); it was left out. This is a bug: please report it with the file`, path);
}

// ### `extractOne` reads and extracts one file in this thread.
async function extractOne(path: string, options: WorkerSetup): Promise<Outcome> {
  try {
    const article = path === '-' ? await readStdin({ encoding: options.encoding }) : await readArticle(path, { encoding: options.encoding });
    const r = extractArticle(article, { dataDir: options.dataDir });
    return { path, result: shaped(r, options) };
  } catch (e) {
    return { path, error: failure(e, path) };
  }
}

// ### `shaped` is a result as the caller asked for it: whole with `keepText`, else `slim`.
export const shaped = (r: ArticleResult, setup: WorkerSetup): ArticleResult => (setup.keepText ? r : slim(r));

// ### `slim` drops what the graph does not need: the article text, the misses (for explain) and the
// sentences no fact comes from. Results cross between threads by copy, so less is faster.
export function slim(r: ArticleResult): ArticleResult {
  const used = new Set(r.facts.map((f) => f.provenance.sentence));
  return { ...r, article: { ...r.article, text: '' }, misses: [], sentences: r.sentences.filter((s) => used.has(s.index)) };
}

// ### `extractHere` is the one-thread path: read, extract, hand over, next.
async function extractHere(files: string[], options: ExtractFilesOptions, use: (o: Outcome, index: number) => void): Promise<void> {
  for (let i = 0; i < files.length; i++) {
    use(await extractOne(files[i], options), i);
    options.onDone?.(files[i]);
  }
}

// ### `batchSize` gives each message a few files: one file per message costs more in messaging than
// a short article costs to extract, while big batches leave a thread idle at the end.
const batchSize = (tasks: number, jobs: number): number => Math.max(1, Math.min(32, Math.floor(tasks / (jobs * 8))));

// ### `runPool` starts `jobs` threads and hands each the next batch as soon as it is free.
function runPool(tasks: WorkerTask[], jobs: number, setup: WorkerSetup, handle: (m: WorkerReply) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const size = batchSize(tasks.length, jobs);
    let next = 0, pending = tasks.length, stopped = false;
    const stop = (e?: unknown): void => {
      if (stopped) return;
      stopped = true;
      // Wait for the threads to end, so their heaps are gone before the graph is sorted and written.
      void Promise.allSettled(workers.map((w) => w.terminate())).then(() => (e !== undefined ? reject(e) : resolve()));
    };
    const feed = (w: Worker): void => {
      if (next >= tasks.length) return;
      w.postMessage(tasks.slice(next, next + size));
      next += size;
    };
    for (let i = 0; i < jobs; i++) {
      const w = new Worker(WORKER_URL, { workerData: { encoding: setup.encoding, dataDir: setup.dataDir, keepText: setup.keepText } satisfies WorkerSetup });
      workers.push(w);
      w.on('message', (batch: WorkerReply[]) => {
        if (stopped) return;
        try {
          for (const m of batch) handle(m);
        } catch (e) {
          stop(e);
          return;
        }
        pending -= batch.length;
        if (pending === 0) stop();
        else feed(w);
      });
      w.on('error', (e) => stop(e));
      feed(w);
    }
    if (!tasks.length) stop();
  });
}

// ### `revive` rebuilds an error sent by a worker into its class, so the CLI maps it to the same exit code.
function revive(e: WorkerError): Error {
  const f = e.fields;
  let err: Error;
  switch (e.name) {
    case 'InputError': err = new InputError(e.message, String(f.path), f.code as InputError['code']); break;
    case 'RuleError': err = new RuleError(e.message, String(f.file), f.ruleId as string | undefined, f.index as number | undefined); break;
    case 'UsageError': err = new UsageError(e.message); break;
    default: err = e.ours ? new NewskgError(e.message) : new Error(e.message);
  }
  if (e.stack) err.stack = e.stack;
  return err;
}
