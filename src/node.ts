/**
 * practice-themes/node: file IO around the pure core. Loading and saving models and
 * rule sets, reading corpora, the default tagger, and batch reading of documents.
 */
export * from './index';
export { loadDefaultTagger, loadLanguageModel } from './files/default-tagger';
export type { LoadTaggerOptions } from './files/default-tagger';
export { loadModel, saveModel } from './files/load-model';
export { loadRuleSet, loadRuleSets } from './files/load-rules';
export { readCorpus, readLabelledExamples } from './files/read-corpus';
export { loadTaxonomy } from './files/load-taxonomy';
export { queueDocumentsForReview } from './files/review-documents';
export type { QueueDocumentsOptions, QueuedDocuments } from './files/review-documents';
export { defaultModelPath, defaultRulesDir, packageRoot } from './files/package-paths';
export {
  runBatch,
  BatchOptionsSchema,
  readDocument,
  readDocuments,
  expandPaths,
  DocumentFormatSchema,
  ErrorRecordSchema,
  SourceDocumentSchema,
  isErrorRecord,
  SUPPORTED_EXTENSIONS,
  cleanupPdfPages,
  htmlToText,
  createOutputFormatter,
} from './io/index';
export type {
  BatchOptions,
  BatchIO,
  BatchRun,
  ReadOptions,
  DocumentFormat,
  ErrorRecord,
  SourceDocument,
  DocumentRecord,
  SentenceRecord,
  OutputLevel,
} from './io/index';
