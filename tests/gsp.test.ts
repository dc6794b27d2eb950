// The Graph Store client against a local store on 127.0.0.1: authentication schemes, retries,
// and errors that say what failed without ever showing a credential.
import { afterEach, describe, expect, it } from 'vitest';
import { LoadError, UsageError } from '../src/errors.js';
import { checkEndpoint, digestHeader, GraphStore, parseChallenge } from '../src/gsp.js';
import { startStore, type TestStore } from './gsp-server.js';

const TTL = 'text/turtle';
const ONE = '<https://example.org/a> <https://example.org/p> "x" .\n';
const fast = { retries: 2, retryDelay: 1 };
let store: TestStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('parseChallenge', () => {
  it.each([
    ['Digest realm="SPARQL", nonce="abc", qop="auth", algorithm="MD5", stale="false"', { scheme: 'digest', params: { realm: 'SPARQL', nonce: 'abc', qop: 'auth', algorithm: 'MD5', stale: 'false' } }],
    ['Digest realm="a \\"quoted\\" realm", nonce=bare, algorithm=SHA-256', { scheme: 'digest', params: { realm: 'a "quoted" realm', nonce: 'bare', algorithm: 'SHA-256' } }],
    ['Basic realm="x"', { scheme: 'basic', params: {} }],
    ['Basic realm="x", Digest realm="y", nonce="n"', { scheme: 'digest', params: { realm: 'y', nonce: 'n' } }],
    ['Bearer', undefined],
    [null, undefined],
  ])('%j', (header, expected) => {
    expect(parseChallenge(header)).toEqual(expected);
  });
});

describe('digestHeader', () => {
  it('gives the response of the RFC 2617 example', () => {
    const h = digestHeader({ realm: 'testrealm@host.com', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', qop: 'auth,auth-int', opaque: '5ccc069c403ebaf9f0171e9517f40e41' },
      'Mufasa', 'Circle Of Life', 'GET', '/dir/index.html', 1, '0a4f113b');
    expect(h).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(h).toContain('qop=auth, nc=00000001, cnonce="0a4f113b"');
    expect(h).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
    expect(h).not.toContain('Circle Of Life');
  });
});

describe('checkEndpoint', () => {
  it('refuses credentials in the URL without repeating them', () => {
    expect(() => checkEndpoint('http://dba:s3cret@localhost:8890/sparql-graph-crud-auth')).toThrow(UsageError);
    try {
      checkEndpoint('http://dba:s3cret@localhost:8890/x');
    } catch (e) {
      expect((e as Error).message).not.toContain('s3cret');
    }
  });

  it.each(['not a url', 'ftp://host/store', 'file:///tmp/x'])('refuses %j', (url) => {
    expect(() => checkEndpoint(url)).toThrow(UsageError);
  });
});

describe('GraphStore', () => {
  it('addresses the graph with ?graph=, or the default graph with ?default', async () => {
    store = await startStore();
    await new GraphStore({ endpoint: store.url, graph: 'https://example.org/g?x=1#f' }).put(ONE, TTL);
    await new GraphStore({ endpoint: store.url }).put(ONE, TTL);
    expect(store.requests.map((r) => r.url)).toEqual(['/store?graph=https%3A%2F%2Fexample.org%2Fg%3Fx%3D1%23f', '/store?default=']);
    expect([...store.graphs.keys()]).toEqual(['https://example.org/g?x=1#f', '']);
  });

  it('answers a Basic challenge learnt from HEAD, then sends every request once', async () => {
    store = await startStore({ auth: { scheme: 'basic', user: 'loader', password: 'pw' } });
    const gs = new GraphStore({ endpoint: store.url, graph: 'g', credentials: { user: 'loader', password: 'pw' } });
    await gs.authenticate();
    await gs.put(ONE, TTL);
    await gs.post(ONE, TTL);
    expect(store.requests.map((r) => `${r.method} ${r.authorization ?? '-'}`)).toEqual(['HEAD -', `PUT Basic ${Buffer.from('loader:pw').toString('base64')}`, `POST Basic ${Buffer.from('loader:pw').toString('base64')}`]);
  });

  it('answers a Digest challenge, counting nonce uses', async () => {
    store = await startStore({ auth: { scheme: 'digest', user: 'loader', password: 'pw' } });
    const gs = new GraphStore({ endpoint: store.url, graph: 'g', credentials: { user: 'loader', password: 'pw' } });
    await gs.authenticate();
    await gs.put(ONE, TTL);
    await gs.post(ONE, TTL);
    expect(store.requests.map((r) => r.method)).toEqual(['HEAD', 'PUT', 'POST']);
    expect(store.requests[1].authorization).toMatch(/^Digest username="loader".*nc=00000001/);
    expect(store.requests[2].authorization).toMatch(/nc=00000002/);
  });

  it('answers a challenge met mid-way (no HEAD first) by sending once more', async () => {
    store = await startStore({ auth: { scheme: 'digest', user: 'loader', password: 'pw' } });
    await new GraphStore({ endpoint: store.url, graph: 'g', credentials: { user: 'loader', password: 'pw' } }).put(ONE, TTL);
    expect(store.requests.map((r) => r.method)).toEqual(['PUT', 'PUT']);
    expect(store.graphs.get('g')?.size).toBe(1);
  });

  it('sends a bearer token up front', async () => {
    store = await startStore({ auth: { scheme: 'bearer', token: 'tok-123' } });
    await new GraphStore({ endpoint: store.url, graph: 'g', credentials: { token: 'tok-123' } }).put(ONE, TTL);
    expect(store.requests.map((r) => r.authorization)).toEqual(['Bearer tok-123']);
  });

  it('fails with code auth on refused credentials, and never shows them', async () => {
    store = await startStore({ auth: { scheme: 'basic', user: 'loader', password: 'right' } });
    const e = await new GraphStore({ endpoint: store.url, graph: 'g', credentials: { user: 'loader', password: 'wrong-pw-91' }, ...fast })
      .put(ONE, TTL).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadError);
    expect((e as LoadError).code).toBe('auth');
    expect((e as LoadError).status).toBe(401);
    expect((e as LoadError).message).toMatch(/^PUT http:\/\/127\.0\.0\.1:\d+\/store\?graph=g: HTTP 401 Unauthorized: Unauthorized \(the store refused the credentials\)$/);
    expect((e as LoadError).message).not.toMatch(/wrong-pw-91|d3Jvbmc/);
    expect(store.requests).toHaveLength(2);
  });

  it('says the store wants credentials when none were given', async () => {
    store = await startStore({ auth: { scheme: 'basic', user: 'u', password: 'p' } });
    const e = await new GraphStore({ endpoint: store.url, graph: 'g' }).put(ONE, TTL).catch((x: unknown) => x);
    expect((e as LoadError).code).toBe('auth');
    expect((e as LoadError).message).toContain('the store wants credentials');
  });

  it('scrubs a credential the store echoes back', async () => {
    store = await startStore();
    store.failures = [{ status: 400, body: 'bad request from user with password hunter2-secret' }];
    const e = await new GraphStore({ endpoint: store.url, graph: 'g', credentials: { user: 'u', password: 'hunter2-secret' } }).put(ONE, TTL).catch((x: unknown) => x);
    expect((e as LoadError).message).toContain('password ***');
    expect((e as LoadError).message).not.toContain('hunter2-secret');
  });

  it('retries 503 and 429 (honouring Retry-After) and then succeeds', async () => {
    store = await startStore();
    store.failures = [{ status: 503 }, { status: 429, retryAfter: '0' }];
    await new GraphStore({ endpoint: store.url, graph: 'g', ...fast }).put(ONE, TTL);
    expect(store.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT']);
    expect(store.graphs.get('g')?.size).toBe(1);
  });

  it('gives up after the retries with the last status and the start of the answer, tags stripped', async () => {
    store = await startStore();
    store.failures = [{ status: 502 }, { status: 502 }, { status: 502, body: '<html><h1>Bad gateway</h1><p>upstream &amp; down</p></html>' }];
    const e = await new GraphStore({ endpoint: store.url, graph: 'g', ...fast }).put(ONE, TTL).catch((x: unknown) => x);
    expect((e as LoadError).code).toBe('http');
    expect((e as LoadError).status).toBe(502);
    expect((e as LoadError).message).toMatch(/HTTP 502 Bad Gateway: Bad gateway upstream & down$/);
    expect(store.requests).toHaveLength(3);
  });

  it('does not retry a client error', async () => {
    store = await startStore();
    store.failures = [{ status: 400, body: 'Turtle parse error on line 1' }];
    const e = await new GraphStore({ endpoint: store.url, graph: 'g', ...fast }).put(ONE, TTL).catch((x: unknown) => x);
    expect((e as LoadError).status).toBe(400);
    expect((e as LoadError).message).toContain('Turtle parse error on line 1');
    expect(store.requests).toHaveLength(1);
  });

  it('retries a connection that is cut, and reports a network error when it keeps being cut', async () => {
    store = await startStore();
    store.hangUps = 1;
    await new GraphStore({ endpoint: store.url, graph: 'g', ...fast }).put(ONE, TTL);
    expect(store.graphs.get('g')?.size).toBe(1);
    store.hangUps = 5;
    const e = await new GraphStore({ endpoint: store.url, graph: 'g', ...fast }).put(ONE, TTL).catch((x: unknown) => x);
    expect((e as LoadError).code).toBe('network');
    expect((e as LoadError).message).toMatch(/^PUT http:\/\/127\.0\.0\.1:\d+\/store\?graph=g: .+ \(after 3 tries\)$/);
  });

  it('leaves a store that cannot be reached during authenticate to the first request, which reports it', async () => {
    store = await startStore();
    const url = store.url;
    await store.close();
    store = undefined;
    const gs = new GraphStore({ endpoint: url, graph: 'g', credentials: { user: 'u', password: 'p' }, retries: 0 });
    await expect(gs.authenticate()).resolves.toBeUndefined();
    await expect(gs.put(ONE, TTL)).rejects.toMatchObject({ name: 'LoadError', code: 'network' });
  });

  it('reports a store that cannot be reached', async () => {
    store = await startStore();
    const url = store.url;
    await store.close();
    store = undefined;
    const e = await new GraphStore({ endpoint: url, graph: 'g', retries: 0 }).put(ONE, TTL).catch((x: unknown) => x);
    expect((e as LoadError).code).toBe('network');
    expect((e as LoadError).message).toContain('ECONNREFUSED');
  });

  it('reads a graph back with its media type, and a missing one as undefined', async () => {
    store = await startStore();
    const gs = new GraphStore({ endpoint: store.url, graph: 'g' });
    expect(await gs.getWithType('application/n-triples')).toBeUndefined();
    await gs.put(ONE, TTL);
    expect(await gs.getWithType('application/n-triples')).toEqual({ text: ONE, type: 'application/n-triples' });
  });
});
