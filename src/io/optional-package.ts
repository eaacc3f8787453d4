/**
 * Optional peer dependencies, imported on first use. pdf.js (PDF), mammoth (DOCX) and
 * compromise (the linter's base-form check) are large and only some users need them,
 * so a plain install leaves them out; a missing one is a typed error that says what
 * to install, never a bare "Cannot find module".
 */
import { DocumentError } from '../errors';

/** The optional packages and what each one is for (shown in the error). */
export const OPTIONAL_PACKAGES = {
  'pdfjs-dist': 'reading PDF files',
  mammoth: 'reading DOCX files',
  compromise: "lint-rules' base-form check",
} as const;

/** Name of an optional package. */
export type OptionalPackage = keyof typeof OPTIONAL_PACKAGES;

/**
 * Imports an optional package (or one of its files) with `load`, turning "module not
 * found" for that package into DocumentError MISSING_DEPENDENCY naming the file that
 * needed it. Any other failure is passed on as it is.
 */
export async function importOptional<T>(name: OptionalPackage, load: () => Promise<T>, file?: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isMissingPackage(error, name)) throw error;
    throw missingDependency(name, file);
  }
}

/** The error for an optional package that is not installed. */
export function missingDependency(name: OptionalPackage, file?: string): DocumentError {
  return new DocumentError(
    'MISSING_DEPENDENCY',
    `${OPTIONAL_PACKAGES[name]} needs the optional package ${name}, which is not installed: run \`npm install ${name}\` in the project that uses practice-themes (or install it globally beside a global practice-themes)`,
    file === undefined ? {} : { file },
  );
}

function isMissingPackage(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  // Only this package missing, not some file inside it or one of its own dependencies.
  return typeof message === 'string' && new RegExp(`['"]${name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}(/[^'"]*)?['"]`).test(message);
}
