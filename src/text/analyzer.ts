/**
 * The text analyzer: raw text -> blocks, sentences and tokens, every span in
 * ORIGINAL offsets. Data flow, one linear pass each:
 *
 *   input --cleanText--> cleaned text (+ offset map)
 *         --layOutBlocks--> blocks + the text wink reads (markers blanked)
 *         --wink ['sbd','negation','pos']--> tokens, lemmas, POS, sentences
 *         --this file--> sentences cut at block ends, wrong wink splits after
 *           abbreviations merged back, missed splits after an initial made
 *           ("Mr. K. The review"), tokens mapped to original offsets,
 *           negation scopes completed (negation.ts).
 */
import { InputError } from '../errors';
import { continuesAfterFullStop, isInitial, startsSentenceAfterInitial } from './abbreviations';
import { layOutBlocks, type LaidOutBlock } from './blocks';
import { cleanText, type CleanedText } from './clean';
import { breakLongRuns } from './long-runs';
import { DEFAULT_SEGMENT_LENGTH, segmentBoundaries } from './segments';
import { SentenceAssembler } from './sentence-assembler';
import type { Block, Sentence, TextAnalyzer, Token } from './types';
import { createWinkReader, type WinkReader, type WinkReading } from './wink-reader';

/** Options of createTextAnalyzer. */
export interface TextAnalyzerOptions {
  /**
   * Texts longer than this (UTF-16 code units) are analysed in segments of about
   * this length, cut only where the cut cannot change the result (see segments.ts),
   * so memory follows the segment, not the document. `Infinity` analyses every text whole.
   * @default 8192
   */
  readonly segmentLength?: number;
}

/**
 * Creates a text analyzer over an injected wink English model:
 * `createTextAnalyzer(model)` with `import model from 'wink-eng-lite-web-model'`.
 * The model is checked now; wink itself is set up on first use.
 * @throws InputError (INVALID_OPTIONS) when `winkModel` is not a usable wink language model, or `segmentLength` is not a positive number.
 */
export function createTextAnalyzer(winkModel: object, options: TextAnalyzerOptions = {}): TextAnalyzer {
  const segmentLength = options.segmentLength ?? DEFAULT_SEGMENT_LENGTH;
  if (!(typeof segmentLength === 'number' && segmentLength > 0)) {
    throw new InputError(`createTextAnalyzer: segmentLength must be a positive number, got ${String(segmentLength)}`, { code: 'INVALID_OPTIONS' });
  }
  const read = createWinkReader(winkModel);
  return {
    analyze: (text) => {
      const sentences: Sentence[] = [];
      const input = checkText(text);
      return { text: input, blocks: analyzeText(input, read, segmentLength, (s) => void sentences.push(s)), sentences };
    },
    forEachSentence: (text, visit) => {
      const input = checkText(text);
      return { text: input, blocks: analyzeText(input, read, segmentLength, visit) };
    },
    tokenize: (text) => tokenizeSnippet(checkText(text), read),
  };
}

function checkText(text: unknown): string {
  if (typeof text !== 'string') throw new InputError(`expected the text to analyse as a string, received ${text === null ? 'null' : typeof text}`);
  return text;
}

/**
 * Analyses `input`, handing each sentence to `emit` as soon as it is complete (so a
 * caller can drop its tokens before the next block is read), and returns the blocks.
 * A long input is analysed segment by segment (segments.ts), with the same result:
 * only one segment's cleaned text and wink text are held at a time.
 */
function analyzeText(input: string, read: WinkReader, segmentLength: number, emit: (sentence: Sentence) => void): Block[] {
  const out: SegmentOutput = { blocks: [], sentenceCount: 0, emit };
  for (const [start, end] of segmentBoundaries(input, segmentLength)) analyzeSegment(input, start, end, read, out);
  return out.blocks;
}

/** What the segments of one input add to, in order. */
interface SegmentOutput {
  readonly blocks: Block[];
  sentenceCount: number;
  readonly emit: (sentence: Sentence) => void;
}

/** Analyses `input.slice(offset, end)`, reporting blocks and sentences in offsets of the whole input. */
function analyzeSegment(input: string, offset: number, end: number, read: WinkReader, out: SegmentOutput): void {
  const segment = offset === 0 && end === input.length ? input : input.slice(offset, end);
  const cleaned = cleanText(segment);
  const layout = layOutBlocks(cleaned.text);
  const winkText = breakLongRuns(layout.winkText);
  const laidOut = layout.blocks;
  const { blocks, emit } = out;
  const sentence = new SentenceAssembler(segment, cleaned, read.lemmaOfWord, read.isLexiconWord, offset);
  let sentenceBlock = -1; // index into laidOut of the sentence being collected
  let emittedBlock = -1; // index into laidOut of the last block emitted
  let blockIndex = 0;

  const finishSentence = (): void => {
    if (sentence.count === 0) return;
    if (emittedBlock !== sentenceBlock) {
      blocks.push(toBlock(laidOut[sentenceBlock]!, blocks.length, input, cleaned, offset));
      emittedBlock = sentenceBlock;
    }
    const tokens = sentence.finish();
    const start = tokens[0]!.start;
    const end = tokens[tokens.length - 1]!.end;
    emit({ index: out.sentenceCount++, block: blocks.length - 1, start, end, text: input.slice(start, end), tokens });
  };

  const visit: TokenVisitor = (wink, i, start, end, spaceBefore, winkSentenceStart) => {
    while (blockIndex < laidOut.length - 1 && laidOut[blockIndex]!.end <= start) blockIndex += 1;
    const value = wink.values[i]!;
    if (blockIndex !== sentenceBlock) {
      finishSentence();
      sentenceBlock = blockIndex;
    } else if (winkSentenceStart && sentence.count > 0) {
      const word = sentence.wordBeforeFinalStop();
      if (word === undefined || !continuesAfterFullStop(word, value)) finishSentence();
    } else if (sentence.count > 1 && isInitial(sentence.lastValue()!) && startsSentenceAfterInitial(value)) {
      finishSentence(); // "Mr. K. The review..." (wink took "K." for an initial of a name)
    }
    sentence.add(value, wink.types[i]!, wink.lemmas[i]!, wink.pos[i]!, wink.negationFlags[i] === true, start, end, spaceBefore);
  };
  // wink reads the text in chunks of whole blocks (a sentence never crosses a
  // block), so its per-document arrays stay bounded on long documents.
  let chunkStart = 0;
  let nextBlock = 0;
  while (chunkStart < winkText.length) {
    while (nextBlock < laidOut.length && laidOut[nextBlock]!.start < chunkStart + CHUNK_LENGTH) nextBlock += 1;
    const chunkEnd = nextBlock < laidOut.length ? laidOut[nextBlock]!.start : winkText.length;
    const chunk = winkText.slice(chunkStart, chunkEnd);
    forEachToken(chunk, chunkStart, read.read(chunk), visit);
    chunkStart = chunkEnd;
  }
  finishSentence();
}

function tokenizeSnippet(input: string, read: WinkReader): readonly Token[] {
  const cleaned = cleanText(input);
  // One sentence: line breaks are spaces here (same length, so offsets hold).
  const winkText = breakLongRuns(cleaned.text.replace(/[\n\f]/g, ' '));
  const sentence = new SentenceAssembler(input, cleaned, read.lemmaOfWord, read.isLexiconWord);
  forEachToken(winkText, 0, read.read(winkText), (wink, i, start, end, spaceBefore) => {
    sentence.add(wink.values[i]!, wink.types[i]!, wink.lemmas[i]!, wink.pos[i]!, wink.negationFlags[i] === true, start, end, spaceBefore);
  });
  return sentence.finish();
}

/** Receives one wink token (index `i` of `wink`) and its cleaned-text span. */
type TokenVisitor = (wink: WinkReading, i: number, start: number, end: number, spaceBefore: boolean, winkSentenceStart: boolean) => void;

// Characters wink reads at a time (rounded up to whole blocks).
const CHUNK_LENGTH = 64 * 1024;

/**
 * Calls `visit` for each wink token that is not a line break, with its
 * cleaned-text span (`offset` is where `winkText` starts). wink keeps the
 * text losslessly, so each token starts right after the previous one and its
 * preceding spaces (a char scan, no search).
 */
function forEachToken(winkText: string, offset: number, wink: WinkReading, visit: TokenVisitor): void {
  let pos = 0;
  let pendingSentenceStart = false;
  const { values, types, sentenceStarts } = wink;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i]!;
    // wink very rarely emits an empty token (odd punctuation runs): it covers no text.
    if (value.length === 0) {
      pendingSentenceStart ||= sentenceStarts[i] === 1;
      continue;
    }
    // Skip the spaces wink put before the token; check the token is really
    // there and fall back to a search if wink ever drops a character.
    let start = pos;
    while (start < winkText.length && winkText.charCodeAt(start) === 0x20) start += 1;
    if (!winkText.startsWith(value, start)) start = winkText.indexOf(value, pos);
    if (start < 0) {
      throw new InputError(`could not align wink token ${i} ${JSON.stringify(value)} with the text at offset ${pos}`);
    }
    const end = start + value.length;
    const spaceBefore = start > pos;
    pos = end;
    // A sentence wink starts on a line-break token starts at the next real token.
    pendingSentenceStart ||= sentenceStarts[i] === 1;
    if (types[i] === 'tabCRLF' || value.charCodeAt(0) <= 0x20) continue;
    visit(wink, i, offset + start, offset + end, spaceBefore, pendingSentenceStart);
    pendingSentenceStart = false;
  }
}

/** The block in offsets of the whole input (`offset`: where the cleaned segment starts in it). */
function toBlock(block: LaidOutBlock, index: number, input: string, cleaned: CleanedText, offset: number): Block {
  const { map } = cleaned;
  const start = offset + map.toOriginalStart(block.start);
  const end = offset + map.toOriginalEnd(block.end);
  if (!block.marker) return { index, kind: block.kind, start, end };
  const markerStart = offset + map.toOriginalStart(block.marker.start);
  const markerEnd = offset + map.toOriginalEnd(block.marker.end);
  return { index, kind: block.kind, start, end, marker: { text: input.slice(markerStart, markerEnd), start: markerStart, end: markerEnd } };
}
