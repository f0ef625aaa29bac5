import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../../db/database.js";
import { loadActor, loadUnitTree } from "../../../db/queries/actors.js";

let db: DB;
const at = "2025-10-01T06:00:00.000Z";

beforeEach(async () => {
  db = await openMigratedDatabase(":memory:");
  await db.insertInto("roles").values({ name: "Руководители ОО", created_at: at }).execute();
  await db
    .insertInto("units")
    .values([
      { role_id: 1, name: "Бежецкий район", parent_unit_id: null, created_at: at, archived_at: null },
      { role_id: 1, name: "Школа № 5", parent_unit_id: 1, created_at: at, archived_at: null },
      { role_id: 1, name: "Закрытая школа", parent_unit_id: 1, created_at: at, archived_at: at },
    ])
    .execute();
  await db
    .insertInto("users")
    .values([
      { id: 10, first_name: "Ирина", created_at: at, is_admin: 0 },
      { id: 20, first_name: "Admin", created_at: at, is_admin: 1 },
    ])
    .execute();
});
afterEach(async () => db.destroy());

describe("loadActor", () => {
  it("reads active memberships of live units and active scopes only", async () => {
    await db
      .insertInto("memberships")
      .values([
        { user_id: 10, unit_id: 2, created_at: at, left_at: null },
        { user_id: 10, unit_id: 1, created_at: at, left_at: at },
        { user_id: 10, unit_id: 3, created_at: at, left_at: null },
      ])
      .execute();
    await db
      .insertInto("coordinator_scopes")
      .values([
        { user_id: 10, unit_id: 1, created_at: at, revoked_at: null },
        { user_id: 10, unit_id: null, created_at: at, revoked_at: at },
      ])
      .execute();
    expect(await loadActor(db, 10)).toEqual({
      userId: 10,
      isAdmin: false,
      unitIds: [2],
      coordinatorScopes: [1],
    });
  });

  it("reads the admin flag and gives strangers nothing", async () => {
    expect((await loadActor(db, 20)).isAdmin).toBe(true);
    expect(await loadActor(db, 999)).toEqual({
      userId: 999,
      isAdmin: false,
      unitIds: [],
      coordinatorScopes: [],
    });
  });

  it("loads the unit tree with archived units", async () => {
    expect(await loadUnitTree(db)).toEqual([
      { id: 1, parentUnitId: null },
      { id: 2, parentUnitId: 1 },
      { id: 3, parentUnitId: 1 },
    ]);
  });
});
