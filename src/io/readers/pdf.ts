/**
 * PDF reader on pdf.js (pdfjs-dist legacy build, the one meant for Node): text
 * items -> lines per page -> running headers/footers removed, hyphenation joined
 * -> one text with page spans. Encrypted, image-only (scanned) and corrupt PDFs
 * are DocumentErrors with their own codes. pdfjs-dist is an optional peer dependency:
 * without it, reading a PDF is DocumentError MISSING_DEPENDENCY.
 */
import { DocumentError } from '../../errors';
import { importOptional } from '../optional-package';
import { cleanupPdfPages } from './pdf-cleanup';
import { itemsToLines, type PdfTextItem } from './pdf-lines';
import type { PageSpan } from '../document';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js, loaded on first use (it is large, and an optional peer dependency). */
function loadPdfJs(path: string): Promise<PdfJs> {
  pdfjs ??= importOptional('pdfjs-dist', importWithoutCanvas, path);
  // A missing package is retried next time (it may have been installed meanwhile).
  pdfjs.catch(() => (pdfjs = undefined));
  return pdfjs;
}

/**
 * Imports pdf.js whether or not its optional native canvas (@napi-rs/canvas) is
 * installed. Text extraction never draws, but pdf.js builds one DOMMatrix when its
 * module loads and takes the class from the canvas package; without it the import
 * throws "DOMMatrix is not defined" (an install with --omit=optional). So when no
 * DOMMatrix exists and the canvas cannot be loaded, a minimal stand-in is defined for
 * the import only, and pdf.js's warnings about the missing canvas are held back.
 */
async function importWithoutCanvas(): Promise<PdfJs> {
  const load = () => import('pdfjs-dist/legacy/build/pdf.mjs');
  const scope = globalThis as { DOMMatrix?: unknown };
  if (scope.DOMMatrix !== undefined || (await canvasLoads())) return load();
  scope.DOMMatrix = ImportTimeMatrix;
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && /^Warning: Cannot (load "@napi-rs\/canvas"|polyfill)/.test(args[0]))) warn(...args);
  };
  try {
    return await load();
  } finally {
    console.warn = warn;
    if (scope.DOMMatrix === ImportTimeMatrix) delete scope.DOMMatrix;
  }
}

/** True when pdf.js will find its canvas package (resolved from pdf.js's own folder). */
async function canvasLoads(): Promise<boolean> {
  try {
    const { createRequire } = await import('node:module');
    const fromPdfJs = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    fromPdfJs('@napi-rs/canvas');
    return true;
  } catch {
    return false;
  }
}

/** The identity matrix pdf.js creates at load; never used to draw (text extraction only). */
class ImportTimeMatrix {
  a = 1; b = 0; c = 0; d = 1; e = 0; f = 0;
}

/** Text of a PDF with its page spans; DocumentError PDF_ENCRYPTED / PDF_NO_TEXT / DOCUMENT_CORRUPT. */
export async function readPdf(bytes: Uint8Array, path: string): Promise<{ text: string; pages: PageSpan[] }> {
  const lib = await loadPdfJs(path);
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
