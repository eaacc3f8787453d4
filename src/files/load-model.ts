/** Model files on disk: read + validate, write atomically. */
import { rename, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { ModelError } from '../errors';
import { parseModel, serializeModel, type ModelFile } from '../nb/model-file';
import { readTextFile } from './read-text-file';
import { defaultModelPath } from './package-paths';

/** Reads and validates a model file; ModelError names the file (INVALID_MODEL / MODEL_VERSION). */
export async function loadModel(file: string = defaultModelPath()): Promise<ModelFile> {
  const text = await readTextFile(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ModelError(`not valid JSON (${(error as Error).message}); the file may be damaged or truncated`, { file });
  }
  return parseModel(json, { file });
}

/** Writes a model file atomically (temp file in the same folder, then rename). */
export async function saveModel(file: string, model: ModelFile): Promise<void> {
  await writeAtomically(file, serializeModel(model));
}

/** Writes text to a temp file beside the target, then renames it over the target. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, file);
}
