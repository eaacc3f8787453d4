// The model file's contentHash guards its content: a file that was damaged or edited
// is refused, however it is loaded. Loading checks a file exactly as serializeModel
// wrote it by hashing its text (natively in the node entry), and any other file
// through its content; both paths must give the same verdicts.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isModelError } from '../src/errors';
import { fileTextMatchesHash, parseModel, serializeModel, type ModelFile } from '../src/nb/model-file';
import { trainModel } from '../src/nb/train';
import { type TrainingExample } from '../src/nb/train-options';
import { loadModel } from '../src/node';

const words = ['visit', 'cancel', 'refer', 'share', 'manager', 'caseload', 'child', 'voice'];
const examples: TrainingExample[] = Array.from({ length: 16 }, (_, i) => {
  const features = [words[i % 8]!, words[(i * 3) % 8]!];
  return { id: `ex-${i}`, group: `g-${i % 4}`, features, themes: features.includes('cancel') || features.includes('visit') ? ['reluctant-engagement'] : [] };
});
const model: ModelFile = trainModel(examples, { labels: ['reluctant-engagement'], name: 'fixture', features: { minCount: 1 } });
const text = serializeModel(model);
const sha256 = (t: string): string => createHash('sha256').update(t).digest('hex');

/** One count changed in the text, the JSON still valid. */
const edited = text.replace(/"pos": \[(\d+)/, (_, n: string) => `"pos": [${Number(n) + 1}`);
/** Same content, other formatting. */
const reformatted = JSON.stringify(JSON.parse(text), null, 1);
const withoutHash = text.replace(/\n {2}"contentHash": "[0-9a-f]{64}",/, '');

const dir = mkdtempSync(join(tmpdir(), 'practice-themes-integrity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function verdict(load: () => unknown): Promise<string> {
  try {
    await load();
    return 'loaded';
  } catch (error) {
    if (!isModelError(error)) throw error;
    return `${error.code} ${error.issues.map((i) => i.path.join('.')).join(',')}`;
  }
}

describe('model content hash', () => {
  it('recognises the text serializeModel wrote, and nothing else', () => {
    expect(edited).not.toBe(text);
    const hash = JSON.parse(text).contentHash as string;
    expect(fileTextMatchesHash(text, hash)).toBe(true);
    expect(fileTextMatchesHash(text, hash, sha256)).toBe(true);
    expect(fileTextMatchesHash(edited, hash, sha256)).toBe(false);
    expect(fileTextMatchesHash(reformatted, hash, sha256)).toBe(false);
    expect(fileTextMatchesHash(text, hash.replace(/^./, (c) => (c === '0' ? '1' : '0')), sha256)).toBe(false);
  });

  it.each([
    ['as written', text, 'loaded'],
    ['re-formatted, content intact', reformatted, 'loaded'],
    ['with one count edited', edited, 'INVALID_MODEL contentHash'],
    ['re-formatted and edited', JSON.stringify(JSON.parse(edited), null, 1), 'INVALID_MODEL contentHash'],
    ['without a contentHash', withoutHash, 'INVALID_MODEL contentHash'],
  ])('a file %s: parseModel and loadModel agree', async (name, content, expected) => {
    const path = file(`${name.replace(/\W+/g, '-')}.json`, content);
    expect(await verdict(() => parseModel(content))).toBe(expected);
    expect(await verdict(() => parseModel(JSON.parse(content)))).toBe(expected);
    expect(await verdict(() => loadModel(path))).toBe(expected);
  });

  it('loads the same model by either path', async () => {
    const fast = await loadModel(file('fast.json', text));
    const slow = await loadModel(file('slow.json', reformatted));
    expect(fast).toEqual(slow);
    expect(serializeModel(fast)).toBe(text);
  });
});
