/**
 * One error class across the package entries (issue 11, item 11): an error thrown by
 * `practice-themes/node` passes the guards imported from `practice-themes`, in ESM and
 * in CommonJS. Runs the built dist/ (`npm test` builds first).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const dist = new URL('../../dist/', import.meta.url);

async function errorFromNodeEntry(load: (file: string) => Promise<unknown>): Promise<unknown> {
  try {
    await load('/definitely/not/here/model.json');
  } catch (error) {
    return error;
  }
  throw new Error('loadModel did not fail');
}

describe('item 11: shared error classes', () => {
  it('ESM: an error from practice-themes/node is a PracticeThemesError of practice-themes', async () => {
    const main = (await import(new URL('index.js', dist).href)) as typeof import('../../src/index');
    const node = (await import(new URL('node.js', dist).href)) as typeof import('../../src/node');
    const error = await errorFromNodeEntry(node.loadModel);
    expect(main.isPracticeThemesError(error)).toBe(true);
    expect(main.isDocumentError(error)).toBe(true);
    expect(error).toBeInstanceOf(main.PracticeThemesError);
  });

  it('CommonJS: the same holds for require()', async () => {
    const require = createRequire(import.meta.url);
    const main = require(new URL('index.cjs', dist).pathname) as typeof import('../../src/index');
    const node = require(new URL('node.cjs', dist).pathname) as typeof import('../../src/node');
    const error = await errorFromNodeEntry(node.loadModel);
    expect(main.isPracticeThemesError(error)).toBe(true);
    expect(error).toBeInstanceOf(main.PracticeThemesError);
  });
});
