import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../db/database.js";
import { preparedQuery } from "../../db/prepared-query.js";

let db: DB;
beforeEach(async () => {
  db = await openMigratedDatabase(":memory:");
  await db
    .insertInto("users")
    .values([
      { id: 1, first_name: "Анна", language: "ru", created_at: "2021-09-01T00:00:00.000Z" },
      { id: 2, first_name: "Борис", language: "en", created_at: "2021-09-01T00:00:00.000Z" },
    ])
    .execute();
});
afterEach(async () => {
  await db.destroy();
});

const userByIdAndLanguage = preparedQuery<{ id: number; language: string }, { first_name: string | null }>(
  "userByIdAndLanguage",
  ["id", "language"],
  (db, p) =>
    db
      .selectFrom("users")
      .select("first_name")
      .where("id", "=", p.id)
      .where("language", "=", p.language)
      .where("blocked_at", "is", null)
      .where("first_name", "!=", "—"),
);

describe("preparedQuery", () => {
  it("runs the built query with each call's values, constants kept", async () => {
    expect(await userByIdAndLanguage.takeFirst(db, { id: 1, language: "ru" })).toEqual({
      first_name: "Анна",
    });
    expect(await userByIdAndLanguage.takeFirst(db, { id: 2, language: "en" })).toEqual({
      first_name: "Борис",
    });
    expect(await userByIdAndLanguage.takeFirst(db, { id: 2, language: "ru" })).toBeUndefined();
    const rename = preparedQuery<{ id: number; name: string }, never>("rename", ["id", "name"], (db, p) =>
      db
        .updateTable("users")
        .set({ first_name: p.name })
        .where("id", "=", p.id)
        .where("first_name", "!=", "—"),
    );
    const res = await rename.execute(db, { id: 2, name: "Вера" });
    expect(Number(res.numAffectedRows)).toBe(1);
    expect(await userByIdAndLanguage.takeFirst(db, { id: 2, language: "en" })).toEqual({
      first_name: "Вера",
    });
  });

  it("runs inside a transaction, which sees its own writes and can roll them back", async () => {
    const rename = preparedQuery<{ id: number; name: string }, never>("rename", ["id", "name"], (db, p) =>
      db.updateTable("users").set({ first_name: p.name }).where("id", "=", p.id),
    );
    await expect(
      db.transaction().execute(async (trx) => {
        await rename.execute(trx, { id: 1, name: "Алла" });
        expect(await userByIdAndLanguage.takeFirst(trx, { id: 1, language: "ru" })).toEqual({
          first_name: "Алла",
        });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await userByIdAndLanguage.takeFirst(db, { id: 1, language: "ru" })).toEqual({
      first_name: "Анна",
    });
  });

  it("serves several databases at once", async () => {
    const other = await openMigratedDatabase(":memory:");
    try {
      await other
        .insertInto("users")
        .values({ id: 1, first_name: "Дина", language: "ru", created_at: "2021-09-01T00:00:00.000Z" })
        .execute();
      expect(await userByIdAndLanguage.takeFirst(other, { id: 1, language: "ru" })).toEqual({
        first_name: "Дина",
      });
      expect(await userByIdAndLanguage.takeFirst(db, { id: 1, language: "ru" })).toEqual({
        first_name: "Анна",
      });
    } finally {
      await other.destroy();
    }
  });

  it("refuses, by name, a builder that computes with a parameter instead of passing it", async () => {
    const computed = preparedQuery<{ id: number }, unknown>("computed", ["id"], (db, p) =>
      db
        .selectFrom("users")
        .selectAll()
        .where("id", "=", Number(String(p.id).length)),
    );
    await expect(computed.takeFirst(db, { id: 1 })).rejects.toThrow(
      "preparedQuery computed: parameter(s) id",
    );
    const asSql = preparedQuery<{ column: string }, unknown>("asSql", ["column"], (db, p) =>
      db.selectFrom("users").select(sql.raw(String(p.column)).as("x")),
    );
    await expect(asSql.takeFirst(db, { column: "id" })).rejects.toThrow("preparedQuery asSql");
  });
});

describe("preparedQuery values", () => {
  it("refuses an undefined value (Kysely would have dropped the column; here it would not)", async () => {
    const rename = preparedQuery<{ id: number; name: string | undefined }, never>(
      "rename",
      ["id", "name"],
      (db, p) => db.updateTable("users").set({ first_name: p.name }).where("id", "=", p.id),
    );
    await expect(rename.execute(db, { id: 1, name: undefined })).rejects.toThrow(
      "preparedQuery rename: name is undefined",
    );
  });
});
