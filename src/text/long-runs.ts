/**
 * wink's tokenizer is quadratic in the length of a run without spaces (100 KB of
 * "a-a-a-..." takes half a minute). Runs longer than any real word, URL or
 * reference are cut for wink by a space in place of one character every
 * MAX_RUN_LENGTH characters. The string keeps its length, so every offset still
 * points into the original text; only such runs are affected.
 */

/** Longest run of non-space characters wink reads whole. */
export const MAX_RUN_LENGTH = 200;

const LONG_RUN = new RegExp(`\\S{${MAX_RUN_LENGTH + 1},}`, 'g');

/** The text wink reads, with over-long runs cut by spaces (same length). */
export function breakLongRuns(text: string): string {
  LONG_RUN.lastIndex = 0;
  if (!LONG_RUN.test(text)) return text;
  LONG_RUN.lastIndex = 0;
  return text.replace(LONG_RUN, (run) => {
    const chars = run.split('');
    for (let i = MAX_RUN_LENGTH - 1; i < chars.length - 1; i += MAX_RUN_LENGTH) {
      // Never leave half a surrogate pair: blank both halves.
      if (/[\udc00-\udfff]/.test(chars[i]!) && i > 0) chars[i - 1] = ' ';
      if (/[\ud800-\udbff]/.test(chars[i]!)) chars[i + 1] = ' ';
      chars[i] = ' ';
    }
    return chars.join('');
  });
}
