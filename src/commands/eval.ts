/**
 * `practice-themes eval DATA`: scores a tagger against labelled data, or with
 * `--folds K` cross-validates on it (a fresh model per fold). Also holds the
 * readers the other evaluation commands share.
 */
import { stat } from 'node:fs/promises';
import { z } from 'zod';
import { InputError } from '../errors';
import { assertUniqueIds, LabelledExampleSchema, parseJsonLines, type LabelledExample } from '../corpus/schema';
import { loadDefaultTagger, loadLanguageModel } from '../files/default-tagger';
import { writeAtomically } from '../files/load-model';
import { loadRuleSets } from '../files/load-rules';
import { readCorpus } from '../files/read-corpus';
import { readTextFile } from '../files/read-text-file';
import { ABLATION_MODES, ablate, crossValidate, evaluateTagger } from '../eval/cross-validate';
import { formatErrorsCsv, formatReport, OUTPUT_FORMATS } from '../eval/format';
import type { Mode, Report } from '../eval/report-schema';
import { EXIT, oneOf, parseCommandArgs, positiveInt, UsageError, write, type CliIO } from './common';

/** Help text of the eval command. */
export const EVAL_USAGE = `Usage: practice-themes eval DATA [options]

Scores tagging against labelled data. DATA is a JSON Lines file of
{"id", "text", "themes", "group"?} objects (corpus files fit) or a corpus folder.

Without --folds, tags DATA with the shipped tagger (or --model/--rules) and
compares its themes with the gold themes. With --folds K, cross-validates on
DATA instead: K grouped folds (units of one "group" stay together), a fresh
model trained on the other folds for each, the held-out fold scored.

Options:
  --folds K            cross-validate with K grouped folds instead
  --seed N             fold shuffle seed for --folds (default: 1)
  --labels A,B,...     themes the fold models learn (default: every theme in DATA, sorted)
  --model FILE         model file instead of the shipped one (not with --folds)
  --no-model           rules only (not with --folds)
  --rules FILE|DIR     rule set file(s) instead of the shipped ones (repeatable)
  --mode M             fused (default), rules, model, or ablation (all three compared)
  --split S            only the units of split S (train or test); each needs a "split" field
  --format F           table (default), markdown, json (full report, unrounded) or csv
  --errors FILE.csv    also write the mis-tagged units (id,gold,predicted,missing,extra,excerpt)

CSV columns: theme,precision,recall,f1,support,tp,fp,fn,tn,kappa then "micro" and
"macro" rows (ablation and cross-validation add a leading "mode" column;
cross-validation adds f1_mean,f1_std,f1_min,f1_max).
`;

const MODES = ['fused', 'rules', 'model', 'ablation'] as const;

/** Runs the eval command; resolves to the exit code. */
export async function runEval(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    folds: { type: 'string' },
    seed: { type: 'string' },
    labels: { type: 'string' },
    model: { type: 'string' },
    'no-model': { type: 'boolean' },
    rules: { type: 'string', multiple: true },
    mode: { type: 'string' },
    split: { type: 'string' },
    format: { type: 'string' },
    errors: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('eval takes exactly one DATA path');
  const format = oneOf('format', values.format, OUTPUT_FORMATS, 'table');
  const mode = oneOf('mode', values.mode, MODES, 'fused');
  const split = values.split === undefined ? undefined : oneOf('split', values.split, ['train', 'test'] as const, 'test');
  const folds = values.folds === undefined ? undefined : positiveInt('folds', values.folds, 5);
  if (folds !== undefined && folds < 2) throw new UsageError('--folds must be 2 or more');
  if (folds !== undefined && (values.model || values['no-model'])) {
    throw new UsageError('--model and --no-model do not apply with --folds (each fold trains its own model)');
  }
  if (folds === undefined && (values.seed !== undefined || values.labels !== undefined)) {
    throw new UsageError('--seed and --labels apply only with --folds');
  }
  if (values.model && values['no-model']) throw new UsageError('--model and --no-model exclude each other');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number (got "${values.seed}")`);

  const examples = await readLabelledData(positionals[0]!, split);
  let report: Report;
  if (folds !== undefined) {
    const [languageModel, ruleSets] = await Promise.all([loadLanguageModel(), loadRuleSets(values.rules)]);
    report = crossValidate(examples, {
      tagger: { languageModel, ruleSets },
      ...(values.labels ? { labels: values.labels.split(',').map((l) => l.trim()).filter(Boolean) } : {}),
      folds,
      seed,
      modes: mode === 'ablation' ? ABLATION_MODES : [mode],
    });
  } else {
    const tagger = await loadDefaultTagger({
      ...(values['no-model'] ? { modelFile: false as const } : values.model ? { modelFile: values.model } : {}),
      ...(values.rules ? { ruleFiles: values.rules } : {}),
      mode: mode === 'ablation' ? 'fused' : (mode as Mode),
    });
    report = mode === 'ablation' ? ablate(tagger, examples) : evaluateTagger(tagger, examples);
  }
  if (values.errors) await writeAtomically(values.errors, formatErrorsCsv(report));
  await write(io.stdout, formatReport(report, format));
  return EXIT.ok;
}

const SplitField = z.object({ split: z.enum(['train', 'test']) });

/**
 * Labelled examples from a JSON Lines file (extra fields ignored) or a corpus
 * folder, optionally only those of one split.
 * @throws InputError naming file and line for a bad line (or a line without `split` when one is asked for),
 *   naming the file for a repeated id or when no unit is left; DocumentError when the file is missing.
 */
export async function readLabelledData(path: string, split?: 'train' | 'test'): Promise<LabelledExample[]> {
  const info = await stat(path).catch(() => undefined);
  let examples: (LabelledExample & { split?: 'train' | 'test' })[];
  if (info?.isDirectory()) {
    examples = await readCorpus(path);
  } else {
    const schema = split === undefined ? LabelledExampleSchema : LabelledExampleSchema.extend(SplitField.shape);
    examples = parseJsonLines(await readTextFile(path), schema, { file: path, code: 'INVALID_CORPUS' });
  }
  assertUniqueIds(examples, path);
  const kept = split === undefined ? examples : examples.filter((e) => e.split === split);
  if (!kept.length) {
    throw new InputError(split === undefined ? 'no labelled units' : `no units with split "${split}"`, { code: 'INVALID_CORPUS', file: path });
  }
  return kept.map(({ id, text, themes, group }) => ({ id, text, themes, ...(group === undefined ? {} : { group }) }));
}
