/** Reads corpus and labelled-example JSON Lines files (a file or every *.jsonl in a folder). */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assertUniqueIds, parseCorpus, parseJsonLines, LabelledExampleSchema, type CorpusUnit, type LabelledExample } from '../corpus/schema';
import { readTextFile } from './read-text-file';

/** All units of a corpus file or folder (files in name order). Throws InputError naming file and line. */
export async function readCorpus(path: string): Promise<CorpusUnit[]> {
  const files = await corpusFiles(path);
  const units: CorpusUnit[] = [];
  for (const file of files) units.push(...parseCorpus(await readTextFile(file), { file }));
  assertUniqueIds(units, path); // ids must also be unique across the folder's files
  return units;
}

/** Labelled examples `{id, text, themes, group?}` from JSON Lines (extra fields allowed). */
export async function readLabelledExamples(path: string): Promise<LabelledExample[]> {
  return parseJsonLines(await readTextFile(path), LabelledExampleSchema, { file: path });
}

/** The JSON Lines files a corpus path stands for: the file itself, or a folder's *.jsonl in name order. */
export async function corpusFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    const names = (await readdir(path)).filter((n) => n.endsWith('.jsonl')).sort();
    return names.map((n) => join(path, n));
  }
  return [path];
}
