// The shipped corpus: every line valid, the promised balance, split by review group,
// no near-duplicates, and no text copied from the labelling guide.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { balanceProblems, corpusStats, findNearDuplicates, parseCorpus, ShippedCorpusUnitSchema, DEFAULT_BALANCE, type CorpusUnit, type ShippedCorpusUnit } from '../src/index';
import { readCorpus } from '../src/node';

const require = createRequire(import.meta.url);
// natural (a dev dependency) for string similarity; imported by deep path because its
// index pulls in database drivers.
const dice = require('natural/lib/natural/distance/dice_coefficient.js') as (a: string, b: string) => number;

let raw: CorpusUnit[];
// The shipped corpus in its stricter shape (a known genre, a group and a split on every unit).
let units: ShippedCorpusUnit[];
beforeAll(async () => {
  raw = await readCorpus('corpus');
  units = raw.filter((u) => ShippedCorpusUnitSchema.safeParse(u).success) as ShippedCorpusUnit[];
});

describe('corpus/', () => {
  it('every line validates against the corpus schema (readCorpus throws on the first bad file)', () => {
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
  });

  it('holds every unit to the shipped shape: a known genre, a review group and a split', () => {
    const bad = raw.filter((u) => !ShippedCorpusUnitSchema.safeParse(u).success).map((u) => u.id);
    expect(bad).toEqual([]);
    expect(units).toHaveLength(raw.length);
  });

  it('meets the balance minimums: units, per-theme positives, no-theme and multi-theme shares, ~20% test', () => {
    const stats = corpusStats(units);
    expect(balanceProblems(stats, Object.keys(stats.perTheme))).toEqual([]);
    expect(stats.units).toBeGreaterThanOrEqual(DEFAULT_BALANCE.units);
  });

  it('keeps every review group within one split', () => {
    expect(corpusStats(units).groupsStraddlingSplit).toEqual([]);
  });

  it('has every genre the card promises, each substantial', () => {
    const { perGenre } = corpusStats(units);
    for (const n of Object.values(perGenre)) expect(n).toBeGreaterThanOrEqual(100);
    expect(Object.keys(perGenre).length).toBe(11);
  });

  it('has no near-duplicates (Dice >= 0.85 on normalised text)', () => {
    const dupes = findNearDuplicates(units, { similarity: dice, threshold: 0.85 });
    expect(dupes).toEqual([]);
  });

  it('real-register units name their page and kind, one group per page, and both splits hold pages', () => {
    const real = units.filter((u) => u.source_url !== undefined);
    expect(real.length).toBeGreaterThanOrEqual(2500);
    const pagesOfGroup = new Map<string, Set<string>>();
    for (const u of real) {
      expect(u.source_kind, u.id).toBeDefined();
      (pagesOfGroup.get(u.group) ?? pagesOfGroup.set(u.group, new Set()).get(u.group)!).add(u.source_url!);
    }
    for (const [group, pages] of pagesOfGroup) expect(pages.size, group).toBe(1);
    expect(new Set(real.map((u) => u.source_url)).size).toBeGreaterThanOrEqual(600);
    expect(real.some((u) => u.split === 'test')).toBe(true);
    // No written unit claims a page; no page is shared with a written review group.
    expect(units.filter((u) => u.source_url === undefined && u.group.startsWith('web-'))).toEqual([]);
  });

  it('uses no page excluded for evaluation (checked when ../shared is present)', () => {
    const excluded = new URL('../../shared/eval/excluded-sources.txt', import.meta.url);
    if (!existsSync(excluded)) return;
    const banned = new Set(readFileSync(excluded, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
    expect(units.filter((u) => u.source_url !== undefined && banned.has(u.source_url)).map((u) => u.id)).toEqual([]);
  });

  it('copies no sentence of the labelling guide (checked when ../shared is present)', () => {
    const guide = new URL('../../shared/taxonomy.md', import.meta.url);
    if (!existsSync(guide)) return;
    const rows = readFileSync(guide, 'utf8').split('\n').filter((l) => l.startsWith('| ') && l.split('|').length >= 4);
    const guideTexts = rows.map((l) => l.split('|')[1]!.trim().toLowerCase()).filter((t) => t.length > 40);
    const corpusText = units.map((u) => u.text.toLowerCase());
    for (const t of guideTexts) expect(corpusText.some((c) => c.includes(t)), t).toBe(false);
  });
});

describe('bench/narrative-probe.jsonl (a measuring set, never trained on)', () => {
  it('parses as labelled data and shares no unit, id or near-duplicate with the corpus', () => {
    const probe = parseCorpus(readFileSync(new URL('../bench/narrative-probe.jsonl', import.meta.url), 'utf8'), { file: 'narrative-probe.jsonl' });
    expect(probe.length).toBe(200);
    const ids = new Set(units.map((u) => u.id));
    const texts = new Set(units.map((u) => u.text.toLowerCase()));
    expect(probe.filter((u) => ids.has(u.id) || texts.has(u.text.toLowerCase())).map((u) => u.id)).toEqual([]);
    const pairs = findNearDuplicates([...units, ...probe.map((u) => ({ ...u, id: `probe:${u.id}` }))], { similarity: dice, threshold: 0.85 });
    expect(pairs.filter((p) => p.a.startsWith('probe:') !== p.b.startsWith('probe:'))).toEqual([]);
  });
});

describe('near-duplicate finder', () => {
  it('finds a pair that differs by a name and a number, and not unrelated units', () => {
    const pairs = findNearDuplicates(
      [
        { id: 'a', text: 'The health visitor saw Child K at the eight week check and noted concerns about his weight gain.' },
        { id: 'b', text: 'The health visitor saw Child M at the six week check and noted concerns about his weight gain.' },
        { id: 'c', text: 'The partnership published its annual report in the autumn with a new set of priorities.' },
      ],
      { similarity: dice },
    );
    expect(pairs.map((p) => [p.a, p.b])).toEqual([['a', 'b']]);
  });

  it('parseCorpus rejects a bad line with its line number', () => {
    expect(() => parseCorpus('{"id":"x","text":"t","themes":[],"genre":"chronology","group":"g","split":"train"}\n{"id":"y"}', { file: 'c.jsonl' })).toThrow(/c\.jsonl:2/);
  });
});
