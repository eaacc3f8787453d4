/**
 * Turns the PATH... arguments of `tag` into the list of files to read, in a
 * deterministic order: a file as given, a folder walked recursively (supported
 * extensions only, entries sorted by name, hidden entries and symlinked folders
 * skipped; a folder named like a document, "x.pdf/", is listed too, so the reader
 * reports it as unreadable, and walked), a glob (`reviews/**\/*.pdf`) expanded and sorted. A path that matches
 * nothing is an error record, never a silent skip; a file reached twice is read once. Files of
 * unsupported types met in a folder are passed to `onSkipped` (the batch counts them on stderr),
 * or, with `unsupported: 'error'`, listed like any file so the reader reports each one.
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { DocumentError } from '../errors';
import { toErrorRecord, type ErrorRecord } from './document';
import { formatOfPath, SUPPORTED_EXTENSIONS } from './formats';

/** One entry of the expansion: a file to read or an error record for an argument. */
export type ExpandedInput =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'error'; readonly record: ErrorRecord };

/** Options of expandPaths. */
export interface ExpandOptions {
  /** Base of relative paths and globs. @default process.cwd() */
  readonly cwd?: string;
  /**
   * What to do with files of unsupported types found in folders: `'skip'` them (each is
   * passed to `onSkipped`), or list them as `'error'`s (the reader's UNSUPPORTED_FORMAT).
   * Hidden files are always left out. @default 'skip'
   */
  readonly unsupported?: 'skip' | 'error';
  /** Called with each file skipped for its type. */
  readonly onSkipped?: (path: string) => void;
}

/** Expands files, folders and globs into files to read, plus error records for arguments that match nothing. */
export async function expandPaths(inputs: readonly string[], options: ExpandOptions = {}): Promise<ExpandedInput[]> {
  const cwd = options.cwd ?? process.cwd();
  const seen = new Set<string>();
  const out: ExpandedInput[] = [];
  const addFile = (path: string) => {
    const key = resolve(cwd, path);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind: 'file', path });
  };
  const onUnsupported = options.unsupported === 'error' ? addFile : (path: string) => options.onSkipped?.(path);
  for (const input of inputs) {
    const kind = await pathKind(resolve(cwd, input));
    if (kind === 'directory') {
      const before = out.length;
      await walkFolder(input, cwd, addFile, (record) => out.push({ kind: 'error', record }), onUnsupported);
      if (out.length > before) continue;
      // An empty folder named like a document ("x.pdf/") goes to the reader, which says it is a folder.
      if (formatOfPath(input)) addFile(input);
      else out.push(noMatch(input, `folder has no files of a supported type (${SUPPORTED_EXTENSIONS.join(' ')})`));
    } else if (kind === 'file') {
      // Named explicitly: passed on even when broken or unsupported, so the reader says why.
      addFile(input);
    } else if ((await tinyglobby()).isDynamicPattern(input)) {
      const matches = await expandGlob(input, cwd);
      const supported = matches.filter((m) => formatOfPath(m) !== undefined);
      if (supported.length === 0) out.push(noMatch(input, 'glob matches no files of a supported type'));
      for (const match of matches) (formatOfPath(match) ? addFile : onUnsupported)(match);
    } else {
      out.push(noMatch(input, 'no such file or folder'));
    }
  }
  return out;
}

/** What a path is: a folder (symlinks followed), anything else that exists, or nothing. */
async function pathKind(absolute: string): Promise<'directory' | 'file' | 'missing'> {
  const info = await stat(absolute).catch(() => undefined);
  if (info?.isDirectory()) return 'directory';
  if (info) return 'file';
  // A dangling symlink exists: the reader reports it as unreadable.
  return (await lstat(absolute).catch(() => undefined)) ? 'file' : 'missing';
}

async function walkFolder(
  folder: string,
  cwd: string,
  addFile: (path: string) => void,
  addError: (record: ErrorRecord) => void,
  onUnsupported: (path: string) => void,
): Promise<void> {
  let entries;
  try {
    entries = await readdir(resolve(cwd, folder), { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    addError(toErrorRecord(folder, new DocumentError('FILE_UNREADABLE', `cannot list folder (${code})`, { file: folder, cause: error })));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (formatOfPath(entry.name)) addFile(path);
      await walkFolder(path, cwd, addFile, addError, onUnsupported);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      // Symlinked folders are not followed (no cycles); a symlink to a folder named x.pdf is left to the reader.
      if (formatOfPath(entry.name)) addFile(path);
      else onUnsupported(path);
    }
  }
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const matches = await (await tinyglobby()).glob(pattern, { cwd, absolute: isAbsolute(pattern), onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false });
  return matches.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function noMatch(input: string, message: string): ExpandedInput {
  return { kind: 'error', record: toErrorRecord(input, new DocumentError('FILE_NOT_FOUND', message, { file: input })) };
}

// Imported on first use: it is only needed for globs, and importing it at start-up costs ~10 ms.
let globber: Promise<typeof import('tinyglobby')> | undefined;
function tinyglobby(): Promise<typeof import('tinyglobby')> {
  return (globber ??= import('tinyglobby'));
}
