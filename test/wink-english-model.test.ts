// The default tagger loads wink's English model through src/files/wink-english-model.ts,
// which builds it from the package's parts and parses the core model once per wink
// instance. It must be the package's model exactly, for the installed version.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import languageModel from 'wink-eng-lite-web-model';
import { createTextAnalyzer } from '../src/index';
import { CHECKED_WINK_MODEL_VERSION, importWinkEnglishModel } from '../src/files/wink-english-model';

type Model = Record<string, unknown> & { core: () => { features: { lexeme: { list: unknown[] } } }; addons: Record<string, unknown> };
const packageModel = languageModel as unknown as Model;
const archive = readFileSync(new URL('./fixtures/golden/archive.txt', import.meta.url), 'utf8');

describe('wink English model, loaded part by part', async () => {
  const model = (await importWinkEnglishModel()) as Model;

  it('is checked against the installed version of the package', () => {
    const manifest = createRequire(import.meta.url).resolve('wink-eng-lite-web-model/package.json');
    expect((JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version).toBe(CHECKED_WINK_MODEL_VERSION);
    expect(model).not.toBe(packageModel);
  });

  it('has the package model\'s parts, and a core model equal to the package\'s', () => {
    expect(Object.keys(model)).toEqual(Object.keys(packageModel));
    expect(Object.keys(model.addons)).toEqual(Object.keys(packageModel.addons));
    for (const key of Object.keys(packageModel)) if (key !== 'core' && key !== 'addons') expect(model[key], key).toBe(packageModel[key]);
    for (const key of Object.keys(packageModel.addons)) expect(model.addons[key], key).toBe(packageModel.addons[key]);
    const core = model.core();
    expect(isDeepStrictEqual(core, packageModel.core())).toBe(true);
    // A fresh copy per wink instance: wink adds the tokens it meets to its copy.
    expect(model.core().features.lexeme.list).not.toBe(core.features.lexeme.list);
  });

  it('analyses text exactly as the package model does', () => {
    const tokens = (m: object) => createTextAnalyzer(m).analyze(archive).sentences.map((s) => s.tokens.map((t) => `${t.text}/${t.lemma}/${t.pos}/${t.negated}`).join(' '));
    expect(tokens(model)).toEqual(tokens({ ...packageModel }));
  });
});
