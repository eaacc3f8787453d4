/**
 * An incremental RFC 4180 CSV parser: fields separated by a delimiter, records by
 * CRLF, LF or CR; quoted fields may hold delimiters, doubled quotes and line
 * breaks. Chunks may split anywhere. A malformed record (text after a closing
 * quote, or a quote left open at the end) becomes a row with an `error`, and
 * parsing goes on at the next line. Pure.
 */
import { InputError } from '../../errors';

/** One parsed record, or the reason it could not be parsed. */
export interface CsvRow {
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly fields: readonly string[];
  /** Set when the record is malformed; `fields` is then incomplete. */
  readonly error?: string;
}

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'skipLine';

/** Feeds text in with push(), collects rows; end() flushes the last record. */
export class CsvParser {
  private state: State = 'fieldStart';
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private afterCR = false;
  private error: string | undefined;
  private rows: CsvRow[] = [];

  /** @param delimiter field separator, one character. @default ',' */
  constructor(private readonly delimiter = ',') {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new InputError(`CSV delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`, { code: 'INVALID_OPTIONS' });
    }
  }

  /** Parses a chunk and returns the records completed by it. */
  push(chunk: string): CsvRow[] {
    for (let i = 0; i < chunk.length; i++) this.step(chunk[i]!);
    return this.take();
  }

  /** Ends the input and returns the last record(s). */
  end(): CsvRow[] {
    if (this.state === 'quoted') this.error = 'a quoted field is not closed before the end of the file';
    if (this.state !== 'fieldStart' || this.fields.length > 0 || this.error) this.endRecord();
    return this.take();
  }

  private take(): CsvRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  private step(ch: string): void {
    const newline = ch === '\n' || ch === '\r';
    if (ch === '\n' && this.afterCR) {
      // The LF of a CRLF already ended the record (or is part of a quoted field).
      this.afterCR = false;
      if (this.state === 'quoted') this.field += ch;
      return;
    }
    this.afterCR = ch === '\r';
    if (newline) this.line++;
    switch (this.state) {
      case 'skipLine':
        if (newline) this.endRecord();
        return;
      case 'quoted':
        if (ch === '"') this.state = 'quoteInQuoted';
        else this.field += ch;
        return;
      case 'quoteInQuoted':
        if (ch === '"') {
          this.field += '"';
          this.state = 'quoted';
        } else if (ch === this.delimiter) this.endField();
        else if (newline) this.endRecord();
        else this.fail(`unexpected ${JSON.stringify(ch)} after a closing quote (quotes inside a field must be doubled)`);
        return;
      case 'fieldStart':
        if (ch === '"') {
          this.state = 'quoted';
          return;
        }
      // falls through: an unquoted field starts with this character
      case 'unquoted':
        if (ch === this.delimiter) this.endField();
        else if (newline) this.endRecord();
        else if (ch === '"') this.fail('a quote inside an unquoted field (quote the whole field and double the quote)');
        else {
          this.field += ch;
          this.state = 'unquoted';
        }
    }
  }

  private fail(message: string): void {
    this.error = message;
    this.state = 'skipLine';
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'fieldStart';
  }

  private endRecord(): void {
    const error = this.error;
    if (!error) this.fields.push(this.field);
    const blankLine = !error && this.fields.length === 1 && this.fields[0] === '';
    if (!blankLine) this.rows.push(error ? { line: this.recordLine, fields: this.fields, error } : { line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.field = '';
    this.error = undefined;
    this.state = 'fieldStart';
    this.recordLine = this.line;
  }
}
