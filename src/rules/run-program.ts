/**
 * Runs a compiled pattern over a sentence's tokens by backtracking. No allocation
 * per token: state travels in arguments, and the only closure is made once per
 * search. A search that backtracks a lot starts remembering the states that
 * failed, which keeps hostile patterns polynomial in the sentence length.
 */
import type { Token } from '../text/types';
import { Op, type Program } from './program';

/** The token fields the matcher reads. */
export type MatchToken = Pick<Token, 'norm' | 'lemma' | 'negated' | 'kind'>;

/**
 * Called with each complete match (token indices of the first and last token matched
 * by a word or `*`, and how many tokens matched by words are negated). Return true
 * to accept the match and stop searching, false to backtrack and look further.
 * Its answer must depend on its arguments only: failed states are memoised.
 */
export type AcceptMatch = (first: number, last: number, negatedWords: number) => boolean;

/**
 * Punctuation that gaps never cross: it ends a sentence or a clause. Commas and
 * dashes are included because a gap reaching across them mostly joins words that
 * belong to different clauses ("to avoid delay, the worker ...").
 */
const CLAUSE_BREAKS: ReadonlySet<string> = new Set(['.', ';', ':', '!', '?', '…', '...', ',', '–', '—']);

/**
 * Backtracking steps a search takes before it memoises failed states. Ordinary rules
 * finish far below it, so they pay nothing for the memo.
 */
const MEMO_AFTER_STEPS = 2_000;

/** True for a token that ends a clause (gaps stop there). */
export function isClauseBreak(token: MatchToken): boolean {
  return token.kind === 'punctuation' && CLAUSE_BREAKS.has(token.norm);
}

/**
 * Tries start positions left to right and returns true at the first match the
 * acceptor takes. Alternatives are tried in order, optional elements greedily,
 * gaps lazily (fewest words first), so the first match found is the tightest.
 */
export function searchSentence(program: Program, tokens: readonly MatchToken[], accept: AcceptMatch): boolean {
  const code = program.code;
  let steps = 0;
  // States (pc, pos, first, last, negated words) known to fail; the acceptor sees only
  // the last three, so a state that failed once fails again. Keys are numbers while
  // they fit exactly, strings on absurdly long sentences.
  let failed: Set<number | string> | null = null;
  const radix = tokens.length + 2;
  const numericKeys = code.length * radix ** 4 < Number.MAX_SAFE_INTEGER;

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
      const ins = code[pc];
      if (ins === undefined) return false;
      switch (ins.op) {
        case Op.Word: {
          const t = tokens[pos];
          if (t === undefined) return false;
          if (t.lemma !== ins.a && t.norm !== ins.a && t.lemma !== ins.b && t.norm !== ins.b) return false;
          if (first < 0) first = pos;
          last = pos;
          if (t.negated) neg++;
          pos++;
          pc++;
          break;
        }
        case Op.WordSet: {
          const t = tokens[pos];
          const set = ins.set as ReadonlySet<string>;
          if (t === undefined || (!set.has(t.lemma) && !set.has(t.norm))) return false;
          if (first < 0) first = pos;
          last = pos;
          if (t.negated) neg++;
          pos++;
          pc++;
          break;
        }
        case Op.Any: {
          const t = tokens[pos];
          if (t === undefined || t.kind === 'punctuation') return false;
          if (first < 0) first = pos;
          last = pos;
          pos++;
          pc++;
          break;
        }
        case Op.Gap: {
          // Lazy: try the rest after 0 words, then 1, ... up to x; other punctuation is free.
          let words = 0;
          for (let p = pos; ; p++) {
            if (step(pc + 1, p, first, last, neg)) return true;
            const t = tokens[p];
            if (t === undefined || isClauseBreak(t)) return false;
            if (t.kind !== 'punctuation' && ++words > ins.x) return false;
          }
        }
        case Op.Split:
          if (step(ins.x, pos, first, last, neg)) return true;
          pc = ins.y;
          break;
        case Op.Jump:
          pc = ins.x;
          break;
        case Op.Match:
          return first >= 0 && accept(first, last, neg);
      }
    }
  };

  const first = program.first;
  for (let start = 0; start < tokens.length; start++) {
    if (first !== null) {
      // Cheap pre-check: skip positions where no match can start.
      const t = tokens[start] as MatchToken;
      if (!first.has(t.norm) && !first.has(t.lemma)) continue;
    }
    if (step(0, start, -1, -1, 0)) return true;
  }
  return false;
}

/** Number of non-punctuation tokens strictly between two token spans (0 when they overlap). */
export function wordsBetween(tokens: readonly MatchToken[], aFirst: number, aLast: number, bFirst: number, bLast: number): number {
  const from = aLast < bFirst ? aLast + 1 : bLast < aFirst ? bLast + 1 : 0;
  const to = aLast < bFirst ? bFirst : bLast < aFirst ? aFirst : 0;
  let words = 0;
  for (let i = from; i < to; i++) if ((tokens[i] as MatchToken).kind !== 'punctuation') words++;
  return words;
}
