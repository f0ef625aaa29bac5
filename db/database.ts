// Opening the database named by DATABASE_URL and bringing it to the latest schema.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, type MigrationProvider, Migrator } from "kysely";
import { migrations } from "./migrations/index.js";
import type { Database } from "./schema.js";
import { sqliteDialect } from "./sqlite-dialect.js";

export type DB = Kysely<Database>;

/**
 * Opens the database: a file path (or ":memory:") means SQLite, created with its folder on
 * first use. PostgreSQL (`postgres://…`) is planned; until then it is refused with a clear message.
 */
export function openDatabase(url: string): DB {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    throw new Error("DATABASE_URL: PostgreSQL is not supported yet; use a file path for SQLite");
  }
  const path = url.replace(/^sqlite:(\/\/)?/i, "");
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: sqliteDialect(sqlite) });
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: DB): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed: ${String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}

/** Opens and migrates: what the bot, the CLI and tests use. */
export async function openMigratedDatabase(url: string): Promise<DB> {
  const db = openDatabase(url);
  await migrateToLatest(db);
  return db;
}
