// **shard** splits a build across machines: each article goes to the shard its id hashes to, so
// `--shard 0/2` and `--shard 1/2` build disjoint halves that `newskg merge` unions again.
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { UsageError } from './errors.js';

/** Shard `index` (0-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

// ### `parseShard` reads "i/n" (0 ≤ i < n), or says what is expected.
export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]), count = Number(m?.[2]);
  if (!m || count < 1 || index >= count) throw new UsageError(`--shard: expected i/n with 0 <= i < n (e.g. 0/4), got "${value}"`);
  return { index, count };
}

// ### `articleId` is the id a file's article gets (ingest.ts): its name without the extension.
export const articleId = (path: string): string => (path === '-' ? 'stdin' : basename(path, extname(path)));

// ### `shardOf` is the shard of an article id: the first 32 bits of its SHA-1, modulo the count.
// A content hash, not the file order, so the split is the same on every machine and for any subset.
export function shardOf(id: string, count: number): number {
  return createHash('sha1').update(id, 'utf8').digest().readUInt32BE(0) % count;
}

export const inShard = (id: string, shard: Shard): boolean => shardOf(id, shard.count) === shard.index;
