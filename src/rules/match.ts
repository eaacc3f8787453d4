/**
 * Matches compiled rules against analysed sentences. A sentence meets only the
 * rules whose anchor words it contains; each rule fires at most once per sentence
 * (its leftmost accepted match), so a hit means "this rule's evidence is here".
 */
import type { AnalyzedText, Sentence, Token } from '../text/types';
import type { CompiledRule, CompiledRules } from './compile';
import { firstPossibleStart, searchEncoded, wordsBetween } from './run-program';
import { collectWords, encodeProgram, encodeTokens, tokenBuffers, type EncodedProgram, type EncodedTokens, type MatchToken } from './word-ids';

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

/** Compiled rules over word ids (see word-ids.ts), with scratch buffers for one sentence. */
interface EncodedRules {
  readonly ids: ReadonlyMap<string, number>;
  readonly rules: readonly EncodedRule[];
  /** Per word id, the rules it anchors (ascending), or undefined. */
  readonly anchored: readonly (readonly number[] | undefined)[];
  /** The current sentence's tokens (reused). */
  readonly tokens: EncodedTokens;
  /** Per rule, 1 while it is a candidate of the current sentence (reset after each). */
  readonly seen: Uint8Array;
}

interface EncodedRule {
  readonly main: EncodedProgram;
  readonly also: EncodedProgram | undefined;
  readonly unless: readonly EncodedProgram[];
}

const encodedRules = new WeakMap<CompiledRules, EncodedRules>();

/** The integer form of `compiled`, built on first use and kept with it. */
function encodedRulesOf(compiled: CompiledRules): EncodedRules {
  let encoded = encodedRules.get(compiled);
  if (encoded) return encoded;
  const ids = new Map<string, number>();
  for (const word of compiled.index.keys()) ids.set(word, ids.size + 1);
  for (const rule of compiled.rules) {
    collectWords(rule.main, ids);
    if (rule.also) collectWords(rule.also.program, ids);
    for (const unless of rule.unless) collectWords(unless, ids);
  }
  const anchored: (readonly number[] | undefined)[] = new Array(ids.size + 1).fill(undefined);
  for (const [word, list] of compiled.index) anchored[ids.get(word)!] = list;
  const rules = compiled.rules.map((rule) => ({
    main: encodeProgram(rule.main, ids),
    also: rule.also ? encodeProgram(rule.also.program, ids) : undefined,
    unless: rule.unless.map((p) => encodeProgram(p, ids)),
  }));
  encoded = { ids, rules, anchored, tokens: tokenBuffers(), seen: new Uint8Array(compiled.rules.length) };
  encodedRules.set(compiled, encoded);
  return encoded;
}

/** Rules the index says may match the sentence (anchor word present), in rule order. */
export function candidateRules(compiled: CompiledRules, sentence: Pick<MatchSentence, 'tokens'>): CompiledRule[] {
  const encoded = encodedRulesOf(compiled);
  return candidatesOf(encoded, encodeTokens(sentence.tokens, encoded.ids, encoded.tokens)).map((r) => compiled.rules[r] as CompiledRule);
}

/** Indices of the candidate rules of the encoded sentence, ascending. */
function candidatesOf(encoded: EncodedRules, tokens: EncodedTokens): number[] {
  const { anchored, seen } = encoded;
  let marked = 0;
  for (let i = 0; i < tokens.count; i++) {
    const norm = tokens.norm[i]!;
    const lemma = tokens.lemma[i]!;
    if (norm !== 0) marked += mark(anchored[norm], seen);
    if (lemma !== norm && lemma !== 0) marked += mark(anchored[lemma], seen);
  }
  // Read back in rule order (a pass over the rules is cheaper than sorting what was marked).
  const found = new Array<number>(marked);
  for (let r = 0, k = 0; k < marked; r++) {
    if (seen[r] === 0) continue;
    seen[r] = 0;
    found[k++] = r;
  }
  return found;
}

/** Marks the rules of `list` in `seen`; how many were not marked before. */
function mark(list: readonly number[] | undefined, seen: Uint8Array): number {
  if (list === undefined) return 0;
  let added = 0;
  for (const r of list) {
    if (seen[r] === 0) {
      seen[r] = 1;
      added++;
    }
  }
  return added;
}

/** Hits of every rule on one sentence, ordered by start, end, then rule order. */
export function matchSentence(compiled: CompiledRules, sentence: MatchSentence, options: MatchOptions = {}): RuleHit[] {
  const stats = options.stats;
  const encoded = encodedRulesOf(compiled);
  const tokens = encodeTokens(sentence.tokens, encoded.ids, encoded.tokens);
  const candidates = candidatesOf(encoded, tokens);
  if (stats) {
    stats.sentences++;
    stats.evaluated += candidates.length;
  }
  const hits: RuleHit[] = [];
  for (const r of candidates) {
    const hit = matchEncoded(compiled.rules[r]!, encoded.rules[r]!, tokens, sentence);
    if (hit !== null) hits.push(hit);
  }
  if (hits.length > 1) hits.sort((a, b) => a.start - b.start || a.end - b.end);
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
function matchEncoded(rule: CompiledRule, program: EncodedRule, tokens: EncodedTokens, sentence: MatchSentence): RuleHit | null {
  // Most candidates fail the first-word check: leave before making the acceptor.
  const firstStart = firstPossibleStart(program.main, tokens);
  if (firstStart < 0) return null;
  let first = -1;
  let last = -1;
  const also = program.also;
  const within = rule.also?.within;
  const found = searchEncoded(program.main, tokens, (f, l, negatedWords) => {
    if (rule.negated === 'required' && negatedWords === 0) return false;
    if (rule.negated === 'forbidden' && negatedWords > 0) return false;
    if (also !== undefined && !alsoMatches(also, within, tokens, f, l)) return false;
    first = f;
    last = l;
    return true;
  }, firstStart);
  if (!found) return null;
  // Exclusions apply to the whole sentence, so one check after the main match suffices.
  for (const unless of program.unless) if (searchEncoded(unless, tokens, acceptAny)) return null;
  const a = sentence.tokens[first] as Token;
  const b = sentence.tokens[last] as Token;
  return { ruleId: rule.id, theme: rule.theme, weight: rule.weight, start: a.start, end: b.end, sentence: sentence.index };
}

function alsoMatches(program: EncodedProgram, within: number | undefined, tokens: EncodedTokens, mainFirst: number, mainLast: number): boolean {
  if (within === undefined) return searchEncoded(program, tokens, acceptAny);
  return searchEncoded(program, tokens, (f, l) => wordsBetween(tokens, f, l, mainFirst, mainLast) <= within);
}

function acceptAny(): boolean {
  return true;
}
