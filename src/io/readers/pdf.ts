/**
 * PDF reader on pdf.js (pdfjs-dist legacy build, the one meant for Node): text
 * items -> lines per page -> running headers/footers removed, hyphenation joined
 * -> one text with page spans. Encrypted, image-only (scanned) and corrupt PDFs
 * are DocumentErrors with their own codes.
 */
import { DocumentError } from '../../errors';
import { cleanupPdfPages } from '../pdf-cleanup';
import { itemsToLines, type PdfTextItem } from '../pdf-lines';
import type { PageSpan } from '../document';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js, loaded on first use (it is large). */
function loadPdfJs(): Promise<PdfJs> {
  return (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
}

/** Text of a PDF with its page spans; DocumentError PDF_ENCRYPTED / PDF_NO_TEXT / DOCUMENT_CORRUPT. */
export async function readPdf(bytes: Uint8Array, path: string): Promise<{ text: string; pages: PageSpan[] }> {
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw openError(error, path);
    });
    if (doc.numPages === 0) throw new DocumentError('DOCUMENT_CORRUPT', 'PDF has no pages', { file: path });
    const pageLines: string[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pageLines.push(itemsToLines(content.items.filter((i): i is PdfTextItem & typeof i => 'str' in i)));
      page.cleanup();
    }
    if (pageLines.every((lines) => lines.every((l) => l.trim() === ''))) {
      throw new DocumentError('PDF_NO_TEXT', `PDF has ${doc.numPages} page(s) but no text layer (scanned images?); run OCR first`, { file: path });
    }
    const cleaned = cleanupPdfPages(pageLines);
    return { text: cleaned.text, pages: [...cleaned.pages] };
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError('DOCUMENT_CORRUPT', `cannot read PDF: ${describe(error)}`, { file: path, cause: error });
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function openError(error: unknown, path: string): DocumentError {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'PasswordException') {
    return new DocumentError('PDF_ENCRYPTED', 'PDF is encrypted and needs a password', { file: path, cause: error });
  }
  return new DocumentError('DOCUMENT_CORRUPT', `not a readable PDF: ${describe(error)}`, { file: path, cause: error });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
