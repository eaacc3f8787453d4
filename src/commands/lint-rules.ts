/** `practice-themes lint-rules`: how often each rule fires on a corpus, and how precisely. */
import { compileRules } from '../rules/compile';
import { lintRules } from '../rules/lint';
import { loadRuleSets } from '../files/load-rules';
import { readCorpus } from '../files/read-corpus';
import { splitOf } from '../corpus/schema';
import { loadTextAnalyzer } from '../files/default-tagger';
import { defaultRulesDir, packageRoot } from '../files/package-paths';
import { join } from 'node:path';
import { importOptional } from '../io/optional-package';
import { parseCommandArgs, oneOf, write, type CliIO, EXIT } from './common';

export const LINT_RULES_USAGE = `Usage: practice-themes lint-rules [--rules FILE|DIR...] [--corpus PATH] [--split train|test|all] [--format table|json]

Runs the rules over a labelled corpus: per rule, how many units it fires on and its
precision (share of those units labelled with the rule's theme); lists rules that
never fire, rules whose own examples fail, and pattern words that are not base forms
(checked with compromise). Exit code 1 when any example fails.
`;

/** Runs lint-rules. */
export async function runLintRules(args: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, {
    rules: { type: 'string', multiple: true },
    corpus: { type: 'string' },
    split: { type: 'string' },
    format: { type: 'string' },
  }, false);
  const split = oneOf('split', values.split, ['train', 'test', 'all'] as const, 'train');
  const format = oneOf('format', values.format, ['table', 'json'] as const, 'table');
  const analyzer = await loadTextAnalyzer();
  const compiled = compileRules(await loadRuleSets(values.rules ?? [defaultRulesDir()]), { analyzer });
  const units = (await readCorpus(values.corpus ?? join(packageRoot(), 'corpus'))).filter((u) => split === 'all' || splitOf(u) === split);
  // compromise is loaded here only: it is far too slow to sit on the tagging path
  // (and an optional peer dependency: missing, it is a MISSING_DEPENDENCY error).
  const { createBaseFormCheck } = await importOptional('compromise', () => import('../io/base-form-check'));
  const report = lintRules(compiled, analyzer, units, { isBaseForm: createBaseFormCheck() });
  if (format === 'json') {
    await write(io.stdout, JSON.stringify(report, null, 2) + '\n');
  } else {
    await write(io.stdout, `${report.units} units (${split} split), ${report.rules.length} rules\n\n`);
    await write(io.stdout, `${'rule'.padEnd(44)} ${'theme'.padEnd(22)} ${'fires'.padStart(5)} ${'right'.padStart(5)} precision\n`);
    for (const r of report.rules) {
      const precision = r.precision === null ? '    -' : r.precision.toFixed(2).padStart(5);
      await write(io.stdout, `${r.ruleId.padEnd(44)} ${r.theme.padEnd(22)} ${String(r.fires).padStart(5)} ${String(r.truePositives).padStart(5)} ${precision}\n`);
    }
    await write(io.stdout, `\nnever fire (${report.neverFire.length}): ${report.neverFire.join(', ') || 'none'}\n`);
    await write(io.stdout, `failing examples (${report.failingExamples.length})${report.failingExamples.length ? ':' : ': none'}\n`);
    for (const f of report.failingExamples) await write(io.stdout, `  ${JSON.stringify(f)}\n`);
    await write(io.stdout, `words that are not base forms (${report.nonBaseForms.length})${report.nonBaseForms.length ? ':' : ': none'}\n`);
    for (const w of report.nonBaseForms) await write(io.stdout, `  ${w.ruleId} ${w.path}: "${w.word}"\n`);
  }
  return report.failingExamples.length ? EXIT.badInput : EXIT.ok;
}
