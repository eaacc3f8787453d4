/**
 * Runs a compiled pattern over a sentence's tokens by backtracking, on word ids
 * (word-ids.ts): comparing a token with a pattern word is comparing two numbers.
 * No allocation per token or per search: positions travel in arguments, and the
 * rest of a search's state is an object reused by every search at the same depth.
 * A search that backtracks a lot starts remembering the states that failed, which
 * keeps hostile patterns polynomial in the sentence length.
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

/**
 * {@link searchSentence} on an encoded program and tokens encoded with the same ids.
 * `firstStart` is the program's {@link firstPossibleStart} when the caller has it already.
 */
export function searchEncoded(program: EncodedProgram, tokens: EncodedTokens, accept: AcceptMatch, firstStart = firstPossibleStart(program, tokens)): boolean {
  // Where no match can start, fail before taking a search state (most candidates end here).
  if (firstStart < 0) return false;
  // An acceptor may search again (a rule's `also` part): each depth has its own state.
  const s = (states[depth] ??= newState());
  depth++;
  try {
    s.code = program.code;
    s.sets = program.sets;
    s.norm = tokens.norm;
    s.lemma = tokens.lemma;
    s.flags = tokens.flags;
    s.count = tokens.count;
    s.end = program.code.length;
    s.accept = accept;
    s.failed = null;
    s.steps = 0;
    s.radix = tokens.count + 2;
    s.numericKeys = (s.end / STRIDE) * s.radix ** 4 < Number.MAX_SAFE_INTEGER;
    const firstIds = program.first;
    const { norm, lemma, count } = tokens;
    for (let start = firstStart; start < count; start++) {
      // Cheap pre-check: skip positions where no match can start.
      if (firstIds !== null && !hasBit(firstIds, norm[start]!) && !hasBit(firstIds, lemma[start]!)) continue;
      if (step(s, 0, start, -1, -1, 0)) return true;
    }
    return false;
  } finally {
    depth--;
    s.accept = acceptNothing;
    s.failed = null;
  }
}

/** What one search reads and remembers (see searchEncoded); reused between searches of one depth. */
interface SearchState {
  code: EncodedProgram['code'];
  sets: EncodedProgram['sets'];
  norm: EncodedTokens['norm'];
  lemma: EncodedTokens['lemma'];
  flags: EncodedTokens['flags'];
  count: number;
  end: number;
  accept: AcceptMatch;
  // States (pc, pos, first, last, negated words) known to fail; the acceptor sees only
  // the last three, so a state that failed once fails again. Keys are numbers while
  // they fit exactly, strings on absurdly long sentences.
  failed: Set<number | string> | null;
  steps: number;
  radix: number;
  numericKeys: boolean;
}

const states: SearchState[] = [];
let depth = 0;

function acceptNothing(): boolean {
  return false;
}

function newState(): SearchState {
  const none = new Int32Array(0);
  return { code: none, sets: [], norm: none, lemma: none, flags: new Uint8Array(0), count: 0, end: 0, accept: acceptNothing, failed: null, steps: 0, radix: 0, numericKeys: true };
}

function step(s: SearchState, startPc: number, startPos: number, startFirst: number, startLast: number, startNeg: number): boolean {
  if (s.failed === null) {
    if (++s.steps > MEMO_AFTER_STEPS) s.failed = new Set();
    return run(s, startPc, startPos, startFirst, startLast, startNeg);
  }
  const radix = s.radix;
  const key = s.numericKeys
    ? (((startPc * radix + startPos) * radix + startFirst + 1) * radix + startLast + 1) * radix + startNeg
    : `${startPc},${startPos},${startFirst},${startLast},${startNeg}`;
  if (s.failed.has(key)) return false;
  const found = run(s, startPc, startPos, startFirst, startLast, startNeg);
  if (!found) s.failed.add(key);
  return found;
}

function run(s: SearchState, startPc: number, startPos: number, startFirst: number, startLast: number, startNeg: number): boolean {
  const { code, sets, norm, lemma, flags, count, end } = s;
  let pc = startPc;
  let pos = startPos;
  let first = startFirst;
  let last = startLast;
  let neg = startNeg;
  for (;;) {
    const at = pc * STRIDE;
    if (at >= end) return false;
    switch (code[at]) {
      case Op.Word:
      case Op.WordSet: {
        if (pos >= count) return false;
        const n = norm[pos]!;
        const l = lemma[pos]!;
        const a = code[at + 1]!;
        if (code[at] === Op.Word) {
          const b = code[at + 2]!;
          if (l !== a && n !== a && l !== b && n !== b) return false;
        } else if (!hasBit(sets[a]!, l) && !hasBit(sets[a]!, n)) return false;
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
          if (step(s, pc + 1, p, first, last, neg)) return true;
          if (p >= count) return false;
          const f = flags[p]!;
          if ((f & CLAUSE_BREAK) !== 0) return false;
          if ((f & PUNCTUATION) === 0 && ++words > max) return false;
        }
      }
      case Op.Split:
        if (step(s, code[at + 1]!, pos, first, last, neg)) return true;
        pc = code[at + 2]!;
        break;
      case Op.Jump:
        pc = code[at + 1]!;
        break;
      case Op.Match:
        return first >= 0 && s.accept(first, last, neg);
      default:
        return false;
    }
  }
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
