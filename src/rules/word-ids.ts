/**
 * Integer form of compiled patterns, so the matcher compares numbers, not strings.
 * Every word a program can test gets an id (1, 2, ...); a sentence's tokens are
 * encoded once (one map look-up per norm and lemma) and every rule then reads the
 * ids. A token word no pattern mentions is 0, which no instruction matches.
 */
import type { Token } from '../text/types';
import { Op, type Program } from './program';

/** The token fields the matcher reads. */
export type MatchToken = Pick<Token, 'norm' | 'lemma' | 'negated' | 'kind'>;

/** Ids of the words some set of programs tests. */
export type WordIds = ReadonlyMap<string, number>;

/** Words per instruction in {@link EncodedProgram.code}: op, then three operands. */
export const STRIDE = 4;

/**
 * A program over word ids. `code` holds STRIDE numbers per instruction:
 * Word: op, id of `a`, id of `b`; WordSet: op, index into `sets`;
 * Gap: op, x; Split: op, x, y; Jump: op, x.
 */
export interface EncodedProgram {
  readonly code: Int32Array;
  /** Word sets as bitsets over ids. */
  readonly sets: readonly Uint32Array[];
  /** Bitset of the ids a match can start with, or null when any token may start one. */
  readonly first: Uint32Array | null;
}

/** Token flags in {@link EncodedTokens.flags}. */
export const NEGATED = 1;
export const PUNCTUATION = 2;
export const CLAUSE_BREAK = 4;

/**
 * A sentence's tokens as ids and flags. Buffers may be longer than `count`
 * (they are reused from sentence to sentence).
 */
export interface EncodedTokens {
  count: number;
  norm: Int32Array;
  lemma: Int32Array;
  flags: Uint8Array;
}

/**
 * Punctuation that gaps never cross: it ends a sentence or a clause. Commas and
 * dashes are included because a gap reaching across them mostly joins words that
 * belong to different clauses ("to avoid delay, the worker ...").
 */
const CLAUSE_BREAKS: ReadonlySet<string> = new Set(['.', ';', ':', '!', '?', '…', '...', ',', '–', '—']);

/** True for a token that ends a clause (gaps stop there). */
export function isClauseBreak(token: MatchToken): boolean {
  return token.kind === 'punctuation' && CLAUSE_BREAKS.has(token.norm);
}

/** Adds every word `program` tests to `ids` (new words get the next id). */
export function collectWords(program: Program, ids: Map<string, number>): void {
  const add = (word: string): void => {
    if (word !== '' && !ids.has(word)) ids.set(word, ids.size + 1);
  };
  for (const ins of program.code) {
    if (ins.op === Op.Word) {
      add(ins.a);
      add(ins.b);
    } else if (ins.op === Op.WordSet) ins.set?.forEach(add);
  }
  program.first?.forEach(add);
}

/** The program over `ids`, which must hold every word it tests (see {@link collectWords}). */
export function encodeProgram(program: Program, ids: WordIds): EncodedProgram {
  const code = new Int32Array(program.code.length * STRIDE);
  const sets: Uint32Array[] = [];
  const idOf = (word: string): number => ids.get(word) ?? 0;
  program.code.forEach((ins, pc) => {
    const at = pc * STRIDE;
    code[at] = ins.op;
    switch (ins.op) {
      case Op.Word:
        code[at + 1] = idOf(ins.a);
        code[at + 2] = idOf(ins.b);
        break;
      case Op.WordSet:
        code[at + 1] = sets.length;
        sets.push(bitset(ins.set ?? new Set(), ids));
        break;
      default:
        code[at + 1] = ins.x;
        code[at + 2] = ins.y;
    }
  });
  return { code, sets, first: program.first === null ? null : bitset(program.first, ids) };
}

/** True when bit `id` of `bits` is set. */
export function hasBit(bits: Uint32Array, id: number): boolean {
  return ((bits[id >>> 5]! >>> (id & 31)) & 1) === 1;
}

function bitset(words: ReadonlySet<string>, ids: WordIds): Uint32Array {
  const bits = new Uint32Array((ids.size >>> 5) + 1);
  for (const word of words) {
    const id = ids.get(word);
    if (id !== undefined) bits[id >>> 5]! |= 1 << (id & 31);
  }
  return bits;
}

/** Empty buffers to pass to {@link encodeTokens}. */
export function tokenBuffers(): EncodedTokens {
  return { count: 0, norm: new Int32Array(64), lemma: new Int32Array(64), flags: new Uint8Array(64) };
}

/** Encodes `tokens` into `into` (growing its buffers when needed) and returns it. */
export function encodeTokens(tokens: readonly MatchToken[], ids: WordIds, into: EncodedTokens): EncodedTokens {
  const n = tokens.length;
  if (into.norm.length < n) {
    const size = Math.max(n, into.norm.length * 2);
    into.norm = new Int32Array(size);
    into.lemma = new Int32Array(size);
    into.flags = new Uint8Array(size);
  }
  const { norm, lemma, flags } = into;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const normId = ids.get(t.norm) ?? 0;
    norm[i] = normId;
    lemma[i] = t.lemma === t.norm ? normId : (ids.get(t.lemma) ?? 0);
    let f = t.negated ? NEGATED : 0;
    if (t.kind === 'punctuation') f |= CLAUSE_BREAKS.has(t.norm) ? PUNCTUATION | CLAUSE_BREAK : PUNCTUATION;
    flags[i] = f;
  }
  into.count = n;
  return into;
}
