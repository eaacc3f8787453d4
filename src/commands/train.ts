/** `practice-themes train CORPUS --out FILE`: trains the naive Bayes model from a labelled corpus. */
import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { basename, dirname, extname, resolve } from 'node:path';
import { assertNoMisspeltThemes, themeUses } from '../corpus/theme-check';
import { DocumentError } from '../errors';
import { trainModel } from '../nb/train';
import { corpusFiles, readCorpus } from '../files/read-corpus';
import { saveModel } from '../files/load-model';
import { loadTaxonomy } from '../files/load-taxonomy';
import { assertUniqueIds, splitOf, type CorpusUnit } from '../corpus/schema';
import type { ModelFile } from '../nb/model-file';
import { createTagger } from '../tagger';
import { DEFAULT_FEATURE_SETTINGS, extractTextFeatures } from '../text/features';
import { retrainWithReviewed } from '../review/retrain';
import { assertKnownThemes, themeLabels } from '../taxonomy/schema';
import { readReviewed, printGain, writeUnits, fraction } from './train-reviewed';
import { loadDefaultTagger, loadLanguageModel, loadTextAnalyzer } from '../files/default-tagger';
import { isRealRegister, calibratesOnReal, trainingExamplesOf, ruleScoresFrom, DEFAULT_REAL_WEIGHT, MIN_REAL_FOR_CALIBRATION, REAL_REGISTER_DESCRIPTION } from '../corpus/training-examples';
import { assertOutputsAreNotInputs } from '../io/output/output-sink';
import { parseCommandArgs, positiveInt, oneOf, UsageError, write, type CliIO, EXIT } from './common';

export const TRAIN_USAGE = `Usage: practice-themes train CORPUS --out FILE [options]

Trains the naive Bayes model from CORPUS (a corpus .jsonl file or a folder of them).
Per-theme thresholds are chosen by grouped cross-validation on the training units only.

Options:
  --out FILE          where to write the model (required; written atomically)
  --split train|all   which units to learn from (default: train; the test split stays held out)
  --labels A,B,...    theme ids to learn, in output order; a unit with any other theme is an error
                      (default: every theme in the corpus, sorted and listed with counts on stderr;
                      a theme that looks like a misspelling of a far more common one is an error)
  --taxonomy FILE     taxonomy JSON ({"themes": [{"id", "label", "description"}]}): the themes to
                      learn, in order; a corpus theme not in it is an error; names in the printout
  --folds K           cross-validation folds for thresholds (default: 5)
  --seed N            fold shuffle seed (default: 1)
  --name NAME         model name recorded in the file (default: the corpus file or folder name)
  --rules PATH        rule set file or folder whose scores the thresholds are fitted with
                      (repeatable; default: the shipped rule sets; --no-rules for none)
  --no-rules          fit thresholds for the model alone
  --real-weight K     how many times a real-register unit (one with source_url) counts
                      against a written one (default: ${DEFAULT_REAL_WEIGHT}, chosen by cross-validation by page)
  --no-gate           learn no practice-statement gate (for ablation)
  --add FILE          reviewer decisions (.jsonl from "review" and its HTML page) to fold in as
                      units with source "review" (repeatable); prints each theme's scores before
                      and after on a held-out part of the reviewed passages
  --held-out SHARE    share of the reviewed passages held out to measure on (default: 0.2,
                      by document); the saved model learns from all of them
  --reviewer NAME     reviewer recorded on decisions that do not name one
  --write-units FILE  also write the reviewed units, with provenance, as corpus JSON Lines
                      (add them to the corpus folder to keep them)
  --calibrate-on real|all
                      fit thresholds, calibration and the practice gate on the real-register
                      units (source_url, or source "review") only (default when the corpus
                      has at least ${MIN_REAL_FOR_CALIBRATION}) or on all units
`;

/** What the calibration examples are when the only real text is reviewed passages. */
const REVIEWED_DESCRIPTION = 'reviewed passages (source "review"), grouped by document';

/** A model's default name: its corpus file or folder name without the extension ("mini-corpus"). */
function corpusName(path: string): string {
  return basename(resolve(path), extname(path)) || 'model';
}

/** Runs the train command. */
export async function runTrain(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: 'string' },
    split: { type: 'string' },
    labels: { type: 'string' },
    folds: { type: 'string' },
    seed: { type: 'string' },
    name: { type: 'string' },
    rules: { type: 'string', multiple: true },
    'no-rules': { type: 'boolean' },
    'no-gate': { type: 'boolean' },
    'real-weight': { type: 'string' },
    'calibrate-on': { type: 'string' },
    taxonomy: { type: 'string' },
    add: { type: 'string', multiple: true },
    'held-out': { type: 'string' },
    reviewer: { type: 'string' },
    'write-units': { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('train takes exactly one CORPUS path');
  if (!values.out) throw new UsageError('train needs --out FILE');
  const split = oneOf('split', values.split, ['train', 'all'] as const, 'train');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number (got "${values.seed}")`);

  const corpus = positionals[0]!;
  // Checked before the minutes of training: never write over the corpus, and the folder must exist.
  await assertOutputsAreNotInputs(
    { '--out': values.out, ...(values['write-units'] ? { '--write-units': values['write-units'] } : {}) },
    [...(await corpusFiles(corpus)), ...(values.add ?? [])],
  );
  await assertFolderExists(values.out);

  const allUnits = await readCorpus(corpus);
  const units = allUnits.filter((u) => split === 'all' || splitOf(u) === 'train');
  const taxonomy = values.taxonomy ? await loadTaxonomy(values.taxonomy) : undefined;
  if (taxonomy) for (const u of allUnits) assertKnownThemes(taxonomy, u.themes, { file: corpus, what: `corpus unit "${u.id}"` });
  let labels: string[];
  if (values.labels) {
    labels = values.labels.split(',').map((l) => l.trim()).filter(Boolean);
  } else if (taxonomy) {
    labels = taxonomy.themes.map((t) => t.id);
  } else {
    // Typos are looked for over the whole corpus: a misspelt test unit is as wrong as a train one.
    assertNoMisspeltThemes(themeUses(allUnits));
    const uses = themeUses(units);
    labels = uses.map((u) => u.theme);
    await write(io.stderr, `learning every theme the corpus uses (declare them with --labels to catch typos): ${uses.map((u) => `${u.theme} ${u.units}`).join(', ')}\n`);
  }
  const names = themeLabels(taxonomy, labels);
  const analyzer = await loadTextAnalyzer();
  const realWeight = positiveInt('real-weight', values['real-weight'], DEFAULT_REAL_WEIGHT);
  const calibrateFlag = values['calibrate-on'] === undefined ? undefined : oneOf('calibrate-on', values['calibrate-on'], ['real', 'all'] as const, 'all');
  const ruleTagger = values['no-rules'] ? undefined : await loadDefaultTagger({ modelFile: false, ...(values.rules ? { ruleFiles: values.rules } : {}) });
  // Seconds spent on the saved model: rule scores, analysis (features), fitting (trainModel).
  let timing = { rules: 0, analysis: 0, fitting: 0, fittingCpu: 0 };
  // Real-register units in the saved model's training, when too few to fit thresholds on by default.
  let tooFewReal = 0;
  const trainOn = (training: readonly CorpusUnit[]): ModelFile => {
    const hasReal = training.some(isRealRegister);
    // With --add, the corpus alone (the "before" model) may have no real text: reviewed passages always are.
    if (calibrateFlag === 'real' && !hasReal && !values.add?.length) {
      throw new UsageError('--calibrate-on real needs real-register units in the corpus (source_url, or source "review")');
    }
    const calibrateOn = calibrateFlag === 'real' && !hasReal ? 'all' : (calibrateFlag ?? (calibratesOnReal(training) ? 'real' : 'all'));
    tooFewReal = calibrateFlag === undefined && calibrateOn === 'all' ? training.filter(isRealRegister).length : 0;
    const started = performance.now();
    const examples = trainingExamplesOf(training, {
      realWeight,
      calibrateOnReal: calibrateOn === 'real',
      ...(ruleTagger ? { ruleScores: ruleScoresFrom(ruleTagger) } : {}),
    });
    const scored = performance.now();
    // Features apart from fitting, so the two are timed apart; the text stays for the corpus hash.
    const analysed = examples.map((e) => ({ ...e, features: extractTextFeatures(analyzer.analyze(e.text!), DEFAULT_FEATURE_SETTINGS) }));
    const analysedAt = performance.now();
    const cpuAtFit = process.cpuUsage();
    const model = trainModel(analysed, {
      labels,
      features: DEFAULT_FEATURE_SETTINGS,
      folds: positiveInt('folds', values.folds, 5),
      seed,
      name: values.name ?? corpusName(corpus),
      ...(values['no-gate'] ? { gate: false } : {}),
      ...(calibrateOn === 'real' ? { calibrationDescription: training.some((u) => u.source_url !== undefined) ? REAL_REGISTER_DESCRIPTION : REVIEWED_DESCRIPTION } : {}),
    });
    const seconds = (from: number, to: number): number => (to - from) / 1000;
    timing = {
      rules: seconds(started, scored),
      analysis: seconds(scored, analysedAt),
      fitting: seconds(analysedAt, performance.now()),
      fittingCpu: cpuSeconds(process.cpuUsage(cpuAtFit)),
    };
    return model;
  };

  let model: ModelFile;
  let trainedOn = units.length;
  if (values.add?.length) {
    const reviewed = await readReviewed(values.add, labels, values.reviewer);
    assertUniqueIds([...units, ...reviewed], corpus);
    const languageModel = await loadLanguageModel();
    const ruleSets = ruleTagger?.options.ruleSets ?? [];
    const result = retrainWithReviewed(units, reviewed, {
      train: trainOn,
      predict: (m, texts) => {
        const tagger = createTagger({ languageModel, model: m, ruleSets, themes: labels });
        return texts.map((text) => tagger.tag(text).themes);
      },
      themes: labels,
      heldOutShare: fraction('held-out', values['held-out'], 0.2),
    });
    model = result.model!;
    trainedOn += reviewed.length;
    await printGain(io, result, names, reviewed.length);
    if (values['write-units']) await writeUnits(values['write-units'], reviewed);
  } else model = trainOn(units);
  await saveModel(values.out, model);
  const cv = model.metrics.crossValidated;
  await write(io.stderr, `trained on ${trainedOn} units (${labels.length} themes); ${model.vocabulary.length} features; wrote ${values.out}\n`);
  if (tooFewReal > 0) {
    await write(
      io.stderr,
      `thresholds, calibration and the gate fitted on every unit: ${tooFewReal} real-register or reviewed unit(s), fewer than the ${MIN_REAL_FOR_CALIBRATION} they are fitted on alone (--calibrate-on real to fit on them anyway)\n`,
    );
  }
  const on = model.training.calibration;
  await write(
    io.stderr,
    on
      ? `cross-validated (${cv.folds} folds, grouped), scored on ${on.examples} ${on.description} in ${on.groups} groups:\n`
      : `cross-validated on the training units (${cv.folds} folds, grouped by review):\n`,
  );
  for (const label of labels) {
    const m = cv.perLabel[label]!;
    await write(io.stderr, `  ${names[label]!.padEnd(24)} P ${m.precision.toFixed(3)}  R ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}  threshold ${m.threshold.toFixed(3)}\n`);
  }
  await write(io.stderr, `  macro F1 ${cv.macro.f1.toFixed(3)}, micro F1 ${cv.micro.f1.toFixed(3)}\n`);
  if (model.gate) await write(io.stderr, `  practice gate threshold ${model.gate.threshold.toFixed(2)}\n`);
  const { rules, analysis, fitting, fittingCpu } = timing;
  await write(
    io.stderr,
    `time: ${ruleTagger ? `rule scores ${rules.toFixed(1)} s, ` : ''}analysis ${analysis.toFixed(1)} s, fitting ${fitting.toFixed(2)} s (CPU ${fittingCpu.toFixed(2)} s: counts, ${cv.folds}-fold out-of-fold scores, calibration, thresholds${model.gate ? ', gate' : ''})\n`,
  );
  return EXIT.ok;
}

/** User plus system CPU time of a process.cpuUsage() difference, in seconds (all threads, GC included). */
function cpuSeconds({ user, system }: NodeJS.CpuUsage): number {
  return (user + system) / 1e6;
}

/** DocumentError FILE_NOT_FOUND when the folder `file` would be written to is missing or not a folder. */
async function assertFolderExists(file: string): Promise<void> {
  const folder = dirname(resolve(file));
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new DocumentError('FILE_NOT_FOUND', `cannot write the model: folder ${folder} does not exist`, { file });
  }
}
