/**
 * Compiles a pattern AST to a small backtracking program (a regex-VM-like list of
 * instructions over tokens), with the words a match can start with, and picks the
 * words that anchor the pattern in the rule index.
 */
import type { PatternNode } from './pattern';
import { isStopWord } from '../text/stop-words';
import { expandWord, type WordPart, type WordSplitter } from './pattern-words';

/** Instruction codes of a compiled pattern. */
export const Op = {
  /** Token's lemma or norm equals `a` (or its curly-apostrophe twin `b`). */
  Word: 0,
  /** One arbitrary non-punctuation token. */
  Any: 1,
  /** 0..`x` words, lazily, not crossing clause punctuation. */
  Gap: 2,
  /** Try `x`, then `y`. */
  Split: 3,
  /** Continue at `x`. */
  Jump: 4,
  /** The pattern matched. */
  Match: 5,
  /** Token's lemma or norm is in `set` (a group of single-word alternatives). */
  WordSet: 6,
} as const;
/** One of the {@link Op} codes. */
export type Op = (typeof Op)[keyof typeof Op];

/** One instruction. Every instruction has every field so the shape stays monomorphic. */
export interface Instruction {
  readonly op: Op;
  readonly a: string;
  readonly b: string;
  readonly x: number;
  readonly y: number;
  readonly set: ReadonlySet<string> | null;
}

/** A compiled pattern. */
export interface Program {
  readonly source: string;
  readonly code: readonly Instruction[];
  /**
   * Words (lemma or norm) one of which every match starts with, so the matcher can
   * skip other start positions; null when a match may start with any token.
   */
  readonly first: ReadonlySet<string> | null;
}

interface MutableInstruction {
  op: Op;
  a: string;
  b: string;
  x: number;
  y: number;
  set: ReadonlySet<string> | null;
}

/** Compiles a parsed pattern. Throws a plain Error for a word that yields no token. */
export function compileProgram(source: string, nodes: readonly PatternNode[], split: WordSplitter): Program {
  const code: MutableInstruction[] = [];
  const emit = (op: Op, a = '', x = 0, y = 0): number => {
    code.push({ op, a, b: a.includes("'") ? a.replace(/'/g, '’') : a, x, y, set: null });
    return code.length - 1;
  };
  const at = (i: number): MutableInstruction => code[i] as MutableInstruction;
  const emitWordSet = (words: readonly string[]): void => {
    at(emit(Op.WordSet)).set = withCurlyTwins(new Set(words));
  };

  const emitAlternatives = (alternatives: readonly (() => void)[]): void => {
    const jumps: number[] = [];
    alternatives.forEach((body, i) => {
      if (i < alternatives.length - 1) {
        const split = emit(Op.Split);
        at(split).x = code.length;
        body();
        jumps.push(emit(Op.Jump));
        at(split).y = code.length;
      } else {
        body();
      }
    });
    for (const j of jumps) at(j).x = code.length;
  };

  const emitOptional = (optional: boolean, body: () => void): void => {
    if (!optional) return body();
    const split = emit(Op.Split);
    at(split).x = code.length; // greedy: try the element first
    body();
    at(split).y = code.length;
  };

  const emitParts = (parts: readonly WordPart[]): void => {
    for (const p of parts) emitOptional(p.optional, () => void emit(Op.Word, p.text));
  };

  const emitSequence = (seq: readonly PatternNode[]): void => {
    for (const node of seq) {
      switch (node.kind) {
        case 'word': {
          const alternatives = expandWord(node.text, split);
          emitOptional(node.optional, () => emitAlternatives(alternatives.map((parts) => () => emitParts(parts))));
          break;
        }
        case 'group': {
          // Single-word alternatives become one set lookup instead of a chain of splits.
          const singles = node.alternatives.map((alt) => singleWord(alt, split));
          const words = singles.filter((w): w is string => w !== null);
          const firstSingle = singles.findIndex((w) => w !== null);
          const bodies: (() => void)[] = [];
          node.alternatives.forEach((alt, i) => {
            if (words.length < 2 || singles[i] === null) bodies.push(() => emitSequence(alt));
            else if (i === firstSingle) bodies.push(() => emitWordSet(words));
          });
          emitOptional(node.optional, () => emitAlternatives(bodies));
          break;
        }
        case 'gap':
          emit(Op.Gap, '', node.max);
          break;
        case 'any':
          emit(Op.Any);
          break;
      }
    }
  };

  emitSequence(nodes);
  emit(Op.Match);
  const start = startWords(nodes, split);
  const first = start.words === null || start.nullable ? null : withCurlyTwins(start.words);
  return { source, code: code.map((i) => Object.freeze({ ...i })), first };
}

/** The token an alternative stands for when it is one required word that splits to one token, else null. */
function singleWord(alt: readonly PatternNode[], split: WordSplitter): string | null {
  const only = alt[0];
  if (alt.length !== 1 || only === undefined || only.kind !== 'word' || only.optional) return null;
  const expanded = expandWord(only.text, split);
  const parts = expanded[0];
  return expanded.length === 1 && parts !== undefined && parts.length === 1 && parts[0] ? parts[0].text : null;
}

interface StartWords {
  /** Words a match can start with; null when it can start with any token. */
  readonly words: Set<string> | null;
  /** The sequence can match without consuming a token. */
  readonly nullable: boolean;
}

/** The FIRST set of a sequence: what its first consumed token can be. */
function startWords(seq: readonly PatternNode[], split: WordSplitter): StartWords {
  const words = new Set<string>();
  for (const node of seq) {
    if (node.kind === 'gap' || node.kind === 'any') return { words: null, nullable: false };
    let nullable = node.optional;
    if (node.kind === 'word') {
      for (const parts of expandWord(node.text, split)) if (parts[0]) words.add(parts[0].text);
    } else {
      for (const alt of node.alternatives) {
        const inner = startWords(alt, split);
        if (inner.words === null) return { words: null, nullable: false };
        inner.words.forEach((w) => words.add(w));
        nullable ||= inner.nullable;
      }
    }
    if (!nullable) return { words, nullable: false };
  }
  return { words, nullable: true };
}

function withCurlyTwins(words: Set<string>): ReadonlySet<string> {
  for (const w of [...words]) if (w.includes("'")) words.add(w.replace(/'/g, '’'));
  return words;
}

/**
 * Words of which at least one must occur in any sentence the pattern matches: the
 * required element whose words are cheapest to look up, where a frequent word
 * (stop word, negator, auxiliary) costs as much as many rare ones, since an anchor
 * on "the" or "not" would send almost every sentence to the rule. Ties go to the
 * element whose shortest word is longest. Null when there is no required element.
 */
export function anchorWords(nodes: readonly PatternNode[], split: WordSplitter): string[] | null {
  let best: string[] | null = null;
  let bestCost = Infinity;
  for (const node of nodes) {
    const words = requiredWords(node, split);
    if (words === null) continue;
    const cost = words.reduce((sum, w) => sum + wordCost(w), 0);
    if (best === null || cost < bestCost || (cost === bestCost && shortest(words) > shortest(best))) {
      best = words;
      bestCost = cost;
    }
  }
  return best === null ? null : [...new Set(best)];
}

// Frequent words the project's stop-word list keeps on purpose but that make poor anchors.
const FREQUENT = new Set(['not', "n't", 'no', 'never', 'be', 'have', 'do', 'can', 'will', 'would', 'could', 'should', 'may', 'must', 'all', 'any', 'some', 'more', 'only', 'other', 'when', 'after', 'before', "'s", '-']);

function wordCost(word: string): number {
  return isStopWord(word) || FREQUENT.has(word) ? 50 : 1;
}

function requiredWords(node: PatternNode, split: WordSplitter): string[] | null {
  if (node.kind === 'gap' || node.kind === 'any') return null;
  if (node.optional) return null;
  if (node.kind === 'word') {
    // Each expansion of the word is one alternative; pick its longest required token.
    return expandWord(node.text, split).map((parts) => longest(parts.filter((p) => !p.optional).map((p) => p.text)));
  }
  const out: string[] = [];
  for (const alt of node.alternatives) {
    const words = anchorWords(alt, split);
    if (words === null) return null;
    out.push(...words);
  }
  return out;
}

function longest(words: readonly string[]): string {
  return words.reduce((a, b) => (b.length > a.length ? b : a), '');
}

function shortest(words: readonly string[]): number {
  return Math.min(...words.map((w) => w.length));
}
