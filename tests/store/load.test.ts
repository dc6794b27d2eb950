// `load` against the Virtuoso that ../shared/check/virtuoso-ci.sh starts (SPARQL_ENDPOINT set; skipped
// otherwise). virtuoso-ci.sh gives no write access: its dba password is random and not exported, and
// anonymous Graph Store writes answer 403. So the refusals and the read-back are tested against it
// always, and the writes when a writer account is given in STORE_WRITE_USER / STORE_WRITE_PASSWORD.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LoadError } from '../../src/errors.js';
import { GraphStore } from '../../src/gsp.js';
import { parseRdf } from '../../src/rdf-file.js';
import { countTriples, loadFile, loadQuads } from '../../src/store-load.js';

const endpoint = process.env.SPARQL_ENDPOINT;
const graphIri = process.env.SPARQL_GRAPH;
const devOut = process.env.NEWSKG_DEV_OUT ?? 'out/dev';
const base = endpoint?.replace(/\/sparql\/?$/, '');
const open = `${base}/sparql-graph-crud`, guarded = `${base}/sparql-graph-crud-auth`;
const writer = process.env.STORE_WRITE_USER && process.env.STORE_WRITE_PASSWORD
  ? { user: process.env.STORE_WRITE_USER, password: process.env.STORE_WRITE_PASSWORD } : undefined;
const fast = { retries: 1, retryDelay: 10 };

const SKIP = 'SPARQL_ENDPOINT is not set: run under ../shared/check/virtuoso-ci.sh, as .ci/run does';
if (!endpoint) {
  console.warn(`tests/store/load.test.ts: skipped: ${SKIP}`);
  describe(`newskg load against Virtuoso (skipped: ${SKIP})`, () => {
    it.skip('loads, replaces and verifies a graph', () => {});
  });
}

describe.skipIf(!endpoint)('newskg load against Virtuoso: refusals and read-back', () => {
  it('reads the bulk-loaded graph back over the Graph Store protocol and counts it as the bulk loader did', async () => {
    const answer = await new GraphStore({ endpoint: open, graph: graphIri, ...fast }).getWithType('application/n-triples');
    expect(answer?.type).toMatch(/^application\/n-triples/);
    const lines = new Set(readFileSync(`${devOut}/store.nt`, 'utf8').split('\n').filter((l) => l.trim()));
    expect(countTriples(answer!.text, answer!.type)).toBe(lines.size);
  });

  it('answers a graph that does not exist as empty', async () => {
    expect(await new GraphStore({ endpoint: open, graph: 'https://w3id.org/newskg/graph/none', ...fast }).getWithType('text/turtle')).toBeUndefined();
  });

  it("reports Virtuoso's 403 for an anonymous write with the status and the store's reason", async () => {
    const quads = parseRdf('<https://example.org/a> <https://example.org/p> "x" .', 'N-Triples');
    const e = await loadQuads(quads, { endpoint: open, graph: 'https://w3id.org/newskg/graph/denied', ...fast }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadError);
    expect((e as LoadError).status).toBe(403);
    expect((e as LoadError).message).toMatch(/^PUT http:\/\/127\.0\.0\.1:\d+\/sparql-graph-crud\?graph=.*: HTTP 403.*(Permission denied|SECURITY)/);
  });

  it('answers the Digest challenge of the guarded endpoint, and reports refused credentials without showing them', async () => {
    const password = 'not-the-password-7f3a';
    const quads = parseRdf('<https://example.org/a> <https://example.org/p> "x" .', 'N-Triples');
    const e = await loadQuads(quads, { endpoint: guarded, credentials: { user: 'newskg-test', password }, ...fast }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadError);
    expect((e as LoadError).code).toBe('auth');
    expect((e as LoadError).message).toMatch(/HTTP 401.*refused the credentials/);
    expect((e as LoadError).message).not.toContain(password);
  });
});

describe.skipIf(!endpoint || !writer)(`newskg load against Virtuoso: writes${writer ? '' : ' (skipped: STORE_WRITE_USER / STORE_WRITE_PASSWORD not set; virtuoso-ci.sh exports no writer account)'}`, () => {
  const target = 'https://w3id.org/newskg/graph/load-test';

  it('loads the dev-corpus graph in many batches, and loading it again leaves one copy', async () => {
    const options = { endpoint: guarded, graph: target, credentials: writer, batchSize: 2000, ...fast };
    const first = await loadFile(`${devOut}/graph.nt`, options);
    expect(first.batches).toBeGreaterThan(2);
    expect(first.stored).toBe(first.triples);
    const second = await loadFile(`${devOut}/graph.ttl`, options);
    expect(second.stored).toBe(first.triples);
  });

  it('keeps the blank nodes of the ontology together, whatever the batch size', async () => {
    const r = await loadFile('ontology/newskg.ttl', { endpoint: guarded, graph: `${target}/ontology`, credentials: writer, batchSize: 50, ...fast });
    expect(r.stored).toBe(r.triples);
  });
});
