// The hostile graphs of the property tests, written to files and checked by the shared third-party
// checkers (issue 6): rapper, rdflib and Jena must read the Turtle and N-Triples alike, and the
// GraphML must pass the XSD, networkx, igraph and Gephi's import rules. Skipped, saying why, where
// the checkers are not installed (`.ci/run` installs them).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeGraphml } from '../../src/export/graphml.js';
import { writeNTriples, writeTurtle } from '../../src/export/turtle.js';
import { extractions, graphOf } from './arbitraries.js';

const SHARED = process.env.NEWSKG_SHARED ?? fileURLToPath(new URL('../../../shared/', import.meta.url));
const CHECK = join(SHARED, 'check');
const onPath = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const missing = [
  ...(existsSync(join(CHECK, 'check-rdf')) ? [] : [`${CHECK}/check-rdf`]),
  ...['rapper', 'xmllint', 'python3'].filter((t) => !onPath(t)),
];
const why = missing.length ? ` (SKIPPED: ${missing.join(', ')} not found; run ../shared/check/install.sh)` : '';
if (why) console.warn(`tests/robustness/checkers.test.ts${why}`);

// ### `check` runs a checker and returns its output; a rejection fails the test with that output.
function check(tool: string, ...args: string[]): string {
  const r = spawnSync(join(CHECK, tool), args, { encoding: 'utf8', timeout: 240_000 });
  expect(r.status, `${tool} ${args.join(' ')}:\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

describe.skipIf(missing.length > 0)(`third-party checkers on hostile graphs${why}`, () => {
  // A fixed seed, so a failure can be replayed: several hostile graphs merged into one file.
  const dir = mkdtempSync(join(tmpdir(), 'newskg-hostile-'));
  const graph = graphOf(fc.sample(extractions, { numRuns: 12, seed: 20_240_606 }).flat());

  it('writes a graph with something to check', () => {
    expect(graph.order).toBeGreaterThan(10);
    expect(graph.size).toBeGreaterThan(5);
  });

  it('Turtle and N-Triples load alike in rapper, rdflib and Jena', async () => {
    writeFileSync(join(dir, 'hostile.ttl'), await writeTurtle(graph));
    writeFileSync(join(dir, 'hostile.nt'), await writeNTriples(graph));
    const out = check('check-rdf', join(dir, 'hostile.ttl'), join(dir, 'hostile.nt'));
    expect(out).toMatch(/OK: .*hostile\.ttl/);
    expect(out).toMatch(/OK: .*hostile\.nt/);
    expect(out).not.toMatch(/REJECT/);
  }, 300_000);

  it('GraphML passes the XSD, networkx, igraph and Gephi\'s import rules', () => {
    writeFileSync(join(dir, 'hostile.graphml'), writeGraphml(graph));
    check('check-graphml', join(dir, 'hostile.graphml'));
    // xmllint on its own as well, for the plain well-formedness verdict.
    execFileSync('xmllint', ['--noout', '--nonet', join(dir, 'hostile.graphml')]);
  }, 300_000);
});
