/**
 * practice-themes: tag child safeguarding review narratives with practice themes,
 * with explainable evidence. The pure core: no file IO, nothing loaded at import,
 * usable in a browser bundle. File IO lives in `practice-themes/node`.
 */

// Tagging
export { createTagger } from './tagger';
export type { Tagger, TaggerOptions, TagOptions, TagInput, PageSpan } from './tagger';
export { fuseTheme, ruleStrength, calibrateToThreshold, gateFactor, TAG_THRESHOLD } from './fuse/fuse';
export type { FusionMode, PracticeGate } from './fuse/fuse';
export { FUSION_MODES } from './fuse/fuse';
export { aggregateDocument, documentScore, passagesNeeded, DEFAULT_DOCUMENT_DECISION, DEFAULT_DOCUMENT_FROM, DOCUMENT_FROM } from './fuse/document';
export type { DocumentDecision, DocumentFrom, ScoredPassage } from './fuse/document';

// Results
export {
  TagResultSchema,
  SentenceResultSchema,
  DocumentThemeSchema,
  ThemeScoreSchema,
  EvidenceSchema,
  RuleEvidenceSchema,
  FeatureEvidenceSchema,
  SourceSchema,
} from './result-schema';
export type {
  TagResult,
  SentenceResult,
  DocumentTheme,
  ThemeScore,
  Evidence,
  RuleEvidence,
  FeatureEvidence,
  Source,
  ResultMeta,
  ResultModelInfo,
} from './result-schema';
export { ResultMetaSchema } from './result-schema';
export { DocumentRecordSchema, SentenceRecordSchema, ErrorRecordOutputSchema, EvalReportSchema } from './record-schema';
export type { DocumentRecordOutput, SentenceRecordOutput, ErrorRecordOutput } from './record-schema';
export { tagResultJsonSchema, schemaFiles } from './json-schemas';

// Text
export { createTextAnalyzer } from './text/analyzer';
export type { TextAnalyzerOptions } from './text/analyzer';
export type { TextAnalyzer, AnalyzedText, Block, BlockKind, Sentence, Token } from './text/types';
export { extractFeatures, extractTextFeatures, DEFAULT_FEATURE_SETTINGS, featureSettingsSchema } from './text/features';
export type { Feature, FeatureSettings } from './text/features';
export { cleanText, joinHyphenation } from './text/clean';

// Rules
export { parseRuleSet, safeParseRuleSet, ruleSetJsonSchema, RuleSetSchema, RuleSchema } from './rules/schema';
export type { Rule, RuleSet, SafeParseRuleSetResult } from './rules/schema';
export { compileRules } from './rules/compile';
export { DEFAULT_MAX_TEXT_LENGTH } from './tag-input';
export type { CompiledRules, CompiledRule } from './rules/compile';
export { matchText, matchSentence } from './rules/match';
export type { RuleHit } from './rules/match';
export { parsePattern, safeParsePattern } from './rules/pattern';
export { lintRules } from './rules/lint';
export type { LintReport, RuleLintStats } from './rules/lint';
export { checkRuleExamples } from './rules/examples';

// Naive Bayes model
export { trainModel } from './nb/train';
export { DEFAULT_TRAIN_SETTINGS } from './nb/train-options';
export type { TrainingExample, TrainOptions } from './nb/train-options';
export { createClassifier } from './nb/classifier';
export { createPracticeGate } from './nb/gate';
export { precompileModelTables, attachModelTables } from './nb/model-tables';
export type { PracticeGateScorer } from './nb/gate';
export type { Classifier, LabelPrediction } from './nb/classifier';
export { parseModel, safeParseModel, serializeModel, modelContentHash, modelJsonSchema, MODEL_FORMAT, MODEL_FILE_VERSION } from './nb/model-file';
export type { ModelFile, Gate } from './nb/model-file';

// Corpus
export {
  CorpusUnitSchema,
  ShippedCorpusUnitSchema,
  UnitSourceSchema,
  LabelledExampleSchema,
  GenreSchema,
  SourceKindSchema,
  parseCorpus,
  parseJsonLines,
  splitOf,
} from './corpus/schema';
export type { CorpusUnit, ShippedCorpusUnit, LabelledExample, Genre, SourceKind, UnitSource } from './corpus/schema';
export { trainingExamplesOf, ruleScoresFrom, isRealRegister, calibratesOnReal, DEFAULT_REAL_WEIGHT, MIN_REAL_FOR_CALIBRATION, REAL_REGISTER_DESCRIPTION } from './corpus/training-examples';
export type { TrainingExampleOptions } from './corpus/training-examples';
export { corpusStats, balanceProblems, DEFAULT_BALANCE } from './corpus/stats';
export type { CorpusStats, BalanceMinimums } from './corpus/stats';
export { findNearDuplicates } from './corpus/near-duplicates';

// Taxonomy
export { TaxonomySchema, TaxonomyThemeSchema, parseTaxonomy, themeLabels, assertKnownThemes } from './taxonomy/schema';
export type { Taxonomy, TaxonomyTheme } from './taxonomy/schema';

// Review loop
export { reviewQueue, uncertaintyOf, disagreementOf } from './review/queue';
export type { ReviewDocument, ReviewQueueOptions, QueuedPassage, QueuedThemeScore } from './review/queue';
export { formatQueueCsv, formatQueueJsonl, queueCsvColumns, describeEvidence } from './review/queue-format';
export type { ThemeNames } from './review/queue-format';
export { reviewPageHtml } from './review/review-page';
export { ReviewDecisionSchema, parseDecisions, decisionsToUnits, holdOutReviewed } from './review/decisions';
export type { ReviewDecision, ParseDecisionsOptions, DecisionProvenance } from './review/decisions';
export { retrainWithReviewed } from './review/retrain';
export type { RetrainWithReviewedOptions, RetrainWithReviewedResult } from './review/retrain';
export type { ReviewPageOptions, ReviewPageTheme } from './review/review-page';

// Evaluation
export { evaluate, summarize, prf } from './eval/metrics';
export { cohensKappa, meanKappa, labellingAgreement } from './eval/kappa';
export { evaluateTagger, ablate, crossValidate, groupedFolds, ABLATION_MODES } from './eval/cross-validate';
export type { EvaluateTaggerOptions, CrossValidateOptions } from './eval/cross-validate';
export { bootstrapIntervals, pairedBootstrap, BootstrapSettingsSchema, MAX_RESAMPLES } from './eval/bootstrap';
export type { BootstrapSettings, BootstrapOptions } from './eval/bootstrap';
export { breakdownBy, MISSING_VALUE } from './eval/breakdown';
export { compareTaggers } from './eval/compare';
export type { CompareTaggersOptions } from './eval/compare';
export type { BreakdownOptions } from './eval/breakdown';
export { prCurve, thinCurve, outOfFoldProbabilities, thresholdTradeOffs, modelThresholds } from './eval/thresholds';
export { formatReport, formatErrorsCsv, OUTPUT_FORMATS } from './eval/format';
export type { OutputFormat } from './eval/format';
export { EVALUATION_CSV_COLUMNS, AGREEMENT_CSV_COLUMNS, ERRORS_CSV_COLUMNS, SPREAD_CSV_COLUMNS, INTERVAL_CSV_COLUMNS } from './eval/format-csv';
export {
  EvaluationSchema,
  EvaluationSummarySchema,
  ThemeMetricsSchema,
  EvaluationErrorSchema,
  TaggerEvaluationSchema,
  AblationSchema,
  CrossValidationSchema,
  AgreementSchema,
  KappaResultSchema,
  PrPointSchema,
  IntervalSchema,
  ScoreIntervalsSchema,
  DifferenceSchema,
  PairedBootstrapSchema,
  BreakdownSchema,
  BreakdownRowSchema,
  ComparisonSchema,
} from './eval/report-schema';
export type {
  Evaluation,
  EvaluationSummary,
  ThemeMetrics,
  EvaluationError,
  KappaResult,
  Prf,
  Mode,
  Interval,
  PrfIntervals,
  ScoreIntervals,
  Difference,
  PairedBootstrap,
  Breakdown,
  BreakdownRow,
  Comparison,
} from './eval/report-schema';

// Errors
export {
  PracticeThemesError,
  RuleSetError,
  ModelError,
  InputError,
  DocumentError,
  isPracticeThemesError,
  isRuleSetError,
  isModelError,
  isInputError,
  isDocumentError,
} from './errors';
export type { ErrorCode, Issue } from './errors';
