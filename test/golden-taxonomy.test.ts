// The labelling guide's worked examples as golden tests. The guide lives in
// ../shared (not in this repo: its text must not be copied here), so this test
// reads it when present and says so when it is not.
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tagger } from '../src/index';
import { loadDefaultTagger } from '../src/node';

const guide = new URL('../../shared/taxonomy.md', import.meta.url);
const present = existsSync(guide);

function workedExamples(markdown: string): { text: string; themes: string[] }[] {
  const section = markdown.split(/^## Worked examples.*$/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !/^\|\s*passage/.test(l) && !/^\|\s*-/.test(l))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map((cells) => ({ text: cells[1]!, themes: cells[2] === '(none)' ? [] : cells[2]!.split(',').map((t) => t.trim()).sort() }));
}

describe.skipIf(!present)('worked examples of ../shared/taxonomy.md (golden)', () => {
  let tagger: Tagger;
  let examples: { text: string; themes: string[] }[];
  beforeAll(async () => {
    tagger = await loadDefaultTagger();
    examples = workedExamples(readFileSync(guide, 'utf8'));
  });

  it('the guide has worked examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it('passages the guide labels "(none)" get no theme', () => {
    for (const e of examples.filter((x) => x.themes.length === 0)) expect(tagger.tag(e.text).themes, e.text).toEqual([]);
  });

  it('every theme the guide gives a passage is tagged', () => {
    for (const e of examples.filter((x) => x.themes.length > 0)) {
      const tagged = tagger.tag(e.text).themes;
      for (const theme of e.themes) expect(tagged, `${e.text} -> ${theme}`).toContain(theme);
    }
  });
});

it.runIf(!present)('golden taxonomy examples: ../shared/taxonomy.md is absent, nothing to compare', () => {
  expect(present).toBe(false);
});
