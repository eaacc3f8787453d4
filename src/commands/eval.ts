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
import { MAX_RESAMPLES } from '../eval/bootstrap';
import { compareTaggers } from '../eval/compare';
import { ABLATION_MODES, ablate, crossValidate, evaluateTagger } from '../eval/cross-validate';
import { DEFAULT_DOCUMENT_FROM, DOCUMENT_FROM } from '../fuse/document';
import { FUSION_MODES } from '../fuse/fuse';
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
  --seed N             seed of the fold shuffle (--folds) and of --bootstrap (default: 1)
  --labels A,B,...     themes the fold models learn (default: every theme in DATA, sorted)
  --model FILE         model file instead of the shipped one (not with --folds)
  --no-model           rules only (not with --folds)
  --rules FILE|DIR     rule set file(s) instead of the shipped ones (repeatable)
  --mode M             fused (default), rules, model, or ablation (all three compared)
  --document-from D    what decides a text's themes: both (default), paragraphs or sentences
                       (see the tagger option documentFrom)
  --split S            only the units of split S (train or test); each needs a "split" field
  --format F           table (default), markdown, json (full report, unrounded) or csv
  --errors FILE.csv    also write the mis-tagged units (id,gold,predicted,missing,extra,excerpt)
  --bootstrap N        add N-resample bootstrap intervals of every F1 (e.g. 1000, at most 100000;
                       whole groups resampled when units carry "group"; seeded by --seed); with
                       ablation, also fused minus rules and minus model, paired
  --confidence C       coverage of the intervals (default: 0.95)
  --by FIELD           also score each value of FIELD apart (e.g. genre, source_kind): macro F1
                       over the themes present, and no-theme units tagged anyway (table, markdown
                       and json; not with --folds)
  --against-model FILE compare with a second tagger that uses this model (and --against-rules
  --against-rules F|D  or the same rules, --against-document-from or the same setting): each
  --against-document-from D
                       one's F1 and A - B with a paired bootstrap interval (1000 resamples
                       unless --bootstrap N; not with --folds or ablation)

CSV columns: theme,precision,recall,f1,support,tp,fp,fn,tn,kappa then "micro" and
"macro" rows (ablation and cross-validation add a leading "mode" column;
cross-validation adds f1_mean,f1_std,f1_min,f1_max; --bootstrap adds f1_low,f1_high).
`;

const MODES = [...FUSION_MODES, 'ablation'] as const;

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
    'document-from': { type: 'string' },
    split: { type: 'string' },
    format: { type: 'string' },
    errors: { type: 'string' },
    bootstrap: { type: 'string' },
    confidence: { type: 'string' },
    by: { type: 'string' },
    'against-model': { type: 'string' },
    'against-rules': { type: 'string', multiple: true },
    'against-document-from': { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('eval takes exactly one DATA path');
  const format = oneOf('format', values.format, OUTPUT_FORMATS, 'table');
  const mode = oneOf('mode', values.mode, MODES, 'fused');
  const documentFrom = oneOf('document-from', values['document-from'], DOCUMENT_FROM, DEFAULT_DOCUMENT_FROM);
  const documentFromB = oneOf('against-document-from', values['against-document-from'], DOCUMENT_FROM, documentFrom);
  const split = values.split === undefined ? undefined : oneOf('split', values.split, ['train', 'test'] as const, 'test');
  const folds = values.folds === undefined ? undefined : positiveInt('folds', values.folds, 5);
  if (folds !== undefined && folds < 2) throw new UsageError('--folds must be 2 or more');
  if (folds !== undefined && (values.model || values['no-model'])) {
    throw new UsageError('--model and --no-model do not apply with --folds (each fold trains its own model)');
  }
  if (folds === undefined && values.labels !== undefined) throw new UsageError('--labels applies only with --folds');
  const comparing = values['against-model'] !== undefined || values['against-rules'] !== undefined || values['against-document-from'] !== undefined;
  const withBootstrap = values.bootstrap !== undefined || comparing;
  if (folds === undefined && !withBootstrap && values.seed !== undefined) throw new UsageError('--seed applies only with --folds or --bootstrap');
  if (!withBootstrap && values.confidence !== undefined) throw new UsageError('--confidence applies only with --bootstrap');
  if (values.model && values['no-model']) throw new UsageError('--model and --no-model exclude each other');
  if (folds !== undefined && values.by !== undefined) throw new UsageError('--by does not apply with --folds');
  const by = byFieldOption(values.by);
  if (comparing && (folds !== undefined || mode === 'ablation')) throw new UsageError('--against-model, --against-rules and --against-document-from do not apply with --folds or --mode ablation');
  if (comparing && values.by !== undefined) throw new UsageError('--by does not apply to a comparison');
  // In rules mode a model plays no part, in model mode the rules none: B would be A.
  if (mode === 'rules' && values['against-model'] !== undefined && values['against-rules'] === undefined) throw new UsageError('--against-model compares nothing with --mode rules (the model plays no part)');
  if (mode === 'model' && values['against-rules'] !== undefined && values['against-model'] === undefined) throw new UsageError('--against-rules compares nothing with --mode model (the rules play no part)');
  if (values['against-document-from'] !== undefined && values['against-model'] === undefined && values['against-rules'] === undefined && documentFromB === documentFrom) {
    throw new UsageError(`--against-document-from ${documentFromB} compares nothing: it is A's setting too`);
  }
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number (got "${values.seed}")`);
  const bootstrap = withBootstrap ? { resamples: resamplesOption(values.bootstrap), level: confidenceOf(values.confidence), seed } : undefined;

  const { examples, valueOf } = await readLabelledData(positionals[0]!, split, by);
  let report: Report;
  if (folds !== undefined) {
    const [languageModel, ruleSets] = await Promise.all([loadLanguageModel(), loadRuleSets(values.rules)]);
    report = crossValidate(examples, {
      tagger: { languageModel, ruleSets, documentFrom },
      ...(values.labels ? { labels: values.labels.split(',').map((l) => l.trim()).filter(Boolean) } : {}),
      folds,
      seed,
      modes: mode === 'ablation' ? ABLATION_MODES : [mode],
      ...(bootstrap ? { bootstrap } : {}),
    });
  } else {
    const tagger = await loadDefaultTagger({
      ...(values['no-model'] ? { modelFile: false as const } : values.model ? { modelFile: values.model } : {}),
      ...(values.rules ? { ruleFiles: values.rules } : {}),
      mode: mode === 'ablation' ? 'fused' : (mode as Mode),
      documentFrom,
    });
    if (comparing) {
      // B differs from A only in what --against-* names.
      const modelB = values['against-model'] ?? (values['no-model'] ? false : values.model);
      const rulesB = values['against-rules'] ?? values.rules;
      const other = await loadDefaultTagger({
        ...(modelB === false ? { modelFile: false as const } : modelB ? { modelFile: modelB } : {}),
        ...(rulesB ? { ruleFiles: rulesB } : {}),
        mode: mode as Mode,
        documentFrom: documentFromB,
      });
      report = compareTaggers(tagger, other, examples, bootstrap ? { bootstrap } : {});
    } else {
      const options = { ...(bootstrap ? { bootstrap } : {}), ...(by ? { breakdown: { field: by, valueOf } } : {}) };
      report = mode === 'ablation' ? ablate(tagger, examples, options) : evaluateTagger(tagger, examples, options);
    }
  }
  if (values.errors) await writeAtomically(values.errors, formatErrorsCsv(report));
  await write(io.stdout, formatReport(report, format));
  return EXIT.ok;
}

/** --bootstrap N, shared with eval-dev: resamples (default 1000), at most MAX_RESAMPLES. */
export function resamplesOption(value: string | undefined): number {
  const resamples = positiveInt('bootstrap', value, 1000);
  if (resamples > MAX_RESAMPLES) throw new UsageError(`--bootstrap takes at most ${MAX_RESAMPLES} resamples (got ${resamples})`);
  return resamples;
}

/** --by FIELD, shared with eval-dev: a field name other than the data's own id, text and themes. */
export function byFieldOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!value.trim()) throw new UsageError('--by needs a field name');
  if (['id', 'text', 'themes'].includes(value)) throw new UsageError(`--by needs a field other than id, text and themes (got "${value}")`);
  return value;
}

function confidenceOf(value: string | undefined): number {
  if (value === undefined) return 0.95;
  const level = Number(value);
  if (!(level > 0 && level < 1)) throw new UsageError(`--confidence must be a number between 0 and 1, e.g. 0.95 (got "${value}")`);
  return level;
}

const SplitField = z.object({ split: z.enum(['train', 'test']) });
// A --by field: a string, number or true/false; null or absent counts as no value.
const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();

/**
 * Labelled examples from a JSON Lines file (extra fields ignored) or a corpus
 * folder, optionally only those of one split, and each example's value of `field`
 * (a string, number or boolean field of the line; `undefined` where it has none).
 * @throws InputError naming file and line for a bad line (or a line without `split` when one is asked for,
 *   or a `field` value that is an object or array), naming the file for a repeated id or when no unit
 *   is left; DocumentError when the file is missing.
 */
export async function readLabelledData(
  path: string,
  split?: 'train' | 'test',
  field?: string,
): Promise<{ examples: LabelledExample[]; valueOf: (id: string) => string | undefined }> {
  const info = await stat(path).catch(() => undefined);
  let rows: (LabelledExample & { split?: 'train' | 'test' } & Record<string, unknown>)[];
  if (info?.isDirectory()) {
    rows = (await readCorpus(path)) as typeof rows;
  } else {
    const withSplit = split === undefined ? LabelledExampleSchema : LabelledExampleSchema.extend(SplitField.shape);
    // The field's own check, unless it is one the schema already has (group, split). Checked on
    // the line's own keys: a name like "constructor" must not find Object's.
    const schema =
      field === undefined || Object.hasOwn(withSplit.shape, field)
        ? withSplit
        : withSplit.loose().superRefine((row, ctx) => {
            if (Object.hasOwn(row, field) && !FieldValue.safeParse(row[field]).success) {
              ctx.addIssue({ code: 'custom', path: [field], message: 'a --by field must be a string, a number, true/false or null' });
            }
          });
    rows = parseJsonLines(await readTextFile(path), schema as z.ZodType<(typeof rows)[number]>, { file: path, code: 'INVALID_CORPUS' });
  }
  assertUniqueIds(rows, path);
  const kept = split === undefined ? rows : rows.filter((e) => e.split === split);
  if (!kept.length) {
    throw new InputError(split === undefined ? 'no labelled units' : `no units with split "${split}"`, { code: 'INVALID_CORPUS', file: path });
  }
  const values = new Map<string, string>();
  if (field !== undefined) {
    for (const row of kept) {
      const value = Object.hasOwn(row, field) ? row[field] : undefined;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values.set(row.id, String(value));
    }
  }
  return {
    examples: kept.map(({ id, text, themes, group }) => ({ id, text, themes, ...(group === undefined ? {} : { group }) })),
    valueOf: (id) => values.get(id),
  };
}
