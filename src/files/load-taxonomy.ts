/** Reads a taxonomy JSON file. */
import { parseTaxonomy, type Taxonomy } from '../taxonomy/schema';
import { readTextFile } from './read-text-file';

/** Loads and validates a taxonomy file; throws InputError naming the file and line. */
export async function loadTaxonomy(path: string): Promise<Taxonomy> {
  return parseTaxonomy(await readTextFile(path), { file: path });
}
