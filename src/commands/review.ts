/** `practice-themes review PATH... --out queue.csv|.jsonl|.html`: the passages a reviewer should check first. */
import { extname } from 'node:path';
import { loadDefaultTagger } from '../files/default-tagger';
import { loadTaxonomy } from '../files/load-taxonomy';
import { queueDocumentsForReview } from '../files/review-documents';
import { createAtomicFile } from '../io/output/atomic-file';
import { formatQueueCsv, formatQueueJsonl } from '../review/queue-format';
import { themeLabels } from '../taxonomy/schema';
import { parseCommandArgs, positiveInt, UsageError, write, EXIT, type CliIO } from './common';

export const REVIEW_USAGE = `Usage: practice-themes review PATH... --out FILE [options]

Tags the documents at passage (sentence) level and writes the passages whose
correction would teach the model most: scores nearest a theme's threshold, rules
and model disagreeing, spread across documents. The format follows --out:
  .csv    a spreadsheet with empty "review:" columns per theme (1 = applies, 0 = not)
  .jsonl  one JSON object per passage
  .html   a self-contained review page: tick the themes of each passage, then save
          a decisions .jsonl for "practice-themes train CORPUS --add decisions.jsonl"

Options:
  --out FILE            where to write the queue (required; .csv, .jsonl or .html)
  --size N              passages in the queue (default: 100)
  --per-document N      most passages from one document (default: the larger of a tenth
                        of --size and an even share over the documents)
  --model FILE          model file instead of the shipped one
  --no-model            rules only
  --rules FILE|DIR      rule set file(s) instead of the shipped ones (repeatable)
  --taxonomy FILE       taxonomy JSON whose labels name the themes in the output
`;

const FORMATS = ['.csv', '.jsonl', '.html'] as const;

/** Runs the review command. */
export async function runReview(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: 'string' },
    size: { type: 'string' },
    'per-document': { type: 'string' },
    model: { type: 'string' },
    'no-model': { type: 'boolean' },
    rules: { type: 'string', multiple: true },
    taxonomy: { type: 'string' },
  });
  if (!positionals.length) throw new UsageError('review needs at least one PATH');
  if (!values.out) throw new UsageError('review needs --out FILE (.csv, .jsonl or .html)');
  const format = extname(values.out).toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--out must end in ${FORMATS.join(', ')} (got "${values.out}")`);
  if (values.model && values['no-model']) throw new UsageError('--model and --no-model exclude each other');
  const size = positiveInt('size', values.size, 100);

  const taxonomy = values.taxonomy ? await loadTaxonomy(values.taxonomy) : undefined;
  const tagger = await loadDefaultTagger({
    ...(values['no-model'] ? { modelFile: false as const } : values.model ? { modelFile: values.model } : {}),
    ...(values.rules ? { ruleFiles: values.rules } : {}),
    ...(taxonomy ? { themes: taxonomy.themes.map((t) => t.id) } : {}),
  });
  const names = themeLabels(taxonomy, tagger.themes);
  const progress = io.stderr.isTTY;
  const { queue, documents, errors } = await queueDocumentsForReview(positionals, {
    tagger,
    size,
    ...(values['per-document'] ? { maxPerDocument: positiveInt('per-document', values['per-document'], 1) } : {}),
    onError: (record) => void io.stderr.write(`${record.error.message} (${record.error.code})\n`),
    ...(progress ? { onDocument: (id: string) => void io.stderr.write(`\rtagged ${id}`.slice(0, 100).padEnd(100)) } : {}),
  });
  if (progress) await write(io.stderr, '\n');

  let text: string;
  if (format === '.csv') text = formatQueueCsv(queue, tagger.themes, names);
  else if (format === '.jsonl') text = formatQueueJsonl(queue);
  else {
    const { reviewPageHtml } = await import('../review/review-page');
    text = reviewPageHtml(queue, { themes: tagger.themes.map((id) => ({ id, label: names[id]!, description: taxonomy?.themes.find((t) => t.id === id)?.description ?? '' })) });
  }
  const file = await createAtomicFile(values.out);
  await file.write(text);
  await file.commit();
  const perDocument = new Set(queue.map((p) => p.document)).size;
  await write(io.stderr, `queued ${queue.length} passages from ${perDocument} of ${documents} documents; wrote ${values.out}\n`);
  return errors.length ? EXIT.badInput : EXIT.ok;
}
