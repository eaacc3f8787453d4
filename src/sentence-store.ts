/**
 * Sentence results kept compactly: numbers in typed arrays, one row per sentence
 * (and per sentence and theme, and per piece of evidence), so a long document's
 * result costs a few bytes per character instead of an object graph about twenty
 * times its size. `result.sentences` is a real array in behaviour (Array.isArray,
 * length, indexing, iteration, methods, JSON) that builds each SentenceResult when
 * it is read, exactly as the tagger used to build it eagerly: same keys, same
 * order, same values, so its JSON is byte for byte the same. Each read gives a
 * fresh object; an element the caller assigns is kept as assigned.
 */
import { pickEvidence, type SentenceSummary } from './fuse/document';
import type { Evidence, SentenceResult, Source, ThemeScore } from './result-schema';

const SOURCES: readonly Source[] = ['none', 'rules', 'model', 'both'];
const TAGGED = 1;

/** One piece of evidence to store (the tagger's span evidence with its page). */
export interface StoredEvidenceInput {
  readonly kind: 'rule' | 'feature';
  readonly theme: string;
  readonly ruleId?: string;
  readonly feature?: string;
  readonly weight: number;
  readonly start: number;
  readonly end: number;
}

/** What the store needs of one sentence. */
export interface StoredSentenceInput {
  readonly block: number;
  readonly start: number;
  readonly end: number;
  readonly page: number | undefined;
  readonly practice: number | undefined;
  /** Scores of every theme of the store, by theme id. */
  readonly scores: Readonly<Record<string, ThemeScore>>;
  readonly evidence: readonly StoredEvidenceInput[];
  /** Page of each piece of evidence (undefined when there are no pages). */
  readonly evidencePage: (start: number) => number | undefined;
}

/** Growable typed arrays of sentence results over one input text. */
export class SentenceStore {
  /** Sentences stored. */
  count = 0;
  /** Pieces of evidence stored (all sentences). */
  evidenceCount = 0;
  private readonly themeCount: number;
  private readonly themeIndex: Map<string, number>;
  // Per sentence. Pages are positive, so 0 stands for "none"; NaN for no practice score.
  private block = new Int32Array(64);
  private start = new Int32Array(64);
  private end = new Int32Array(64);
  private page = new Int32Array(64);
  private practice = new Float64Array(64);
  /** Evidence of sentence i: rows evidenceFrom[i] .. evidenceFrom[i + 1]. */
  private evidenceFrom = new Int32Array(65);
  // Per sentence and theme (row i * themeCount + t). NaN for no probability.
  private score: Float64Array;
  private probability: Float64Array;
  private ruleScore: Float64Array;
  /** TAGGED bit, source index << 1. */
  private info: Uint8Array;
  /** Per theme, how many sentences carry it. */
  readonly taggedSentences: Int32Array;
  // Per piece of evidence: kind (0 rule, 1 feature), theme, rule id or feature (index into `labels`).
  private evKind = new Uint8Array(64);
  private evTheme = new Int32Array(64);
  private evLabel = new Int32Array(64);
  private evWeight = new Float64Array(64);
  private evStart = new Int32Array(64);
  private evEnd = new Int32Array(64);
  private evPage = new Int32Array(64);
  /** Rule ids and feature keys, each once. */
  private readonly labels: string[] = [];
  private readonly labelIndex = new Map<string, number>();

  constructor(
    /** Theme ids, in result order. */
    readonly themes: readonly string[],
    /** The tagged text (sentence and evidence texts are slices of it). */
    readonly text: string,
  ) {
    this.themeCount = themes.length;
    this.themeIndex = new Map(themes.map((t, i) => [t, i]));
    this.taggedSentences = new Int32Array(themes.length);
    const rows = this.block.length * themes.length;
    this.score = new Float64Array(rows);
    this.probability = new Float64Array(rows);
    this.ruleScore = new Float64Array(rows);
    this.info = new Uint8Array(rows);
  }

  /** Appends one sentence; its index is the current count. */
  add(sentence: StoredSentenceInput): void {
    const i = this.count;
    if (i === this.block.length) this.growSentences();
    this.block[i] = sentence.block;
    this.start[i] = sentence.start;
    this.end[i] = sentence.end;
    this.page[i] = sentence.page ?? 0;
    this.practice[i] = sentence.practice ?? NaN;
    const T = this.themeCount;
    for (let t = 0; t < T; t++) {
      const s = sentence.scores[this.themes[t]!]!;
      const row = i * T + t;
      this.score[row] = s.score;
      this.probability[row] = s.probability ?? NaN;
      this.ruleScore[row] = s.ruleScore;
      this.info[row] = (s.tagged ? TAGGED : 0) | (SOURCES.indexOf(s.source) << 1);
      if (s.tagged) this.taggedSentences[t]!++;
    }
    for (const e of sentence.evidence) {
      const k = this.evidenceCount;
      if (k === this.evKind.length) this.growEvidence();
      this.evKind[k] = e.kind === 'rule' ? 0 : 1;
      this.evTheme[k] = this.themeIndex.get(e.theme)!;
      this.evLabel[k] = this.labelOf((e.kind === 'rule' ? e.ruleId : e.feature)!);
      this.evWeight[k] = e.weight;
      this.evStart[k] = e.start;
      this.evEnd[k] = e.end;
      this.evPage[k] = sentence.evidencePage(e.start) ?? 0;
      this.evidenceCount = k + 1;
    }
    this.evidenceFrom[i + 1] = this.evidenceCount;
    this.count = i + 1;
  }

  /** Sentence `i` as a SentenceResult (a new object each call). */
  sentence(i: number): SentenceResult {
    const T = this.themeCount;
    const start = this.start[i]!;
    const end = this.end[i]!;
    const page = this.page[i]!;
    const practice = this.practice[i]!;
    const themes: string[] = [];
    const scores: Record<string, ThemeScore> = {};
    for (let t = 0; t < T; t++) {
      const row = i * T + t;
      const info = this.info[row]!;
      const probability = this.probability[row]!;
      const theme = this.themes[t]!;
      if ((info & TAGGED) !== 0) themes.push(theme);
      scores[theme] = Number.isNaN(probability)
        ? { score: this.score[row]!, tagged: (info & TAGGED) !== 0, ruleScore: this.ruleScore[row]!, source: SOURCES[info >> 1]! }
        : { score: this.score[row]!, tagged: (info & TAGGED) !== 0, probability, ruleScore: this.ruleScore[row]!, source: SOURCES[info >> 1]! };
    }
    const evidence: Evidence[] = [];
    for (let k = this.evidenceFrom[i]!; k < this.evidenceFrom[i + 1]!; k++) evidence.push(this.evidence(k));
    const base = { index: i, block: this.block[i]!, start, end, text: this.text.slice(start, end) };
    if (page === 0 && Number.isNaN(practice)) return { ...base, themes, scores, evidence };
    if (page === 0) return { ...base, practice, themes, scores, evidence };
    if (Number.isNaN(practice)) return { ...base, page, themes, scores, evidence };
    return { ...base, page, practice, themes, scores, evidence };
  }

  /** Piece of evidence `k` (of all sentences, in text order) as an Evidence object. */
  evidence(k: number): Evidence {
    const theme = this.themes[this.evTheme[k]!]!;
    const label = this.labels[this.evLabel[k]!]!;
    const weight = this.evWeight[k]!;
    const start = this.evStart[k]!;
    const end = this.evEnd[k]!;
    const text = this.text.slice(start, end);
    const page = this.evPage[k]!;
    if (this.evKind[k] === 0) {
      return page === 0 ? { kind: 'rule', theme, ruleId: label, weight, start, end, text } : { kind: 'rule', theme, ruleId: label, weight, start, end, text, page };
    }
    return page === 0 ? { kind: 'feature', theme, feature: label, weight, start, end, text } : { kind: 'feature', theme, feature: label, weight, start, end, text, page };
  }

  /** What document aggregation needs of the stored sentences. */
  summary(): SentenceSummary {
    return {
      count: this.count,
      taggedSentences: (theme) => this.taggedSentences[this.themeIndex.get(theme) ?? -1] ?? 0,
      strongestEvidence: (theme, max) => {
        const t = this.themeIndex.get(theme);
        const rows: number[] = [];
        for (let k = 0; k < this.evidenceCount; k++) if (this.evTheme[k] === t) rows.push(k);
        const picked = pickEvidence(rows, (k) => this.evLabel[k]! * 2 + this.evKind[k]!, (k) => this.evKind[k] === 0, (k) => this.evWeight[k]!, max);
        return picked.map((k) => this.evidence(k));
      },
    };
  }

  /** The sentences as an array that builds each element when it is read (see the file comment). */
  sentences(): SentenceResult[] {
    return lazyArray(this.count, (i) => this.sentence(i));
  }

  private labelOf(label: string): number {
    let index = this.labelIndex.get(label);
    if (index === undefined) {
      index = this.labels.length;
      this.labels.push(label);
      this.labelIndex.set(label, index);
    }
    return index;
  }

  private growSentences(): void {
    const n = this.block.length * 2;
    this.block = grown(this.block, n);
    this.start = grown(this.start, n);
    this.end = grown(this.end, n);
    this.page = grown(this.page, n);
    this.practice = grown(this.practice, n);
    this.evidenceFrom = grown(this.evidenceFrom, n + 1);
    const rows = n * this.themeCount;
    this.score = grown(this.score, rows);
    this.probability = grown(this.probability, rows);
    this.ruleScore = grown(this.ruleScore, rows);
    this.info = grown(this.info, rows);
  }

  private growEvidence(): void {
    const n = this.evKind.length * 2;
    this.evKind = grown(this.evKind, n);
    this.evTheme = grown(this.evTheme, n);
    this.evLabel = grown(this.evLabel, n);
    this.evWeight = grown(this.evWeight, n);
    this.evStart = grown(this.evStart, n);
    this.evEnd = grown(this.evEnd, n);
    this.evPage = grown(this.evPage, n);
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(array: T, length: number): T {
  if (array.length >= length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(length, 64));
  bigger.set(array);
  return bigger;
}

/** The array index `key` names, or -1. */
function indexOf(key: string | symbol): number {
  if (typeof key !== 'string' || key.length === 0 || key.length > 10) return -1;
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57 || (c === 48 && key.length > 1)) return -1;
  const n = Number(key);
  return Number.isInteger(n) ? n : -1;
}

/**
 * An array of `length` elements whose element i is `build(i)` until something is
 * assigned there. Everything else (length, methods, assignment, push) is the
 * underlying array's own behaviour.
 */
export function lazyArray<T>(length: number, build: (i: number) => T): T[] {
  const target: T[] = new Array<T>(length);
  // Elements deleted without being assigned: holes, as in a plain array.
  const holes = new Set<number>();
  // Elements never assigned nor deleted: below `length` (and the live length, the array may shrink), not own on the target.
  const lazy = (key: string | symbol): number => {
    const i = indexOf(key);
    return i >= 0 && i < length && i < target.length && !Object.prototype.hasOwnProperty.call(target, i) && !holes.has(i) ? i : -1;
  };
  return new Proxy(target, {
    get(t, key, receiver) {
      const i = lazy(key);
      return i >= 0 ? build(i) : Reflect.get(t, key, receiver);
    },
    has(t, key) {
      return lazy(key) >= 0 || Reflect.has(t, key);
    },
    getOwnPropertyDescriptor(t, key) {
      const i = lazy(key);
      return i >= 0 ? { value: build(i), writable: true, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, key);
    },
    ownKeys(t) {
      const keys: (string | symbol)[] = [];
      for (let i = 0; i < t.length; i++) keys.push(String(i));
      for (const key of Reflect.ownKeys(t)) if (indexOf(key) < 0) keys.push(key);
      return keys;
    },
    deleteProperty(t, key) {
      const i = indexOf(key);
      if (i >= 0 && i < length) holes.add(i);
      return Reflect.deleteProperty(t, key);
    },
    set(t, key, value) {
      const i = indexOf(key);
      if (i >= 0) holes.delete(i);
      // On the target itself: an element read lazily is not one of its own properties yet.
      return Reflect.set(t, key, value);
    },
  });
}
