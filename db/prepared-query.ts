// Queries that every button press runs, built and compiled once instead of on every call.
// Kysely builds an immutable tree and compiles it to SQL each time a query runs: for the
// five-table select of an assignment that is ~35 µs, three times what SQLite takes to run it,
// and a press runs a dozen such queries (bench/presses.bench.ts, the real «Выполнено»).
//
// The builder is an ordinary Kysely query; it gets placeholders for its parameters and must put
// each one, unchanged, where a value goes (a where, a set, a values row). It must not compute with
// them (`p.at.toISOString()`) or pick a shape from them (`p.comment ? … : …`): such a query is
// refused on first use, with its name. A value is never undefined (Kysely drops undefined columns
// from a set or a values row; here the column stays): pass null. The SQL is compiled per dialect
// (PostgreSQL's differs).
import {
  type Compilable,
  type CompiledQuery,
  createQueryId,
  type Kysely,
  type QueryResult,
  type Transaction,
} from "kysely";
import type { Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/** Stands for a parameter while the query is built. */
class Placeholder {
  constructor(readonly name: string) {}
}

interface Compiled {
  query: CompiledQuery["query"];
  sql: string;
  /** Per SQL parameter: a parameter's name, or a constant of the query. */
  slots: ({ param: string } | { constant: unknown })[];
}

export interface PreparedQuery<P, R> {
  execute(db: Db, params: P): Promise<QueryResult<R>>;
  /** The first row, or undefined. */
  takeFirst(db: Db, params: P): Promise<R | undefined>;
}

/**
 * A query compiled once per dialect, run with `params` each time.
 * `names` lists the parameters, so a missing one is caught when the query is first compiled.
 */
export function preparedQuery<P extends Record<string, unknown>, R>(
  name: string,
  names: readonly (keyof P & string)[],
  build: (db: Db, params: P) => Compilable<R>,
): PreparedQuery<P, R> {
  // Keyed by the dialect's adapter: one object per Kysely instance, shared by its transactions.
  const byAdapter = new WeakMap<object, Compiled>();

  function compiledFor(db: Db): Compiled {
    const adapter = db.getExecutor().adapter;
    let compiled = byAdapter.get(adapter);
    if (!compiled) {
      compiled = compile(db);
      byAdapter.set(adapter, compiled);
    }
    return compiled;
  }

  function compile(db: Db): Compiled {
    const placeholders = Object.fromEntries(names.map((n) => [n, new Placeholder(n)])) as unknown as P;
    const { query, sql, parameters } = build(db, placeholders).compile();
    const slots = parameters.map((v) =>
      v instanceof Placeholder ? { param: v.name } : ({ constant: v } as const),
    );
    const used = new Set(slots.flatMap((s) => ("param" in s ? [s.param] : [])));
    const unused = names.filter((n) => !used.has(n));
    if (unused.length > 0 || sql.includes("[object Object]"))
      throw new Error(
        `preparedQuery ${name}: ${unused.length > 0 ? `parameter(s) ${unused.join(", ")} not used as values` : "a parameter was used as SQL, not as a value"}`,
      );
    return { query, sql, slots };
  }

  async function execute(db: Db, params: P): Promise<QueryResult<R>> {
    const { query, sql, slots } = compiledFor(db);
    const parameters = slots.map((s) => {
      if (!("param" in s)) return s.constant;
      const value = params[s.param];
      if (value === undefined) throw new Error(`preparedQuery ${name}: ${s.param} is undefined (pass null)`);
      return value;
    });
    return db.executeQuery<R>({ query, sql, parameters, queryId: createQueryId() });
  }

  return {
    execute,
    async takeFirst(db, params) {
      return (await execute(db, params)).rows[0];
    },
  };
}
