/**
 * Matches compiled rules against analysed sentences. A sentence meets only the
 * rules whose anchor words it contains; each rule fires at most once per sentence
 * (its leftmost accepted match), so a hit means "this rule's evidence is here".
 */
import type { AnalyzedText, Sentence, Token } from '../text/types';
import type { CompiledRule, CompiledRules } from './compile';
import { searchSentence, wordsBetween, type MatchToken } from './run-program';

/** A rule that fired on a sentence. */
export interface RuleHit {
  readonly ruleId: string;
  readonly theme: string;
  readonly weight: number;
  /** Offsets into the original input of the first..last token matched by the main pattern. */
  readonly start: number;
  readonly end: number;
  /** Index of the sentence in the analysed text. */
  readonly sentence: number;
}

/** The sentence fields the matcher reads. */
export interface MatchSentence {
  readonly index: number;
  readonly tokens: readonly (MatchToken & Pick<Token, 'start' | 'end'>)[];
}

/** Counters a caller may pass to see how much work matching did (benchmarks, tests). */
export interface MatchStats {
  /** Sentences matched. */
  sentences: number;
  /** Rules evaluated (candidates from the index). */
  evaluated: number;
  /** Hits produced. */
  hits: number;
}

/** Options of {@link matchSentence} and {@link matchText}. */
export interface MatchOptions {
  /** Counters to increment; the caller owns and reads them. */
  readonly stats?: MatchStats;
}

/** Rules the index says may match the sentence (anchor word present), in rule order. */
export function candidateRules(compiled: CompiledRules, sentence: Pick<MatchSentence, 'tokens'>): CompiledRule[] {
  const seen = new Uint8Array(compiled.rules.length);
  const found: number[] = [];
  const mark = (word: string): void => {
    const list = compiled.index.get(word);
    if (list === undefined) return;
    for (const r of list) {
      if (seen[r] === 0) {
        seen[r] = 1;
        found.push(r);
      }
    }
  };
  for (const t of sentence.tokens) {
    mark(t.norm);
    if (t.lemma !== t.norm) mark(t.lemma);
  }
  found.sort((a, b) => a - b);
  return found.map((r) => compiled.rules[r] as CompiledRule);
}

/** Hits of every rule on one sentence, ordered by start, end, then rule order. */
export function matchSentence(compiled: CompiledRules, sentence: MatchSentence, options: MatchOptions = {}): RuleHit[] {
  const stats = options.stats;
  const hits: RuleHit[] = [];
  const candidates = candidateRules(compiled, sentence);
  if (stats) {
    stats.sentences++;
    stats.evaluated += candidates.length;
  }
  for (const rule of candidates) {
    const hit = matchRule(rule, sentence);
    if (hit !== null) hits.push(hit);
  }
  hits.sort((a, b) => a.start - b.start || a.end - b.end);
  if (stats) stats.hits += hits.length;
  return hits;
}

/** Hits of every rule on every sentence of an analysed text, in sentence order. */
export function matchText(compiled: CompiledRules, analyzed: Pick<AnalyzedText, 'sentences'>, options: MatchOptions = {}): RuleHit[] {
  const out: RuleHit[] = [];
  for (const sentence of analyzed.sentences as readonly Sentence[]) {
    for (const hit of matchSentence(compiled, sentence, options)) out.push(hit);
  }
  return out;
}

/** The rule's leftmost accepted match in the sentence, or null. */
export function matchRule(rule: CompiledRule, sentence: MatchSentence): RuleHit | null {
  const tokens = sentence.tokens;
  let first = -1;
  let last = -1;
  const found = searchSentence(rule.main, tokens, (f, l, negatedWords) => {
    if (rule.negated === 'required' && negatedWords === 0) return false;
    if (rule.negated === 'forbidden' && negatedWords > 0) return false;
    if (rule.also !== undefined && !alsoMatches(rule.also.program, rule.also.within, tokens, f, l)) return false;
    first = f;
    last = l;
    return true;
  });
  if (!found) return null;
  // Exclusions apply to the whole sentence, so one check after the main match suffices.
  for (const unless of rule.unless) if (searchSentence(unless, tokens, acceptAny)) return null;
  const a = tokens[first] as Token;
  const b = tokens[last] as Token;
  return { ruleId: rule.id, theme: rule.theme, weight: rule.weight, start: a.start, end: b.end, sentence: sentence.index };
}

function alsoMatches(
  program: CompiledRule['main'],
  within: number | undefined,
  tokens: readonly MatchToken[],
  mainFirst: number,
  mainLast: number,
): boolean {
  if (within === undefined) return searchSentence(program, tokens, acceptAny);
  return searchSentence(program, tokens, (f, l) => wordsBetween(tokens, f, l, mainFirst, mainLast) <= within);
}

function acceptAny(): boolean {
  return true;
}
