/**
 * What an interrupted run must clean up and report: the temporary files being
 * written right now (atomic outputs) and a note on how far a batch got. Process
 * state, so it lives in the node entry only; the CLI's signal handlers read it.
 */
import { unlinkSync } from 'node:fs';

const tempFiles = new Set<string>();
let progressNote: (() => string) | undefined;

/** Records a temporary file to remove if the process is interrupted before it is renamed or removed. */
export function trackTempFile(path: string): void {
  tempFiles.add(path);
}

/** The temporary file was renamed into place or removed. */
export function untrackTempFile(path: string): void {
  tempFiles.delete(path);
}

/** Removes every tracked temporary file now (synchronously: it runs in a signal handler); returns how many. */
export function removeTempFilesSync(): number {
  let removed = 0;
  for (const path of tempFiles) {
    try {
      unlinkSync(path);
      removed++;
    } catch {
      // Already gone: nothing to clean.
    }
  }
  tempFiles.clear();
  return removed;
}

/** Sets (or clears) the line describing progress that an interruption prints. */
export function setProgressNote(note: (() => string) | undefined): void {
  progressNote = note;
}

/** The current progress line, if a run set one. */
export function currentProgressNote(): string | undefined {
  return progressNote?.();
}
