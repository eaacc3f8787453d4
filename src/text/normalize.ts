/**
 * String normalisation for comparing user-written phrases (rule patterns,
 * examples, search terms) with token `norm`s: the same character folding the
 * analyzer applies (clean.ts), then lower case and single spaces.
 */
import { cleanText } from './clean';

/** Curly quotes and apostrophes, Unicode spaces and hyphens folded to ASCII; line endings to "\n". Same length unless ligatures or zero-width characters were present. */
export function foldCharacters(text: string): string {
  return cleanText(text, { joinHyphenation: false }).text;
}

/** `foldCharacters`, lower-cased, whitespace runs collapsed to one space, trimmed: "Didn’t  SEE" -> "didn't see". */
export function normalizeForMatch(text: string): string {
  return foldCharacters(text).toLowerCase().replace(/\s+/g, ' ').trim();
}
