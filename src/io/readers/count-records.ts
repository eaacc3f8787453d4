/**
 * Counts the records of a .jsonl or .csv file without parsing them, so progress on a
 * large record file can count records rather than files. JSON Lines: non-blank lines.
 * CSV: line breaks outside quoted fields, less the header. Streams the file in chunks.
 */
import { createReadStream } from 'node:fs';
import type { DocumentFormat } from '../document';

/** Records in a .jsonl/.csv file (0 when it cannot be read: the reader reports why). */
export async function countRecords(path: string, format: Extract<DocumentFormat, 'jsonl' | 'csv'>): Promise<number> {
  let rows = 0;
  let inQuotes = false;
  let lineHasContent = false;
  try {
    for await (const chunk of createReadStream(path)) {
      for (const byte of chunk as Buffer) {
        if (format === 'csv' && byte === 0x22) inQuotes = !inQuotes;
        if (byte === 0x0a) {
          if (!inQuotes && lineHasContent) rows++;
          if (!inQuotes) lineHasContent = false;
        } else if (byte !== 0x0d && byte !== 0x20 && byte !== 0x09) lineHasContent = true;
      }
    }
  } catch {
    return 0;
  }
  if (lineHasContent) rows++;
  return format === 'csv' ? Math.max(0, rows - 1) : rows;
}
