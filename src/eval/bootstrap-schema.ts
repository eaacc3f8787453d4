/**
 * The shapes of bootstrap results: a score with its percentile interval, the
 * intervals of an evaluation's scores, and paired differences between two
 * labellings. Part of the evaluation reports (report-schema.ts re-exports them).
 */
import { z } from 'zod';

const share = z.number().min(0).max(1);
const count = z.number().int().nonnegative();

/** A score with its bootstrap interval. */
export const IntervalSchema = z.object({
  /** The score on the units as they are. */
  estimate: z.number(),
  /** Lower and upper percentile of the score over the resamples. */
  low: z.number(),
  high: z.number(),
  /**
   * Present when fewer resamples than drawn were used: a resample holding no unit of
   * a theme (gold or predicted) leaves its score undefined, and is left out.
   */
  resamplesUsed: z.number().int().nonnegative().optional(),
});
/** A score with its bootstrap interval. */
export type Interval = z.infer<typeof IntervalSchema>;

/** Intervals of precision, recall and F1. */
export const PrfIntervalsSchema = z.object({ precision: IntervalSchema, recall: IntervalSchema, f1: IntervalSchema });
/** Intervals of precision, recall and F1. */
export type PrfIntervals = z.infer<typeof PrfIntervalsSchema>;

/** How a bootstrap was drawn. */
const BootstrapDrawSchema = z.object({
  resamples: count,
  /** Coverage of each interval, e.g. 0.95. */
  level: z.number().gt(0).lt(1),
  seed: z.number().int(),
  /** `group`: whole groups (reviews, pages) were resampled; `unit`: single units. */
  resampledBy: z.enum(['group', 'unit']),
  /** Number of groups (or units) resampled. */
  clusters: count,
});

/** `bootstrapIntervals`: percentile intervals of the scores `evaluate` reports. */
export const ScoreIntervalsSchema = BootstrapDrawSchema.extend({
  perTheme: z.array(PrfIntervalsSchema.extend({ theme: z.string() })),
  micro: PrfIntervalsSchema,
  macro: PrfIntervalsSchema,
});
/** Bootstrap intervals of an evaluation's scores. */
export type ScoreIntervals = z.infer<typeof ScoreIntervalsSchema>;

/** A difference of F1 between two labellings, with its paired interval. */
export const DifferenceSchema = z.object({
  /** a's F1 minus b's on the units as they are. */
  difference: z.number(),
  low: z.number(),
  high: z.number(),
  /** Present when fewer resamples than drawn were used (where either F1 was undefined). */
  resamplesUsed: z.number().int().nonnegative().optional(),
  /** Share of resamples in which a's F1 was above b's. */
  aAhead: share,
});
/** A difference of F1 with its interval. */
export type Difference = z.infer<typeof DifferenceSchema>;

/** `pairedBootstrap`: F1 of labelling a minus labelling b on the same resamples. */
export const PairedBootstrapSchema = BootstrapDrawSchema.extend({
  perTheme: z.array(z.object({ theme: z.string(), f1: DifferenceSchema })),
  micro: z.object({ f1: DifferenceSchema }),
  macro: z.object({ f1: DifferenceSchema }),
});
/** Paired bootstrap of two labellings. */
export type PairedBootstrap = z.infer<typeof PairedBootstrapSchema>;
