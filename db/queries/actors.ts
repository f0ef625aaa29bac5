// Loading the permission model (src/domain/permissions.ts) of a user from the database.
import type { Kysely, Transaction } from "kysely";
import type { Actor, UnitNode } from "../../src/domain/permissions.js";
import type { Database } from "../schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The user's rights now: admin flag, active memberships of live (not archived) units, active
 * coordinator scopes. An unknown user gets an actor with no rights.
 */
export async function loadActor(db: Db, userId: number): Promise<Actor> {
  const user = await db.selectFrom("users").select("is_admin").where("id", "=", userId).executeTakeFirst();
  const memberships = await db
    .selectFrom("memberships")
    .innerJoin("units", "units.id", "memberships.unit_id")
    .select("memberships.unit_id")
    .where("memberships.user_id", "=", userId)
    .where("memberships.left_at", "is", null)
    .where("units.archived_at", "is", null)
    .orderBy("memberships.unit_id")
    .execute();
  const scopes = await db
    .selectFrom("coordinator_scopes")
    .select("unit_id")
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .orderBy("id")
    .execute();
  return {
    userId,
    isAdmin: Number(user?.is_admin ?? 0) === 1,
    unitIds: [...new Set(memberships.map((m) => m.unit_id))],
    coordinatorScopes: [...new Set(scopes.map((s) => s.unit_id))],
  };
}

/** Every unit (archived ones too: a subtree walk must not break at an archived parent). */
export async function loadUnitTree(db: Db): Promise<UnitNode[]> {
  const rows = await db.selectFrom("units").select(["id", "parent_unit_id"]).orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, parentUnitId: r.parent_unit_id }));
}
