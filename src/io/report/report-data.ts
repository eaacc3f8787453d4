/**
 * The compact per-document summary the HTML report needs: scores, tagged themes
 * and the tagged sentences with their evidence spans (relative to the sentence),
 * nothing else. Workers build it so the main thread never holds full results. Pure.
 */
import type { Evidence, TagResult } from '../../result-schema';
import type { ErrorRecord, SourceDocument } from '../document';

/** A highlighted span of a sentence: offsets relative to the sentence text. */
export interface ReportMark {
  readonly start: number;
  readonly end: number;
  readonly theme: string;
  /** Rule id or model feature that produced the evidence. */
  readonly label: string;
}

/** A tagged sentence as the report shows it. */
export interface ReportSentence {
  readonly index: number;
  readonly page?: number;
  readonly text: string;
  readonly themes: readonly string[];
  readonly marks: readonly ReportMark[];
}

/** One successfully tagged document, as the report shows it. */
export interface ReportDocument {
  readonly id: string;
  readonly path: string;
  readonly pages?: number;
  readonly sentenceCount: number;
  /** Document-level score per theme (0..1). */
  readonly scores: Readonly<Record<string, number>>;
  /** Themes tagged at document level. */
  readonly tagged: readonly string[];
  /** Sentences tagged per theme. */
  readonly themeSentences: Readonly<Record<string, number>>;
  readonly sentences: readonly ReportSentence[];
  /** Tagged sentences left out past the per-document limit. */
  readonly omittedSentences: number;
}

/** A document the report lists as failed. */
export type ReportFailure = ErrorRecord;

/** Options of summariseForReport. */
export interface ReportSummaryOptions {
  /** Tagged sentences kept per document (the rest are counted). @default 200 */
  readonly maxSentences?: number;
}

/** The report's summary of one tagged document. */
export function summariseForReport(doc: SourceDocument, result: TagResult, options: ReportSummaryOptions = {}): ReportDocument {
  const max = options.maxSentences ?? 200;
  const tagged = result.sentences.filter((s) => s.themes.length > 0);
  const sentences = tagged.slice(0, max).map((s): ReportSentence => ({
    index: s.index,
    ...(s.page === undefined ? {} : { page: s.page }),
    text: s.text,
    themes: s.themes,
    marks: s.evidence
      .filter((e) => s.themes.includes(e.theme))
      .map((e) => toMark(e, s.start, s.text.length))
      .filter((m): m is ReportMark => m !== undefined),
  }));
  return {
    id: doc.id,
    path: doc.path,
    ...(doc.pages ? { pages: doc.pages.length } : {}),
    sentenceCount: result.meta.sentenceCount,
    scores: result.scores,
    tagged: result.themes,
    themeSentences: Object.fromEntries(Object.entries(result.document).map(([theme, d]) => [theme, d.sentences])),
    sentences,
    omittedSentences: tagged.length - sentences.length,
  };
}

function toMark(evidence: Evidence, sentenceStart: number, length: number): ReportMark | undefined {
  const start = Math.max(0, evidence.start - sentenceStart);
  const end = Math.min(length, evidence.end - sentenceStart);
  if (end <= start) return undefined;
  const label = evidence.kind === 'rule' ? `rule ${evidence.ruleId}` : `feature ${evidence.feature}`;
  return { start, end, theme: evidence.theme, label };
}
