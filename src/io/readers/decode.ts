/**
 * The one decoding policy for every text input (files, stdin, JSON Lines and CSV
 * records, corpora, rule sets, models): a byte-order mark decides (UTF-8, UTF-16LE,
 * UTF-16BE); without one the bytes are UTF-8. Byte sequences that are not valid
 * are replaced by U+FFFD and counted, so the caller can warn; the rest of the text
 * is kept as it is (never re-read in another encoding). Text with NUL characters,
 * or with more than 1% other control characters, is binary, not text.
 */
import { DocumentError } from '../../errors';

/** Encodings the policy reads. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Decoded text and what decoding had to do. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  /** Invalid byte sequences replaced by U+FFFD. */
  readonly replaced: number;
}

/** The encoding a byte-order mark announces, and the mark's length (UTF-8 without a mark otherwise). */
export function sniffEncoding(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** Decodes bytes by the policy above (no binary check: see {@link decodeTextInput}). */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const { encoding, bomLength } = sniffEncoding(bytes);
  const body = bytes.subarray(bomLength);
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body);
  return { text, encoding, replaced: countReplaced(text, body, encoding) };
}

/**
 * Decodes an input's bytes: DocumentError DOCUMENT_CORRUPT when they are binary;
 * `warn` hears about replaced sequences (with `source` named).
 */
export function decodeTextInput(bytes: Uint8Array, source: string, warn?: (message: string) => void): string {
  const decoded = decodeBytes(bytes);
  assertNotBinary(decoded.text, source);
  if (decoded.replaced > 0) warn?.(replacementWarning(source, decoded));
  return decoded.text;
}

/** The warning printed for text with replaced sequences. */
export function replacementWarning(source: string, decoded: Pick<DecodedText, 'encoding' | 'replaced'>): string {
  const name = decoded.encoding.toUpperCase();
  return `practice-themes: ${source}: warning: ${decoded.replaced} byte sequence(s) are not valid ${name} and were replaced with U+FFFD (save the file as UTF-8 to fix)`;
}

/** Throws DOCUMENT_CORRUPT for text that is really binary data. */
export function assertNotBinary(text: string, source: string): void {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c !== 0x7f) continue;
    if (c === 0) throw new DocumentError('DOCUMENT_CORRUPT', 'contains NUL bytes: a binary file, not text (UTF-16 text needs a byte-order mark)', { file: source });
    // Tab, line feed, vertical tab, form feed and carriage return are text.
    if (c < 0x09 || c > 0x0d) controls++;
  }
  if (controls > 0 && controls > text.length / 100) {
    throw new DocumentError('DOCUMENT_CORRUPT', `${controls} control characters: binary data, not text`, { file: source });
  }
}

/** U+FFFD the decoder produced, not counting ones the text itself contained. */
function countReplaced(text: string, body: Uint8Array, encoding: TextEncoding): number {
  let inText = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) inText++;
  if (inText === 0) return 0;
  return Math.max(0, inText - countEncodedReplacement(body, encoding));
}

function countEncodedReplacement(body: Uint8Array, encoding: TextEncoding): number {
  const pattern = encoding === 'utf-8' ? [0xef, 0xbf, 0xbd] : encoding === 'utf-16le' ? [0xfd, 0xff] : [0xff, 0xfd];
  let count = 0;
  for (let i = body.indexOf(pattern[0]!); i >= 0 && i <= body.length - pattern.length; i = body.indexOf(pattern[0]!, i + 1)) {
    if (pattern.every((b, k) => body[i + k] === b)) count++;
  }
  return count;
}

/**
 * A streaming decoder for large files (JSON Lines, CSV): the first chunk's mark
 * decides the encoding; `replaced` counts invalid sequences so far.
 */
export function createStreamDecoder(): { push(chunk: Uint8Array): string; end(): string; readonly replaced: number; readonly encoding: TextEncoding } {
  let decoder: TextDecoder | undefined;
  let encoding: TextEncoding = 'utf-8';
  let replaced = 0;
  let pending = new Uint8Array(0);
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    const text = (decoder as TextDecoder).decode(bytes, { stream });
    replaced += countReplaced(text, bytes, encoding);
    return text;
  };
  return {
    push(chunk) {
      if (!decoder) {
        // Wait for three bytes so a mark split across chunks is still seen.
        const joined = new Uint8Array(pending.length + chunk.length);
        joined.set(pending);
        joined.set(chunk, pending.length);
        if (joined.length < 3) {
          pending = joined;
          return '';
        }
        const sniffed = sniffEncoding(joined);
        encoding = sniffed.encoding;
        decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
        return decode(joined.subarray(sniffed.bomLength), true);
      }
      return decode(chunk, true);
    },
    end() {
      if (!decoder) {
        const sniffed = sniffEncoding(pending);
        encoding = sniffed.encoding;
        decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
        return decode(pending.subarray(sniffed.bomLength), false);
      }
      return decode(new Uint8Array(0), false);
    },
    get replaced() {
      return replaced;
    },
    get encoding() {
      return encoding;
    },
  };
}
