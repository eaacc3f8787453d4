/**
 * Output formatters of batch tagging: JSON Lines (default), CSV and a JSON array,
 * at document or sentence level. Each returns the text to write for a record, so
 * output streams record by record; nothing is kept. Pure.
 */
import type { ErrorRecord } from '../document';
import { csvRow } from './csv-format';
import type { DocumentRecord, OutputLevel, SentenceRecord, TaggedDocument } from './output-records';

/** Output file formats. */
export type OutputFormat = 'jsonl' | 'csv' | 'json';

/** Options of createOutputFormatter. */
export interface OutputFormatterOptions {
  readonly format: OutputFormat;
  readonly level: OutputLevel;
  /** Theme ids, in column order (CSV needs them before the first row). */
  readonly themes: readonly string[];
}

/** Turns records into output text. Call begin() first and end() last. */
export interface OutputFormatter {
  begin(): string;
  /** Text for a tagged document: one record, or one per sentence at sentence level. */
  document(tagged: TaggedDocument): string;
  /** Text for an error record. */
  error(record: ErrorRecord): string;
  end(): string;
}

/** A formatter for the format and level asked for. */
export function createOutputFormatter(options: OutputFormatterOptions): OutputFormatter {
  switch (options.format) {
    case 'jsonl':
      return jsonFormatter(options.level, '', '\n', '', '');
    case 'json':
      return jsonFormatter(options.level, '[', ',\n', '\n]\n', '[]\n');
    case 'csv':
      return csvFormatter(options);
  }
}

function jsonFormatter(level: OutputLevel, open: string, separator: string, close: string, empty: string): OutputFormatter {
  let count = 0;
  const item = (value: unknown) => {
    const json = JSON.stringify(value);
    // JSON Lines ends every line; the array puts separators between items.
    const text = open ? (count === 0 ? `${open}\n${json}` : `${separator}${json}`) : `${json}\n`;
    count++;
    return text;
  };
  return {
    begin: () => '',
    document: (tagged) => (level === 'sentence' ? (tagged.sentences ?? []).map(item).join('') : item(tagged.record)),
    error: (record) => item(record),
    end: () => (!open ? '' : count === 0 ? empty : close),
  };
}

function csvFormatter({ level, themes }: OutputFormatterOptions): OutputFormatter {
  // Documents also get each theme's share of tagged sentences: a long review usually
  // carries every theme, and the share is what tells one review from another.
  const themeColumns = themes.flatMap((t) => (level === 'document' ? [`${t}_score`, `${t}_tagged`, `${t}_share`] : [`${t}_score`, `${t}_tagged`]));
  const lead = level === 'document' ? ['id', 'path', 'pages', 'sentences'] : ['id', 'path', 'sentence', 'page', 'start', 'end', 'text'];
  const themeCells = (scores: Readonly<Record<string, number>>, tagged: readonly string[]) =>
    themes.flatMap((t) => [scores[t] ?? '', scores[t] === undefined ? '' : tagged.includes(t)]);
  const documentCells = (r: DocumentRecord) =>
    themes.flatMap((t) => {
      const score = r.scores[t];
      return score === undefined ? ['', '', ''] : [score, r.themes.includes(t), r.document[t]?.share ?? ''];
    });
  const sentenceRow = (s: SentenceRecord) =>
    csvRow([s.id, s.path, s.index, s.page, s.start, s.end, s.text, ...themeCells(Object.fromEntries(Object.entries(s.scores).map(([t, v]) => [t, v.score])), s.themes), '']);
  return {
    begin: () => csvRow([...lead, ...themeColumns, 'error']),
    document: (tagged) => {
      if (level === 'sentence') return (tagged.sentences ?? []).map(sentenceRow).join('');
      const r = tagged.record;
      return csvRow([r.id, r.path, r.pages, r.meta.sentenceCount, ...documentCells(r), '']);
    },
    error: (record) => {
      const message = `${record.error.code}: ${record.error.message}`;
      return csvRow([record.id, record.path, ...lead.slice(2).map(() => ''), ...themeColumns.map(() => ''), message]);
    },
    end: () => '',
  };
}
