import SQLite from "better-sqlite3";
import { Kysely, type SqliteDatabase, SqliteDialect } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { groupCommits } from "../../db/group-commit.js";

type Db = { t: { id: number; name: string } };
const open: Kysely<Db>[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.destroy();
});

/** A database counting its commits (what grouping saves). */
function counting(): { db: Kysely<Db>; commits: () => number } {
  const raw = new SQLite(":memory:");
  raw.exec("create table t (id integer primary key, name text not null)");
  let commits = 0;
  const database: SqliteDatabase = {
    prepare(sql) {
      if (/^commit$/i.test(sql.trim())) commits += 1;
      return raw.prepare(sql);
    },
    close: () => raw.close(),
  };
  const db = new Kysely<Db>({ dialect: new SqliteDialect({ database }) });
  open.push(db);
  return { db, commits: () => commits };
}

const names = async (db: Kysely<Db>) =>
  (await db.selectFrom("t").select("name").orderBy("id").execute()).map((r) => r.name);

describe("group commit", () => {
  it("commits work asked for at the same moment once, each getting its own result", async () => {
    const { db, commits } = counting();
    const committer = groupCommits(db);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        committer.run(async (trx) => {
          await trx
            .insertInto("t")
            .values({ id: i, name: `n${i}` })
            .execute();
          return i * 2;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 100 }, (_, i) => i * 2));
    expect(commits()).toBe(1);
    expect(await names(db)).toHaveLength(100);
  });

  it("fails only the piece that throws, with its own error, the others stored", async () => {
    const { db, commits } = counting();
    const committer = groupCommits(db);
    const outcomes = await Promise.allSettled([
      committer.run((trx) => trx.insertInto("t").values({ id: 1, name: "a" }).execute()),
      committer.run(async (trx) => {
        await trx.insertInto("t").values({ id: 2, name: "half-done" }).execute();
        throw new Error("no such unit");
      }),
      committer.run((trx) => trx.insertInto("t").values({ id: 1, name: "duplicate" }).execute()),
      committer.run((trx) => trx.insertInto("t").values({ id: 3, name: "c" }).execute()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/no such unit/);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint failed/);
    expect(await names(db)).toEqual(["a", "c"]);
    // The group was rolled back; then the two that can commit did, each on its own.
    expect(commits()).toBe(2);
  });

  it("lets each piece see the ones before it in the group", async () => {
    const { db } = counting();
    const committer = groupCommits(db);
    const seen = await Promise.all(
      [1, 2, 3].map((id) =>
        committer.run(async (trx) => {
          await trx
            .insertInto("t")
            .values({ id, name: `n${id}` })
            .execute();
          return (await trx.selectFrom("t").select("id").execute()).length;
        }),
      ),
    );
    expect(seen).toEqual([1, 2, 3]);
  });

  it("gathers work asked for while a group is being written into the next group", async () => {
    const { db, commits } = counting();
    const committer = groupCommits(db);
    const later: Promise<unknown>[] = [];
    const first = Array.from({ length: 10 }, (_, i) =>
      committer.run(async (trx) => {
        await trx
          .insertInto("t")
          .values({ id: i, name: `first${i}` })
          .execute();
        if (i === 0)
          for (let k = 0; k < 10; k++)
            later.push(
              committer.run((t) =>
                t
                  .insertInto("t")
                  .values({ id: 100 + k, name: `later${k}` })
                  .execute(),
              ),
            );
      }),
    );
    await Promise.all(first);
    await Promise.all(later);
    expect(await names(db)).toHaveLength(20);
    expect(commits()).toBe(2);
  });

  it("when the commit itself fails, runs each alone: only the one that cannot commit fails", async () => {
    const raw = new SQLite(":memory:");
    raw.exec("create table t (id integer primary key, name text not null)");
    raw.exec("create table parent (id integer primary key)");
    raw.exec(
      "create table child (id integer primary key, parent_id integer references parent(id) deferrable initially deferred)",
    );
    raw.pragma("foreign_keys = ON");
    const db = new Kysely<Db & { child: { id: number; parent_id: number } }>({
      dialect: new SqliteDialect({ database: raw }),
    });
    const committer = groupCommits(db);
    const outcomes = await Promise.allSettled([
      committer.run((trx) => trx.insertInto("t").values({ id: 1, name: "a" }).execute()),
      // A deferred foreign key fails only at commit.
      committer.run((trx) => trx.insertInto("child").values({ id: 1, parent_id: 42 }).execute()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected"]);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(await db.selectFrom("t").selectAll().execute()).toEqual([{ id: 1, name: "a" }]);
    await db.destroy();
  });

  it("runs work asked for alone in a plain transaction", async () => {
    const { db, commits } = counting();
    const committer = groupCommits(db);
    for (let i = 0; i < 3; i++)
      await committer.run((trx) => trx.insertInto("t").values({ id: i, name: "x" }).execute());
    await expect(
      committer.run(async (trx) => {
        await trx.insertInto("t").values({ id: 9, name: "y" }).execute();
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow(/changed my mind/);
    expect(await names(db)).toEqual(["x", "x", "x"]);
    expect(commits()).toBe(3);
  });
});
