/**
 * The practice-themes command line: a thin shell over the node entry. It parses
 * arguments, calls one command, prints, and exits 0 (ok), 1 (bad input) or 2 (bad usage).
 */
import { describeError, EXIT, UsageError, type CliIO } from './commands/common';
import { isPracticeThemesError } from './errors';

const USAGE = `Usage: practice-themes <command> [options]

Commands:
  tag [PATH...]               tag text from stdin, JSON Lines (--jsonl), or files/folders/globs
  train CORPUS --out FILE     train the naive Bayes model from a labelled corpus
  review PATH... --out FILE   the passages to check first (.csv, .jsonl or an .html review page)
  validate-rules FILE|DIR...  check rule set files and their examples
  lint-rules                  rule firing counts and precision over a corpus
  eval DATA.jsonl             evaluate tagging accuracy (--folds k to cross-validate)
  agreement A.jsonl B.jsonl   Cohen's kappa per theme between two labellings
  eval-dev [FILE]             score the default tagger on the shared development set

Run "practice-themes <command> --help" for a command's options.
`;

type Command = { usage: () => Promise<string>; run: (args: readonly string[], io: CliIO) => Promise<number> };

const COMMANDS: Record<string, Command> = {
  tag: lazy(() => import('./commands/tag'), 'runTag', 'TAG_USAGE'),
  train: lazy(() => import('./commands/train'), 'runTrain', 'TRAIN_USAGE'),
  review: lazy(() => import('./commands/review'), 'runReview', 'REVIEW_USAGE'),
  'validate-rules': lazy(() => import('./commands/validate-rules'), 'runValidateRules', 'VALIDATE_RULES_USAGE'),
  'lint-rules': lazy(() => import('./commands/lint-rules'), 'runLintRules', 'LINT_RULES_USAGE'),
  eval: lazy(() => import('./commands/eval'), 'runEval', 'EVAL_USAGE'),
  agreement: lazy(() => import('./commands/agreement'), 'runAgreement', 'AGREEMENT_USAGE'),
  'eval-dev': lazy(() => import('./commands/eval-dev'), 'runEvalDev', 'EVAL_DEV_USAGE'),
};

// Each command's module is imported only when that command runs, so `tag` never pays for the others.
function lazy(load: () => Promise<Record<string, unknown>>, run: string, usage: string): Command {
  return {
    usage: async () => String((await load())[usage] ?? ''),
    run: async (args, io) => ((await load())[run] as Command['run'])(args, io),
  };
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${PACKAGE_VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`practice-themes: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(await command.usage());
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    io.stderr.write(`${describeError(error)}\n`);
    if (error instanceof UsageError) {
      io.stderr.write(`\n${await command.usage()}`);
      return EXIT.usage;
    }
    // Options that contradict each other (an output naming an input) are usage too, as in PATH mode.
    return isPracticeThemesError(error) && error.code === 'INVALID_OPTIONS' ? EXIT.usage : EXIT.badInput;
  }
}

declare const PACKAGE_VERSION: string;
