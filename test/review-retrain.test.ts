import { describe, expect, it } from 'vitest';
import type { CorpusUnit } from '../src/corpus/schema';
import type { ModelFile } from '../src/nb/model-file';
import { retrainWithReviewed } from '../src/review/retrain';

// A stand-in trainer: the "model" remembers whether it saw reviewed units, and the
// stand-in tagger finds the themes only when it did. So the gain is known exactly.
const unit = (i: number, doc: number): CorpusUnit => ({ id: `d${doc}#${i}`, text: `passage ${i} of document ${doc}`, themes: i % 2 ? ['housing'] : ['school'], group: `doc-${doc}`, source: 'review' });
const reviewed = Array.from({ length: 60 }, (_, i) => unit(i, i % 30));
const corpus: CorpusUnit[] = [{ id: 'c1', text: 'a corpus unit', themes: ['housing'], group: 'c' }];
const options = (documentsSeen: (units: readonly CorpusUnit[]) => boolean) => ({
  train: (units: readonly CorpusUnit[]) => ({ sawReviewed: documentsSeen(units) }) as unknown as ModelFile,
  predict: (model: ModelFile, texts: readonly string[]) =>
    texts.map((t) => ((model as unknown as { sawReviewed: boolean }).sawReviewed ? (Number(t.split(' ')[1]) % 2 ? ['housing'] : ['school']) : [])),
  themes: ['housing', 'school'],
  trainFinal: false,
});

describe('retrainWithReviewed', () => {
  it('reports the gain on held-out documents with a paired interval', () => {
    const result = retrainWithReviewed(corpus, reviewed, options((units) => units.some((u) => u.source === 'review')));
    expect(result.before.macro.f1).toBe(0);
    expect(result.after.macro.f1).toBe(1);
    expect(result.gain!.macro.f1).toMatchObject({ difference: 1, low: 1, high: 1, aAhead: 1 });
    expect(result.gain!.resampledBy).toBe('group');
    expect(result.gain!.clusters).toBe(new Set(result.heldOut.map((u) => u.group)).size);
  });

  it('reports no gain interval when the held-out passages come from one document', () => {
    const oneDocument = reviewed.map((u) => ({ ...u, group: 'doc-only' }));
    const result = retrainWithReviewed(corpus, oneDocument, { ...options(() => false), heldOutShare: 0.5 });
    expect(result.heldOut.length).toBeGreaterThan(0);
    expect(result.gain).toBeUndefined();
  });
});
