/** Model files on disk: read + validate, write atomically. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ModelError } from '../errors';
import { attachModelTables, modelTablesContentHash } from '../nb/model-tables';
import { adoptBuildCheckedModel, fileTextMatchesHash, parseModel, serializeModel, type ModelFile } from '../nb/model-file';
import { createAtomicFile } from '../io/output/atomic-file';
import { readTextFile } from './read-text-file';
import { defaultModelPath, precompiledModelTablesPath } from './package-paths';

/** Reads and validates a model file; ModelError names the file (INVALID_MODEL / MODEL_VERSION). */
export async function loadModel(file: string = defaultModelPath()): Promise<ModelFile> {
  const text = await readTextFile(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ModelError(`not valid JSON (${(error as Error).message}); the file may be damaged or truncated`, { file });
  }
  // The content hash is checked on the file's bytes with Node's native SHA-256 when the
  // file is as serializeModel wrote it (~5 ms instead of ~60 ms); parseModel checks any
  // other file through its content, with the same guarantee.
  const contentHash = (json as { contentHash?: unknown } | null)?.contentHash;
  const intact = typeof contentHash === 'string' && fileTextMatchesHash(text, contentHash, nativeSha256);
  // The tables the build computed for the shipped model (dist/compiled-model.bin), so its
  // first tag does not compute them; attachModelTables checks they are this model's.
  // Without the file (sources run unbuilt) they are computed as for any model.
  const tables = resolve(file) === defaultModelPath() ? shippedTables() : undefined;
  const model =
    intact && tables !== undefined && tablesVouchFor(tables, contentHash)
      ? adoptBuildCheckedModel(json) // this very content was checked by parseModel at build time
      : parseModel(json, { file, verifyContentHash: !intact });
  if (tables !== undefined) attachModelTables(model, tables);
  return model;
}

/**
 * True when `tables` (made by the build from a model parseModel returned) were made for
 * the model whose content hashes to `contentHash`: a model file whose text hashes to that
 * hash then has the content the build checked.
 */
export function tablesVouchFor(tables: Uint8Array, contentHash: unknown): boolean {
  return typeof contentHash === 'string' && modelTablesContentHash(tables) === contentHash;
}

function shippedTables(): Buffer | undefined {
  try {
    return readFileSync(precompiledModelTablesPath());
  } catch {
    return undefined;
  }
}

function nativeSha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Writes a model file atomically (temp file in the same folder, then rename).
 * DocumentError FILE_NOT_FOUND / FILE_UNREADABLE when the folder is missing or not
 * writable, FILE_UNWRITABLE when the disk is full; the old file is then unchanged.
 */
export async function saveModel(file: string, model: ModelFile): Promise<void> {
  await writeAtomically(file, serializeModel(model));
}

/** Writes text to a temp file beside the target, then renames it over the target (typed errors as saveModel). */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const out = await createAtomicFile(file);
  try {
    await out.write(text);
    await out.commit();
  } catch (error) {
    await out.abort();
    throw error;
  }
}
