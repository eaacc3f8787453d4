// Rule sets compiled at build time (dist/compiled-rules.json) must give the tagger the
// very rules compiling at load gives, and leave wink in the same state: compiling reads
// every pattern word once, wink remembers new tokens, and that memory changes how it
// tags later text. Precompiled rules are used only for the sets they were made from,
// and only when the analyzer still splits their words as it did then.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import languageModel from 'wink-eng-lite-web-model';
import { compileRules, createTagger, createTextAnalyzer, parseModel, parseRuleSet, type CompiledRules, type RuleSet } from '../src/index';
import { attachPrecompiled, isPrecompiledRuleSet, type PrecompiledRules } from '../src/rules/precompiled';
import { defaultRulesDir, precompiledRulesPath } from '../src/files/package-paths';
import { loadRuleSets } from '../src/files/load-rules';
import { precompileRules } from '../scripts/compile-default-rules.mjs';

const dir = new URL('./fixtures/golden/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const names = readdirSync(new URL('rules/', dir)).filter((f) => f.endsWith('.json')).sort();
const texts = names.map((n) => read(`rules/${n}`));
const archive = read('archive.txt');
const model = parseModel(JSON.parse(read('model.json')));
const api = { parseRuleSet, compileRules, createTextAnalyzer };

/** A copy of wink's model object: its own analyzer and wink instance, with a fresh token memory. */
const freshModel = (): object => ({ ...(languageModel as object) });
const parsedSets = (): RuleSet[] => texts.map((t) => parseRuleSet(JSON.parse(t)));
/** The precompiled sets as a loader gets them from the JSON file. */
function loaded(data: PrecompiledRules): RuleSet[] {
  const copy = JSON.parse(JSON.stringify(data)) as PrecompiledRules;
  const sets = copy.sets.map((s) => s.ruleSet);
  attachPrecompiled(sets, copy);
  return sets;
}
const rulesOf = (compiled: CompiledRules) => ({ rules: compiled.rules, index: [...compiled.index], themes: compiled.themes, ruleSets: compiled.ruleSets });
const tokensOf = (analyze: (text: string) => { sentences: readonly { tokens: readonly { text: string; lemma: string; pos: string; negated: boolean }[] }[] }) =>
  analyze(archive).sentences.map((s) => s.tokens.map((t) => `${t.text}/${t.lemma}/${t.pos}/${t.negated}`).join(' '));

const data = precompileRules(names, texts, api, languageModel)!;

describe('precompiled rules', () => {
  it('are made in one read of the words, with the sets as parsed', () => {
    expect(data).toBeDefined();
    expect(data.sets.map((s) => s.ruleSet)).toEqual(parsedSets());
    expect(data.words.split(' ').length).toBeGreaterThan(1000);
  });

  it('compile to the same rules as compiling, leaving wink tagging later text the same', () => {
    const compiling = createTextAnalyzer(freshModel());
    const fromSource = compileRules(parsedSets(), { analyzer: compiling });
    const precompiled = createTextAnalyzer(freshModel());
    const sets = loaded(data);
    const fromData = compileRules(sets, { analyzer: precompiled });
    expect(rulesOf(fromData)).toEqual(rulesOf(fromSource));
    expect(fromData.rules[0]!.source).toBe(sets[0]!.rules[0]);
    expect(tokensOf(precompiled.analyze)).toEqual(tokensOf(compiling.analyze));
  });

  it('are what the compiled rules are made of (a damaged anchor shows)', () => {
    const damaged = JSON.parse(JSON.stringify(data)) as { sets: { rules: { anchor: string[] }[] }[] };
    damaged.sets[0]!.rules[0]!.anchor = ['zzzz'];
    const compiled = compileRules(loaded(damaged as unknown as PrecompiledRules), { analyzer: createTextAnalyzer(freshModel()) });
    expect(compiled.rules[0]!.anchor).toEqual(['zzzz']);
  });

  it('are not used when the analyzer splits the words otherwise, nor for other sets', () => {
    const reference = compileRules(parsedSets(), { analyzer: createTextAnalyzer(freshModel()) });
    const otherSplits = JSON.parse(JSON.stringify(data)) as { tokens: [string, number, number][]; sets: { rules: { anchor: string[] }[] }[] };
    otherSplits.tokens[0]![0] = 'zzzz';
    otherSplits.sets[0]!.rules[0]!.anchor = ['zzzz'];
    const recompiled = compileRules(loaded(otherSplits as unknown as PrecompiledRules), { analyzer: createTextAnalyzer(freshModel()) });
    expect(rulesOf(recompiled)).toEqual(rulesOf(reference));
    const subset = loaded(otherSplits as unknown as PrecompiledRules).slice(1);
    expect(compileRules(subset, { analyzer: createTextAnalyzer(freshModel()) }).rules[0]!.anchor).toEqual(reference.rules.find((r) => r.ruleSet === subset[0]!.name)!.anchor);
  });

  it('tag exactly as rules compiled at load do', () => {
    const fromSource = createTagger({ languageModel: freshModel(), model, ruleSets: parsedSets() });
    const fromData = createTagger({ languageModel: freshModel(), model, ruleSets: loaded(data) });
    const documents = archive.split(/(?=Review \d+\n)/).slice(0, 12);
    expect(fromData.tag(documents[0]!)).toEqual(fromSource.tag(documents[0]!));
    expect(documents.map((d) => fromData.tag(d))).toEqual(documents.map((d) => fromSource.tag(d)));
  });
});

describe('loadRuleSets and the build\'s dist/compiled-rules.json', () => {
  const work = mkdtempSync(join(tmpdir(), 'practice-themes-precompiled-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const shipped = (): RuleSet[] => readdirSync(defaultRulesDir()).filter((n) => n.endsWith('.json')).sort()
    .map((n) => parseRuleSet(JSON.parse(readFileSync(join(defaultRulesDir(), n), 'utf8'))));

  it('the build wrote it for the shipped rule sets, and loading uses it', async () => {
    expect(existsSync(precompiledRulesPath())).toBe(true);
    const sets = await loadRuleSets();
    expect(sets.every(isPrecompiledRuleSet)).toBe(true);
    expect(JSON.stringify(sets)).toBe(JSON.stringify(shipped()));
    expect(Object.isFrozen(sets[0]!.rules[0])).toBe(true);
  });

  it('a rule set file that differs from the compiled one is validated and compiled as usual', async () => {
    cpSync(defaultRulesDir(), work, { recursive: true });
    const name = readdirSync(work).filter((n) => n.endsWith('.json')).sort()[0]!;
    const edited = JSON.parse(readFileSync(join(work, name), 'utf8')) as { rules: { weight: number }[] };
    edited.rules[0]!.weight = edited.rules[0]!.weight / 2;
    writeFileSync(join(work, name), JSON.stringify(edited, null, 2));
    const sets = await loadRuleSets([work]);
    expect(sets.some(isPrecompiledRuleSet)).toBe(false);
    expect(sets[0]!.rules[0]!.weight).toBe(edited.rules[0]!.weight);
    writeFileSync(join(work, name), '{"format": "practice-themes-rules", "version": 1, "name": "x", "rules": []}');
    await expect(loadRuleSets([work])).rejects.toMatchObject({ code: 'INVALID_RULE_SET', file: join(work, name) });
  });
});
