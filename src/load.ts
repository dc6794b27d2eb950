// **load** reads a saved graph.json back into a graph, with the input errors the CLI reports.
import { readFile } from 'node:fs/promises';
import { InputError } from './errors.js';
import { readJson } from './export/json.js';
import type { KnowledgeGraph } from './types.js';

/**
 * `loadGraph` reads a graph.json written by `newskg build` (or `writeJson`).
 * @throws InputError `missing` or `unreadable` when the file cannot be read, `not-a-graph` when it holds no graph.
 */
export async function loadGraph(path: string): Promise<KnowledgeGraph> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? (e as Error).message})`}`, path, code === 'ENOENT' ? 'missing' : 'unreadable');
  }
  try {
    return readJson(text);
  } catch (e) {
    throw new InputError(`${path}: not a newskg graph.json (${(e as Error).message})`, path, 'not-a-graph');
  }
}
