/**
 * Training: counts over all examples make the model; grouped k-fold
 * cross-validation on the same examples picks each label's threshold and
 * measures the model. Fully deterministic: the same examples and options give a
 * byte-identical serialised model (sorted vocabulary, seeded folds, no clock).
 */
import { z } from 'zod';
import { InputError, toIssues, type Issue } from '../errors';
import { corpusHash } from '../hash';
import { DEFAULT_FEATURE_SETTINGS, extractTextFeatures, featureSettingsSchema, type Feature, type FeatureSettings } from '../text/features';
import type { TextAnalyzer } from '../text/types';
import { fitPlatt, logLoss, type PlattScaling } from './calibration';
import { countIds, internFeatures, medianCountedIds, type CountableFlags, type InternedFeatures } from './counts';
import { outOfFoldLogOdds } from './cross-validate';
import { assignGroupedFolds, type FoldAssignment } from './folds';
import { MODEL_FILE_VERSION, MODEL_FORMAT, consistencyIssues, type Gate, type LabelMetrics, type LengthNorm, type ModelFile } from './model-file';
import { fitFusion } from './fused-thresholds';
import { chooseThreshold, scoresOf, type Confusion } from './thresholds';
import { DEFAULT_TRAIN_SETTINGS, trainingExampleSchema, trainOptionsSchema, type TrainingExample, type TrainOptions } from './train-options';
import { compileWeights, logistic } from './weights';

/**
 * Trains a model file from labelled examples.
 * @throws InputError `INVALID_OPTIONS` for bad options, `INVALID_CORPUS` for bad
 *   examples (JSON path `[index, field]`), a label without positive or negative
 *   examples, or fewer than 2 groups; `UNKNOWN_THEME` for a theme not in `labels`.
 */
export function trainModel(examples: readonly TrainingExample[], options: TrainOptions): ModelFile {
  const { labels, settings, alpha, variant, lengthMethod, calibrationMethod, requestedFolds, seed, name, analyzer } = resolveOptions(options);
  const parsedExamples = z.array(trainingExampleSchema).safeParse(examples);
  if (!parsedExamples.success) {
    throw new InputError('invalid training examples', { code: 'INVALID_CORPUS', issues: toIssues(parsedExamples.error.issues) });
  }
  const rows = parsedExamples.data;
  checkExamples(rows, labels, analyzer);

  const documents = rows.map((row) => featuresOf(row, settings, analyzer));
  const useGate = wantsGate(options.gate ?? 'auto', rows, labels);
  // The gate learns as one more label: "carries any label".
  const fitLabels = useGate ? [...labels, GATE_KEY] : labels;
  const countable: CountableFlags[] = rows.map((row) => {
    const has = labels.map((label) => row.themes.includes(label));
    return { has: useGate ? [...has, has.some(Boolean)] : has, weight: row.weight ?? 1 };
  });
  // Keys become integer ids once; the full model and every fold count ids.
  const interned = internFeatures(documents.map((features) => features.map((f) => f.key)));
  const fit = (members: readonly number[]) => fitCounts(interned, countable, members, fitLabels.length, settings, lengthMethod);
  const full = fit(rows.map((_, i) => i));
  const vocabulary = Array.from(full.ids, (id) => interned.keys[id]!);
  const labelCountOf = (l: number): number => full.withLabel[l]!;
  labels.forEach((label, l) => {
    const n = labelCountOf(l);
    if (n === 0 || n === full.examples) {
      throw new InputError(`label "${label}" has ${n === 0 ? 'no' : 'only'} positive examples: a classifier needs both`, { code: 'INVALID_CORPUS' });
    }
  });

  // Examples without a group are their own group (by id when they have one).
  const groupKeys = rows.map((row, i) => (row.group !== undefined ? `g:${row.group}` : row.id !== undefined ? `id:${row.id}` : `#${i}`));
  let assignment: FoldAssignment;
  try {
    assignment = assignGroupedFolds(groupKeys, requestedFolds, seed);
  } catch (error) {
    throw new InputError(`cannot cross-validate: ${(error as Error).message}`, { code: 'INVALID_CORPUS' });
  }
  const oof = outOfFoldLogOdds(interned, fitLabels.length, assignment, (members) => {
    const counted = fit(members);
    const foldVocabulary = Array.from(counted.ids, (id) => interned.keys[id]!);
    return { weights: compileWeights({ ...weightInput(fitLabels, counted, foldVocabulary), alpha, variant, binary: settings.binary }), rowOf: counted.rowOf };
  });

  // Calibration, thresholds and the gate are fitted on the calibration examples' out-of-fold scores.
  const flagged = rows.some((row) => row.calibrate !== undefined);
  const calibrationRows = rows.map((row, i) => i).filter((i) => !flagged || rows[i]!.calibrate === true);
  if (!calibrationRows.length) throw new InputError('no example is marked calibrate: true', { code: 'INVALID_CORPUS' });
  const truthOf = (l: number): boolean[] => calibrationRows.map((i) => countable[i]!.has[l]!);
  const scaling: Record<string, PlattScaling> = {};
  const probabilitiesOf = (l: number, key: string): number[] => {
    const x = calibrationRows.map((i) => oof[l]![i]!);
    const { scale, shift } = (scaling[key] = calibrationMethod === 'platt' ? fitPlatt(x, truthOf(l)) : { scale: 1, shift: 0 });
    return x.map((v) => logistic(scale * v + shift));
  };
  const probabilities = labels.map((label, l) => probabilitiesOf(l, label));
  const practice = useGate ? probabilitiesOf(labels.length, GATE_KEY) : undefined;
  const fused = rows.some((row) => row.ruleScores !== undefined) || useGate;
  const choices: (Confusion & { threshold: number })[] = [];
  let gateThreshold = 0;
  if (fused) {
    const fitted = fitFusion({
      probabilities,
      ruleScores: labels.map((label) => calibrationRows.map((i) => rows[i]!.ruleScores?.[label] ?? 0)),
      truth: labels.map((_, l) => truthOf(l)),
      ...(practice ? { practice } : {}),
    });
    gateThreshold = fitted.gateThreshold;
    fitted.confusions.forEach((c, l) => choices.push({ ...c, threshold: fitted.thresholds[l]! }));
  } else {
    labels.forEach((_, l) => choices.push(chooseThreshold(probabilities[l]!, truthOf(l))));
  }

  const thresholds: Record<string, number> = {};
  const perLabel: Record<string, LabelMetrics> = {};
  labels.forEach((label, l) => {
    const choice = choices[l]!;
    thresholds[label] = choice.threshold;
    perLabel[label] = { ...scoresOf(choice), support: labelCountOf(l), threshold: choice.threshold, logLoss: logLoss(probabilities[l]!, truthOf(l)) };
  });
  const gate: Gate | undefined = useGate
    ? { threshold: gateThreshold, scaling: scaling[GATE_KEY]!, positives: labelCountOf(labels.length), counts: { pos: full.pos[labels.length]!, neg: full.neg[labels.length]! } }
    : undefined;
  const labelCounts = Object.fromEntries(labels.map((label, l) => [label, labelCountOf(l)]));
  const counts = Object.fromEntries(labels.map((label, l) => [label, { pos: full.pos[l]!, neg: full.neg[l]! }]));
  const calibrationGroups = new Set(calibrationRows.map((i) => groupKeys[i])).size;
  const calibrationWeights = new Set(calibrationRows.map((i) => rows[i]!.weight ?? 1));
  const total = choices.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const mean = (pick: (m: LabelMetrics) => number): number => labels.reduce((s, label) => s + pick(perLabel[label]!), 0) / labels.length;

  const file: ModelFile = {
    format: MODEL_FORMAT,
    version: MODEL_FILE_VERSION,
    name,
    labels,
    thresholds,
    variant,
    smoothing: { method: 'lidstone', alpha },
    lengthNorm: full.lengthNorm,
    calibration:
      calibrationMethod === 'platt' ? { method: 'platt', perLabel: Object.fromEntries(labels.map((label) => [label, scaling[label]!])) } : { method: 'none' },
    features: settings,
    ...(gate ? { gate } : {}),
    training: {
      corpusHash: corpusHash(rows),
      examples: full.examples,
      labelCounts,
      ...(flagged
        ? {
            calibration: {
              description: options.calibrationDescription ?? 'calibration examples',
              examples: calibrationRows.length,
              groups: calibrationGroups,
              weight: calibrationWeights.size === 1 ? [...calibrationWeights][0]! : 1,
            },
          }
        : {}),
    },
    metrics: {
      crossValidated: {
        folds: assignment.folds,
        seed,
        perLabel,
        micro: scoresOf(total),
        macro: { precision: mean((m) => m.precision), recall: mean((m) => m.recall), f1: mean((m) => m.f1) },
      },
    },
    vocabulary,
    counts,
  };
  const issues = consistencyIssues(file);
  if (issues.length) throw new Error(`internal: trained an inconsistent model: ${issues.map((i) => i.message).join('; ')}`);
  return file;
}

type ParsedExample = z.output<typeof trainingExampleSchema>;

// The gate's key among the counted labels; label ids are kebab-case, so it cannot clash.
const GATE_KEY = '(practice)';

/** Whether to learn the practice gate: it needs examples with and without labels. */
function wantsGate(setting: boolean | 'auto', rows: readonly ParsedExample[], labels: readonly string[]): boolean {
  const known = new Set(labels);
  const stating = rows.filter((row) => row.themes.some((t) => known.has(t))).length;
  const possible = stating > 0 && stating < rows.length;
  if (setting === true && !possible) {
    throw new InputError('the practice gate needs examples with and without themes', { code: 'INVALID_CORPUS' });
  }
  if (setting === 'auto') return possible && rows.some((row) => row.calibrate !== undefined || row.ruleScores !== undefined);
  return setting && possible;
}

/** Validated options with every default filled in. */
function resolveOptions(options: TrainOptions) {
  const parsed = trainOptionsSchema.safeParse(options);
  if (!parsed.success) throw new InputError('invalid training options', { code: 'INVALID_OPTIONS', issues: toIssues(parsed.error.issues) });
  const opts = parsed.data;
  const labels = [...opts.labels];
  if (new Set(labels).size !== labels.length) throw new InputError('training options: labels must be unique', { code: 'INVALID_OPTIONS' });
  // Unset (or explicitly undefined) fields take the defaults; the range is copied so the model owns it.
  const given = Object.fromEntries(Object.entries(opts.features ?? {}).filter(([, v]) => v !== undefined));
  const merged = { ...DEFAULT_FEATURE_SETTINGS, ...given } as FeatureSettings;
  const settings: FeatureSettings = { ...merged, ngramRange: [...merged.ngramRange] as [number, number] };
  const checked = featureSettingsSchema.safeParse(settings);
  if (!checked.success) {
    throw new InputError('invalid feature settings', { code: 'INVALID_OPTIONS', issues: toIssues(checked.error.issues).map(under('features')) });
  }
  return {
    labels,
    settings,
    name: opts.name ?? 'practice-themes-nb',
    alpha: opts.alpha ?? DEFAULT_TRAIN_SETTINGS.alpha,
    variant: opts.variant ?? DEFAULT_TRAIN_SETTINGS.variant,
    lengthMethod: opts.lengthNorm ?? DEFAULT_TRAIN_SETTINGS.lengthNorm,
    calibrationMethod: opts.calibration ?? DEFAULT_TRAIN_SETTINGS.calibration,
    requestedFolds: opts.folds ?? DEFAULT_TRAIN_SETTINGS.folds,
    seed: opts.seed ?? DEFAULT_TRAIN_SETTINGS.seed,
    analyzer: opts.analyzer,
  };
}

/** Counts over the examples at `members`, with the length reference of the `sqrt` method. */
function fitCounts(
  interned: InternedFeatures,
  flags: readonly CountableFlags[],
  members: readonly number[],
  labelCount: number,
  settings: FeatureSettings,
  lengthMethod: 'none' | 'sqrt',
) {
  const counted = countIds(interned, flags, members, labelCount, settings);
  const lengthNorm: LengthNorm =
    lengthMethod === 'sqrt' ? { method: 'sqrt', reference: medianCountedIds(interned, members, counted.rowOf, settings.binary) } : { method: 'none' };
  return { ...counted, lengthNorm };
}

/** The label-keyed counts {@link compileWeights} takes, from counts by label index. */
function weightInput(labels: readonly string[], counted: ReturnType<typeof fitCounts>, vocabulary: readonly string[]) {
  return {
    labels,
    vocabulary,
    counts: Object.fromEntries(labels.map((label, l) => [label, { pos: counted.pos[l]!, neg: counted.neg[l]! }])),
    labelCounts: Object.fromEntries(labels.map((label, l) => [label, counted.withLabel[l]!])),
    examples: counted.examples,
    lengthNorm: counted.lengthNorm,
  };
}

/** Every example has something to learn from, and only known themes. */
function checkExamples(rows: readonly ParsedExample[], labels: readonly string[], analyzer: TextAnalyzer | undefined): void {
  const known = new Set(labels);
  const missing: Issue[] = [];
  const unknown: Issue[] = [];
  rows.forEach((row, i) => {
    if (row.features === undefined && row.text === undefined) missing.push({ path: [i], message: 'needs text or features' });
    else if (row.features === undefined && analyzer === undefined) missing.push({ path: [i, 'text'], message: 'text given but no analyzer in the options' });
    row.themes.forEach((theme, j) => {
      if (!known.has(theme)) unknown.push({ path: [i, 'themes', j], message: `"${theme}" is not one of the labels (${labels.join(', ')})` });
    });
  });
  if (missing.length) throw new InputError('training examples without features', { code: 'INVALID_CORPUS', issues: missing });
  if (unknown.length) throw new InputError('training examples carry themes that are not labels', { code: 'UNKNOWN_THEME', issues: unknown });
  if (!rows.length) throw new InputError('no training examples', { code: 'INVALID_CORPUS' });
}

function featuresOf(row: ParsedExample, settings: FeatureSettings, analyzer: TextAnalyzer | undefined): readonly Feature[] {
  if (row.features !== undefined) return row.features.map((f) => (typeof f === 'string' ? { key: f, start: 0, end: 0 } : f));
  return extractTextFeatures(analyzer!.analyze(row.text!), settings);
}

function under(key: string): (issue: Issue) => Issue {
  return (issue) => ({ path: [key, ...issue.path], message: issue.message });
}
