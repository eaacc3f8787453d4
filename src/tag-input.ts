/**
 * Checks on what tag() and tagMany() are given, before any work: the text is a
 * string under the size limit, page spans are whole, in range and do not overlap,
 * and every tagMany() input is a string or `{ text }`. Each failure is an
 * InputError naming the offending value.
 */
import { InputError, type Issue } from './errors';
import type { PageSpan } from './pages';

/**
 * Default longest text tag() accepts, in characters (UTF-16 code units). Tagging
 * peaks at about 31 times the text's size in memory (measured over a 5 MB document),
 * so 5 million characters (about ten times the longest review we have seen) stay
 * near 150 MB. Override with the tagger option `maxTextLength`.
 */
export const DEFAULT_MAX_TEXT_LENGTH = 5_000_000;

/** Throws InputError INVALID_INPUT for a non-string, INPUT_TOO_LARGE for a text over `maxLength`. */
export function checkText(text: unknown, maxLength: number = DEFAULT_MAX_TEXT_LENGTH, where = 'tag()'): asserts text is string {
  if (typeof text !== 'string') throw new InputError(`${where} expects a string, received ${describe(text)}`, { code: 'INVALID_INPUT' });
  if (text.length > maxLength) {
    throw new InputError(
      `${where}: the text has ${text.length.toLocaleString('en-GB')} characters, over the limit of ${maxLength.toLocaleString('en-GB')} (raise it with the tagger option maxTextLength, or --max-chars)`,
      { code: 'INPUT_TOO_LARGE' },
    );
  }
}

/** Throws InputError INVALID_OPTIONS unless `maxTextLength` is a positive whole number (or Infinity). */
export function checkMaxTextLength(value: unknown): void {
  if (value === undefined || value === Infinity) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InputError(`maxTextLength must be a whole number of 1 or more, or Infinity (got ${describe(value)})`, { code: 'INVALID_OPTIONS' });
  }
}

/**
 * Throws InputError INVALID_OPTIONS (with the option's path) when an option given is not
 * one of its choices: a typo would otherwise pick a default silently.
 */
export function checkChoice(name: string, value: unknown, choices: readonly string[]): void {
  if (value !== undefined && !choices.includes(value as string)) {
    throw new InputError(`createTagger: ${name} must be one of ${choices.map((c) => `'${c}'`).join(', ')} (got ${describe(value)})`, {
      code: 'INVALID_OPTIONS',
      issues: [{ path: [name], message: `expected one of ${choices.join(', ')}` }],
    });
  }
}

/**
 * Throws InputError INVALID_OPTIONS (with the `pages[i]` path) unless every page is
 * a whole page number >= 1 with 0 <= start <= end <= text length, and no two pages
 * overlap.
 */
export function checkPages(pages: unknown, textLength: number): asserts pages is readonly PageSpan[] | undefined {
  if (pages === undefined) return;
  if (!Array.isArray(pages)) throw new InputError(`pages must be an array of { page, start, end }, received ${describe(pages)}`, { code: 'INVALID_OPTIONS' });
  const issues: Issue[] = [];
  const whole = (v: unknown, min: number) => typeof v === 'number' && Number.isInteger(v) && v >= min;
  pages.forEach((p: Partial<PageSpan> | null, i) => {
    if (typeof p !== 'object' || p === null) issues.push({ path: ['pages', i], message: 'expected { page, start, end }' });
    else if (!whole(p.page, 1)) issues.push({ path: ['pages', i, 'page'], message: `expected a whole page number >= 1, got ${describe(p.page)}` });
    else if (!whole(p.start, 0)) issues.push({ path: ['pages', i, 'start'], message: `expected a whole offset >= 0, got ${describe(p.start)}` });
    else if (!whole(p.end, p.start as number) || (p.end as number) > textLength) {
      issues.push({ path: ['pages', i, 'end'], message: `expected a whole offset from start (${p.start}) to the text length (${textLength}), got ${describe(p.end)}` });
    }
  });
  if (issues.length === 0) {
    const order = pages.map((_, i) => i).sort((a, b) => (pages[a] as PageSpan).start - (pages[b] as PageSpan).start || a - b);
    for (let k = 1; k < order.length; k++) {
      const before = pages[order[k - 1]!] as PageSpan;
      const after = pages[order[k]!] as PageSpan;
      if (after.start < before.end) {
        issues.push({ path: ['pages', order[k]!], message: `page ${after.page} (${after.start}-${after.end}) overlaps page ${before.page} (${before.start}-${before.end})` });
      }
    }
  }
  if (issues.length) throw new InputError('invalid page spans', { code: 'INVALID_OPTIONS', issues });
}

/** Throws InputError INVALID_INPUT (path `[index]`) for a tagMany() input that is neither a string nor `{ text: string }`. */
export function checkTagManyInput(input: unknown, index: number): void {
  if (typeof input === 'string') return;
  if (typeof input === 'object' && input !== null && typeof (input as { text?: unknown }).text === 'string') return;
  throw new InputError(`tagMany() input ${index} must be a string or { text: string }, received ${describe(input)}`, {
    code: 'INVALID_INPUT',
    issues: [{ path: [index], message: `expected a string or { text }, received ${describe(input)}` }],
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  return typeof value;
}
