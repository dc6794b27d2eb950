// **gsp** is a small client of the SPARQL 1.1 Graph Store HTTP Protocol: PUT, POST, GET and HEAD of one graph.
//
// It works with Virtuoso (`/sparql-graph-crud-auth`, Digest), Fuseki (`/<dataset>/data`), GraphDB
// (`/repositories/<id>/rdf-graphs/service`) and Oxigraph server (`/store`). Credentials are used
// only to build the Authorization header: they never appear in a message or an error.
import { createHash, randomBytes } from 'node:crypto';
import { LoadError, UsageError } from './errors.js';

/** A user name and password (Basic or Digest, as the store asks), or a bearer token. */
export type Credentials = { user: string; password: string } | { token: string };

/** Options of {@link GraphStore}. */
export interface GraphStoreOptions {
  /** The Graph Store service URL, e.g. `http://localhost:8890/sparql-graph-crud-auth`. */
  endpoint: string;
  /** The graph IRI (`?graph=`); undefined addresses the default graph (`?default`). */
  graph?: string;
  credentials?: Credentials;
  /** Further tries after a network error, 408, 429 or 5xx. Default 3. */
  retries?: number;
  /** Milliseconds before the first retry, doubled each time (a Retry-After header wins). Default 500. */
  retryDelay?: number;
  /** Milliseconds a request may take. Default 300000. */
  timeout?: number;
  /** The fetch to use (tests). Default the global fetch. */
  fetch?: typeof fetch;
}

interface Challenge { scheme: 'basic' | 'digest'; params: Record<string, string> }

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ### `parseChallenge` reads a WWW-Authenticate header, preferring Digest over Basic when a store
// offers both. Values may be quoted (with backslash escapes) or bare tokens.
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const digest = /(?:^|,\s*)Digest\s+(.*)$/i.exec(header);
  if (digest) {
    const params: Record<string, string> = {};
    for (const m of digest[1].matchAll(/([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
      params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
    }
    return { scheme: 'digest', params };
  }
  return /(?:^|,\s*)Basic\b/i.test(header) ? { scheme: 'basic', params: {} } : undefined;
}

// ### `digestHeader` answers a Digest challenge (RFC 7616: MD5 or SHA-256, optionally -sess; qop auth).
export function digestHeader(c: Record<string, string>, user: string, password: string, method: string, uri: string, nc: number, cnonce: string): string {
  const algorithm = (c.algorithm ?? 'MD5').toUpperCase();
  const hashName = algorithm.startsWith('SHA-256') ? 'sha256' : 'md5';
  const h = (s: string): string => createHash(hashName).update(s, 'utf8').digest('hex');
  let ha1 = h(`${user}:${c.realm ?? ''}:${password}`);
  if (algorithm.endsWith('-SESS')) ha1 = h(`${ha1}:${c.nonce}:${cnonce}`);
  const ha2 = h(`${method}:${uri}`);
  const qop = c.qop?.split(',').map((q) => q.trim()).includes('auth') ? 'auth' : undefined;
  const ncHex = nc.toString(16).padStart(8, '0');
  const response = qop ? h(`${ha1}:${c.nonce}:${ncHex}:${cnonce}:${qop}:${ha2}`) : h(`${ha1}:${c.nonce}:${ha2}`);
  const q = (v: string): string => `"${v.replace(/["\\]/g, '\\$&')}"`;
  const parts = [`username=${q(user)}`, `realm=${q(c.realm ?? '')}`, `nonce=${q(c.nonce ?? '')}`, `uri=${q(uri)}`, `algorithm=${c.algorithm ?? 'MD5'}`, `response=${q(response)}`];
  if (qop) parts.push(`qop=${qop}`, `nc=${ncHex}`, `cnonce=${q(cnonce)}`);
  if (c.opaque !== undefined) parts.push(`opaque=${q(c.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}

// ### `checkEndpoint` refuses endpoints that are no http(s) URL or that carry credentials, which
// would end up in logs and error messages. The message never repeats the URL, which may hold a password.
export function checkEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new UsageError('--endpoint: not a URL; expected e.g. http://localhost:8890/sparql-graph-crud-auth');
  }
  if (url.username || url.password) throw new UsageError('--endpoint: the URL holds a user name or password; put credentials in NEWSKG_SPARQL_USER and NEWSKG_SPARQL_PASSWORD instead');
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--endpoint: expected an http or https URL, got ${url.protocol}`);
  return url;
}

/**
 * `GraphStore` talks to one graph of one Graph Store endpoint. Every request is retried on
 * network errors, 408, 429 and 5xx; PUT and POST of the same triples are safe to repeat.
 */
export class GraphStore {
  readonly url: URL;
  private readonly options: GraphStoreOptions;
  private readonly fetch: typeof fetch;
  private challenge?: Challenge;
  private nc = 0;
  private readonly secrets: string[];

  constructor(options: GraphStoreOptions) {
    this.options = options;
    this.url = checkEndpoint(options.endpoint);
    if (options.graph !== undefined) this.url.searchParams.set('graph', options.graph);
    else this.url.searchParams.set('default', '');
    this.fetch = options.fetch ?? fetch;
    const c = options.credentials;
    this.secrets = !c ? [] : 'token' in c ? [c.token] : [c.password, Buffer.from(`${c.user}:${c.password}`).toString('base64')];
  }

  /** `put` replaces the graph with `body`. */
  put(body: string, contentType: string): Promise<Response> {
    return this.request('PUT', body, { 'content-type': contentType });
  }

  /** `post` adds the triples of `body` to the graph. */
  post(body: string, contentType: string): Promise<Response> {
    return this.request('POST', body, { 'content-type': contentType });
  }

  /** `getWithType` returns the graph in one of the `accept` types with the type the store chose, or undefined when the store has no such graph (404). */
  async getWithType(accept: string): Promise<{ text: string; type: string | null } | undefined> {
    const res = await this.request('GET', undefined, { accept }, [404]);
    if (res.status === 404) {
      await res.body?.cancel();
      return undefined;
    }
    return { text: await res.text(), type: res.headers.get('content-type') };
  }

  /**
   * `authenticate` learns the store's scheme from a HEAD request before anything large is sent,
   * so no batch is uploaded twice; a store that answers HEAD without a challenge, or not at all,
   * is left to the first real request.
   */
  async authenticate(): Promise<void> {
    const c = this.options.credentials;
    if (!c || 'token' in c || this.challenge) return;
    let res: Response;
    try {
      res = await this.send('HEAD', undefined, {});
    } catch {
      return; // the first real request retries, and reports what is wrong
    }
    if (res.status === 401) this.challenge = parseChallenge(res.headers.get('www-authenticate'));
    await res.body?.cancel();
  }

  // ### `request` sends one request with authentication and retries, and throws a LoadError on
  // any status but 2xx and the `ok` ones.
  private async request(method: string, body: string | undefined, headers: Record<string, string>, ok: number[] = []): Promise<Response> {
    const retries = this.options.retries ?? 3, delay = this.options.retryDelay ?? 500;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await this.sendAuthenticated(method, body, headers);
      } catch (e) {
        if (attempt < retries) {
          await sleep(delay * 2 ** attempt);
          continue;
        }
        throw new LoadError(`${method} ${this.url.href}: ${this.scrub(networkReason(e))} (after ${attempt + 1} tries)`, 'network');
      }
      if ((res.status >= 200 && res.status < 300) || ok.includes(res.status)) return res;
      if (RETRY_STATUS.has(res.status) && attempt < retries) {
        await res.body?.cancel();
        await sleep(retryAfter(res.headers.get('retry-after')) ?? delay * 2 ** attempt);
        continue;
      }
      const text = this.scrub(snippet(await res.text().catch(() => '')));
      const what = `${method} ${this.url.href}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${text ? `: ${text}` : ''}`;
      if (res.status === 401) {
        throw new LoadError(`${what} (${this.options.credentials ? 'the store refused the credentials' : 'the store wants credentials'})`, 'auth', 401);
      }
      throw new LoadError(what, 'http', res.status);
    }
  }

  // ### `sendAuthenticated` sends with the credentials the store asked for. A 401 that brings a
  // challenge (the first one, or a new Digest nonce) is answered by sending once more; a second
  // 401 is final, so wrong credentials fail fast.
  private async sendAuthenticated(method: string, body: string | undefined, headers: Record<string, string>): Promise<Response> {
    const res = await this.send(method, body, headers);
    const c = this.options.credentials;
    if (res.status !== 401 || !c || 'token' in c) return res;
    const fresh = parseChallenge(res.headers.get('www-authenticate'));
    if (!fresh) return res;
    await res.body?.cancel();
    this.challenge = fresh;
    this.nc = 0;
    return this.send(method, body, headers);
  }

  private send(method: string, body: string | undefined, headers: Record<string, string>): Promise<Response> {
    const h: Record<string, string> = { ...headers };
    const auth = this.authorization(method);
    if (auth) h.authorization = auth;
    return this.fetch(this.url, { method, body, headers: h, signal: AbortSignal.timeout(this.options.timeout ?? 300_000) });
  }

  private authorization(method: string): string | undefined {
    const c = this.options.credentials;
    if (!c) return undefined;
    if ('token' in c) return `Bearer ${c.token}`;
    if (!this.challenge) return undefined;
    if (this.challenge.scheme === 'basic') return `Basic ${Buffer.from(`${c.user}:${c.password}`).toString('base64')}`;
    return digestHeader(this.challenge.params, c.user, c.password, method, this.url.pathname + this.url.search, ++this.nc, randomBytes(8).toString('hex'));
  }

  // ### `scrub` blanks any credential a store might echo back, before text reaches an error.
  private scrub(text: string): string {
    let out = text;
    for (const s of this.secrets) if (s) out = out.split(s).join('***');
    return out;
  }
}

// ### `snippet` keeps the start of a store's answer as one line: tags stripped, space collapsed.
function snippet(text: string): string {
  const plain = text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
  return plain.length > 300 ? `${plain.slice(0, 300)}…` : plain;
}

function networkReason(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError') return 'timed out';
  return err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
}

// ### `retryAfter` reads a Retry-After header in seconds (capped at a minute); dates are ignored.
function retryAfter(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return Math.min(60, Number(value)) * 1000;
}
