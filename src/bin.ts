#!/usr/bin/env node
/**
 * The `practice-themes` executable (dist/cli.js). It always runs the CLI: npm's bin
 * link, npx and a global install start it under another name, so nothing here looks
 * at how it was called. The CLI itself (src/cli.ts) only exports main().
 */
import { describeError, EXIT } from './commands/common';
import { installProcessHandlers } from './commands/process-handlers';
import { main } from './cli';

installProcessHandlers();

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${describeError(error)}\n`);
    process.exitCode = EXIT.badInput;
  },
);
