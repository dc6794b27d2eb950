// **report** accounts for every input of a build: each article built, skipped or failed (with
// why), the directory entries that are no articles, and the totals; `build` writes it as
// `report.json` beside the graph.
import { join } from 'node:path';
import type { ArticleReport } from './build.js';
import type { SkippedInput } from './ingest.js';
import { writeAtomic } from './output.js';
import type { KnowledgeGraph } from './types.js';

/** The name of the run report in the output directory. */
export const REPORT_FILE = 'report.json';

/** What `report.json` holds. */
export interface RunReport {
  totals: {
    /** Articles accounted for: built + skipped + failed. */
    articles: number;
    built: number;
    skipped: number;
    failed: number;
    /** Directory entries that are no article files (not `.txt`, hidden, not regular files). */
    ignored: number;
    /** Nodes and edges of the graph built. */
    entities: number;
    facts: number;
  };
  /** Every input article, sorted by id then path: `status`, and `reason` unless built. */
  articles: ArticleReport[];
  ignored: SkippedInput[];
}

const count = (articles: ArticleReport[], status: ArticleReport['status']): number => articles.filter((a) => a.status === status).length;

// ### `runReport` sums up a build.
export function runReport(articles: ArticleReport[], ignored: SkippedInput[], graph: KnowledgeGraph): RunReport {
  return {
    totals: {
      articles: articles.length, built: count(articles, 'built'), skipped: count(articles, 'skipped'), failed: count(articles, 'failed'),
      ignored: ignored.length, entities: graph.order, facts: graph.size,
    },
    articles,
    ignored,
  };
}

// ### `writeReport` writes `report.json` into `dir`, atomically, and returns its path.
export function writeReport(dir: string, report: RunReport): string {
  const path = join(dir, REPORT_FILE);
  writeAtomic(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
