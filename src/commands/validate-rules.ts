/** `practice-themes validate-rules FILES...`: schema, patterns and each rule's own examples. */
import { compileRules } from '../rules/compile';
import type { RuleSet } from '../rules/schema';
import { checkRuleExamples } from '../rules/examples';
import { loadRuleSet, ruleFiles } from '../files/load-rules';
import { loadTextAnalyzer } from '../files/default-tagger';
import { isPracticeThemesError } from '../errors';
import { parseCommandArgs, UsageError, write, describeError, type CliIO, EXIT } from './common';

export const VALIDATE_RULES_USAGE = `Usage: practice-themes validate-rules FILE|DIR...

Checks rule set files: the schema, every pattern, and every rule's own match/noMatch examples,
then the files together as \`tag --rules\` would load them (a rule id used in two files fails).
Exit code 1 when any file has a problem (each problem names the file and JSON path).
`;

/** Runs validate-rules. */
export async function runValidateRules(args: readonly string[], io: CliIO): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (!positionals.length) throw new UsageError('validate-rules needs at least one rule set file or folder');
  const analyzer = await loadTextAnalyzer();
  let failed = 0;
  const loaded: { file: string; set: RuleSet }[] = [];
  for (const path of positionals) {
    for (const file of await ruleFiles(path)) {
      try {
        const set = await loadRuleSet(file);
        loaded.push({ file, set });
        const compiled = compileRules(set, { analyzer });
        const failures = checkRuleExamples(compiled, analyzer);
        if (failures.length) {
          failed++;
          await write(io.stdout, `FAIL ${file}: ${failures.length} example(s) do not behave as declared\n`);
          for (const f of failures) await write(io.stdout, `  ${JSON.stringify(f)}\n`);
        } else {
          await write(io.stdout, `ok   ${file}: ${set.rules.length} rules, all examples pass\n`);
        }
      } catch (error) {
        if (!isPracticeThemesError(error)) throw error;
        failed++;
        await write(io.stdout, `FAIL ${describeError(error)}\n`);
      }
    }
  }
  if (loaded.length > 1) {
    // The same compile tag runs over all its --rules, so whatever tag refuses fails here too.
    try {
      compileRules(loaded.map((l) => l.set), { analyzer });
    } catch (error) {
      if (!isPracticeThemesError(error)) throw error;
      failed++;
      const files = loaded.map((l) => `"${l.set.name}" = ${l.file}`).join(', ');
      await write(io.stdout, `FAIL the files together (as tag --rules loads them): ${describeError(error)}\n  rule sets: ${files}\n`);
    }
  }
  return failed ? EXIT.badInput : EXIT.ok;
}
