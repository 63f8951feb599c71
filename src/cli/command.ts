import { parseArgs, UsageError, type OptionSpec, type Parsed } from './args';

/** Exit codes of every `dmc` command. */
export const EXIT = { OK: 0, FAILURE: 1, USAGE: 2 } as const;

export type Command = {
  name: string;
  summary: string;
  /** The full `--help` text. */
  usage: string;
  options: OptionSpec;
  run(args: Parsed): Promise<number>;
};

/** Parses a command's arguments, answers `--help`, and maps errors to exit codes. */
export async function runCommand(command: Command, argv: readonly string[]): Promise<number> {
  let args: Parsed;
  try {
    args = parseArgs(argv, { ...command.options, help: { value: false, alias: 'h' } });
  } catch (error) {
    if (error instanceof UsageError) return usageError(command, error.message);
    throw error;
  }
  if (args.options.help) {
    process.stdout.write(command.usage.trimEnd() + '\n');
    return EXIT.OK;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) return usageError(command, error.message);
    process.stderr.write(`dmc ${command.name}: ${(error as Error).message}\n`);
    return EXIT.FAILURE;
  }
}

function usageError(command: Command, message: string): number {
  process.stderr.write(`dmc ${command.name}: ${message}\n\n${command.usage.trimEnd()}\n`);
  return EXIT.USAGE;
}
