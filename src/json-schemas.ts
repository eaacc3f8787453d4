/** JSON Schemas generated from the zod schemas, for systems not written in TypeScript. */
import { z } from 'zod';
import { TagResultSchema } from './result-schema';
import { DocumentRecordSchema, ErrorRecordOutputSchema, EvalReportSchema, SentenceRecordSchema } from './record-schema';
import { CorpusUnitSchema } from './corpus/schema';
import { ruleSetJsonSchema } from './rules/schema';
import { modelJsonSchema } from './nb/model-file';

const draft = (schema: z.ZodType): Record<string, unknown> => z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;

/** JSON Schema (draft 2020-12) of a tag result. */
export function tagResultJsonSchema(): Record<string, unknown> {
  return draft(TagResultSchema);
}

/**
 * Every shipped schema by its file name in schemas/: the tag result, each record kind
 * the CLI prints (document, sentence, error), evaluation reports, rule sets, model
 * files and corpus units.
 */
export function schemaFiles(): Record<string, Record<string, unknown>> {
  return {
    'tag-result.schema.json': tagResultJsonSchema(),
    'document-record.schema.json': draft(DocumentRecordSchema),
    'sentence-record.schema.json': draft(SentenceRecordSchema),
    'error-record.schema.json': draft(ErrorRecordOutputSchema),
    'eval-report.schema.json': draft(EvalReportSchema),
    'rule-set.schema.json': ruleSetJsonSchema(),
    'model.schema.json': modelJsonSchema(),
    'corpus-unit.schema.json': draft(CorpusUnitSchema),
  };
}
