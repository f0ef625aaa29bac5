// Reading the configuration at start: problems are printed one line each.
import { type Config, ConfigError, readConfig } from "../../config.js";

/** Reads the configuration (BOT_TOKEN required); on problems prints one line each and returns null. */
export function configOrProblems(
  env: Record<string, string | undefined>,
  print: (line: string) => void,
): Config | null {
  try {
    return readConfig(env, { requireToken: true });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const problem of err.problems) print(`srok: configuration: ${problem}`);
    return null;
  }
}
