/**
 * Runs a compiled pattern over a sentence's tokens by backtracking, on word ids
 * (word-ids.ts): comparing a token with a pattern word is comparing two numbers.
 * No allocation per token: state travels in arguments, and the only closures are
 * made once per search. A search that backtracks a lot starts remembering the
 * states that failed, which keeps hostile patterns polynomial in the sentence length.
 */
import { Op, type Program } from './program';
import {
  CLAUSE_BREAK,
  collectWords,
  encodeProgram,
  encodeTokens,
  hasBit,
  NEGATED,
  PUNCTUATION,
  STRIDE,
  tokenBuffers,
  type EncodedProgram,
  type EncodedTokens,
  type MatchToken,
} from './word-ids';

export { isClauseBreak, type MatchToken } from './word-ids';

/**
 * Called with each complete match (token indices of the first and last token matched
 * by a word or `*`, and how many tokens matched by words are negated). Return true
 * to accept the match and stop searching, false to backtrack and look further.
 * Its answer must depend on its arguments only: failed states are memoised.
 */
export type AcceptMatch = (first: number, last: number, negatedWords: number) => boolean;

/**
 * Backtracking steps a search takes before it memoises failed states. Ordinary rules
 * finish far below it, so they pay nothing for the memo.
 */
const MEMO_AFTER_STEPS = 2_000;

// A program searched on its own (not through compiled rules) gets ids of its own words.
const ownEncoding = new WeakMap<Program, { ids: Map<string, number>; program: EncodedProgram }>();

/**
 * Tries start positions left to right and returns true at the first match the
 * acceptor takes. Alternatives are tried in order, optional elements greedily,
 * gaps lazily (fewest words first), so the first match found is the tightest.
 */
export function searchSentence(program: Program, tokens: readonly MatchToken[], accept: AcceptMatch): boolean {
  let own = ownEncoding.get(program);
  if (!own) {
    const ids = new Map<string, number>();
    collectWords(program, ids);
    ownEncoding.set(program, (own = { ids, program: encodeProgram(program, ids) }));
  }
  return searchEncoded(own.program, encodeTokens(tokens, own.ids, tokenBuffers()), accept);
}

/** {@link searchSentence} on an encoded program and tokens encoded with the same ids. */
export function searchEncoded(program: EncodedProgram, tokens: EncodedTokens, accept: AcceptMatch): boolean {
  const { code, sets } = program;
  const { norm, lemma, flags } = tokens;
  const count = tokens.count;
  const end = code.length;
  // Where no match can start, fail before making the closures below (most candidates end here).
  const firstStart = firstPossibleStart(program, tokens);
  if (firstStart < 0) return false;
  const firstIds = program.first;
  let steps = 0;
  // States (pc, pos, first, last, negated words) known to fail; the acceptor sees only
  // the last three, so a state that failed once fails again. Keys are numbers while
  // they fit exactly, strings on absurdly long sentences.
  let failed: Set<number | string> | null = null;
  const radix = count + 2;
  const numericKeys = (end / STRIDE) * radix ** 4 < Number.MAX_SAFE_INTEGER;

  const step = (startPc: number, startPos: number, startFirst: number, startLast: number, startNeg: number): boolean => {
    if (failed === null) {
      if (++steps > MEMO_AFTER_STEPS) failed = new Set();
      return run(startPc, startPos, startFirst, startLast, startNeg);
    }
    const key = numericKeys
      ? (((startPc * radix + startPos) * radix + startFirst + 1) * radix + startLast + 1) * radix + startNeg
      : `${startPc},${startPos},${startFirst},${startLast},${startNeg}`;
    if (failed.has(key)) return false;
    const found = run(startPc, startPos, startFirst, startLast, startNeg);
    if (!found) failed.add(key);
    return found;
  };

  const run = (startPc: number, startPos: number, startFirst: number, startLast: number, startNeg: number): boolean => {
    let pc = startPc;
    let pos = startPos;
    let first = startFirst;
    let last = startLast;
    let neg = startNeg;
    for (;;) {
      const at = pc * STRIDE;
      if (at >= end) return false;
      switch (code[at]) {
        case Op.Word: {
          if (pos >= count) return false;
          const n = norm[pos]!;
          const l = lemma[pos]!;
          const a = code[at + 1]!;
          const b = code[at + 2]!;
          if (l !== a && n !== a && l !== b && n !== b) return false;
          if (first < 0) first = pos;
          last = pos;
          if ((flags[pos]! & NEGATED) !== 0) neg++;
          pos++;
          pc++;
          break;
        }
        case Op.WordSet: {
          if (pos >= count) return false;
          const set = sets[code[at + 1]!]!;
          if (!hasBit(set, lemma[pos]!) && !hasBit(set, norm[pos]!)) return false;
          if (first < 0) first = pos;
          last = pos;
          if ((flags[pos]! & NEGATED) !== 0) neg++;
          pos++;
          pc++;
          break;
        }
        case Op.Any: {
          if (pos >= count || (flags[pos]! & PUNCTUATION) !== 0) return false;
          if (first < 0) first = pos;
          last = pos;
          pos++;
          pc++;
          break;
        }
        case Op.Gap: {
          // Lazy: try the rest after 0 words, then 1, ... up to x; other punctuation is free.
          const max = code[at + 1]!;
          let words = 0;
          for (let p = pos; ; p++) {
            if (step(pc + 1, p, first, last, neg)) return true;
            if (p >= count) return false;
            const f = flags[p]!;
            if ((f & CLAUSE_BREAK) !== 0) return false;
            if ((f & PUNCTUATION) === 0 && ++words > max) return false;
          }
        }
        case Op.Split:
          if (step(code[at + 1]!, pos, first, last, neg)) return true;
          pc = code[at + 2]!;
          break;
        case Op.Jump:
          pc = code[at + 1]!;
          break;
        case Op.Match:
          return first >= 0 && accept(first, last, neg);
        default:
          return false;
      }
    }
  };

  for (let start = firstStart; start < count; start++) {
    // Cheap pre-check: skip positions where no match can start.
    if (firstIds !== null && !hasBit(firstIds, norm[start]!) && !hasBit(firstIds, lemma[start]!)) continue;
    if (step(0, start, -1, -1, 0)) return true;
  }
  return false;
}

/**
 * The first token position where a match of `program` can start (its first-word
 * check passes), or -1 when there is none: a cheap test before searching.
 */
export function firstPossibleStart(program: EncodedProgram, tokens: EncodedTokens): number {
  const firstIds = program.first;
  if (firstIds === null) return tokens.count > 0 ? 0 : -1;
  const { norm, lemma, count } = tokens;
  for (let start = 0; start < count; start++) if (hasBit(firstIds, norm[start]!) || hasBit(firstIds, lemma[start]!)) return start;
  return -1;
}

/** Number of non-punctuation tokens strictly between two token spans (0 when they overlap). */
export function wordsBetween(tokens: EncodedTokens, aFirst: number, aLast: number, bFirst: number, bLast: number): number {
  const from = aLast < bFirst ? aLast + 1 : bLast < aFirst ? bLast + 1 : 0;
  const to = aLast < bFirst ? bFirst : bLast < aFirst ? aFirst : 0;
  let words = 0;
  for (let i = from; i < to; i++) if ((tokens.flags[i]! & PUNCTUATION) === 0) words++;
  return words;
}
