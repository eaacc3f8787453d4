/**
 * Negation scope within one sentence. wink marks tokens after "not", "n't",
 * "never", "no", "none", "neither", "nor", "without", "hardly", ... but misses
 * "nobody", "nothing", "nowhere", lets some scopes run on past ":" or "whereas",
 * and treats "fail(ed) to" as a negator. This pass keeps wink's marks and fixes
 * them:
 * - our own triggers (NEGATORS, and "no" as a determiner) open a scope over the
 *   following tokens;
 * - a scope (ours or wink's) ends at clause punctuation (, ; : . ! ? brackets,
 *   dashes, a spaced hyphen) or a contrastive conjunction (but, however,
 *   although, though, whereas, while, whilst, except, unless);
 * - a wink scope opened by "fail"/"failed to" is dropped: "failed to visit" is
 *   a practice statement the rules match as such, not a negated "visit"; so is
 *   one opened by "no" in a fixed phrase ("no doubt", "no matter");
 * - a wink scope whose trigger lies in an earlier sentence (wink's sentences
 *   can be longer than ours, for example across a heading) is dropped.
 * Trigger words themselves are not marked negated.
 */
import type { Token } from './types';

/** Per-token facts of one sentence that negation needs (parallel arrays, first `count` entries used). */
export interface NegationInput {
  readonly count: number;
  readonly norms: readonly string[];
  readonly lemmas: readonly string[];
  readonly kinds: readonly Token['kind'][];
  readonly pos: readonly string[];
  /** wink's negationFlag for each token. */
  readonly winkFlags: readonly boolean[];
  /** Whitespace precedes the token. */
  readonly spaceBefore: readonly boolean[];
}

// Words that open a negation scope over what follows ("nobody asked the children").
const NEGATORS = new Set([
  'not', "n't", 'never', 'nobody', 'none', 'nothing', 'nowhere', 'neither', 'nor', 'without', 'cannot', 'no-one',
  'noone',
]);
// "no" opens a scope as a determiner ("no referral was made"), not in these fixed phrases.
const NO_PHRASES = new Set(['doubt', 'matter', 'sooner', 'less', 'later']);
// Words that end a scope: the contrast starts a new claim ("did not visit, but she did").
const CONTRASTIVES = new Set(['but', 'however', 'although', 'though', 'whereas', 'while', 'whilst', 'except', 'unless']);
// Punctuation that ends a clause, and so a scope. Quotes and apostrophes do not.
const CLAUSE_PUNCTUATION = new Set([',', ';', ':', '.', '!', '?', '(', ')', '[', ']', '–', '—', '…', '...', '--']);
// Lemmas that wink treats as negators but we do not ("failed to visit").
const NOT_NEGATORS = new Set(['fail']);

/** True for a word that can open a negation scope ("not", "nobody", "no"...): sentences without one, and without wink marks, skip the pass. */
export function isNegationCue(norm: string): boolean {
  return norm === 'no' || NEGATORS.has(norm);
}

/** Writes into `out[0..count)` whether each token of the sentence is inside a negation scope. */
export function markNegation(input: NegationInput, out: boolean[]): void {
  const { count, kinds, winkFlags } = input;
  let ownScope = false;
  // Whether the wink run we are in (consecutive wink-flagged tokens) is accepted.
  let winkRun = false;
  for (let i = 0; i < count; i += 1) {
    if (endsScope(input, i)) {
      ownScope = false;
      winkRun = false;
      out[i] = false;
      continue;
    }
    // Like wink, never mark punctuation; quotes and the like do not end a scope either.
    if (kinds[i] === 'punctuation') {
      out[i] = false;
      continue;
    }
    const flagged = winkFlags[i] === true;
    if (flagged && !(i > 0 && continuesWinkRun(input, i))) winkRun = acceptsWinkRun(input, i);
    if (opensScope(input, i)) {
      out[i] = false;
      ownScope = true;
      continue;
    }
    out[i] = ownScope || (flagged && winkRun);
  }
}

/** True when the token at `i` is a trigger that opens our own scope. */
function opensScope(input: NegationInput, i: number): boolean {
  const norm = input.norms[i]!;
  if (NEGATORS.has(norm)) return true;
  if (norm !== 'no' || input.pos[i] === 'INTJ' || i + 1 >= input.count) return false;
  const next = input.norms[i + 1]!;
  return input.kinds[i + 1] !== 'punctuation' || next === '-' ? !NO_PHRASES.has(next) : false;
}

/** True when the token at `i` ends any scope. */
function endsScope(input: NegationInput, i: number): boolean {
  const norm = input.norms[i]!;
  if (input.kinds[i] === 'punctuation') {
    if (CLAUSE_PUNCTUATION.has(norm)) return true;
    // A hyphen with space on either side is a dash; "no-one" keeps its scope.
    return norm === '-' && (input.spaceBefore[i] === true || (i + 1 < input.count && input.spaceBefore[i + 1] === true));
  }
  return CONTRASTIVES.has(norm);
}

/** True when the wink-flagged token at `i` continues the run of an earlier flagged token (only quotes and the like between). */
function continuesWinkRun(input: NegationInput, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && input.kinds[j] === 'punctuation' && !endsScope(input, j)) j -= 1;
  return j >= 0 && input.winkFlags[j] === true;
}

/** Whether a wink run starting at `i` is kept: its trigger is in this sentence and is not "fail (to)". */
function acceptsWinkRun(input: NegationInput, i: number): boolean {
  const trigger = i - 1;
  // No trigger in this sentence, or the run restarts after a scope end (wink runs on past ":" and "whereas").
  if (trigger < 0 || endsScope(input, trigger)) return false;
  if (NOT_NEGATORS.has(input.lemmas[trigger]!)) return false;
  // "no doubt", "no matter", an interjection "no": not a negation for us either.
  if (input.norms[trigger] === 'no' && !opensScope(input, trigger)) return false;
  return !(input.norms[trigger] === 'to' && trigger > 0 && NOT_NEGATORS.has(input.lemmas[trigger - 1]!));
}
