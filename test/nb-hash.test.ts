import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalExamples, corpusHash, sha256Hex } from '../src/hash';

describe('sha256Hex', () => {
  it.each([
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    ['a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
  ])('matches the FIPS 180-4 vector for %#', (input, expected) => {
    expect(sha256Hex(input)).toBe(expected);
  });

  it('agrees with node:crypto around block boundaries and on non-ASCII text', () => {
    const inputs = [55, 56, 63, 64, 65, 119, 120, 128].map((n) => 'x'.repeat(n));
    inputs.push('Child’s “voice” — naïve café 👶', '\u0000\uffff');
    for (const input of inputs) {
      expect(sha256Hex(input)).toBe(createHash('sha256').update(input, 'utf8').digest('hex'));
    }
  });

  it('hashes raw bytes', () => {
    expect(sha256Hex(new Uint8Array([0x61, 0x62, 0x63]))).toBe(sha256Hex('abc'));
  });
});

describe('corpusHash', () => {
  const examples = [
    { id: 'a-1', text: 'Mother cancelled visits.', themes: ['reluctant-engagement', 'risk-assessment'] },
    { id: 'a-2', text: 'Born in 2019.', themes: [] },
  ];

  it('ignores theme order and example order, and covers id, text and themes', () => {
    const base = corpusHash(examples);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(corpusHash([examples[1]!, { ...examples[0]!, themes: ['risk-assessment', 'reluctant-engagement'] }])).toBe(base);
    expect(corpusHash([{ ...examples[0]!, id: 'a-3' }, examples[1]!])).not.toBe(base);
    expect(corpusHash([{ ...examples[0]!, text: 'Mother cancelled visit.' }, examples[1]!])).not.toBe(base);
    expect(corpusHash([{ ...examples[0]!, themes: ['risk-assessment'] }, examples[1]!])).not.toBe(base);
  });

  it('covers feature keys of examples given as features', () => {
    const a = corpusHash([{ features: ['dog', { key: 'cat', start: 0, end: 3 }], themes: ['x'] }]);
    const b = corpusHash([{ features: ['dog', 'cow'], themes: ['x'] }]);
    expect(a).not.toBe(b);
    expect(canonicalExamples([{ features: ['dog', { key: 'cat', start: 0, end: 3 }], themes: ['x'] }])).toBe('[null,null,["x"],["dog","cat"]]');
  });
});
