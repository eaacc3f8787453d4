/**
 * Offset maps: a rewritten text (CRLF folded, hyphenation joined, ligatures
 * expanded, running lines removed...) remembers, for each of its characters,
 * where it came from in the original, so spans found in the rewritten text can
 * be reported in ORIGINAL offsets.
 *
 * Representation: the rewritten text is cut into segments. A linear segment is
 * copied (or replaced one-for-one) from the original; a replaced segment stands
 * for a differently sized original range, and every position inside it maps to
 * the whole range. Deletions are just jumps between segments. The map is built
 * once in a single left-to-right pass (`OffsetMapBuilder`) and queried with a
 * cursor hint, so monotonic queries (the analyzer's) cost amortised O(1).
 */

/** Maps positions of a rewritten text back to the original text. */
export class OffsetMap {
  /** Length of the rewritten text. */
  readonly length: number;
  /** Length of the original text. */
  readonly originalLength: number;
  // Parallel arrays, one entry per segment, in order.
  private readonly cleanStarts: Int32Array;
  private readonly cleanEnds: Int32Array;
  private readonly origStarts: Int32Array;
  private readonly origEnds: Int32Array;
  // Segment of the last query: analyzer queries move forward, so start the search there.
  private hint = 0;

  /** Use `OffsetMapBuilder` or `OffsetMap.identity` rather than this constructor. */
  constructor(segments: readonly (readonly [cleanStart: number, cleanEnd: number, origStart: number, origEnd: number])[], length: number, originalLength: number) {
    const n = segments.length;
    this.cleanStarts = new Int32Array(n);
    this.cleanEnds = new Int32Array(n);
    this.origStarts = new Int32Array(n);
    this.origEnds = new Int32Array(n);
    segments.forEach(([cs, ce, os, oe], i) => {
      this.cleanStarts[i] = cs;
      this.cleanEnds[i] = ce;
      this.origStarts[i] = os;
      this.origEnds[i] = oe;
    });
    this.length = length;
    this.originalLength = originalLength;
  }

  /** The map of an unchanged text of this length. */
  static identity(length: number): OffsetMap {
    return new OffsetMap(length > 0 ? [[0, length, 0, length]] : [], length, length);
  }

  /** True when no character was deleted, inserted or expanded (positions are equal both sides). */
  get isIdentity(): boolean {
    return this.cleanStarts.length <= 1 && this.length === this.originalLength && (this.origStarts[0] ?? 0) === 0;
  }

  /** Original offset of the character at rewritten position `i` (a span START). `i === length` maps to the original end. */
  toOriginalStart(i: number): number {
    if (i >= this.length) return this.originalLength;
    const k = this.segmentOf(i);
    const cs = this.cleanStarts[k]!;
    const os = this.origStarts[k]!;
    return this.isLinear(k) ? os + (i - cs) : os;
  }

  /** Original offset just after the character at rewritten position `j - 1` (a span END, exclusive). */
  toOriginalEnd(j: number): number {
    if (j <= 0) return this.toOriginalStart(0);
    const k = this.segmentOf(j - 1);
    const cs = this.cleanStarts[k]!;
    const os = this.origStarts[k]!;
    return this.isLinear(k) ? os + (j - cs) : this.origEnds[k]!;
  }

  private isLinear(k: number): boolean {
    return this.cleanEnds[k]! - this.cleanStarts[k]! === this.origEnds[k]! - this.origStarts[k]!;
  }

  /** Index of the segment holding rewritten position `i` (0 <= i < length). */
  private segmentOf(i: number): number {
    const starts = this.cleanStarts;
    const ends = this.cleanEnds;
    let k = this.hint;
    if (k >= starts.length) k = 0;
    if (i >= starts[k]!) {
      // Forward scan from the hint: a few steps at most for monotonic queries.
      for (let steps = 0; k < starts.length && steps < 8; steps += 1) {
        if (i < ends[k]!) return (this.hint = k);
        k += 1;
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return (this.hint = lo);
  }
}

/**
 * Builds an OffsetMap while a rewritten text is produced left to right. Call
 * `copy` for runs kept as they are (or replaced one character for one),
 * `replace` for runs replaced by text of another length, `skip` for deletions.
 */
export class OffsetMapBuilder {
  private readonly segments: [number, number, number, number][] = [];
  private clean = 0;
  private orig = 0;

  /** Length of the rewritten text so far. */
  get length(): number {
    return this.clean;
  }

  /** Keeps `n` original characters (possibly each replaced by exactly one other). */
  copy(n: number): void {
    if (n <= 0) return;
    const last = this.segments[this.segments.length - 1];
    // Extend the previous linear segment when it continues without a gap.
    if (last && last[1] === this.clean && last[3] === this.orig && last[1] - last[0] === last[3] - last[2]) {
      last[1] += n;
      last[3] += n;
    } else {
      this.segments.push([this.clean, this.clean + n, this.orig, this.orig + n]);
    }
    this.clean += n;
    this.orig += n;
  }

  /** Replaces `originalLength` original characters by `replacementLength` rewritten ones. */
  replace(originalLength: number, replacementLength: number): void {
    if (replacementLength === originalLength) return this.copy(originalLength);
    if (replacementLength > 0) {
      this.segments.push([this.clean, this.clean + replacementLength, this.orig, this.orig + originalLength]);
    }
    this.clean += replacementLength;
    this.orig += originalLength;
  }

  /** Deletes `n` original characters. */
  skip(n: number): void {
    this.orig += n;
  }

  /** Finishes the map; `originalLength` is the length of the whole original text. */
  build(originalLength: number): OffsetMap {
    if (this.orig < originalLength) this.skip(originalLength - this.orig);
    return new OffsetMap(this.segments, this.clean, originalLength);
  }
}
