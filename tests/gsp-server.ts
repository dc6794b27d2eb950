// **gsp-server** is a tiny in-memory Graph Store on 127.0.0.1 for the load tests: PUT replaces a
// graph, POST adds to it, GET and HEAD read it; it can ask for Basic, Digest or Bearer auth and be
// told to fail, drop triples or hang up, and it records every request it saw.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Parser, Writer } from 'n3';

export interface SeenRequest { method: string; url: string; authorization?: string; contentType?: string; triples: number }

export interface ServerOptions {
  auth?: { scheme: 'basic' | 'digest'; user: string; password: string } | { scheme: 'bearer'; token: string };
}

export interface TestStore {
  url: string;
  graphs: Map<string, Set<string>>;
  requests: SeenRequest[];
  /** Statuses to answer the next requests with, before doing anything else (e.g. [503, 503]). */
  failures: { status: number; retryAfter?: string; body?: string }[];
  /** Requests to answer by closing the connection. */
  hangUps: number;
  /** Keep only this share of the triples of each POST (a store that drops data). */
  keep: number;
  close(): Promise<void>;
}

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

function tripleKeys(text: string, type: string): string[] {
  const format = type.startsWith('application/n-triples') ? 'N-Triples' : 'Turtle';
  const writer = new Writer({ format: 'N-Triples' });
  return new Parser({ format }).parse(text).map((q) => writer.quadToString(q.subject, q.predicate, q.object).trim());
}

function params(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of header.matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) out[m[1]] = m[2] ?? m[3];
  return out;
}

// ### `startStore` listens on a free loopback port and resolves when ready.
export async function startStore(options: ServerOptions = {}): Promise<TestStore> {
  const graphs = new Map<string, Set<string>>();
  const requests: SeenRequest[] = [];
  const nonce = 'n0nce-' + Math.random().toString(16).slice(2);
  const state = { failures: [] as TestStore['failures'], hangUps: 0, keep: 1 };

  const authorized = (req: IncomingMessage): boolean => {
    const a = options.auth, h = req.headers.authorization ?? '';
    if (!a) return true;
    if (a.scheme === 'bearer') return h === `Bearer ${a.token}`;
    if (a.scheme === 'basic') return h === `Basic ${Buffer.from(`${a.user}:${a.password}`).toString('base64')}`;
    if (!h.startsWith('Digest ')) return false;
    const p = params(h.slice(7));
    const ha1 = md5(`${a.user}:newskg-test:${a.password}`), ha2 = md5(`${req.method}:${p.uri}`);
    return p.username === a.user && p.nonce === nonce && p.uri === req.url && p.response === md5(`${ha1}:${nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const type = req.headers['content-type'] ?? '';
    let triples = 0;
    try {
      triples = body ? tripleKeys(body, type).length : 0;
    } catch { /* counted as 0; answered 400 below */ }
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, contentType: type, triples });
    if (state.hangUps > 0) {
      state.hangUps--;
      req.socket.destroy();
      return;
    }
    const failure = state.failures.shift();
    if (failure) {
      res.writeHead(failure.status, failure.retryAfter ? { 'retry-after': failure.retryAfter } : {});
      res.end(failure.body ?? `<html><body><h1>failure ${failure.status}</h1></body></html>`);
      return;
    }
    if (!authorized(req)) {
      const a = options.auth!;
      const challenge = a.scheme === 'digest' ? `Digest realm="newskg-test", nonce="${nonce}", qop="auth", algorithm="MD5", opaque="x"`
        : a.scheme === 'basic' ? 'Basic realm="newskg-test"' : 'Bearer';
      res.writeHead(401, { 'www-authenticate': challenge });
      res.end('<html><body>Unauthorized</body></html>');
      return;
    }
    const graph = url.searchParams.has('default') ? '' : url.searchParams.get('graph');
    if (graph === null) {
      res.writeHead(400);
      res.end('no graph given');
      return;
    }
    switch (req.method) {
      case 'HEAD':
      case 'GET': {
        const g = graphs.get(graph);
        if (!g) {
          res.writeHead(404);
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/n-triples' });
        res.end(req.method === 'GET' ? [...g].join('\n') + '\n' : undefined);
        return;
      }
      case 'PUT':
      case 'POST': {
        let keys: string[];
        try {
          keys = body ? tripleKeys(body, type) : [];
        } catch (e) {
          res.writeHead(400);
          res.end(`parse error: ${(e as Error).message}`);
          return;
        }
        const existed = graphs.has(graph);
        if (req.method === 'PUT' || !existed) graphs.set(graph, new Set());
        const kept = req.method === 'POST' ? keys.slice(0, Math.ceil(keys.length * state.keep)) : keys;
        for (const k of kept) graphs.get(graph)!.add(k);
        res.writeHead(existed ? 204 : 201);
        res.end();
        return;
      }
      default:
        res.writeHead(405);
        res.end();
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const store: TestStore = {
    url: `http://127.0.0.1:${port}/store`,
    graphs,
    requests,
    get failures() { return state.failures; },
    set failures(v) { state.failures = v; },
    get hangUps() { return state.hangUps; },
    set hangUps(v) { state.hangUps = v; },
    get keep() { return state.keep; },
    set keep(v) { state.keep = v; },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  return store;
}
