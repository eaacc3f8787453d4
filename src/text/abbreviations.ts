/**
 * Abbreviations that wink's sentence splitter does not know, so it ends a
 * sentence at their full stop ("see para. 4.12", "Cllr. Jones"). The analyzer
 * merges such a split back (see `continuesAfterFullStop`). wink already handles
 * Dr., Mr., Mrs., Ms., St., No., e.g., i.e., etc., approx., a.m./p.m., initials
 * ("J. Smith"), decimals and dates ("10.30", "3.4.2019") and "s.47", so they are
 * not listed here; tests pin both sets.
 */

// Titles: always followed by a name, so a full stop after them never ends a sentence.
const TITLES = new Set([
  'cllr', 'insp', 'det', 'supt', 'pc', 'dc', 'ds', 'di', 'dci', 'dsi', 'rev', 'revd', 'hon', 'sgt', 'prof', 'capt',
  'lt', 'col', 'gen', 'gov', 'sen', 'rep', 'fr', 'sr', 'jr', 'mx', 'messrs',
]);

// Abbreviations followed by a number or a lower-case word ("para. 4", "ref. 12", "incl. the").
const REFERENCE_ABBREVIATIONS = new Set([
  'para', 'paras', 'ref', 'refs', 'fig', 'figs', 'vol', 'vols', 'ch', 'chap', 'art', 'arts', 'sch', 'reg', 'regs',
  'pt', 'sec', 'sect', 'ss', 'p', 'pp', 'no', 'nos', 'tel', 'ext', 'cf', 'esp', 'incl', 'excl', 'nr', 'dept', 'ibid',
  'al', 'viz', 'vs', 'v', 'ca', 'c', 'est', 'min', 'max', 'wk', 'wks', 'yr', 'yrs', 'hr', 'hrs', 'mth', 'mths', 'mo',
  'mos', 'approx', 'appt', 'appts', 'dob', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'co', 'ltd', 'inc', 'govt',
  'dr', 'mr', 'mrs', 'ms', 'st',
]);

/**
 * True when a sentence split after `word` + "." is wrong and the next sentence,
 * starting with `nextFirst`, continues it. `word` is lower-cased without its
 * full stop; `nextFirst` is the next sentence's first token as written.
 * - after a title, always ("Cllr. Jones");
 * - after a reference abbreviation, when a number or a lower-case word follows ("para. 4.12", "ibid. p. 3");
 * - after any word, when the next sentence starts lower-case ("etc. and the school"):
 *   review prose never starts a sentence lower-case, extraction slips and abbreviations do.
 */
export function continuesAfterFullStop(word: string, nextFirst: string): boolean {
  const c = nextFirst.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  if (TITLES.has(word)) return true;
  return REFERENCE_ABBREVIATIONS.has(word) && c >= 48 && c <= 57;
}

// Words that start sentences and are never a surname after an initial.
const SENTENCE_STARTERS = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'He', 'She', 'They', 'It', 'We', 'His', 'Her', 'Their', 'There',
  'In', 'On', 'At', 'When', 'While', 'Whilst', 'However', 'But', 'After', 'Before', 'During', 'Although', 'As',
  'Nobody', 'No', 'None', 'Both', 'All', 'Each', 'Every', 'Following', 'Then', 'Agencies', 'Professionals',
]);

/**
 * True when `next` (as written) starts a new sentence even though the token
 * before it is an initial ("X."): wink keeps "Mr. K. The review covered..." as
 * one sentence because "K." looks like the initial of a name ("J. Smith").
 */
export function startsSentenceAfterInitial(next: string): boolean {
  return SENTENCE_STARTERS.has(next);
}

/** True for an initial: one capital letter and a full stop ("K."). */
export function isInitial(value: string): boolean {
  if (value.length !== 2 || value.charCodeAt(1) !== 0x2e) return false;
  const c = value.charCodeAt(0);
  return c >= 65 && c <= 90;
}
