// Kysely's SQLite dialect over better-sqlite3, with two changes that matter when many button
// presses arrive at once (bench/presses.bench.ts):
// - prepared statements are reused: Kysely prepares every query anew, which costs more than
//   running the small queries a press makes;
// - the one connection is handed to waiting queries in arrival order. Kysely's own lock wakes
//   every waiter on each release and all but one wait again: with a hundred presses waiting,
//   ten thousand wake-ups per hundred transactions.
import type SQLite from "better-sqlite3";
import {
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type SqliteDatabase,
  SqliteDialect,
  type TransactionSettings,
} from "kysely";

/** Distinct SQL texts kept prepared; srok issues a few hundred, so this is rarely reached. */
const STATEMENT_CACHE_SIZE = 1000;

/** The SQLite dialect for `sqlite` with statements reused and a first-come connection lock. */
export function sqliteDialect(sqlite: SQLite.Database): SqliteDialect {
  return new FairSqliteDialect({ database: reusingStatements(sqlite) });
}

class FairSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    return new FirstComeDriver(super.createDriver());
  }
}

/**
 * The SQLite driver behind a first-come-first-served lock: Kysely's lock inside is then never
 * contended (one holder at a time reaches it), and each release wakes exactly the next waiter.
 */
export class FirstComeDriver implements Driver {
  readonly #inner: Driver;
  readonly #waiting: (() => void)[] = [];
  #held = false;

  constructor(inner: Driver) {
    this.#inner = inner;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#held) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#held = true;
    try {
      return await this.#inner.acquireConnection();
    } catch (err) {
      this.#handOver();
      throw err;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.#inner.releaseConnection(connection);
    } finally {
      this.#handOver();
    }
  }

  /** The next waiter gets the connection (still held), or it is free. */
  #handOver(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection);
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    await this.#inner.savepoint?.(connection, name, compile);
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ) {
    await this.#inner.rollbackToSavepoint?.(connection, name, compile);
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ) {
    await this.#inner.releaseSavepoint?.(connection, name, compile);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

/**
 * The same SQL text gets the same prepared statement back (least recently used dropped past the
 * limit), unless it is busy (an open iterator of a streamed query): then a fresh one, as before.
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
