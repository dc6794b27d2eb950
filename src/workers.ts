// **workers** extracts articles on all cores: a pool of worker threads (extract-worker.ts), each
// reading and extracting the files it is handed, with results returned in input order so the
// graph is byte-identical to a one-thread build.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, NewskgError, RuleError, UsageError } from './errors.js';
import { extractArticle, type ArticleResult } from './extract.js';
import { readArticle, readStdin } from './ingest.js';

/** What each thread is started with. */
export interface WorkerSetup {
  encoding?: string;
  dataDir?: string;
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

/** The outcome of one input file: its extraction, or the `InputError` that refused it. */
export type Outcome = { path: string; result: ArticleResult; error?: undefined } | { path: string; error: InputError; result?: undefined };

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
// order of `files`. Errors other than an `InputError` (a bad rule file, a bug) reject the whole call.
export async function extractFiles(files: string[], options: ExtractFilesOptions = {}): Promise<Outcome[]> {
  const onFiles = files.filter((f) => f !== '-');
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), onFiles.length));
  if (jobs <= 1 || !workersAvailable()) return extractHere(files, options);
  const outcomes: Outcome[] = new Array(files.length);
  const stdin = files.indexOf('-');
  if (stdin >= 0) outcomes[stdin] = (await extractHere(['-'], options))[0];
  const tasks = files.map((path, index) => ({ index, path })).filter((t) => t.path !== '-');
  await runPool(tasks, jobs, options, (task, m) => {
    if (m.result) outcomes[task.index] = { path: task.path, result: m.result };
    else {
      const e = revive(m.error);
      if (!(e instanceof InputError)) throw e;
      outcomes[task.index] = { path: task.path, error: e };
    }
    options.onDone?.(task.path);
  });
  return outcomes;
}

// ### `extractHere` is the one-thread path: read, extract, next.
async function extractHere(files: string[], options: ExtractFilesOptions): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const path of files) {
    try {
      const article = path === '-' ? await readStdin({ encoding: options.encoding }) : await readArticle(path, { encoding: options.encoding });
      outcomes.push({ path, result: extractArticle(article, { dataDir: options.dataDir }) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      outcomes.push({ path, error: e });
    }
    options.onDone?.(path);
  }
  return outcomes;
}

// ### `runPool` starts `jobs` threads and hands each the next task as soon as it is free.
function runPool(tasks: WorkerTask[], jobs: number, setup: WorkerSetup, handle: (task: WorkerTask, m: WorkerReply) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const byIndex = new Map(tasks.map((t) => [t.index, t]));
    let next = 0, pending = tasks.length, failed = false;
    const stop = (e?: unknown): void => {
      if (failed) return;
      failed = e !== undefined;
      for (const w of workers) void w.terminate();
      if (e !== undefined) reject(e);
      else resolve();
    };
    const feed = (w: Worker): void => {
      if (next < tasks.length) w.postMessage(tasks[next++]);
    };
    for (let i = 0; i < jobs; i++) {
      const w = new Worker(WORKER_URL, { workerData: { encoding: setup.encoding, dataDir: setup.dataDir } satisfies WorkerSetup });
      workers.push(w);
      w.on('message', (m: WorkerReply) => {
        if (failed) return;
        try {
          handle(byIndex.get(m.index)!, m);
        } catch (e) {
          stop(e);
          return;
        }
        if (--pending === 0) stop();
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
