// **sparql** runs SPARQL 1.1 queries over a graph in process, with Oxigraph's WebAssembly engine.
//
// The store holds exactly the triples `graph.ttl` holds (`graphQuads`, the one source of both),
// so a query gives here what it gives in any triple store the file is loaded into. Results come
// back in the shape of the W3C SPARQL 1.1 JSON results format, and can be written as an aligned
// table, that JSON, CSV or TSV. The store is read-only: update requests are syntax errors here.
import { Writer } from 'n3';
import { Store, type Quad as OxQuad, type Term as OxTerm } from 'oxigraph';
import { SparqlError } from './errors.js';
import { DEFAULT_PREFIXES, graphQuads } from './export/rdf.js';
import { NS } from './iri.js';
import { formatCsv, formatTable, formatTsv, type TableOptions } from './tabular.js';
import type { KnowledgeGraph } from './types.js';

/** One RDF term of a result, as the SPARQL 1.1 JSON results format writes it. */
export type SparqlTerm =
  | { type: 'uri'; value: string }
  | { type: 'bnode'; value: string }
  | { type: 'literal'; value: string; datatype?: string; 'xml:lang'?: string };

/** One solution: variable name (without `?`) → term. Unbound variables are absent. */
export type SparqlBinding = Record<string, SparqlTerm>;

/**
 * The result of a query: `bindings` for SELECT, `boolean` for ASK, and `triples` for CONSTRUCT and
 * DESCRIBE (one binding per triple, of the variables `subject`, `predicate` and `object`).
 */
export type SparqlResult =
  | { type: 'bindings'; vars: string[]; bindings: SparqlBinding[] }
  | { type: 'boolean'; boolean: boolean }
  | { type: 'triples'; vars: ['subject', 'predicate', 'object']; bindings: SparqlBinding[] };

/** The formats {@link formatSparql} writes. */
export const SPARQL_FORMATS = ['table', 'json', 'csv', 'tsv'] as const;
export type SparqlFormat = (typeof SPARQL_FORMATS)[number];

/** Options of {@link SparqlEngine.query}. */
export interface SparqlQueryOptions {
  /**
   * Declare newskg's vocabulary prefixes (`nkg:`, `rdfs:`, `prov:`, `dcterms:`, … as in graph.ttl)
   * for a query that does not declare them itself. Default true. Line numbers in errors stay the
   * query's own.
   */
  defaultPrefixes?: boolean;
  /** Base IRI for relative IRIs in the query. */
  baseIri?: string;
}

/** The RDF syntaxes {@link SparqlEngine.fromRdf} reads. */
export type RdfSyntax = 'turtle' | 'n-triples';
const MEDIA_TYPES: Record<RdfSyntax, string> = { turtle: 'text/turtle', 'n-triples': 'application/n-triples' };

// Oxigraph reports a parse error as "error at LINE:COLUMN: expected …" (1-based, in characters).
const POSITION = /^error at (\d+):(\d+): ([\s\S]*)$/;
// …and an RDF parse error as "Parser error at line 3 column 5: …" or "… between columns 3 and 10: …".
const DATA_POSITION = /at line (\d+),? (?:column|between columns) (\d+)/;
// SPARQL Update is a different grammar: Oxigraph's query parser only says it expected CONSTRUCT.
const UPDATE = /^(?:\s|#[^\n]*\n|(?:PREFIX\s+[\w.-]*:|BASE)\s*<[^>]*>)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b/i;
const DECLARED = /\bPREFIX\s+([A-Za-z][\w.-]*)?:/gi;

// Characters of N-Triples handed to Oxigraph at once: well under V8's longest string (2^29).
const BATCH = 1 << 27;

// ### `ntriples` writes the graph's triples as N-Triples, in a few large strings. Measured (see
// scripts/perf-query.mjs): Oxigraph parses one string far faster than it takes terms one by one
// across the WebAssembly boundary (dev corpus: ~60 ms against ~450 ms), and faster than many small
// pieces (300,000 triples: 3 s as one string, 8 s as 64 KiB pieces, 20 s+ pulled from a generator).
function* ntriples(graph: KnowledgeGraph): Generator<string> {
  const writer = new Writer({ format: 'N-Triples' });
  let lines: string[] = [];
  let length = 0;
  for (const q of graphQuads(graph)) {
    const line = writer.quadToString(q.subject, q.predicate, q.object);
    lines.push(line);
    length += line.length;
    if (length >= BATCH) {
      yield lines.join('');
      lines = [];
      length = 0;
    }
  }
  if (lines.length) yield lines.join('');
}

// ### `fromOx` writes an Oxigraph term as a SPARQL JSON results term.
function fromOx(t: OxTerm): SparqlTerm {
  switch (t.termType) {
    case 'NamedNode':
      return { type: 'uri', value: t.value };
    case 'BlankNode':
      return { type: 'bnode', value: t.value };
    case 'Literal':
      if (t.language) return { type: 'literal', value: t.value, 'xml:lang': t.language };
      return t.datatype.value === `${NS.xsd}string` ? { type: 'literal', value: t.value } : { type: 'literal', value: t.value, datatype: t.datatype.value };
    default:
      throw new SparqlError(`SPARQL results: cannot show a ${t.termType} term`, 'evaluation');
  }
}

// ### `withPrefixes` puts the declarations the query lacks on one line before it, so the query's
// own line numbers are one more than the engine's.
function withPrefixes(query: string): string {
  const declared = new Set([...query.matchAll(DECLARED)].map((m) => m[1] ?? ''));
  return Object.entries(DEFAULT_PREFIXES).filter(([p]) => !declared.has(p)).map(([p, iri]) => `PREFIX ${p}: <${iri}>`).join(' ') + '\n' + query;
}

// ### `syntaxError` turns Oxigraph's parse error into a SparqlError that shows the line and a caret.
function syntaxError(query: string, line: number, column: number, detail: string): SparqlError {
  const text = query.split(/\r\n|\r|\n/)[line - 1] ?? '';
  let what = detail.includes('Prefix not found') ? 'the prefix is not declared' : detail.replace(/\s+/g, ' ');
  if (what.length > 160) what = `${what.slice(0, 159)}…`;
  const caret = `${' '.repeat(Math.max(0, [...text.slice(0, column - 1)].length))}^`;
  return new SparqlError(`SPARQL syntax error at line ${line}, column ${column}: ${what}\n  ${text}\n  ${caret}`, 'syntax', line, column);
}

/**
 * A SPARQL 1.1 engine over one graph's RDF (Oxigraph, in memory). Build it once with
 * {@link SparqlEngine.fromGraph} and run as many queries as you like; loading is the costly part.
 */
export class SparqlEngine {
  readonly #store: Store;

  private constructor(store: Store) {
    this.#store = store;
  }

  /** `fromGraph` loads the triples of `graphQuads(graph)`: exactly those of graph.ttl. */
  static fromGraph(graph: KnowledgeGraph): SparqlEngine {
    const store = new Store();
    // Not `no_transaction`: measured, it loads 150,000 triples in 12 s where a transaction takes 1.8 s.
    for (const text of ntriples(graph)) store.load(text, { format: MEDIA_TYPES['n-triples'] });
    return new SparqlEngine(store);
  }

  /**
   * `fromRdf` loads Turtle or N-Triples text, such as a graph.ttl written earlier.
   * @throws SparqlError `data` when the text is not valid in that syntax.
   */
  static fromRdf(text: string, syntax: RdfSyntax): SparqlEngine {
    const store = new Store();
    try {
      store.load(text, { format: MEDIA_TYPES[syntax] });
    } catch (e) {
      const message = (e as Error).message;
      const m = DATA_POSITION.exec(message);
      throw new SparqlError(`not valid ${syntax === 'turtle' ? 'Turtle' : 'N-Triples'}: ${message.replace(/^Parser error /, '')}`, 'data', m ? Number(m[1]) : undefined, m ? Number(m[2]) : undefined);
    }
    return new SparqlEngine(store);
  }

  /** The number of triples loaded. */
  get size(): number {
    return this.#store.size;
  }

  /**
   * `query` runs a SELECT, ASK, CONSTRUCT or DESCRIBE query.
   * @throws SparqlError `syntax` (with `line` and `column`) for a query that does not parse, `evaluation` for one that cannot run.
   */
  query(query: string, options: SparqlQueryOptions = {}): SparqlResult {
    const prefixed = options.defaultPrefixes ?? true;
    const text = prefixed ? withPrefixes(query) : query;
    const update = UPDATE.exec(query);
    if (update) {
      const before = query.slice(0, update.index + update[0].length - update[1].length).split(/\r\n|\r|\n/);
      throw syntaxError(query, before.length, [...before[before.length - 1]].length + 1, `SPARQL Update (${update[1].toUpperCase()}) is not run here: the graph is read-only`);
    }
    const base = options.baseIri ? { base_iri: options.baseIri } : {};
    let json: string;
    try {
      json = this.#store.query(text, { ...base, results_format: 'json' }) as string;
    } catch (e) {
      const message = (e as Error).message;
      const m = POSITION.exec(message);
      if (m) throw syntaxError(query, Number(m[1]) - (prefixed ? 1 : 0), Number(m[2]), m[3]);
      throw new SparqlError(`SPARQL query failed: ${message}`, 'evaluation');
    }
    const parsed = JSON.parse(json) as { head?: { vars?: string[] }; boolean?: boolean; results?: { bindings: SparqlBinding[] } } | unknown[];
    if (!Array.isArray(parsed)) {
      if (typeof parsed.boolean === 'boolean') return { type: 'boolean', boolean: parsed.boolean };
      return { type: 'bindings', vars: parsed.head?.vars ?? [], bindings: parsed.results?.bindings ?? [] };
    }
    // A graph result (CONSTRUCT, DESCRIBE) comes back as JSON-LD: run it again for the triples themselves.
    const quads = this.#store.query(text, base) as OxQuad[];
    return {
      type: 'triples',
      vars: ['subject', 'predicate', 'object'],
      bindings: quads.map((q) => ({ subject: fromOx(q.subject as OxTerm), predicate: fromOx(q.predicate), object: fromOx(q.object as OxTerm) })),
    };
  }
}

/**
 * `sparql` runs one query over `graph`. To run several, build a {@link SparqlEngine} once instead.
 * @throws SparqlError for a query that does not parse or cannot run.
 */
export function sparql(graph: KnowledgeGraph, query: string, options: SparqlQueryOptions = {}): SparqlResult {
  return SparqlEngine.fromGraph(graph).query(query, options);
}

/** `toSparqlJson` gives the W3C SPARQL 1.1 JSON results document of a result. */
export function toSparqlJson(result: SparqlResult): object {
  return result.type === 'boolean'
    ? { head: {}, boolean: result.boolean }
    : { head: { vars: [...result.vars] }, results: { bindings: result.bindings } };
}

// Display-only abbreviations for the table: the vocabularies of graph.ttl and newskg's data namespaces.
const DISPLAY_PREFIXES: [string, string][] = Object.entries({
  ...DEFAULT_PREFIXES, id: NS.id, statement: NS.statement, reference: NS.reference, article: NS.article, rule: NS.rule,
}).sort(([, x], [, y]) => y.length - x.length);

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// ### `showTerm` is a term as a person reads it: a prefixed name or `<IRI>`, a literal's text.
function showTerm(t: SparqlTerm | undefined): string {
  if (!t) return '';
  if (t.type === 'literal') return t['xml:lang'] ? `${t.value}@${t['xml:lang']}` : t.value;
  if (t.type === 'bnode') return `_:${t.value}`;
  const hit = DISPLAY_PREFIXES.find(([, iri]) => t.value.startsWith(iri));
  return hit ? `${hit[0]}:${decode(t.value.slice(hit[1].length))}` : `<${t.value}>`;
}

// ### `csvTerm` follows SPARQL 1.1 CSV: IRIs bare, literals as their lexical form, blank nodes as `_:x`.
const csvTerm = (t: SparqlTerm | undefined): string => (!t ? '' : t.type === 'bnode' ? `_:${t.value}` : t.value);

const ntEscape = (s: string): string => s.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);

// ### `tsvTerm` follows SPARQL 1.1 TSV: every term in its N-Triples form.
function tsvTerm(t: SparqlTerm | undefined): string {
  if (!t) return '';
  if (t.type === 'uri') return `<${t.value}>`;
  if (t.type === 'bnode') return `_:${t.value}`;
  const lex = `"${ntEscape(t.value)}"`;
  return t['xml:lang'] ? `${lex}@${t['xml:lang']}` : t.datatype ? `${lex}^^<${t.datatype}>` : lex;
}

/**
 * `formatSparql` writes a result as an aligned `table` (IRIs abbreviated for reading), the W3C
 * SPARQL 1.1 `json` results document, or SPARQL 1.1 `csv` or `tsv`. An ASK result is one column,
 * `boolean`, in the table, CSV and TSV. The text ends with a line break.
 */
export function formatSparql(result: SparqlResult, format: SparqlFormat, options: TableOptions = {}): string {
  if (format === 'json') return `${JSON.stringify(toSparqlJson(result), null, 2)}\n`;
  if (result.type === 'boolean') {
    const value = String(result.boolean);
    return format === 'table' ? formatTable(['boolean'], [[value]], options) : format === 'csv' ? formatCsv(['boolean'], [[value]]) : formatTsv(['?boolean'], [[value]]);
  }
  const vars = result.vars;
  switch (format) {
    case 'table':
      return formatTable(vars, result.bindings.map((b) => vars.map((v) => showTerm(b[v]))), options);
    case 'csv':
      return formatCsv(vars, result.bindings.map((b) => vars.map((v) => csvTerm(b[v]))));
    case 'tsv':
      return formatTsv(vars.map((v) => `?${v}`), result.bindings.map((b) => vars.map((v) => tsvTerm(b[v]))));
  }
}
