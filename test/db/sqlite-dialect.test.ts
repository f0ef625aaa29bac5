import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { reusingStatements, sqliteDialect } from "../../db/sqlite-dialect.js";

const open: SQLite.Database[] = [];
afterEach(() => {
  for (const d of open.splice(0)) if (d.open) d.close();
});

function memory(): SQLite.Database {
  const d = new SQLite(":memory:");
  open.push(d);
  d.exec("create table t (id integer primary key, name text)");
  return d;
}

describe("prepared statements reused", () => {
  it("gives the same statement back for the same SQL, a new one for other SQL", () => {
    const db = reusingStatements(memory());
    const a = db.prepare("select * from t where id = ?");
    expect(db.prepare("select * from t where id = ?")).toBe(a);
    expect(db.prepare("select name from t where id = ?")).not.toBe(a);
  });

  it("prepares a fresh statement while the cached one is iterating, and results stay right", () => {
    const raw = memory();
    raw.exec("insert into t (id, name) values (1, 'a'), (2, 'b')");
    const db = reusingStatements(raw);
    const q = "select name from t order by id";
    const iterating = db.prepare(q) as unknown as SQLite.Statement;
    const rows = iterating.iterate();
    expect(rows.next().value).toEqual({ name: "a" });
    const other = db.prepare(q) as unknown as SQLite.Statement;
    expect(other).not.toBe(iterating);
    expect(other.all()).toEqual([{ name: "a" }, { name: "b" }]);
    expect(rows.next().value).toEqual({ name: "b" });
    rows.return?.();
    expect(db.prepare(q)).toBe(iterating);
  });

  it("drops the least recently used statement past its size", () => {
    const db = reusingStatements(memory(), 2);
    const one = db.prepare("select 1");
    const two = db.prepare("select 2");
    expect(db.prepare("select 1")).toBe(one); // now "select 2" is the oldest
    db.prepare("select 3");
    expect(db.prepare("select 1")).toBe(one);
    expect(db.prepare("select 2")).not.toBe(two);
  });

  it("serves Kysely: reads and writes see each other through reused statements", async () => {
    const raw = memory();
    const db = new Kysely<{ t: { id: number; name: string } }>({
      dialect: new SqliteDialect({ database: reusingStatements(raw) }),
    });
    for (const [id, name] of [
      [1, "a"],
      [2, "b"],
    ] as const) {
      await db.insertInto("t").values({ id, name }).execute();
      expect(await db.selectFrom("t").select("name").where("id", "=", id).executeTakeFirst()).toEqual({
        name,
      });
    }
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("t").set({ name: "c" }).where("id", "=", 1).execute();
    });
    const streamed: string[] = [];
    for await (const row of db.selectFrom("t").select("name").orderBy("id").stream()) streamed.push(row.name);
    expect(streamed).toEqual(["c", "b"]);
    expect(await db.selectFrom("t").select("name").orderBy("id").execute()).toEqual([
      { name: "c" },
      { name: "b" },
    ]);
    await sql`select 1`.execute(db);
    await db.destroy();
    expect(raw.open).toBe(false);
  });
});

describe("the connection handed over in arrival order", () => {
  type Db = { t: { id: number; name: string } };
  it("runs queries waiting behind a transaction in the order they came, each seeing the ones before", async () => {
    const db = new Kysely<Db>({ dialect: sqliteDialect(memory()) });
    const done: number[] = [];
    let release!: () => void;
    const holding = db.transaction().execute(async (trx) => {
      await trx.insertInto("t").values({ id: 0, name: "first" }).execute();
      await new Promise<void>((r) => {
        release = r;
      });
    });
    await new Promise((r) => setTimeout(r, 5));
    const waiting = Array.from({ length: 50 }, (_, i) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto("t")
          .values({ id: i + 1, name: `n${i + 1}` })
          .execute();
        const seen = await trx
          .selectFrom("t")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        done.push(i + 1);
        return Number(seen.n);
      }),
    );
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toEqual([]);
    release();
    await holding;
    const counts = await Promise.all(waiting);
    expect(done).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(counts).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    await db.destroy();
  });

  it("frees the connection after a failed transaction", async () => {
    const db = new Kysely<Db>({ dialect: sqliteDialect(memory()) });
    const failed = db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto("t").values({ id: 1, name: "a" }).execute();
        await trx.insertInto("t").values({ id: 1, name: "again" }).execute();
      })
      .catch((err: unknown) => String(err));
    const after = db.insertInto("t").values({ id: 2, name: "b" }).execute();
    expect(await failed).toMatch(/UNIQUE constraint failed/);
    await after;
    expect(await db.selectFrom("t").select("id").execute()).toEqual([{ id: 2 }]);
    await db.destroy();
  });
});
