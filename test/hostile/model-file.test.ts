/**
 * Damaged model files (issue 11, item 8): a content hash and sanity bounds mean a
 * flipped bit is refused with a typed error instead of silently changing scores.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isModelError } from '../../src/errors';
import { parseModel, serializeModel, type ModelFile } from '../../src/nb/model-file';

const text = readFileSync(new URL('../fixtures/golden/model.json', import.meta.url), 'utf8');
const original = parseModel(text);

/** A deterministic stream of positions (xorshift), so every run flips the same bits. */
function* positions(count: number, limit: number, seed = 20261204): Generator<number> {
  let x = seed;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    yield (x >>> 0) % limit;
  }
}

describe('item 8: model file integrity', () => {
  it('no single-bit flip of 300 loads as a different model', () => {
    const bytes = Buffer.from(text, 'utf8');
    let refused = 0;
    for (const bit of positions(300, bytes.length * 8)) {
      const damaged = Buffer.from(bytes);
      damaged[bit >> 3]! ^= 1 << (bit & 7);
      try {
        const loaded = parseModel(damaged.toString('utf8'));
        // Loading is only acceptable when the flip changed nothing the model means.
        expect(serializeModel(loaded)).toBe(serializeModel(original));
      } catch (error) {
        expect(isModelError(error), String(error)).toBe(true);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(250);
  });

  it('an edited count is refused with INVALID_MODEL and the contentHash path', () => {
    const json = JSON.parse(text) as ModelFile;
    const label = json.labels[0]!;
    json.counts[label]!.pos[0]! += 1;
    expect(() => parseModel(json)).toThrowError(expect.objectContaining({ code: 'INVALID_MODEL', issues: [expect.objectContaining({ path: ['contentHash'] })] }));
  });

  it('a file without contentHash is refused, saying how to stamp it', () => {
    const json = JSON.parse(text) as Record<string, unknown>;
    delete json.contentHash;
    expect(() => parseModel(json)).toThrowError(/stamp-model-hash/);
    // Re-stamping (what the script does) gives back a file that loads.
    const restamped = serializeModel(parseModel(json, { verifyContentHash: false }));
    expect(restamped).toBe(text);
  });

  it.each([
    ['smoothing alpha', (m: ModelFile) => void (m.smoothing.alpha = 1e6), ['smoothing', 'alpha']],
    ['a Platt scale', (m: ModelFile) => m.calibration.method === 'platt' && void (Object.values(m.calibration.perLabel)[0]!.scale = 1e9), ['calibration', 'perLabel']],
    ['a Platt shift', (m: ModelFile) => m.calibration.method === 'platt' && void (Object.values(m.calibration.perLabel)[0]!.shift = -1e9), ['calibration', 'perLabel']],
  ] as [string, (m: ModelFile) => unknown, string[]][])('%s out of its sanity bounds is refused even when re-stamped', (_, damage, path) => {
    const json = JSON.parse(text) as ModelFile;
    damage(json);
    const stamped = serializeModel(json);
    try {
      parseModel(stamped);
      expect.unreachable('loaded');
    } catch (error) {
      expect(isModelError(error)).toBe(true);
      expect((error as { issues: { path: unknown[] }[] }).issues[0]?.path.slice(0, path.length)).toEqual(path);
    }
  });
});
