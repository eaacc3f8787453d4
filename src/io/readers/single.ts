/**
 * Readers of files that are one document each: PDF, DOCX, plain text, Markdown
 * and HTML. Every failure is a DocumentError with its code and the file.
 */
import { DocumentError } from '../../errors';
import type { DocumentFormat, PageSpan } from '../document';
import { htmlToText } from './html-text';
import { maskMarkdown } from './markdown-text';
import { decodeText, readFileBytes, requireText } from './file-access';
import { readPdf } from './pdf';
import { importOptional } from '../optional-package';

/** Text (and pages, for PDF) of a single-document file; decoding warnings go to `warn`. */
export async function readSingleFile(path: string, format: DocumentFormat, warn?: (message: string) => void): Promise<{ text: string; pages?: PageSpan[] }> {
  const bytes = await readFileBytes(path);
  switch (format) {
    case 'pdf': {
      if (!bytes.subarray(0, 1024).includes('%PDF-')) {
        throw new DocumentError('DOCUMENT_CORRUPT', 'not a PDF file (no %PDF- header)', { file: path });
      }
      const { text, pages } = await readPdf(bytes, path);
      return { text: requireText(text, path, 'PDF has no text'), pages };
    }
    case 'docx':
      return { text: requireText(await readDocx(bytes, path), path, 'DOCX has no text') };
    case 'txt':
      return { text: requireText(decodeText(bytes, path, warn), path) };
    case 'md':
      // Syntax masked by spaces: offsets into the text are offsets into the file.
      return { text: requireText(maskMarkdown(decodeText(bytes, path, warn)), path) };
    case 'html':
      return { text: requireText(htmlToText(decodeText(bytes, path, warn)), path, 'HTML has no text') };
    default:
      throw new DocumentError('UNSUPPORTED_FORMAT', `${format} files hold many records: read them with readDocuments`, { file: path });
  }
}

type Mammoth = typeof import('mammoth');
let mammoth: Promise<Mammoth> | undefined;

async function readDocx(bytes: Buffer, path: string): Promise<string> {
  mammoth ??= importOptional('mammoth', () => import('mammoth'), path).then((m) => ((m as { default?: Mammoth }).default ?? m) as Mammoth);
  mammoth.catch(() => (mammoth = undefined));
  const lib = await mammoth;
  try {
    const result = await lib.extractRawText({ buffer: bytes });
    return result.value;
  } catch (error) {
    throw new DocumentError('DOCUMENT_CORRUPT', `not a readable DOCX: ${error instanceof Error ? error.message : String(error)}`, { file: path, cause: error });
  }
}
