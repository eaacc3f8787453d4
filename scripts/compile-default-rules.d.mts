/** Types of compile-default-rules.mjs (plain JavaScript so the build can run it on dist/). */
import type { PrecompiledRules } from '../src/rules/precompiled';
export declare function precompileRules(
  files: readonly string[],
  texts: readonly string[],
  api: { parseRuleSet: unknown; compileRules: unknown; createTextAnalyzer: unknown },
  languageModel: unknown,
): PrecompiledRules | undefined;
