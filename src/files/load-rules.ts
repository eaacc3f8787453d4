/** Rule set files on disk: one JSON file, a list, or every *.json in a folder. */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RuleSetError } from '../errors';
import { parseRuleSet, type RuleSet } from '../rules/schema';
import { attachPrecompiled, PRECOMPILED_RULES_FORMAT, type PrecompiledRules } from '../rules/precompiled';
import { readTextFile } from './read-text-file';
import { defaultRulesDir, precompiledRulesPath } from './package-paths';

/** Reads and validates one rule set file; RuleSetError names the file and the JSON path. */
export async function loadRuleSet(file: string): Promise<RuleSet> {
  return parseRuleSetText(await readTextFile(file), file);
}

/**
 * Reads rule sets from files and folders (a folder: its *.json files in name order).
 * When the files are exactly the ones the build precompiled (the shipped rule sets,
 * compared by SHA-256 of their text), the sets come validated and compiled from
 * dist/compiled-rules.json; any other files are validated here and compiled by the tagger.
 */
export async function loadRuleSets(paths: readonly string[] = [defaultRulesDir()]): Promise<RuleSet[]> {
  const files: string[] = [];
  for (const path of paths) files.push(...(await ruleFiles(path)));
  const [texts, precompiled] = await Promise.all([Promise.all(files.map((file) => readTextFile(file))), readPrecompiledRules()]);
  if (precompiled !== undefined && precompiled.sets.length === texts.length && texts.every((text, i) => sha256(text) === precompiled.sets[i]!.sha256)) {
    // Frozen: the precompiled programs must stay the sets' own.
    const sets = precompiled.sets.map((s) => deepFreeze(s.ruleSet));
    attachPrecompiled(sets, precompiled);
    return sets;
  }
  return texts.map((text, i) => parseRuleSetText(text, files[i]!));
}

/** The rule set file(s) a path stands for. */
export async function ruleFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) return (await readdir(path)).filter((n) => n.endsWith('.json')).sort().map((n) => join(path, n));
  return [path];
}

function parseRuleSetText(text: string, file: string): RuleSet {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RuleSetError(`not valid JSON (${(error as Error).message})`, { file });
  }
  return parseRuleSet(json, { file });
}

/** dist/compiled-rules.json when the build wrote one (a fresh copy each call), else undefined. */
async function readPrecompiledRules(): Promise<PrecompiledRules | undefined> {
  let data: PrecompiledRules;
  try {
    data = JSON.parse(await readFile(precompiledRulesPath(), 'utf8')) as PrecompiledRules;
  } catch {
    return undefined; // not built (sources run directly): the rules are compiled as usual
  }
  return data.format === PRECOMPILED_RULES_FORMAT && data.version === 1 && Array.isArray(data.sets) ? data : undefined;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
