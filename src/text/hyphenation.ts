/**
 * Deciding what a hyphen at the end of a line is. Text from PDFs and Word files
 * splits long words across lines ("safe-\nguarding"), but a line can also end
 * inside a real compound ("follow-\nup", "step-\ndown", "multi-\nagency").
 *
 * Heuristic (cheap, no dictionary of all English words):
 * - the fragment after the break starts with a capital or a digit: a real
 *   compound ("Covid-19", "Anglo-Saxon"): keep the hyphen;
 * - the whole fragment after the break is a word that commonly stands alone as
 *   the second part of a compound (up, down, off, based, agency, being...):
 *   keep the hyphen;
 * - the fragment before the break is a known compound-forming first part
 *   (non, self, semi, half, cyber): keep the hyphen;
 * - otherwise the hyphen only split a word: join ("safeguarding").
 * Both lists are short on purpose: wrongly keeping a hyphen ("threshold" as
 * "thresh-old") hurts matching far more than wrongly joining a compound
 * ("followup"), so only words that rarely end or start another word are listed.
 */

// Whole words that often stand as the second part of a compound ("follow-up",
// "step-down", "child-centred", "multi-agency"). Deliberately absent, because
// they also END ordinary words that typesetting splits: in, on, out, over, to,
// by, and, old, day, led, known, standing, face, parent ("with-out",
// "thresh-old", "cancel-led", "un-known", "under-standing", "trans-parent").
const STANDALONE_SECOND_PARTS = new Set([
  'up', 'down', 'off', 'based', 'related', 'focused', 'focussed', 'centred', 'centered', 'term', 'time', 'being',
  'agency', 'agencies', 'professional', 'professionals', 'disciplinary', 'partner', 'partners', 'father', 'mother',
  'family', 'families', 'child', 'children', 'year', 'years', 'month', 'months', 'week', 'weeks', 'level', 'making',
  'taking', 'sharing', 'harm', 'harming', 'neglect', 'risk', 'care', 'help', 'home', 'house', 'school', 'hand', 'aged',
  'reported', 'report', 'referral', 'assessment', 'contact', 'engagement', 'compliance', 'attendance', 'esteem',
  'worth', 'awareness', 'checking', 'check',
]);

// First parts that form compounds and start almost no ordinary word. Most
// prefixes do start ordinary words ("multi-ple", "follow-ing", "child-ren",
// "part-ner", "re-ferral"), so they are left to the second-part list.
const COMPOUND_FIRST_PARTS = new Set(['non', 'self', 'semi', 'half', 'cyber']);

/**
 * True when a hyphen at a line end between `before` (the letters just before
 * it) and `after` (the letters just after the break) belongs to a real
 * compound and must be kept; false when it only split one word.
 */
export function keepsLineEndHyphen(before: string, after: string): boolean {
  const first = after.charCodeAt(0);
  // Capital or digit after the break: a name or number compound ("Covid-19").
  if (!(first >= 97 && first <= 122)) return true;
  return STANDALONE_SECOND_PARTS.has(after) || COMPOUND_FIRST_PARTS.has(before.toLowerCase());
}
