/** `practice-themes agreement A.jsonl B.jsonl`: Cohen's kappa per theme between two labellings of the same units. */
import { z } from 'zod';
import { parseJsonLines } from '../corpus/schema';
import { readTextFile } from '../files/read-text-file';
import { formatReport, OUTPUT_FORMATS } from '../eval/format';
import { labellingAgreement } from '../eval/kappa';
import { EXIT, oneOf, parseCommandArgs, UsageError, write, type CliIO } from './common';

/** Help text of the agreement command. */
export const AGREEMENT_USAGE = `Usage: practice-themes agreement A.jsonl B.jsonl [options]

Compares two labellings of the same units (e.g. two annotators): per theme,
Cohen's kappa with observed and chance agreement, the share of units labelled
identically, and every unit they label differently. Each file holds JSON Lines
of {"id", "themes", "text"?}; both must cover the same ids.

Options:
  --themes A,B,...   themes to compare, in order (default: every theme in either file, sorted)
  --format F         table (default), markdown, json or csv
                     (csv columns: theme,kappa,observed,expected,both,only_a,only_b,neither, then a "mean" row)
`;

/** One unit of a labelling file. */
export const LabellingLineSchema = z.object({
  id: z.string().min(1),
  themes: z.array(z.string()),
  text: z.string().optional(),
});

/** Runs the agreement command; resolves to the exit code. */
export async function runAgreement(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { themes: { type: 'string' }, format: { type: 'string' } });
  if (positionals.length !== 2) throw new UsageError('agreement takes exactly two files, A.jsonl and B.jsonl');
  const format = oneOf('format', values.format, OUTPUT_FORMATS, 'table');
  const [a, b] = await Promise.all(
    positionals.map(async (file) => parseJsonLines(await readTextFile(file), LabellingLineSchema, { file })),
  );
  const report = labellingAgreement(a!, b!, {
    names: [positionals[0]!, positionals[1]!],
    ...(values.themes ? { themes: values.themes.split(',').map((t) => t.trim()).filter(Boolean) } : {}),
  });
  await write(io.stdout, formatReport(report, format));
  return EXIT.ok;
}
