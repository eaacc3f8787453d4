/**
 * The stream of work items of a batch, in input order: one per single-document
 * file (read and tagged in a worker), one per record of a .jsonl/.csv file (read
 * here, streamed, tagged in a worker), and error records for arguments that
 * matched nothing or records that could not be read. Each item knows whether it
 * is the last of its file, so progress can count files.
 */
import { isErrorRecord, type ErrorRecord } from '../document';
import type { ExpandedInput } from '../expand-paths';
import { formatOfPath, isMultiRecordFormat } from '../formats';
import { readDocuments, type ReadOptions } from '../readers/index';
import type { BatchTask } from './tag-document';

/** One item of work, or an error already known. */
export type BatchItem = ({ readonly kind: 'task'; readonly task: BatchTask } | { readonly kind: 'error'; readonly record: ErrorRecord }) & {
  /** Index of the input file (or unmatched argument) the item belongs to. */
  readonly file: number;
  /** True for the last item of its file. */
  readonly last: boolean;
};

/** Work items for the expanded inputs, streaming the records of .jsonl/.csv files. */
export async function* batchItems(inputs: readonly ExpandedInput[], options: ReadOptions = {}): AsyncGenerator<BatchItem> {
  for (const [file, input] of inputs.entries()) {
    if (input.kind === 'error') {
      yield { kind: 'error', record: input.record, file, last: true };
      continue;
    }
    const format = formatOfPath(input.path);
    if (!format || !isMultiRecordFormat(format)) {
      // Unsupported files go to a worker too: its reader reports UNSUPPORTED_FORMAT.
      yield { kind: 'task', task: { kind: 'file', path: input.path }, file, last: true };
      continue;
    }
    // One record of look-ahead, so the last record of the file is known as such.
    let previous: BatchItem | undefined;
    for await (const read of readDocuments(input.path, options)) {
      if (previous) yield previous;
      previous = isErrorRecord(read)
        ? { kind: 'error', record: read, file, last: false }
        : { kind: 'task', task: { kind: 'document', doc: read }, file, last: false };
    }
    if (previous) yield { ...previous, last: true };
  }
}
