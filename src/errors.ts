// **errors** holds the few error classes newskg throws; callers and tests check the class and `code`, not the wording.

/** `NewskgError` is the common base, so a caller can tell our errors from bugs with one `instanceof`. */
export class NewskgError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NewskgError';
  }
}

/** Why an input file was refused. */
export type InputErrorCode = 'missing' | 'unreadable' | 'empty' | 'binary' | 'encoding' | 'not-a-text-file';

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
