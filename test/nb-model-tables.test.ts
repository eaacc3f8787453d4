// A model's derived tables computed ahead of time (dist/compiled-model.bin for the shipped
// model) must give the classifier, the gate and the tagger exactly the numbers computing
// them at the first tag gives, and must be refused for any model they were not made from.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import languageModel from 'wink-eng-lite-web-model';
import { attachModelTables, createClassifier, createPracticeGate, createTagger, createTextAnalyzer, modelContentHash, parseModel, precompileModelTables, type ModelFile } from '../src/index';
import { attachedWeightsOf } from '../src/nb/model-tables';
import { defaultModelPath, precompiledModelTablesPath } from '../src/files/package-paths';
import { loadModel, tablesVouchFor } from '../src/files/load-model';
import { fileTextMatchesHash, isCheckedModel } from '../src/nb/model-file';
import { loadRuleSets } from '../src/files/load-rules';

const shippedText = readFileSync(defaultModelPath(), 'utf8');
const shipped = (): ModelFile => parseModel(JSON.parse(shippedText));
const golden = (): ModelFile => parseModel(JSON.parse(readFileSync(new URL('./fixtures/golden/model.json', import.meta.url), 'utf8')));
const texts = readFileSync(new URL('../corpus/real-register.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .filter((_, i) => i % 20 === 0)
  .map((l) => (JSON.parse(l) as { text: string }).text);
const analyzer = createTextAnalyzer(languageModel);
const tokensOf = texts.map((t) => analyzer.analyze(t).sentences.map((s) => s.tokens));
const tables = precompileModelTables(shipped());

/** Every label's log-odds and top features for every text, through the encoded path the tagger takes. */
function predictions(model: ModelFile): unknown[] {
  const classifier = createClassifier(model);
  const gate = createPracticeGate(model);
  return tokensOf.map((sentences) => {
    const encoded = sentences.map((tokens) => classifier.encode(tokens));
    return { themes: classifier.predictEncoded(encoded, { topK: 3 }), practice: gate?.practiceEncoded(encoded) };
  });
}

describe('precomputed model tables', () => {
  it('give the classifier and the gate the very numbers computing gives', () => {
    const computed = shipped();
    const attached = shipped();
    expect(attachModelTables(attached, tables)).toBe(true);
    expect(attachedWeightsOf(attached)).toBeDefined();
    expect(attachedWeightsOf(computed)).toBeUndefined();
    expect(texts.length).toBeGreaterThan(250);
    // toEqual on numbers is exact: the same doubles, not close ones.
    expect(predictions(attached)).toEqual(predictions(computed));
  });

  it('are what the classifier, the gate and the encoding are built from (tampered tables show)', () => {
    const header = JSON.parse(new TextDecoder().decode(tables.subarray(12, 12 + new DataView(tables.buffer).getUint32(8, true)))) as {
      sections: { name: string; type: string; offset: number; length: number }[];
    };
    const start = (12 + new DataView(tables.buffer).getUint32(8, true) + 7) & ~7;
    const computed = predictions(shipped());
    const width: Record<string, number> = { f64: 8, i32: 4, u16: 2 };
    for (const name of ['classifier.values', 'classifier.codes', 'gate.values', 'pairs']) {
      const section = header.sections.find((s) => s.name === name)!;
      const tampered = tables.slice();
      // Zero the section: no evidence from weights, every weight a label's first value, or no bigram found.
      tampered.fill(0, start + section.offset, start + section.offset + section.length * width[section.type]!);
      const model = shipped();
      expect(attachModelTables(model, tampered)).toBe(true);
      expect(predictions(model), name).not.toEqual(computed);
    }
  });

  it('give the tagger the same results, JSON for JSON', async () => {
    const ruleSets = await loadRuleSets();
    const attached = shipped();
    attachModelTables(attached, tables);
    const a = createTagger({ languageModel, ruleSets, model: attached });
    const b = createTagger({ languageModel: { ...(languageModel as object) }, ruleSets, model: shipped() });
    const text = texts.slice(0, 120).join('\n\n');
    expect(JSON.stringify(a.tag(text))).toBe(JSON.stringify(b.tag(text)));
  });

  it('are refused for another model, another byte layout, damaged or truncated bytes, or an unchecked model', () => {
    expect(attachModelTables(golden(), tables)).toBe(false);
    const damaged = tables.slice();
    damaged[0] = 0x58;
    expect(attachModelTables(shipped(), damaged)).toBe(false);
    expect(attachModelTables(shipped(), tables.slice(0, tables.length - 8))).toBe(false);
    expect(attachModelTables(shipped(), tables.slice(0, 40))).toBe(false);
    expect(attachModelTables(JSON.parse(shippedText) as ModelFile, tables)).toBe(false);
    // A bigram row outside the vocabulary, or a weight that is not a number, is damage too.
    const sections = JSON.parse(new TextDecoder().decode(tables.subarray(12, 12 + new DataView(tables.buffer).getUint32(8, true)))) as {
      sections: { name: string; offset: number }[];
    };
    const start = (12 + new DataView(tables.buffer).getUint32(8, true) + 7) & ~7;
    const at = (name: string): number => start + sections.sections.find((s) => s.name === name)!.offset;
    const badRow = tables.slice();
    new DataView(badRow.buffer).setInt32(at('pairs') + 8, 1 << 30, true);
    expect(attachModelTables(shipped(), badRow)).toBe(false);
    const badValue = tables.slice();
    new DataView(badValue.buffer).setFloat64(at('classifier.values'), Number.NaN, true);
    expect(attachModelTables(shipped(), badValue)).toBe(false);
    // Same hash, other labels: a model edited after it was hashed.
    const relabelled = shipped();
    (relabelled as { labels: string[] }).labels = [...relabelled.labels].reverse();
    expect(attachModelTables(relabelled, tables)).toBe(false);
  });

  it('are read from any byte offset (a view into a larger buffer is copied to align it)', () => {
    const padded = new Uint8Array(tables.length + 3);
    padded.set(tables, 3);
    const model = shipped();
    expect(attachModelTables(model, padded.subarray(3))).toBe(true);
    expect(predictions(model).slice(0, 20)).toEqual(predictions(shipped()).slice(0, 20));
  });

  it('of a model without a gate hold the classifier only, and work the same', () => {
    expect(golden().gate).toBeUndefined();
    const bytes = precompileModelTables(golden());
    expect(bytes.length).toBeLessThan(tables.length);
    const attached = golden();
    expect(attachModelTables(attached, bytes)).toBe(true);
    expect(attachModelTables(shipped(), bytes)).toBe(false);
    expect(predictions(attached)).toEqual(predictions(golden()));
  });

  it('store a label with more distinct weights than 16 bits can number as raw doubles, and read them back', () => {
    // A vocabulary of 100,000 unigrams whose positive counts all differ: more than 65,536 distinct weights for the first label.
    const json = JSON.parse(readFileSync(new URL('./fixtures/golden/model.json', import.meta.url), 'utf8')) as Record<string, unknown> & {
      labels: string[];
      counts: Record<string, { pos: number[]; neg: number[] }>;
    };
    const size = 100_000;
    json.vocabulary = Array.from({ length: size }, (_, i) => `w${String(i).padStart(6, '0')}`);
    json.features = { ...(json.features as object), ngramRange: [1, 1] };
    for (const [l, label] of json.labels.entries()) json.counts[label] = { pos: Array.from({ length: size }, (_, i) => (l === 0 ? i : i % 7)), neg: Array.from({ length: size }, (_, i) => i % 5) };
    json.contentHash = modelContentHash(json as unknown as ModelFile);
    const model = (): ModelFile => parseModel(JSON.parse(JSON.stringify(json)));
    const bytes = precompileModelTables(model());
    const header = new TextDecoder().decode(bytes.subarray(12, 12 + new DataView(bytes.buffer).getUint32(8, true)));
    expect(header).toContain('"classifier.weights"');
    const attached = model();
    expect(attachModelTables(attached, bytes)).toBe(true);
    const features = ['w000000', 'w000001', 'w099999', 'w012345'].map((key, i) => ({ key, start: i, end: i + 1 }));
    expect(createClassifier(attached).predict(features)).toEqual(createClassifier(model()).predict(features));
  });

  it.skipIf(!existsSync(precompiledModelTablesPath()))('are attached by loadModel to the shipped model when the build wrote them', async () => {
    expect(attachedWeightsOf(await loadModel())).toBeDefined();
    expect(attachedWeightsOf(await loadModel(new URL('./fixtures/golden/model.json', import.meta.url).pathname))).toBeUndefined();
  });

  it("vouch for the shipped model's content, so loading it skips the checks the build ran, with the same model", async () => {
    const contentHash = shipped().contentHash;
    expect(tablesVouchFor(tables, contentHash)).toBe(true);
    // Tables of another model, another hash, no hash, or bytes that are not tables vouch for nothing.
    expect(tablesVouchFor(precompileModelTables(golden()), contentHash)).toBe(false);
    expect(tablesVouchFor(tables, golden().contentHash)).toBe(false);
    expect(tablesVouchFor(tables, undefined)).toBe(false);
    expect(tablesVouchFor(new Uint8Array(64), contentHash)).toBe(false);
    // Loaded through that path (when the build's file is there), the model is what parseModel gives, checked.
    const loaded = await loadModel();
    expect(isCheckedModel(loaded)).toBe(true);
    expect(loaded).toEqual(shipped());
    if (existsSync(precompiledModelTablesPath())) expect(tablesVouchFor(readFileSync(precompiledModelTablesPath()), contentHash)).toBe(true);
  });

  it('do not vouch for an edited shipped model: its text no longer hashes to its content hash, and the full checks catch it', async () => {
    // One count changed, the content hash left as it was.
    const edited = shippedText.replace(/"pos": \[(\d+)/, (_m, n: string) => `"pos": [${Number(n) + 1}`);
    expect(edited).not.toBe(shippedText);
    const contentHash = shipped().contentHash;
    expect(fileTextMatchesHash(shippedText, contentHash)).toBe(true);
    expect(fileTextMatchesHash(edited, contentHash)).toBe(false);
    const file = join(mkdtempSync(join(tmpdir(), 'pt-model-')), 'default-model.json');
    writeFileSync(file, edited);
    await expect(loadModel(file)).rejects.toMatchObject({ code: 'INVALID_MODEL' });
  });
});
