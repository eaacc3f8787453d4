/**
 * The project's stop-word list (sets `Token.stop`).
 *
 * Policy: a stop word is a function word that says nothing about which practice
 * theme a passage is about (articles, pronouns, auxiliaries, most prepositions
 * and conjunctions). The list deliberately KEEPS, as non-stop words:
 * - negators and negative quantifiers (not, n't, no, never, nobody, none,
 *   nothing, neither, nor, without, cannot): "no referral was made" is the
 *   information-sharing signal itself;
 * - words of time and sequence (before, after, until, again, since, during,
 *   when, then, once, later, first, still, yet): chronology and repetition
 *   ("seen again", "closed before the assessment") carry risk-assessment and
 *   engagement meaning;
 * - words about who was present or whose view it was (alone, own, only, both,
 *   together, between, against, other): "seen alone", "their own words",
 *   "between agencies";
 * - modals of obligation and ability (should, must, could, would, can, may,
 *   might): recommendations and missed opportunities are phrased with them;
 * - quantity words that describe practice (all, any, few, more, most, some,
 *   every, each, enough, too, very).
 * Entries are lower-case surface forms; a token is a stop word when its `norm`
 * is listed. Contractions appear as wink splits them ("'s", "'re", "'ve").
 */
const STOP_WORD_LIST = [
  // articles and determiners
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'such',
  // personal, possessive and reflexive pronouns
  'i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves', 'you', 'your', 'yours', 'yourself',
  'yourselves', 'he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'they', 'them',
  'their', 'theirs', 'themselves', 'one', "one's",
  // relative and interrogative words (how, why and when are kept: "why" questions are curiosity)
  'what', 'which', 'who', 'whom', 'whose', 'where', 'whether',
  // be, have, do
  'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had', 'having', 'do', 'does', 'did',
  'doing', "'s", "'re", "'ve", "'d", "'ll", "'m",
  // prepositions (temporal ones kept, see above)
  'of', 'at', 'by', 'for', 'with', 'about', 'into', 'through', 'to', 'from', 'in', 'on', 'off', 'over', 'under', 'up',
  'down', 'out', 'above', 'below', 'upon', 'onto', 'within', 'via', 'per', 'as',
  // conjunctions (contrastive "but", "although", "however" kept: they scope negation and contrast practice)
  'and', 'or', 'if', 'because', 'so', 'than', 'while', 'whilst',
  // fillers
  'there', 'here', 'just', 'also', 'same', 'further', 'thus', 'hence', 'etc', 'etc.',
];

/** The stop-word set (lower-case surface forms). See the module comment for the policy. */
export const STOP_WORDS: ReadonlySet<string> = new Set(STOP_WORD_LIST);

/** True when `norm` (a lower-cased token) is on the project's stop-word list. */
export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm);
}
