// The review queue: nearest the threshold first, rules/model disagreement counts,
// spread across documents, deterministic; CSV and JSONL forms.
import { describe, expect, it } from 'vitest';
import { disagreementOf, formatQueueCsv, formatQueueJsonl, reviewQueue, uncertaintyOf, type ReviewDocument, type TagResult } from '../src/index';
import { CsvParser } from '../src/io/readers/csv-parser';

const parseCsv = (text: string): (readonly string[])[] => {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()].map((r) => r.fields);
};

type Scores = Record<string, { score: number; ruleScore?: number; probability?: number }>;

/** A document whose sentences carry the given scores (text long enough to be queued). */
function doc(id: string, sentences: Scores[], texts: string[] = []): ReviewDocument {
  let start = 0;
  const result = {
    themes: [],
    scores: {},
    document: {},
    meta: { characters: 0, sentenceCount: sentences.length, ruleSets: [] },
    sentences: sentences.map((scores, index) => {
      const text = texts[index] ?? `Sentence ${index} of document ${id}, long enough to review.`;
      const s = {
        index,
        block: 0,
        start,
        end: start + text.length,
        text,
        themes: Object.entries(scores).filter(([, v]) => v.score >= 0.5).map(([t]) => t),
        scores: Object.fromEntries(Object.entries(scores).map(([t, v]) => [t, { score: v.score, tagged: v.score >= 0.5, ruleScore: v.ruleScore ?? 0, source: 'model', ...(v.probability === undefined ? {} : { probability: v.probability }) }])),
        evidence: [],
      };
      start += text.length + 1;
      return s;
    }),
  } as unknown as TagResult;
  return { id, result };
}

describe('uncertainty and disagreement', () => {
  it.each([
    [0.5, 1],
    [0, 0],
    [1, 0],
    [0.25, 0.5],
    [0.75, 0.5],
  ])('a score of %s is %s uncertain', (score, expected) => expect(uncertaintyOf(score)).toBeCloseTo(expected, 10));

  it('rules firing where the model doubts, or a sure model where no rule fired, is disagreement', () => {
    expect(disagreementOf({ ruleScore: 0.9, probability: 0.1 })).toBeCloseTo(0.8, 10);
    expect(disagreementOf({ ruleScore: 0, probability: 0.95 })).toBeCloseTo(0.9, 10);
    expect(disagreementOf({ ruleScore: 0, probability: 0.2 })).toBe(0);
    expect(disagreementOf({ ruleScore: 0.7 })).toBe(0);
  });
});

describe('reviewQueue', () => {
  it('ranks the passage nearest a threshold first and a sure one last', () => {
    const queue = reviewQueue([doc('a', [{ t: { score: 0.98 } }, { t: { score: 0.52 } }, { t: { score: 0.3 } }])], { size: 3 });
    expect(queue.map((p) => p.index)).toEqual([1, 2, 0]);
    expect(queue.map((p) => p.rank)).toEqual([1, 2, 3]);
    expect(queue[0]!.passage).toBe('a#1');
  });

  it('lifts a passage where rules and model disagree above an equally uncertain one where they agree', () => {
    const queue = reviewQueue([doc('a', [{ t: { score: 0.7, ruleScore: 0.7, probability: 0.7 } }, { t: { score: 0.7, ruleScore: 0.9, probability: 0.05 } }])], { size: 1 });
    expect(queue[0]!.index).toBe(1);
  });

  it('spreads across documents: one document full of uncertain passages gives at most its share', () => {
    const crowded = doc('crowded', Array.from({ length: 40 }, () => ({ t: { score: 0.5 } })), Array.from({ length: 40 }, (_, i) => `Crowded passage number ${i} that sits on the threshold.`));
    const others = Array.from({ length: 9 }, (_, d) => doc(`d${d}`, Array.from({ length: 5 }, (_, i) => ({ t: { score: 0.3 + i * 0.01 } }))));
    const queue = reviewQueue([crowded, ...others], { size: 20 });
    expect(queue).toHaveLength(20);
    const fromCrowded = queue.filter((p) => p.document === 'crowded').length;
    expect(fromCrowded).toBeGreaterThan(0);
    expect(fromCrowded).toBeLessThanOrEqual(2);
    expect(new Set(queue.map((p) => p.document)).size).toBe(10);
  });

  it('honours maxPerDocument, skips short fragments and repeated text, and is deterministic', () => {
    const docs = [doc('a', [{ t: { score: 0.5 } }, { t: { score: 0.5 } }, { t: { score: 0.5 } }], ['Short.', 'The same boilerplate sentence repeated.', 'The same boilerplate sentence repeated.'])];
    const queue = reviewQueue(docs, { size: 10, maxPerDocument: 5 });
    expect(queue.map((p) => p.index)).toEqual([1]);
    expect(reviewQueue(docs, { size: 10 })).toEqual(queue);
  });
});

describe('reviewQueue: themes combined, and the practice gate', () => {
  it("combine 'all' ranks a passage near two thresholds above one a little nearer a single threshold", () => {
    const docs = [doc('a', [{ t: { score: 0.55 }, u: { score: 0 } }]), doc('b', [{ t: { score: 0.6 }, u: { score: 0.6 } }])];
    expect(reviewQueue(docs, { size: 2 }).map((p) => p.document)).toEqual(['a', 'b']);
    const all = reviewQueue(docs, { size: 2, combine: 'all' });
    expect(all.map((p) => p.document)).toEqual(['b', 'a']);
    expect(all[0]!.uncertainty).toBeCloseTo(1 - 0.2 * 0.2, 10);
  });

  it('themeWeights: a passage uncertain on a weighted-down theme ranks below one a little less uncertain on another', () => {
    const docs = [doc('a', [{ common: { score: 0.52 }, rare: { score: 0.05 } }]), doc('b', [{ common: { score: 0.05 }, rare: { score: 0.6 } }])];
    expect(reviewQueue(docs, { size: 2 }).map((p) => p.document)).toEqual(['a', 'b']);
    const weighted = reviewQueue(docs, { size: 2, themeWeights: { common: 0.5 } });
    expect(weighted.map((p) => p.document)).toEqual(['b', 'a']);
    expect(weighted[0]!.nearestTheme).toBe('rare');
    expect(weighted[1]!.uncertainty).toBeCloseTo(0.5 * uncertaintyOf(0.52), 10);
  });

  it('themeWeights: a negative or non-finite weight is an INVALID_OPTIONS error naming the theme', () => {
    const docs = [doc('a', [{ t: { score: 0.5 } }])];
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => reviewQueue(docs, { themeWeights: { t: bad } })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS', message: expect.stringContaining('themeWeights.t') }));
    }
  });

  /** A one-sentence document with a theme score and a practice probability. */
  const gated = (id: string, score: number, practice: number): ReviewDocument => {
    const d = doc(id, [{ t: { score } }]);
    const sentences = d.result.sentences.map((s) => ({ ...s, practice }));
    return { id, result: { ...d.result, sentences } };
  };

  it('with gateThreshold, a passage whose practice probability sits on the gate counts as uncertain when the gate decides a theme', () => {
    // a: gated score 0.6 at practice 0.34 (ungated 0.62 would tag; the gate is 0.35): the gate decides.
    const docs = [gated('a', 0.6, 0.34), gated('b', 0.55, 0.9)];
    expect(reviewQueue(docs, { size: 2 }).map((p) => p.document)).toEqual(['b', 'a']);
    const withGate = reviewQueue(docs, { size: 2, gateThreshold: 0.35 });
    expect(withGate.map((p) => p.document)).toEqual(['a', 'b']);
    expect(withGate[0]!.uncertainty).toBeCloseTo(uncertaintyOf(0.34, 0.35), 10);
  });

  it('the gate adds nothing where no theme would be tagged without it', () => {
    const [p] = reviewQueue([gated('c', 0.02, 0.35)], { size: 1, gateThreshold: 0.35 });
    expect(p!.uncertainty).toBeCloseTo(uncertaintyOf(0.02), 10);
  });
});

describe('queue formats', () => {
  const queue = reviewQueue([doc('report, "final".pdf', [{ housing: { score: 0.55 }, school: { score: 0.1 } }], ['=SUM(A1) looks like a formula, with "quotes", café and\na line break.'])]);

  it('CSV: BOM, CRLF, a score and an empty review column per theme, formula-like text kept as text, round-trips', () => {
    const csv = formatQueueCsv(queue, ['housing', 'school'], { housing: 'Housing conditions' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows = parseCsv(csv.slice(1));
    const [header, row] = [rows[0]!, rows[1]!];
    expect(header).toContain('score: Housing conditions (housing)');
    expect(header).toContain('review: school');
    expect(row).toHaveLength(header.length);
    expect(row[header.indexOf('document')]).toBe('report, "final".pdf');
    expect(row[header.indexOf('text')]).toBe(`'${queue[0]!.text}`);
    expect(Number(row[header.indexOf('score: Housing conditions (housing)')])).toBeCloseTo(0.55, 4);
    expect(row[header.indexOf('review: Housing conditions (housing)')]).toBe('');
  });

  it('JSONL: one object per passage with an empty review', () => {
    const lines = formatQueueJsonl(queue).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ passage: queue[0]!.passage, text: queue[0]!.text, review: { themes: null } });
  });
});
