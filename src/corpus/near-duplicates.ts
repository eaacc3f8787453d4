/**
 * Near-duplicate detection for the corpus lint. Candidate pairs share a rare word
 * trigram (an inverted index keeps this near-linear); each candidate is then scored
 * with a string similarity the caller injects (the project uses natural's Dice
 * coefficient, a development dependency), so the core stays free of it.
 */

/** A pair of units judged near-duplicates. */
export interface NearDuplicate {
  readonly a: string;
  readonly b: string;
  readonly similarity: number;
}

/** Options of findNearDuplicates. */
export interface NearDuplicateOptions {
  /** Similarity in 0..1 of two strings. */
  readonly similarity: (a: string, b: string) => number;
  /** Pairs at or above this similarity are reported. @default 0.85 */
  readonly threshold?: number;
  /** Trigrams shared by more units than this are too common to pair on. @default 12 */
  readonly maxPostings?: number;
}

/** Finds pairs of texts that are the same but for a few words. Deterministic order. */
export function findNearDuplicates(units: readonly { id: string; text: string }[], options: NearDuplicateOptions): NearDuplicate[] {
  const threshold = options.threshold ?? 0.85;
  const maxPostings = options.maxPostings ?? 12;
  const normalised = units.map((u) => u.text.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim());
  const postings = new Map<string, number[]>();
  normalised.forEach((text, i) => {
    const words = text.split(' ');
    const seen = new Set<string>();
    for (let k = 0; k + 2 < words.length; k++) {
      const key = `${words[k]} ${words[k + 1]} ${words[k + 2]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = postings.get(key);
      if (list) list.push(i);
      else postings.set(key, [i]);
    }
  });
  const candidates = new Set<number>();
  const n = units.length;
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > maxPostings) continue;
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) candidates.add(list[x]! * n + list[y]!);
  }
  const out: NearDuplicate[] = [];
  for (const key of [...candidates].sort((p, q) => p - q)) {
    const i = Math.floor(key / n);
    const j = key % n;
    const a = normalised[i]!;
    const b = normalised[j]!;
    // Lengths far apart cannot be near-duplicates; skip the costly comparison.
    if (Math.min(a.length, b.length) / Math.max(a.length, b.length) < threshold * 0.8) continue;
    const similarity = options.similarity(a, b);
    if (similarity >= threshold) out.push({ a: units[i]!.id, b: units[j]!.id, similarity });
  }
  return out;
}
