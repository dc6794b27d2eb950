// `newskg validate` as a user runs it: a summary for a conforming graph, one line per violation
// otherwise, and the documented exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatViolation } from '../../src/cli/commands/validate.js';
import { run } from '../../src/cli/index.js';
import { writeTurtle } from '../../src/export/turtle.js';
import { buildFixture } from '../export/fixture.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}
const dir = mkdtempSync(join(tmpdir(), 'newskg-cli-validate-'));

describe('newskg validate', () => {
  it('exits 0 and says the graph conforms', async () => {
    const file = join(dir, 'good.ttl');
    writeFileSync(file, await writeTurtle(buildFixture()));
    const c = capture();
    expect(await run(['validate', file], c.io)).toBe(0);
    expect(c.out).toEqual([expect.stringMatching(/good\.ttl: \d+ triples, 0 violations: conforms$/)]);
  });

  it('exits 1 and prints one line per violation, then the count', async () => {
    const file = join(dir, 'bad.ttl');
    writeFileSync(file, `@prefix nkg: <https://w3id.org/newskg/ontology#> .
      <https://w3id.org/newskg/id/person/A> a nkg:Person ; nkg:metWith <https://w3id.org/newskg/id/document/D> .
      <https://w3id.org/newskg/id/document/D> a nkg:Document ; <http://www.w3.org/2000/01/rdf-schema#label> "D" .`);
    const c = capture();
    expect(await run(['validate', file], c.io)).toBe(1);
    expect(c.out).toContain('Violation: <https://w3id.org/newskg/id/person/A> <http://www.w3.org/2000/01/rdf-schema#label>: An entity has exactly one non-empty rdfs:label (a plain string). [MinCountConstraintComponent]');
    expect(c.out).toContain('Violation: <https://w3id.org/newskg/id/person/A> <https://w3id.org/newskg/ontology#metWith>: The object of nkg:metWith is a Person, Country or Organization. (value: "https://w3id.org/newskg/id/document/D") [OrConstraintComponent]');
    expect(c.out.at(-1)).toMatch(/bad\.ttl: 4 triples, 2 violations$/);
  });

  it('exits 1 for a file that cannot be parsed, naming it', async () => {
    const file = join(dir, 'broken.nt');
    writeFileSync(file, '<a> <b> "c"');
    const c = capture();
    expect(await run(['validate', file], c.io)).toBe(1);
    expect(c.err[0]).toMatch(/broken\.nt: not valid N-Triples/);
  });

  it('exits 2 without a file', async () => {
    expect(await run(['validate'], capture().io)).toBe(2);
  });

  it('formats a violation without a path or value', () => {
    expect(formatViolation({ severity: 'Violation', focusNode: 'x', message: 'm', constraint: 'C', shape: 's' })).toBe('Violation: <x>: m [C]');
  });
});
