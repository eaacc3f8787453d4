/** Rule set files on disk: one JSON file, a list, or every *.json in a folder. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RuleSetError } from '../errors';
import { parseRuleSet, type RuleSet } from '../rules/schema';
import { readTextFile } from './read-text-file';
import { defaultRulesDir } from './package-paths';

/** Reads and validates one rule set file; RuleSetError names the file and the JSON path. */
export async function loadRuleSet(file: string): Promise<RuleSet> {
  const text = await readTextFile(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RuleSetError(`not valid JSON (${(error as Error).message})`, { file });
  }
  return parseRuleSet(json, { file });
}

/** Reads rule sets from files and folders (a folder: its *.json files in name order). */
export async function loadRuleSets(paths: readonly string[] = [defaultRulesDir()]): Promise<RuleSet[]> {
  const files: string[] = [];
  for (const path of paths) files.push(...(await ruleFiles(path)));
  return Promise.all(files.map(loadRuleSet));
}

/** The rule set files a path stands for. */
export async function ruleFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) return (await readdir(path)).filter((n) => n.endsWith('.json')).sort().map((n) => join(path, n));
  return [path];
}
