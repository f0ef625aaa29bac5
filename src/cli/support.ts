// What every command shares: errors with exit codes, argument parsing, config and the database.
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { z } from "zod";
import type { DB } from "../../db/database.js";
import type { Config } from "../config.js";
import { CliError, usageError } from "./errors.js";

export { CliError, EXIT, usageError } from "./errors.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses a command's arguments strictly (unknown flags are usage errors), then validates the
 * positional arguments with `positionals` (a zod tuple or array schema).
 */
export function parseCommand<O extends Options, P extends z.ZodType>(
  args: string[],
  spec: { usage: string; options: O; positionals: P },
) {
  let parsed: {
    values: Record<string, string | boolean | (string | boolean)[] | undefined>;
    positionals: string[];
  };
  try {
    parsed = parseArgs({ args, options: spec.options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(`${argMessage(e)}; использование: srok ${spec.usage}`);
  }
  const positionals = spec.positionals.safeParse(parsed.positionals);
  if (!positionals.success) {
    const issue = positionals.error.issues[0];
    throw usageError(`${issue?.message ?? "неверные аргументы"}; использование: srok ${spec.usage}`);
  }
  return {
    values: parsed.values as { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string },
    positionals: positionals.data as z.output<P>,
  };
}

function argMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const unknown = /Unknown option '([^']+)'/.exec(text);
  if (unknown) return `неизвестный параметр ${unknown[1]}`;
  const extra = /Unexpected argument '([^']+)'/.exec(text);
  if (extra) return `лишний аргумент «${extra[1]}»`;
  const value = /Option '([^']+)' argument missing/.exec(text);
  if (value?.[1])
    return `параметру ${value[1].replace(/^-[a-z], /, "").replace(/ <value>$/, "")} нужно значение`;
  return text;
}

// Config and database modules are loaded on first use: a mistyped command answers at once.

/** Reads the configuration from the environment and `.env`; a bad value is a bad-input error. */
export async function loadConfig(env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  const { ConfigError, loadDotEnv, readConfig } = await import("../config.js");
  loadDotEnv();
  try {
    return readConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(`настройки неверны: ${e.problems.join("; ")}`);
    throw e;
  }
}

/** Opens (and migrates) the database of the configuration, runs `work`, and always closes it. */
export async function withDatabase<T>(config: Config, work: (db: DB) => Promise<T>): Promise<T> {
  const { openMigratedDatabase } = await import("../../db/database.js");
  const db = await openMigratedDatabase(config.databaseUrl);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** Writes lines to stdout. */
export function print(...lines: string[]): void {
  process.stdout.write(`${lines.join("\n")}\n`);
}
