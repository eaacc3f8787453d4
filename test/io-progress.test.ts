import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, formatProgressLine, formatSummary } from '../src/io/batch/progress';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 200, write: (s: string) => (chunks.push(s), true) } as unknown as NodeJS.WritableStream & { isTTY: boolean } };
}

describe('progress', () => {
  it('draws files done, rate and time left on a terminal, throttled, and clears the line for logs', () => {
    let now = 0;
    const { chunks, stream } = fakeStream(true);
    const progress = createProgress(stream, 10, { now: () => now });
    now = 2000;
    progress.update(4);
    expect(chunks.at(-1)).toBe('\r\x1b[2Ktagging: 4/10 files, 2.0 files/s, 3.0s left');
    now = 2050;
    progress.update(5);
    expect(chunks).toHaveLength(1);
    progress.log('practice-themes: bad.pdf: PDF is encrypted [PDF_ENCRYPTED]');
    expect(chunks.slice(1, 3)).toEqual(['\r\x1b[2K', 'practice-themes: bad.pdf: PDF is encrypted [PDF_ENCRYPTED]\n']);
    expect(chunks.at(-1)).toContain('5/10 files');
    progress.done();
    expect(chunks.at(-1)).toBe('\r\x1b[2K');
  });

  it('writes no progress line when stderr is not a terminal, but still prints logged lines', () => {
    const { chunks, stream } = fakeStream(false);
    const progress = createProgress(stream, 3);
    progress.update(1);
    progress.update(3);
    progress.log('an error');
    progress.done();
    expect(chunks).toEqual(['an error\n']);
  });

  it('formats progress lines and durations', () => {
    expect(formatProgressLine(0, 5, 0)).toBe('tagging: 0/5 files, 0.0 files/s, ? left');
    expect(formatProgressLine(30, 300, 60_000)).toBe('tagging: 30/300 files, 0.5 files/s, 9m 00s left');
    expect([formatDuration(850), formatDuration(12_340), formatDuration(245_000), formatDuration(3_725_000)]).toEqual(['850ms', '12.3s', '4m 05s', '1h 02m']);
  });

  it('summarises files, documents, pages, themes found and failures', () => {
    const text = formatSummary({
      files: 12,
      documents: 20,
      pages: 57,
      sentences: 900,
      failures: 2,
      failuresByCode: { PDF_ENCRYPTED: 1, DOCUMENT_EMPTY: 1 },
      themes: { 'alpha-theme': 7, 'a-much-longer-theme': 0 },
      elapsedMs: 4000,
    });
    expect(text).toBe(
      [
        'practice-themes: 12 file(s), 20 document(s) tagged, 57 page(s), 900 sentence(s) in 4.0s (3.0 files/s)',
        'themes found (documents tagged):',
        '  alpha-theme          7',
        '  a-much-longer-theme  0',
        'failures: 2 (PDF_ENCRYPTED 1, DOCUMENT_EMPTY 1)',
        '',
      ].join('\n'),
    );
  });
});
