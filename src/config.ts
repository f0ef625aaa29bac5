// Configuration from the environment (and an optional .env), validated once at start.
import { existsSync } from "node:fs";
import { DateTime } from "luxon";
import { z } from "zod";

const timeOfDay = z
  .string()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "expected a time of day as HH:MM, for example 09:00");

const timezone = z
  .string()
  .refine(
    (zone) => DateTime.now().setZone(zone).isValid,
    "expected an IANA time zone, for example Europe/Moscow",
  );

const adminIds = z
  .string()
  .default("")
  .transform((s, ctx) => {
    const ids: number[] = [];
    for (const part of s
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)) {
      if (!/^\d{1,15}$/.test(part)) {
        ctx.addIssue({ code: "custom", message: `"${part}" is not a Telegram user id` });
        return z.NEVER;
      }
      ids.push(Number(part));
    }
    return ids;
  });

const schema = z.object({
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]+$/, "expected a bot token like 123456:ABC-DEF")
    .optional(),
  BOT_API_ROOT: z.url().default("https://api.telegram.org"),
  DATABASE_URL: z.string().min(1).default("./data/srok.sqlite"),
  ADMIN_IDS: adminIds,
  DEFAULT_TIMEZONE: timezone.default("Europe/Moscow"),
  DIGEST_TIME: timeOfDay.default("09:00"),
  FILES_DIR: z.string().min(1).default("./data/files"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface Config {
  botToken: string | undefined;
  botApiRoot: string;
  databaseUrl: string;
  adminIds: number[];
  defaultTimezone: string;
  digestTime: string;
  filesDir: string;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
}

/** A configuration that could not be read; `problems` has one line per bad or missing value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`configuration is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Reads the configuration from `env` (empty strings count as unset). */
export function readConfig(
  env: Record<string, string | undefined>,
  opts: { requireToken?: boolean } = {},
): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""),
  );
  const parsed = schema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join(".")}: ${issue.message}`);
  }
  if (opts.requireToken && !cleaned.BOT_TOKEN)
    problems.push("BOT_TOKEN: required to run the bot (ask @BotFather)");
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const c = parsed.data;
  return {
    botToken: c.BOT_TOKEN,
    botApiRoot: c.BOT_API_ROOT.replace(/\/+$/, ""),
    databaseUrl: c.DATABASE_URL,
    adminIds: c.ADMIN_IDS,
    defaultTimezone: c.DEFAULT_TIMEZONE,
    digestTime: c.DIGEST_TIME.padStart(5, "0"),
    filesDir: c.FILES_DIR,
    logLevel: c.LOG_LEVEL,
  };
}

/** Loads `.env` from the working directory into process.env (existing variables win). */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
