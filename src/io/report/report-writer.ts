/**
 * Writes the HTML report while the batch runs: each document's section is
 * rendered as soon as it arrives and appended to a temporary file; only the grid
 * rows and the totals stay in memory. commit() writes the final file atomically:
 * head, charts and grid, then the sections copied across, then the end.
 */
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createAtomicFile, type AtomicFile } from '../output/atomic-file';
import { isErrorRecord } from '../document';
import type { ReportDocument, ReportFailure } from './report-data';
import { renderDocumentSection, renderReportEnd, renderReportStart, toGridRow, type ReportGridRow } from './report-html';
import { reportThemes } from './report-themes';

/** A report being written. */
export interface ReportWriter {
  /** Adds a document (or failure) in output order. */
  add(doc: ReportDocument | ReportFailure): Promise<void>;
  /** Writes the report file (atomically) and removes temporary files. */
  commit(): Promise<void>;
  /** Removes temporary files; no report is written. */
  abort(): Promise<void>;
}

/** Options of createReportWriter. */
export interface ReportWriterOptions {
  /** Theme ids, in column order. */
  readonly themes: readonly string[];
  /** Names to show for theme ids (a taxonomy's labels); ids stay in tooltips. @default each id */
  readonly labels?: Readonly<Record<string, string>>;
  /** @default "Practice themes report" */
  readonly title?: string;
}

/** Starts a report that will be written to `path`. */
export async function createReportWriter(path: string, options: ReportWriterOptions): Promise<ReportWriter> {
  const { themes } = options;
  const shown = reportThemes(themes, options.labels);
  // Sections wait in a hidden file beside the report until commit().
  const sections: AtomicFile = await createAtomicFile(join(dirname(path), `.${basename(path)}.sections`));
  const rows: ReportGridRow[] = [];
  const documentsPerTheme: Record<string, number> = Object.fromEntries(themes.map((t) => [t, 0]));
  const sentencesPerTheme: Record<string, number> = Object.fromEntries(themes.map((t) => [t, 0]));
  let documents = 0;
  let failures = 0;
  let pages = 0;
  let sentences = 0;

  return {
    async add(doc) {
      rows.push(toGridRow(doc));
      if (isErrorRecord(doc)) failures++;
      else {
        documents++;
        pages += doc.pages ?? 0;
        sentences += doc.sentenceCount;
        for (const t of doc.tagged) documentsPerTheme[t] = (documentsPerTheme[t] ?? 0) + 1;
        for (const [t, n] of Object.entries(doc.themeSentences)) sentencesPerTheme[t] = (sentencesPerTheme[t] ?? 0) + n;
      }
      await sections.write(renderDocumentSection(doc, rows.length - 1, shown));
    },
    async commit() {
      const report = await createAtomicFile(path);
      try {
        const title = options.title ?? 'Practice themes report';
        await report.write(renderReportStart(title, shown, { documents, failures, pages, sentences, documentsPerTheme, sentencesPerTheme }, rows));
        // Flush the sections to their temporary file, then copy them across in chunks.
        await sections.commit();
        for await (const chunk of createReadStream(sections.path, { encoding: 'utf8', highWaterMark: 256 * 1024 })) await report.write(chunk as string);
        await report.write(renderReportEnd());
        await report.commit();
      } catch (error) {
        await report.abort();
        throw error;
      } finally {
        await unlink(sections.path).catch(() => undefined);
      }
    },
    async abort() {
      await sections.abort();
    },
  };
}

/** The default report title for an output path ("reviews-report.html" -> "Practice themes: reviews-report"). */
export function reportTitle(path: string): string {
  return `Practice themes: ${basename(path).replace(/\.html?$/i, '')}`;
}
