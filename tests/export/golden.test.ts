// Golden files: the fixture graph in every format, compared as exact strings so a change
// to any exporter shows up as a reviewable diff. Run with UPDATE_GOLDEN=1 to rewrite them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeGexf } from '../../src/export/gexf.js';
import { writeGraphml } from '../../src/export/graphml.js';
import { writeJson } from '../../src/export/json.js';
import { writeNTriples, writeTurtle } from '../../src/export/turtle.js';
import { buildFixture } from './fixture.js';

const dir = new URL('../fixtures/export/', import.meta.url);
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden files', () => {
  const graph = buildFixture();
  it.each([
    ['graph.ttl', () => writeTurtle(graph)],
    ['graph.nt', () => writeNTriples(graph)],
    ['graph.graphml', () => writeGraphml(graph)],
    ['graph.gexf', () => writeGexf(graph)],
    ['graph.json', () => writeJson(graph)],
  ])('%s', async (name, write) => {
    const file = new URL(name, dir);
    const actual = await write();
    if (update || !existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, actual);
    }
    expect(actual === readFileSync(file, 'utf8') ? 'same' : `differs from tests/fixtures/export/${name} (UPDATE_GOLDEN=1 rewrites it)`).toBe('same');
  });
});
