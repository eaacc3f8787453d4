/**
 * Two taggers on the same labelled examples: each one's scores, and the F1
 * difference a - b with a paired bootstrap interval. The question a researcher
 * asks of a new model or rule set: is it better, or did the test units happen to
 * suit it?
 */
import { InputError } from '../errors';
import type { LabelledExample } from '../corpus/schema';
import type { Tagger } from '../tagger';
import { pairedBootstrap, type BootstrapSettings } from './bootstrap';
import { taggerReport, type EvaluateTaggerOptions } from './cross-validate';
import { checkExamples } from './examples';
import type { Comparison } from './report-schema';

/** Options of {@link compareTaggers}. */
export interface CompareTaggersOptions extends Omit<EvaluateTaggerOptions, 'bootstrap' | 'breakdown'> {
  /** How the paired intervals (and each side's own) are drawn. @default 1000 resamples, level 0.95, seed 1 */
  readonly bootstrap?: BootstrapSettings;
}

/**
 * Tags the examples with both taggers and reports each, with bootstrap intervals,
 * and a's F1 minus b's on the same resamples (whole groups when the examples carry them).
 * @throws InputError for invalid examples, or `INVALID_OPTIONS` when the taggers know different themes.
 */
export function compareTaggers(a: Tagger, b: Tagger, examples: readonly LabelledExample[], options: CompareTaggersOptions = {}): Comparison {
  if (a.themes.join('\n') !== b.themes.join('\n')) {
    throw new InputError(`the two taggers know different themes (${a.themes.join(', ')} against ${b.themes.join(', ')}): compare taggers of one taxonomy`, {
      code: 'INVALID_OPTIONS',
    });
  }
  const checked = checkExamples(examples);
  const bootstrap = options.bootstrap ?? {};
  const reportOptions = { ...(options.excerptLength === undefined ? {} : { excerptLength: options.excerptLength }), bootstrap };
  const tagAll = (tagger: Tagger) => checked.map((e) => tagger.tag(e.text, { id: e.id }));
  const resultsA = tagAll(a);
  const resultsB = tagAll(b);
  return {
    kind: 'comparison',
    a: taggerReport(a, checked, resultsA, reportOptions),
    b: taggerReport(b, checked, resultsB, reportOptions),
    difference: pairedBootstrap(checked, resultsA, resultsB, { ...bootstrap, themes: a.themes }),
  };
}
