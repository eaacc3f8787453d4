/**
 * The rule pattern language, parsed to an AST. It is deliberately small (no user
 * regular expressions) so every rule stays readable by a domain expert:
 *
 * - `word`       one token whose lemma or lower-cased form is `word`
 * - `(a|b c)`    alternatives, each a sequence; groups nest (`a|b c` at top level too)
 * - `elem?`      the word or group is optional
 * - `~N`         a gap of 0..N arbitrary words (N 1..10)
 * - `*`          exactly one arbitrary word
 *
 * Gaps never cross clause punctuation (`. ; : ! ? , – —`); other punctuation
 * (brackets, quotes, hyphens, slashes) is crossed without counting towards N.
 * `*` matches a word, never punctuation. Words are split like the text (`child's`
 * is `child` `'s`); a hyphenated word (`step-down`) also matches the text written
 * with a space or split at the hyphen. Write words in base form: `ask` matches
 * "asked" through the lemma.
 * A sequence may not start or end with a gap, and a pattern needs at least one word
 * that must match (that word anchors the rule in the index).
 */
import { RuleSetError } from '../errors';

/** A literal word as written in the pattern (lower-cased, curly apostrophes made straight). */
export interface WordNode {
  readonly kind: 'word';
  readonly text: string;
  readonly optional: boolean;
  /** 1-based column of the word in the pattern source. */
  readonly column: number;
}

/** `( ... | ... )`: alternatives, each a sequence of nodes. */
export interface GroupNode {
  readonly kind: 'group';
  readonly alternatives: readonly (readonly PatternNode[])[];
  readonly optional: boolean;
  readonly column: number;
}

/** `~N`: 0..N arbitrary words. */
export interface GapNode {
  readonly kind: 'gap';
  readonly max: number;
  readonly column: number;
}

/** `*`: exactly one arbitrary word. */
export interface AnyNode {
  readonly kind: 'any';
  readonly column: number;
}

/** One element of a pattern sequence. */
export type PatternNode = WordNode | GroupNode | GapNode | AnyNode;

/** A parsed pattern: its source and its top-level sequence. */
export interface PatternAst {
  readonly source: string;
  readonly nodes: readonly PatternNode[];
}

/** Why a pattern does not parse, and where (1-based column). */
export interface PatternSyntaxError {
  readonly message: string;
  readonly column: number;
}

/** Result of {@link safeParsePattern}. */
export type SafeParsePatternResult =
  | { readonly success: true; readonly data: PatternAst }
  | { readonly success: false; readonly error: PatternSyntaxError };

/** Largest N allowed in `~N`. */
export const MAX_GAP = 10;
/** Longest pattern source, in characters (the longest shipped pattern has about 750). */
export const MAX_PATTERN_LENGTH = 3_000;
/** Deepest nesting of `( ... )` groups; deeper patterns are unreadable and would exhaust the stack. */
export const MAX_PATTERN_NESTING = 10;
/**
 * Most ways the gaps and optional elements of one path through the pattern may
 * align at one start position (each optional element doubles them, each `~N`
 * multiplies them by N+1; a group counts as its most ambiguous alternative). Beyond
 * this a failing match would backtrack for long; the shipped rules stay under 2,000.
 */
export const MAX_PATTERN_ALIGNMENTS = 100_000;

/** Characters a pattern word may contain besides letters and digits. */
const WORD_CHAR = /[\p{L}\p{N}'’\-.&%£/]/u;

class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Parses a pattern; returns the AST or the first syntax error with its column. */
export function safeParsePattern(source: string): SafeParsePatternResult {
  const known = parsed.get(source);
  if (known !== undefined) return known;
  let result: SafeParsePatternResult;
  try {
    result = { success: true, data: deepFreeze({ source, nodes: new Parser(source).parsePattern() }) };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    result = { success: false, error: { message: error.message, column: error.column } };
  }
  if (parsed.size < MAX_MEMOISED_PATTERNS) parsed.set(source, result);
  return result;
}

// Patterns are parsed when a rule set is validated and again when it is compiled:
// memoise (results are frozen, so sharing them is safe), with a bound so a stream
// of generated patterns cannot grow the memo without end.
const MAX_MEMOISED_PATTERNS = 20_000;
const parsed = new Map<string, SafeParsePatternResult>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Parses a pattern; throws a RuleSetError with code INVALID_PATTERN on a syntax error. */
export function parsePattern(source: string): PatternAst {
  const result = safeParsePattern(source);
  if (result.success) return result.data;
  throw new RuleSetError(`invalid pattern "${source}": ${formatPatternError(result.error)}`, {
    code: 'INVALID_PATTERN',
    issues: [{ path: [], message: formatPatternError(result.error) }],
  });
}

/** Renders a syntax error as `column 7: unexpected ")"`. */
export function formatPatternError(error: PatternSyntaxError): string {
  return `column ${error.column}: ${error.message}`;
}

/** Recursive-descent parser over the source string; columns are 1-based. */
class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly src: string) {}

  parsePattern(): PatternNode[] {
    this.skipSpace();
    if (this.pos >= this.src.length) throw new SyntaxFailure('empty pattern', 1);
    // Top-level alternatives (`a b|c d`) are read as one group.
    const alternatives: PatternNode[][] = [this.parseSequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      alternatives.push(this.parseSequence());
    }
    const nodes: PatternNode[] =
      alternatives.length === 1 ? (alternatives[0] as PatternNode[]) : [{ kind: 'group', alternatives, optional: false, column: 1 }];
    this.skipSpace();
    if (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      throw new SyntaxFailure(ch === ')' ? 'unexpected ")" without a matching "("' : `unexpected "${ch}"`, this.pos + 1);
    }
    if (!canRequireWord(nodes)) {
      throw new SyntaxFailure('the pattern needs at least one word that must match (not optional, not a gap)', 1);
    }
    const ways = alignments(nodes);
    if (ways > MAX_PATTERN_ALIGNMENTS) {
      throw new SyntaxFailure(
        `gaps and optional elements let the pattern align in ${ways > 1e15 ? 'more than 10^15' : ways.toLocaleString('en-GB')} ways at one position (limit ${MAX_PATTERN_ALIGNMENTS.toLocaleString('en-GB')}): use fewer optional elements and gaps, or split the rule`,
        1,
      );
    }
    return nodes;
  }

  /** A sequence ends at `|`, `)` or the end of the source. */
  private parseSequence(): PatternNode[] {
    const nodes: PatternNode[] = [];
    for (;;) {
      this.skipSpace();
      const ch = this.src[this.pos];
      if (ch === undefined || ch === '|' || ch === ')') break;
      const node = this.parseElement();
      const previous = nodes[nodes.length - 1];
      if (isGapLike(node) && previous !== undefined && isGapLike(previous)) {
        throw new SyntaxFailure('two gaps in a row: use a single ~N', node.column);
      }
      nodes.push(node);
    }
    const first = nodes[0];
    const last = nodes[nodes.length - 1];
    if (first === undefined) throw new SyntaxFailure('empty alternative: use "?" to make an element optional', this.pos + 1);
    if (isGapLike(first)) throw new SyntaxFailure('a sequence cannot start with a gap or "*"', first.column);
    if (last !== undefined && isGapLike(last)) throw new SyntaxFailure('a sequence cannot end with a gap or "*"', last.column);
    return nodes;
  }

  private parseElement(): PatternNode {
    const column = this.pos + 1;
    const ch = this.src[this.pos] as string;
    if (ch === '~') return this.parseGap(column);
    if (ch === '*') {
      this.pos++;
      this.rejectQuestionMark('"*" cannot be optional: use ~1 for "zero or one word"');
      return { kind: 'any', column };
    }
    if (ch === '?') throw new SyntaxFailure('"?" must follow a word or a group', column);
    if (ch === '(') {
      if (++this.depth > MAX_PATTERN_NESTING) throw new SyntaxFailure(`groups nest more than ${MAX_PATTERN_NESTING} deep`, column);
      this.pos++;
      const alternatives: PatternNode[][] = [this.parseSequence()];
      while (this.src[this.pos] === '|') {
        this.pos++;
        alternatives.push(this.parseSequence());
      }
      if (this.src[this.pos] !== ')') throw new SyntaxFailure('"(" is never closed', column);
      this.pos++;
      this.depth--;
      return { kind: 'group', alternatives, optional: this.takeQuestionMark(), column };
    }
    if (WORD_CHAR.test(ch)) {
      const start = this.pos;
      while (this.pos < this.src.length && WORD_CHAR.test(this.src[this.pos] as string)) this.pos++;
      const text = this.src.slice(start, this.pos).toLowerCase().replace(/’/g, "'");
      return { kind: 'word', text, optional: this.takeQuestionMark(), column };
    }
    throw new SyntaxFailure(`unexpected "${ch}": words may contain letters, digits and ' - . & % £ / only`, column);
  }

  private parseGap(column: number): GapNode {
    this.pos++;
    const digits = /^\d+/.exec(this.src.slice(this.pos));
    if (!digits) throw new SyntaxFailure('"~" must be followed by a number, e.g. ~3', column);
    this.pos += digits[0].length;
    const max = Number(digits[0]);
    if (max < 1 || max > MAX_GAP) throw new SyntaxFailure(`gap ~${max} is out of range: use ~1 to ~${MAX_GAP}`, column);
    this.rejectQuestionMark('a gap cannot be optional: ~N already allows zero words');
    return { kind: 'gap', max, column };
  }

  private takeQuestionMark(): boolean {
    if (this.src[this.pos] !== '?') return false;
    this.pos++;
    if (this.src[this.pos] === '?') throw new SyntaxFailure('"??": an element is optional once', this.pos + 1);
    return true;
  }

  private rejectQuestionMark(message: string): void {
    if (this.src[this.pos] === '?') throw new SyntaxFailure(message, this.pos + 1);
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos] as string)) this.pos++;
  }
}

function isGapLike(node: PatternNode): node is GapNode | AnyNode {
  return node.kind === 'gap' || node.kind === 'any';
}

/** True when every match of the sequence must consume at least one literal word. */
export function canRequireWord(nodes: readonly PatternNode[]): boolean {
  return nodes.some(
    (n) => (n.kind === 'word' && !n.optional) || (n.kind === 'group' && !n.optional && n.alternatives.every(canRequireWord)),
  );
}

/**
 * How many ways the gaps and optional elements of the most ambiguous path through a
 * sequence can align at one start position: each optional element counts twice,
 * each `~N` N+1 times, a group as its most ambiguous alternative. Memoisation keeps
 * matching polynomial anyway; this bound keeps rules readable and matching fast.
 */
export function alignments(nodes: readonly PatternNode[]): number {
  let ways = 1;
  for (const n of nodes) {
    if (n.kind === 'gap') ways *= n.max + 1;
    else if (n.kind === 'word') ways *= n.optional ? 2 : 1;
    else if (n.kind === 'group') ways *= Math.max(...n.alternatives.map(alignments)) * (n.optional ? 2 : 1);
  }
  return ways;
}

/** Every literal word of a pattern, in source order (for linting). */
export function patternWords(nodes: readonly PatternNode[]): WordNode[] {
  const out: WordNode[] = [];
  const walk = (seq: readonly PatternNode[]): void => {
    for (const n of seq) {
      if (n.kind === 'word') out.push(n);
      else if (n.kind === 'group') n.alternatives.forEach(walk);
    }
  };
  walk(nodes);
  return out;
}
