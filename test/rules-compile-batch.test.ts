// Compiling rules splits every pattern word with ONE tokeniser call. It must give the
// same programs as splitting word by word, and leave wink in the same state: wink
// remembers new tokens the first time it reads them, and that memory can change how
// it tags later text ("section 47" reads 47 as NUM or PROPN depending on history).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import languageModel from 'wink-eng-lite-web-model';
import { compileRules, createTextAnalyzer, parseRuleSet, type TextAnalyzer } from '../src/index';

const dir = new URL('./fixtures/golden/', import.meta.url);
const ruleSets = readdirSync(new URL('rules/', dir))
  .sort()
  .map((f) => parseRuleSet(JSON.parse(readFileSync(new URL(`rules/${f}`, dir), 'utf8'))));
const archive = readFileSync(new URL('archive.txt', dir), 'utf8');

/** The same analyzer without token offsets: the compiler then splits word by word. */
const oneByOne = (analyzer: TextAnalyzer) => ({ tokenize: (text: string) => analyzer.tokenize(text).map((t) => ({ norm: t.norm })) });
const programs = (compiled: ReturnType<typeof compileRules>) =>
  compiled.rules.map((r) => ({ id: r.id, main: r.main, also: r.also, unless: r.unless, anchor: r.anchor }));

describe('compileRules with an analyzer', () => {
  const batched = createTextAnalyzer(languageModel);
  const single = createTextAnalyzer(languageModel);
  const fromBatch = compileRules(ruleSets, { analyzer: batched });
  const fromSingle = compileRules(ruleSets, { analyzer: oneByOne(single) });

  it('compiles the same programs and anchors as splitting word by word', () => {
    expect(fromBatch.rules.length).toBeGreaterThan(100);
    expect(programs(fromBatch)).toEqual(programs(fromSingle));
    expect([...fromBatch.index]).toEqual([...fromSingle.index]);
  });

  it('leaves wink tagging later text exactly as splitting word by word does', () => {
    const tokens = (analyzer: TextAnalyzer) => analyzer.analyze(archive).sentences.map((s) => s.tokens.map((t) => `${t.text}/${t.lemma}/${t.pos}/${t.negated}`).join(' '));
    expect(tokens(batched)).toEqual(tokens(single));
  });
});
