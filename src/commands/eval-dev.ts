/**
 * `practice-themes eval-dev [FILE]`: scores the default tagger on the shared
 * development set (../shared/eval/dev.jsonl beside the repository). It MEASURES
 * only: nothing here trains, tunes or keeps anything from that set.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDefaultTagger } from '../files/default-tagger';
import { packageRoot } from '../files/package-paths';
import { evaluateTagger } from '../eval/cross-validate';
import { fixed, renderPlain, type Block } from '../eval/format-blocks';
import { breakdownBlocks } from '../eval/format-breakdown';
import { fewClusters, intervalCells } from '../eval/format-intervals';
import { summarize } from '../eval/metrics';
import { byFieldOption, readLabelledData, resamplesOption } from './eval';
import { DEFAULT_DOCUMENT_FROM, DOCUMENT_FROM } from '../fuse/document';
import { EXIT, oneOf, parseCommandArgs, UsageError, write, type CliIO } from './common';

/** Help text of the eval-dev command. */
export const EVAL_DEV_USAGE = `Usage: practice-themes eval-dev [FILE] [options]

Scores the default tagger on the development set of real-case passages
(default: ../shared/eval/dev.jsonl relative to the repository root) and prints
per-theme and macro F1 with the date and the model's training corpus hash.
The set is for measuring only: it is never trained or tuned on.

Options:
  --model FILE       model file instead of the shipped one
  --rules FILE|DIR   rule set file(s) instead of the shipped ones (repeatable)
  --document-from D  what decides a passage's themes: both (default), paragraphs or sentences
  --format F         table (default) or json
  --bootstrap N      add N-resample bootstrap intervals of every F1 (seed 1, 95%)
  --by FIELD         also score each value of FIELD apart (the set's source_kind, say)
`;

/** Where the development set is looked for when no FILE is given. */
export function defaultDevSetPath(): string {
  return resolve(packageRoot(), '..', 'shared', 'eval', 'dev.jsonl');
}

/** Runs the eval-dev command; resolves to the exit code. */
export async function runEvalDev(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    model: { type: 'string' },
    rules: { type: 'string', multiple: true },
    'document-from': { type: 'string' },
    format: { type: 'string' },
    bootstrap: { type: 'string' },
    by: { type: 'string' },
  });
  if (positionals.length > 1) throw new UsageError('eval-dev takes at most one FILE');
  const resamples = values.bootstrap === undefined ? undefined : resamplesOption(values.bootstrap);
  const format = oneOf('format', values.format, ['table', 'json'] as const, 'table');
  const file = positionals[0] ?? defaultDevSetPath();
  if (positionals[0] === undefined && !existsSync(file)) {
    // Not an error: the set lives outside the package and is absent from installs.
    await write(io.stdout, `No development set found at ${file}: nothing was scored.\n`);
    return EXIT.ok;
  }
  const by = byFieldOption(values.by);
  const { examples, valueOf } = await readLabelledData(file, undefined, by);
  const tagger = await loadDefaultTagger({
    ...(values.model ? { modelFile: values.model } : {}),
    ...(values.rules ? { ruleFiles: values.rules } : {}),
    documentFrom: oneOf('document-from', values['document-from'], DOCUMENT_FROM, DEFAULT_DOCUMENT_FROM),
  });
  const report = evaluateTagger(tagger, examples, {
    ...(resamples ? { bootstrap: { resamples } } : {}),
    ...(by ? { breakdown: { field: by, valueOf } } : {}),
  });
  const intervals = report.intervals;
  const ci = (i: { low: number; high: number } | undefined): string[] => intervalCells(intervals, i);
  const date = new Date().toISOString().slice(0, 10);
  const model = tagger.options.model;
  const ruleSets = (tagger.options.ruleSets ?? []).map((r) => r.name);
  if (format === 'json') {
    const summary = summarize(report);
    const out = {
      date,
      file,
      model: model ? { name: model.name, corpusHash: model.training.corpusHash } : null,
      ruleSets,
      mode: report.mode,
      documentFrom: tagger.options.documentFrom,
      ...summary,
    };
    await write(io.stdout, JSON.stringify(out, null, 2) + '\n');
    return EXIT.ok;
  }
  const blocks: Block[] = [
    { kind: 'heading', text: `Development set: ${examples.length} passages, ${date}` },
    {
      kind: 'text',
      lines: [
        `file        ${file}`,
        `model       ${model ? `${model.name}, training corpus hash ${model.training.corpusHash}` : 'none (rules only)'}`,
        `rule sets   ${ruleSets.join(', ') || 'none'}`,
        `mode        ${report.mode}, themes from ${tagger.options.documentFrom === 'both' ? 'paragraphs and their sentences' : tagger.options.documentFrom}; measured only, never trained or tuned on`,
        ...(intervals ? [`F1 95% CI   bootstrap percentile interval, ${intervals.resamples} resamples of ${intervals.clusters} ${intervals.resampledBy === 'group' ? 'groups' : 'passages'}, seed ${intervals.seed}${fewClusters(intervals)}`] : []),
      ],
    },
    {
      kind: 'table',
      headers: ['theme', 'precision', 'recall', 'F1', ...(intervals ? ['F1 95% CI'] : []), 'support'],
      rows: [
        ...report.perTheme.map((m, t) => [m.theme, fixed(m.precision), fixed(m.recall), fixed(m.f1), ...ci(intervals?.perTheme[t]?.f1), String(m.support)]),
        ['micro average', fixed(report.micro.precision), fixed(report.micro.recall), fixed(report.micro.f1), ...ci(intervals?.micro.f1), ''],
        ['macro average', fixed(report.macro.precision), fixed(report.macro.recall), fixed(report.macro.f1), ...ci(intervals?.macro.f1), ''],
      ],
      align: ['left', 'right', 'right', 'right', ...(intervals ? ['right' as const] : []), 'right'],
    },
    { kind: 'text', lines: [`macro F1 ${fixed(report.macro.f1)}; exact match ${fixed(report.exactMatch)}; ${report.errors.length} of ${report.units} passages differ from gold`] },
    ...breakdownBlocks([report]),
  ];
  await write(io.stdout, renderPlain(blocks));
  return EXIT.ok;
}
