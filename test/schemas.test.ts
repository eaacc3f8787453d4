// The JSON Schemas shipped in schemas/ are generated from the zod schemas; they must not drift.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../src/index';

describe('schemas/', () => {
  it.each(Object.entries(schemaFiles()))('%s matches the zod schema it is generated from', (name, schema) => {
    const shipped = JSON.parse(readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8'));
    expect(shipped).toEqual(schema);
  });
});
