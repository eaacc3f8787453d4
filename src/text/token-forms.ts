/**
 * Token kinds and lemmas: how wink's token types map to ours, and the few
 * lemma corrections our domain needs where wink's lemmatiser goes wrong.
 */
import type { Token } from './types';

/** Our token kind for a wink token type and its text. */
export function tokenKind(winkType: string, value: string): Token['kind'] {
  switch (winkType) {
    case 'word':
    case 'wordRP':
    case 'alpha':
    case 'shortForm':
      // wink types some bare numbers after an abbreviation as words ("s.47" gives "s." + "47").
      return isDigits(value) ? 'number' : 'word';
    case 'number':
    case 'ordinal':
    case 'time':
    case 'decade':
      return 'number';
    case 'punctuation':
    case 'apos':
      return 'punctuation';
    case 'symbol':
    case 'currency':
      return 'symbol';
    default:
      return 'other';
  }
}

// wink lemmas that are wrong for review prose (surface form -> lemma).
const LEMMA_FIXES: ReadonlyMap<string, string> = new Map([
  ['media', 'media'], // not "medium": social media
  ['caseloads', 'caseload'],
  ['childrens', 'child'], // a common misspelling of "children's"
  ['data', 'data'],
  ['safeguarding', 'safeguarding'], // the practice, not the verb "safeguard"
  ['parenting', 'parenting'],
  ['housing', 'housing'],
  ['training', 'training'],
  ['learning', 'learning'], // "lessons learned" aside, review text means the noun
  ['proceedings', 'proceedings'], // care proceedings, not a "proceeding"
  ['premises', 'premises'],
  ['services', 'service'],
  ['whereabouts', 'whereabouts'],
]);
// Irregular plurals wink leaves alone when a possessive is attached ("children's").
const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['children', 'child'], ['women', 'woman'], ['men', 'man'], ['people', 'person'], ['babies', 'baby'],
  ['parents', 'parent'], ['families', 'family'], ['agencies', 'agency'], ['professionals', 'professional'],
]);

/**
 * The lemma of a word token: wink's, lower-cased, with domain corrections.
 * A possessive wink kept on the word ("children's", "parents'") is dropped.
 */
export function wordLemma(norm: string, winkLemma: string): string {
  const fixed = LEMMA_FIXES.get(norm);
  if (fixed !== undefined) return fixed;
  if (norm.length > 2 && (norm.endsWith("'s") || norm.endsWith("s'"))) {
    const base = norm.endsWith("'s") ? norm.slice(0, -2) : norm.slice(0, -1);
    return IRREGULAR_PLURALS.get(base) ?? base;
  }
  // wink's lemma is missing for a few contractions ("cannot").
  return winkLemma && winkLemma !== 'undefined' ? winkLemma.toLowerCase() : norm;
}

/**
 * True for a capitalised word that looks plural ("Meetings", "Children"): wink
 * tags such words PROPN at the start of a sentence or heading and then leaves
 * them unlemmatised.
 */
export function isCapitalisedPlural(value: string): boolean {
  if (value.length < 3) return false;
  const first = value.charCodeAt(0);
  const second = value.charCodeAt(1);
  if (!(first >= 65 && first <= 90 && second >= 97 && second <= 122)) return false;
  return value.charCodeAt(value.length - 1) === 0x73 /* s */ || IRREGULAR_PLURALS.has(value.toLowerCase());
}

function isDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
