/**
 * Typed errors. Every error the library throws on purpose is a PracticeThemesError
 * with a stable `code`; rule, model and input errors also say where (file, line,
 * JSON path) so a user can fix the input without reading a stack trace.
 */

/** Stable machine-readable error codes. */
export type ErrorCode =
  | 'INVALID_RULE_SET'
  | 'INVALID_PATTERN'
  | 'INVALID_MODEL'
  | 'MODEL_VERSION'
  | 'INVALID_CORPUS'
  | 'INVALID_INPUT'
  | 'INVALID_OPTIONS'
  | 'UNKNOWN_THEME'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_UNWRITABLE'
  | 'UNSUPPORTED_FORMAT'
  | 'PDF_ENCRYPTED'
  | 'PDF_NO_TEXT'
  | 'DOCUMENT_CORRUPT'
  | 'DOCUMENT_EMPTY'
  | 'INPUT_TOO_LARGE'
  | 'TIME_LIMIT'
  | 'MISSING_DEPENDENCY'
  | 'USAGE'
  | 'INTERNAL';

/** One problem found while validating data (rule set, model, corpus line). */
export interface Issue {
  /** JSON path of the offending value, e.g. `["rules", 3, "pattern"]`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Where an error was found, when it came from a file or a stream. */
export interface ErrorLocation {
  readonly file?: string;
  /** 1-based line number (JSON Lines, rule examples). */
  readonly line?: number;
}

/** Base class of every error the library throws on purpose. */
export class PracticeThemesError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly issues: readonly Issue[];

  constructor(code: ErrorCode, message: string, options: ErrorLocation & { issues?: readonly Issue[]; cause?: unknown } = {}) {
    super(formatMessage(message, options), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PracticeThemesError';
    this.code = code;
    this.file = options.file;
    this.line = options.line;
    this.issues = options.issues ?? [];
  }

  /** Plain JSON form for error records in JSON Lines output. */
  toJSON(): { code: ErrorCode; message: string; file?: string; line?: number; issues?: readonly Issue[] } {
    return {
      code: this.code,
      message: this.message,
      ...(this.file === undefined ? {} : { file: this.file }),
      ...(this.line === undefined ? {} : { line: this.line }),
      ...(this.issues.length ? { issues: this.issues } : {}),
    };
  }
}

/** A rule set failed validation or one of its patterns does not compile. */
export class RuleSetError extends PracticeThemesError {
  constructor(message: string, options: ErrorLocation & { issues?: readonly Issue[]; code?: 'INVALID_RULE_SET' | 'INVALID_PATTERN' } = {}) {
    super(options.code ?? 'INVALID_RULE_SET', message, options);
    this.name = 'RuleSetError';
  }
}

/** A model file is damaged, of another format, or of an unsupported version. */
export class ModelError extends PracticeThemesError {
  constructor(message: string, options: ErrorLocation & { issues?: readonly Issue[]; code?: 'INVALID_MODEL' | 'MODEL_VERSION' } = {}) {
    super(options.code ?? 'INVALID_MODEL', message, options);
    this.name = 'ModelError';
  }
}

/** Input text, corpus lines or options are not what the library expects (or the text is over the size limit). */
export class InputError extends PracticeThemesError {
  constructor(
    message: string,
    options: ErrorLocation & { issues?: readonly Issue[]; code?: 'INVALID_INPUT' | 'INVALID_CORPUS' | 'INVALID_OPTIONS' | 'UNKNOWN_THEME' | 'INPUT_TOO_LARGE' } = {},
  ) {
    super(options.code ?? 'INVALID_INPUT', message, options);
    this.name = 'InputError';
  }
}

/**
 * A document could not be read (missing, encrypted, scanned, corrupt, empty, unsupported),
 * or its reader needs an optional package that is not installed (MISSING_DEPENDENCY);
 * an output could not be written (FILE_UNWRITABLE: full disk, I/O error); or tagging
 * it ran past the per-document time limit of a batch (TIME_LIMIT).
 */
export class DocumentError extends PracticeThemesError {
  constructor(
    code:
      | 'FILE_NOT_FOUND'
      | 'FILE_UNREADABLE'
      | 'FILE_UNWRITABLE'
      | 'UNSUPPORTED_FORMAT'
      | 'PDF_ENCRYPTED'
      | 'PDF_NO_TEXT'
      | 'DOCUMENT_CORRUPT'
      | 'DOCUMENT_EMPTY'
      | 'MISSING_DEPENDENCY'
      | 'TIME_LIMIT',
    message: string,
    options: ErrorLocation & { cause?: unknown } = {},
  ) {
    super(code, message, options);
    this.name = 'DocumentError';
  }
}

/** True for any error the library throws on purpose. */
export function isPracticeThemesError(error: unknown): error is PracticeThemesError {
  return error instanceof PracticeThemesError;
}
/** True for rule set and pattern errors. */
export function isRuleSetError(error: unknown): error is RuleSetError {
  return error instanceof RuleSetError;
}
/** True for model file errors. */
export function isModelError(error: unknown): error is ModelError {
  return error instanceof ModelError;
}
/** True for input, corpus and option errors. */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
/** True for document reading errors. */
export function isDocumentError(error: unknown): error is DocumentError {
  return error instanceof DocumentError;
}

/** Turns zod-style issues into our Issue list. */
export function toIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Issue[] {
  return issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: i.message,
  }));
}

/** Renders a JSON path as `rules[3].pattern`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function formatMessage(message: string, where: ErrorLocation & { issues?: readonly Issue[] }): string {
  const loc = where.file ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : where.line ? `line ${where.line}: ` : '';
  const detail = where.issues?.length
    ? '\n' + where.issues.slice(0, 10).map((i) => `  - ${formatPath(i.path) || '(root)'}: ${i.message}`).join('\n') +
      (where.issues.length > 10 ? `\n  ... and ${where.issues.length - 10} more` : '')
    : '';
  return `practice-themes: ${loc}${message}${detail}`;
}
