// **errors** holds the few error classes newskg throws; callers and tests check the class and `code`, not the wording.

/** `NewskgError` is the common base, so a caller can tell our errors from bugs with one `instanceof`. */
export class NewskgError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NewskgError';
  }
}

/** Why an input file was refused. */
export type InputErrorCode = 'missing' | 'unreadable' | 'empty' | 'binary' | 'encoding' | 'too-large' | 'not-a-text-file' | 'not-a-graph' | 'syntax';

/**
 * `InputError` reports one bad input (a missing path, an empty or binary file, bytes that are not
 * text in the expected encoding). It is thrown per file, so the rest of a batch can still be built.
 */
export class InputError extends NewskgError {
  /** The path as the user gave it (or "-" for stdin). */
  readonly path: string;
  readonly code: InputErrorCode;
  constructor(message: string, path: string, code: InputErrorCode) {
    super(message);
    this.name = 'InputError';
    this.path = path;
    this.code = code;
  }
}

/**
 * `ExtractionError` reports an article newskg could read but failed to extract: a bug, not bad input.
 * The article is reported as failed and the rest of the build goes on; the message asks for a report.
 */
export class ExtractionError extends NewskgError {
  readonly path: string;
  constructor(message: string, path: string) {
    super(message);
    this.name = 'ExtractionError';
    this.path = path;
  }
}

/** `UsageError` reports options or arguments that do not fit together; the CLI maps it to exit code 2. */
export class UsageError extends NewskgError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * `RuleError` reports a bad rule or gazetteer file: which file, and where known the rule id and the
 * index of the entry, so the author can go straight to it.
 */
export class RuleError extends NewskgError {
  readonly file: string;
  readonly ruleId?: string;
  readonly index?: number;
  constructor(message: string, file: string, ruleId?: string, index?: number) {
    super(message);
    this.name = 'RuleError';
    this.file = file;
    if (ruleId !== undefined) this.ruleId = ruleId;
    if (index !== undefined) this.index = index;
  }
}

/** What a query could not find. */
export type QueryErrorCode = 'unknown-entity' | 'ambiguous-entity' | 'unknown-predicate' | 'unknown-type';

/**
 * `QueryError` reports a name, predicate or entity type that a query could not resolve. `term` is
 * what the user asked for and `suggestions` the closest things the graph does have (by edit
 * distance), best first, so a caller can offer "did you mean".
 */
export class QueryError extends NewskgError {
  readonly code: QueryErrorCode;
  readonly term: string;
  readonly suggestions: string[];
  constructor(message: string, code: QueryErrorCode, term: string, suggestions: string[]) {
    super(message);
    this.name = 'QueryError';
    this.code = code;
    this.term = term;
    this.suggestions = suggestions;
  }
}

/** Why SPARQL failed: the query does not parse, it cannot be run, or the RDF to load is not valid. */
export type SparqlErrorCode = 'syntax' | 'evaluation' | 'data';

/**
 * `SparqlError` reports a SPARQL query that could not be run, or RDF that could not be loaded.
 * For a syntax error, `line` and `column` (1-based, in characters) say where the parser stopped.
 */
export class SparqlError extends NewskgError {
  readonly code: SparqlErrorCode;
  readonly line?: number;
  readonly column?: number;
  constructor(message: string, code: SparqlErrorCode, line?: number, column?: number) {
    super(message);
    this.name = 'SparqlError';
    this.code = code;
    if (line !== undefined) this.line = line;
    if (column !== undefined) this.column = column;
  }
}

/** Why a load into a triple store failed: the store refused a request, could not be reached, or kept other than what was sent. */
export type LoadErrorCode = 'http' | 'auth' | 'network' | 'verify';

/**
 * `LoadError` reports a failed `load`. Its message names the request (method and URL, never
 * credentials), the HTTP status and the start of the store's answer, so the cause can be read
 * from one line.
 */
export class LoadError extends NewskgError {
  readonly code: LoadErrorCode;
  /** The HTTP status, when the store answered. */
  readonly status?: number;
  constructor(message: string, code: LoadErrorCode, status?: number) {
    super(message);
    this.name = 'LoadError';
    this.code = code;
    if (status !== undefined) this.status = status;
  }
}
