// Writes every corpus unit's feature keys (as the model extracts them), split, page and rule scores to
// scratch/feats.json, for scripts/model-comparison/nb-vs-logistic.py. Never reads ../shared/eval.
// After `npm run build`: node scripts/model-comparison/dump-features.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { createTagger, extractTextFeatures, DEFAULT_FEATURE_SETTINGS } from '../../dist/index.js';
import { readCorpus, loadRuleSets, loadLanguageModel } from '../../dist/node.js';
const units = await readCorpus('corpus');
const lm = await loadLanguageModel();
const tagger = createTagger({ languageModel: lm, ruleSets: await loadRuleSets() });
const out = units.map((u) => ({ id: u.id, split: u.split, group: u.group, real: !!u.source_url, themes: u.themes, f: [...new Set(extractTextFeatures(tagger.analyze(u.text), DEFAULT_FEATURE_SETTINGS).map((x) => x.key))], r: tagger.tag(u.text).scores }));
mkdirSync('scratch', { recursive: true });
writeFileSync('scratch/feats.json', JSON.stringify(out));
console.log(out.length);
