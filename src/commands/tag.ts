/**
 * `practice-themes tag`: stdin text, stdin JSON Lines (`--jsonl`), or files, folders
 * and globs (handed to the batch runner, which reads PDFs, DOCX, HTML, ... in a
 * worker pool).
 */
import { setFlagsFromString } from 'node:v8';
import { InputError, isPracticeThemesError } from '../errors';
import type { LoadTaggerOptions } from '../files/default-tagger';
import type { Tagger } from '../tagger';
import type { TagResult } from '../result-schema';
import { decodeTextInput } from '../io/readers/decode';
import { requireText } from '../io/readers/file-access';
import { DEFAULT_MAX_TEXT_LENGTH } from '../tag-input';
import { DEFAULT_DOCUMENT_FROM, DOCUMENT_FROM } from '../fuse/document';
import { FUSION_MODES } from '../fuse/fuse';
import { formatResultText } from './format-text';
import { loadTaxonomy } from '../files/load-taxonomy';
import { themeLabels } from '../taxonomy/schema';
import { describeError, EXIT, oneOf, parseCommandArgs, positiveInt, readAllBytes, UsageError, write, type CliIO } from './common';

export const TAG_USAGE = `Usage: practice-themes tag [PATH...] [options]

Tags review text with practice themes. With no PATH, reads text from stdin
(or JSON Lines {"id","text"} with --jsonl). PATHs are files, folders (recursive)
or globs: .pdf .docx .txt .md .html, and .jsonl/.csv with id and text columns.

Options:
  --jsonl                 stdin is JSON Lines of {"id", "text"}; one JSON line out per input
  --format F              jsonl (default), json, csv, or text (a readable summary with evidence,
                          for stdin or for files read one after another)
  --level L               document (default) or sentence
  --model FILE            model file instead of the shipped one (without --rules, only the
                          shipped rule sets for its themes join it)
  --no-model              rules only
  --rules FILE|DIR        rule set file(s) instead of the shipped ones (repeatable)
  --mode M                fused (default), rules or model
  --document-from D       what decides a document's themes: both (default: a paragraph
                          carries a theme scored whole or through one of its sentences),
                          paragraphs (scored whole only) or sentences
  --max-chars N           refuse a text longer than N characters (INPUT_TOO_LARGE; default 5000000)
  --out FILE              write output to FILE (atomically) instead of stdout
  --report FILE.html      also write a self-contained HTML report (PATH mode)
  --jobs N                worker threads for PATH mode (default: number of CPUs)
  --progress, --no-progress
                          PATH mode: draw the live progress line on stderr or not (default:
                          only when stderr is a terminal); counts records for .jsonl/.csv inputs
  --unsupported U         PATH mode: files of other types in folders are skipped and counted
                          on stderr (skip, the default), or each is an error record (error)
  --emit-text             PATH mode: add the extracted text to each document record ("text"),
                          so evidence offsets into PDF/DOCX/HTML text can be checked
  --time-limit S          PATH mode: seconds one document may take before it becomes a TIME_LIMIT
                          error record and the batch goes on (default: 120; 0 for none)
  --taxonomy FILE         taxonomy JSON: report its themes, in its order; --format text and
                          --report show its labels
  --id-column C           id column of .csv/.jsonl inputs (default: id)
  --text-column C         text column of .csv/.jsonl inputs (default: text)
`;

const FORMATS = ['jsonl', 'json', 'csv', 'text'] as const;

/** The V8 flags `tag` sets for its own process (see runTag); bench/run.mjs measures with them too. */
export const TAG_PROCESS_V8_FLAGS = ['--heap-growing-percent=50', '--no-allocation-site-pretenuring'] as const;

/** Runs the tag command. */
export async function runTag(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    jsonl: { type: 'boolean' },
    format: { type: 'string' },
    level: { type: 'string' },
    model: { type: 'string' },
    'no-model': { type: 'boolean' },
    rules: { type: 'string', multiple: true },
    mode: { type: 'string' },
    'document-from': { type: 'string' },
    'max-chars': { type: 'string' },
    out: { type: 'string' },
    report: { type: 'string' },
    jobs: { type: 'string' },
    progress: { type: 'boolean' },
    'no-progress': { type: 'boolean' },
    unsupported: { type: 'string' },
    'emit-text': { type: 'boolean' },
    'time-limit': { type: 'string' },
    'id-column': { type: 'string' },
    'text-column': { type: 'string' },
    taxonomy: { type: 'string' },
  });
  // V8 lets a heap grow up to about 4x what is live before a full GC, so a long batch's RSS
  // kept climbing (337 -> 546 MB from 20 to 200 MB of files) and one long text on stdin peaked
  // 15x its size above the base. Growing by at most 50% keeps both down, for about 10-15% more
  // CPU. And V8's allocation-site pretenuring decides, while a long text is read, to allocate
  // what wink's tokenizer makes straight in the old generation, where it stays as garbage until
  // a full GC: without it one 10 MB text peaks at about 7x its size above the base instead of
  // 10.5x (14x without the growth cap), for no more CPU. This process is ours, so the flags
  // (process-wide: this thread and every worker) are set here rather than in the library,
  // which runs inside other programs.
  for (const flag of TAG_PROCESS_V8_FLAGS) setFlagsFromString(flag);
  const format = oneOf('format', values.format, FORMATS, 'jsonl');
  const level = oneOf('level', values.level, ['document', 'sentence'] as const, 'document');
  const mode = oneOf('mode', values.mode, FUSION_MODES, 'fused');
  const documentFrom = oneOf('document-from', values['document-from'], DOCUMENT_FROM, DEFAULT_DOCUMENT_FROM);
  if (values.model && values['no-model']) throw new UsageError('--model and --no-model exclude each other');
  const taxonomy = values.taxonomy ? await loadTaxonomy(values.taxonomy) : undefined;
  const names = themeLabels(taxonomy, taxonomy?.themes.map((t) => t.id) ?? []);
  const maxTextLength = positiveInt('max-chars', values['max-chars'], DEFAULT_MAX_TEXT_LENGTH);
  const taggerOptions = {
    mode,
    documentFrom,
    maxTextLength,
    ...(taxonomy ? { themes: taxonomy.themes.map((t) => t.id) } : {}),
    ...(values['no-model'] ? { modelFile: false as const } : values.model ? { modelFile: values.model } : {}),
    ...(values.rules ? { ruleFiles: values.rules } : {}),
  };

  if (positionals.length) {
    if (values.jsonl) throw new UsageError('--jsonl reads stdin; give PATHs or --jsonl, not both');
    if (format === 'text') {
      if (values.out || values.report || level === 'sentence') throw new UsageError('--format text prints a readable summary to stdout; it takes no --out, --report or --level');
      return tagPathsAsText(positionals, await loadTagger(taggerOptions), io, names, values['id-column'], values['text-column']);
    }
    if (values.progress && values['no-progress']) throw new UsageError('--progress and --no-progress exclude each other');
    if (values['emit-text'] && (level === 'sentence' || format === 'csv')) throw new UsageError('--emit-text adds the text to document records: use it with --format jsonl or json at document level');
    const { runBatch } = await import('../io/batch/run-batch');
    const result = await runBatch(
      {
        paths: positionals,
        jobs: positiveInt('jobs', values.jobs, 0) || undefined,
        ...(values['time-limit'] === undefined ? {} : { timeLimitMs: Math.round(seconds('time-limit', values['time-limit']) * 1000) }),
        format,
        level,
        unsupported: oneOf('unsupported', values.unsupported, ['skip', 'error'] as const, 'skip'),
        emitText: values['emit-text'] === true,
        ...(values.progress ? { progress: true } : values['no-progress'] ? { progress: false } : {}),
        out: values.out,
        report: values.report,
        ...(taxonomy ? { themeLabels: names } : {}),
        idColumn: values['id-column'],
        textColumn: values['text-column'],
        // Each worker builds its own tagger with the same options (dist/node.js beside dist/cli.js).
        tagger: { module: new URL('./node.js', import.meta.url).href, exportName: 'loadDefaultTagger', args: [taggerOptions] },
      },
      io,
    );
    return result.exitCode;
  }
  if (values.report) throw new UsageError('--report needs PATHs (files or folders) to report on');
  if (format === 'csv') throw new UsageError('--format csv is for PATH mode; use jsonl, json or text with stdin');
  if (values.out) throw new UsageError('--out is for PATH mode; redirect stdout instead');

  const tagger = await loadTagger(taggerOptions);
  // The same decoding as files: BOM-aware UTF-8/UTF-16, a warning for replaced bytes, binary refused.
  // Plain text stops reading past the limit (4 bytes a character at most); JSON Lines is a stream of texts.
  const bytes = await readAllBytes(io.stdin, values.jsonl ? Infinity : maxTextLength * 4);
  const input = decodeTextInput(bytes, '<stdin>', (warning) => void io.stderr.write(`${warning}\n`));
  requireText(input, '<stdin>', values.jsonl ? 'stdin has no JSON Lines (empty input)' : 'stdin has no text (empty input)');
  if (!values.jsonl) {
    const result = tagger.tag(input, { id: 'stdin' });
    await write(io.stdout, format === 'text' ? formatResultText(result, 'stdin', names) : JSON.stringify(toRecord(result, level)) + '\n');
    return EXIT.ok;
  }
  return tagJsonLines(tagger, input, format, level, io, names);
}

// The tagger is loaded on this thread only for stdin and --format text: in PATH mode the
// workers load it, and the main thread starts them sooner for not loading it too.
async function loadTagger(options: LoadTaggerOptions): Promise<Tagger> {
  const { loadDefaultTagger } = await import('../files/default-tagger');
  return loadDefaultTagger(options);
}

/** Readable summaries of files, one after another on this thread (for reading, not for archives). */
async function tagPathsAsText(paths: readonly string[], tagger: Tagger, io: CliIO, names: Readonly<Record<string, string>>, idColumn?: string, textColumn?: string): Promise<number> {
  const [{ expandPaths }, { readDocuments }, { isErrorRecord }] = await Promise.all([
    import('../io/expand-paths'),
    import('../io/readers/index'),
    import('../io/document'),
  ]);
  let failures = 0;
  for (const input of await expandPaths(paths)) {
    if (input.kind === 'error') {
      failures++;
      await write(io.stderr, `${input.record.error.message}\n`);
      continue;
    }
    const onWarning = (warning: string) => void io.stderr.write(`${warning}\n`);
    for await (const item of readDocuments(input.path, { ...(idColumn ? { idColumn } : {}), ...(textColumn ? { textColumn } : {}), onWarning })) {
      if (isErrorRecord(item)) {
        failures++;
        await write(io.stderr, `${item.error.message}\n`);
        continue;
      }
      for (const warning of item.warnings ?? []) await write(io.stderr, `${warning}\n`);
      const result = tagger.tag(item.text, { id: item.id, ...(item.pages ? { pages: item.pages } : {}) });
      await write(io.stdout, formatResultText(result, item.id, names) + '\n');
    }
  }
  return failures ? EXIT.badInput : EXIT.ok;
}

/** One output record: document level keeps themes, scores and per-theme evidence; sentence level adds sentences. */
export function toRecord(result: TagResult, level: 'document' | 'sentence'): Record<string, unknown> {
  return {
    id: result.id,
    themes: result.themes,
    scores: result.scores,
    document: result.document,
    ...(level === 'sentence' ? { sentences: result.sentences } : {}),
    meta: result.meta,
  };
}

async function tagJsonLines(tagger: Tagger, input: string, format: (typeof FORMATS)[number], level: 'document' | 'sentence', io: CliIO, names: Readonly<Record<string, string>>): Promise<number> {
  const lines = input.split(/\r?\n/);
  let failures = 0;
  let first = true;
  if (format === 'json') await write(io.stdout, '[');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    let out: Record<string, unknown>;
    try {
      const item = parseInputLine(line, i + 1);
      const result = tagger.tag(item.text, { id: item.id });
      if (format === 'text') {
        await write(io.stdout, formatResultText(result, item.id, names));
        continue;
      }
      out = toRecord(result, level);
    } catch (error) {
      if (!isPracticeThemesError(error)) throw error;
      failures++;
      await write(io.stderr, `${describeError(error)}\n`);
      out = { id: null, line: i + 1, error: { code: error.code, message: error.message } };
    }
    const json = JSON.stringify(out);
    await write(io.stdout, format === 'json' ? `${first ? '' : ','}\n${json}` : `${json}\n`);
    first = false;
  }
  if (format === 'json') await write(io.stdout, '\n]\n');
  if (failures) await write(io.stderr, `practice-themes: ${failures} input line(s) could not be tagged (see above)\n`);
  return failures ? EXIT.badInput : EXIT.ok;
}

function parseInputLine(line: string, lineNumber: number): { id: string; text: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InputError('not valid JSON', { line: lineNumber, file: '<stdin>' });
  }
  const record = value as { id?: unknown; text?: unknown };
  if (typeof record !== 'object' || record === null || typeof record.text !== 'string') {
    throw new InputError('expected an object with a "text" string', { line: lineNumber, file: '<stdin>' });
  }
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : `line-${lineNumber}`;
  return { id, text: record.text };
}

/** A non-negative number of seconds. */
function seconds(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`--${flag} must be a number of seconds, 0 or more (got "${value}")`);
  return n;
}
