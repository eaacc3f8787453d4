#!/usr/bin/env node
// Regenerates the shipped JSON Schemas (schemas/*.schema.json) from the zod schemas in
// the built library. A test fails when the shipped files drift from the code.
import { writeFileSync, mkdirSync } from 'node:fs';
import { schemaFiles } from '../dist/node.js';

mkdirSync('schemas', { recursive: true });
for (const [name, schema] of Object.entries(schemaFiles())) {
  writeFileSync(`schemas/${name}`, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote schemas/${name}`);
}
