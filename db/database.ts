// Opening the database named by DATABASE_URL and bringing it to the latest schema.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, type MigrationProvider, Migrator, type SqliteDatabase, SqliteDialect } from "kysely";
import { migrations } from "./migrations/index.js";
import type { Database } from "./schema.js";

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
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) });
}

/** Distinct SQL texts kept prepared; srok issues a few hundred, so this is rarely reached. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running a small
 * query (a button press runs about five). The same SQL text gets the same prepared statement
 * back (least recently used dropped past the limit), unless it is busy (an open iterator of a
 * streamed query): then a fresh one, as before.
 */
export function reusingStatements(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql) {
      const known = statements.get(sql);
      if (known && !known.busy) {
        // Map order is the recency order.
        statements.delete(sql);
        statements.set(sql, known);
        return known;
      }
      const fresh = sqlite.prepare(sql);
      if (!known) {
        statements.set(sql, fresh);
        if (statements.size > size) statements.delete(statements.keys().next().value!);
      }
      return fresh;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
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
