/** JSON Schemas generated from the zod schemas, for systems not written in TypeScript. */
import { z } from 'zod';
import { TagResultSchema } from './result-schema';
import { CorpusUnitSchema } from './corpus/schema';
import { ruleSetJsonSchema } from './rules/schema';
import { modelJsonSchema } from './nb/model-file';

/** JSON Schema (draft 2020-12) of a tag result. */
export function tagResultJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(TagResultSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** Every shipped schema by its file name in schemas/. */
export function schemaFiles(): Record<string, Record<string, unknown>> {
  return {
    'tag-result.schema.json': tagResultJsonSchema(),
    'rule-set.schema.json': ruleSetJsonSchema(),
    'model.schema.json': modelJsonSchema(),
    'corpus-unit.schema.json': z.toJSONSchema(CorpusUnitSchema, { target: 'draft-2020-12' }) as Record<string, unknown>,
  };
}
