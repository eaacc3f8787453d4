/**
 * How the CLI process ends when it is stopped from outside: Ctrl-C or SIGTERM
 * removes the temporary output files, says how far a batch got and exits 130
 * (SIGINT) or 143 (SIGTERM); a closed stdout (`| head -1`) ends the run quietly
 * with 141, as a pipeline of Unix tools would, instead of an EPIPE stack trace.
 */
import { currentProgressNote, removeTempFilesSync } from '../io/interrupt-state';

/** Exit codes after a signal: 128 + the signal number. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGPIPE: 141 } as const;

/** Installs the handlers on this process (the bin only; tests and library users keep theirs). */
export function installProcessHandlers(proc: NodeJS.Process = process): void {
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    removeTempFilesSync();
    const note = currentProgressNote();
    proc.stderr.write(`\npractice-themes: interrupted by ${signal}${note ? `: ${note}` : ''}; temporary files removed\n`);
    proc.exit(SIGNAL_EXIT[signal]);
  };
  proc.once('SIGINT', () => onSignal('SIGINT'));
  proc.once('SIGTERM', () => onSignal('SIGTERM'));
  proc.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    // Whoever read our output has stopped: nothing more to say, and nowhere to say it.
    removeTempFilesSync();
    proc.exit(SIGNAL_EXIT.SIGPIPE);
  });
}
