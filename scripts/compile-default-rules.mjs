#!/usr/bin/env node
// Compiles the shipped rule sets ahead of time into dist/compiled-rules.json (the format
// is src/rules/precompiled.ts), so loading the default tagger neither validates nor
// compiles them: loadRuleSets uses the file when the rule files' SHA-256 match the ones
// recorded here, and the tagger checks that wink still splits the pattern words as
// recorded. Anything else (edited rules, another wink) is compiled as usual.
// The build runs this (tsup.config.ts, after the ESM build); by hand: node scripts/compile-default-rules.mjs
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The precompiled rules for rule set files (names and texts, in load order), made with
 * `api` (parseRuleSet, compileRules, createTextAnalyzer: the built package or its
 * sources), or undefined when compiling did not split all words in one read.
 */
export function precompileRules(files, texts, api, languageModel) {
  const sets = texts.map((text, i) => api.parseRuleSet(JSON.parse(text), { file: files[i] }));
  const analyzer = api.createTextAnalyzer(languageModel);
  const reads = [];
  const recording = { tokenize: (text) => { const tokens = analyzer.tokenize(text); reads.push({ text, tokens }); return tokens; } };
  const compiled = api.compileRules(sets, { analyzer: recording });
  // One read can be replayed at load; words split one by one after it could not.
  if (reads.length !== 1) return undefined;
  const program = (p) => ({ code: p.code.map((i) => [i.op, i.a, i.x, i.y, i.set === null ? null : [...i.set]]), first: p.first === null ? null : [...p.first] });
  let next = 0;
  return {
    format: 'practice-themes-compiled-rules',
    version: 1,
    words: reads[0].text,
    tokens: reads[0].tokens.map((t) => [t.norm, t.start, t.end]),
    sets: sets.map((ruleSet, i) => ({
      sha256: createHash('sha256').update(texts[i]).digest('hex'),
      file: files[i],
      ruleSet,
      rules: ruleSet.rules.map(() => {
        const rule = compiled.rules[next++];
        return { main: program(rule.main), also: rule.also ? program(rule.also.program) : null, unless: rule.unless.map(program), anchor: [...rule.anchor] };
      }),
    })),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const out = join(root, 'dist', 'compiled-rules.json');
  const api = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
  const languageModel = (await import('wink-eng-lite-web-model')).default;
  const dir = join(root, 'models', 'rules');
  const names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  const data = precompileRules(names, names.map((n) => readFileSync(join(dir, n), 'utf8')), api, languageModel);
  rmSync(out, { force: true });
  if (data === undefined) {
    console.warn('compile-default-rules: some pattern words could not be split in one read; the rules will be compiled at load');
  } else {
    writeFileSync(`${out}.tmp`, JSON.stringify(data));
    renameSync(`${out}.tmp`, out);
  }
}
