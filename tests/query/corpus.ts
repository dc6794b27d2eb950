// **corpus** builds the shared dev corpus once per test file, and writes it where the CLI can read it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/build.js';
import type { KnowledgeGraph } from '../../src/types.js';

/** The dev corpus articles (`NEWSKG_DEV_CORPUS` points at `corpus/dev/`, as in the ingest tests). */
export const DEV_ARTICLES = join(process.env.NEWSKG_DEV_CORPUS ?? fileURLToPath(new URL('../../../shared/corpus/dev/', import.meta.url)), 'articles');

export interface Dev {
  graph: KnowledgeGraph;
  /** Directory holding graph.json, graph.ttl and graph.nt of the same build. */
  dir: string;
  json: string;
  ttl: string;
  nt: string;
}

let built: Promise<Dev> | undefined;

// ### `devCorpus` builds the dev corpus (once) into a temporary directory.
export function devCorpus(): Promise<Dev> {
  built ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-query-'));
    const r = await build([DEV_ARTICLES], { out: dir, formats: ['json', 'ttl', 'nt'] });
    return { graph: r.graph, dir, json: join(dir, 'graph.json'), ttl: join(dir, 'graph.ttl'), nt: join(dir, 'graph.nt') };
  })();
  return built;
}

// ### `capture` is an Io that keeps what a command prints.
export function capture(): { io: { out: (l: string) => void; err: (l: string) => void }; out: string[]; err: string[]; text: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l) => out.push(l), err: (l) => err.push(l) }, out, err, text: () => out.map((l) => `${l}\n`).join('') };
}

// ### `parseCsv` reads RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks).
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
