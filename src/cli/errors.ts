// Failures of the command line and their exit codes (kept free of dependencies: main.ts loads it).

/** Exit codes: 0 ok, 1 bad input (a file, an id, a state), 2 wrong usage of the command line. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/** A failure the user caused or can fix: printed as one line on stderr, then exit with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = EXIT.badInput,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, EXIT.usage);
}
