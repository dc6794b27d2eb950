// **extract-worker** is the body of one extraction thread (workers.ts): it reads the batches of
// articles it is sent by path, extracts each, and posts back what the graph stage needs.
import { parentPort, workerData } from 'node:worker_threads';
import { NewskgError } from './errors.js';
import { extractArticle } from './extract.js';
import { readArticle } from './ingest.js';
import { shaped, type WorkerReply, type WorkerSetup, type WorkerTask } from './workers.js';

const setup = workerData as WorkerSetup;

// ### `reply` turns one task into a reply: the result, or the error as plain fields (an error
// object loses its class on the way through structured clone).
async function reply(task: WorkerTask): Promise<WorkerReply> {
  try {
    const article = await readArticle(task.path, { encoding: setup.encoding });
    const r = extractArticle(article, { dataDir: setup.dataDir });
    return { index: task.index, result: shaped(r, setup) };
  } catch (e) {
    const err = e as Error & Record<string, unknown>;
    return {
      index: task.index,
      error: { name: err?.name ?? 'Error', message: err?.message ?? String(e), stack: err?.stack, ours: e instanceof NewskgError, fields: { ...err } },
    };
  }
}

parentPort!.on('message', (batch: WorkerTask[]) => {
  void Promise.all(batch.map(reply)).then((replies) => parentPort!.postMessage(replies));
});
