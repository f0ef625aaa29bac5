// Loading the permission model (src/domain/permissions.ts) of a user from the database.
import type { Kysely, Transaction } from "kysely";
import type { Actor, UnitNode } from "../../src/domain/permissions.js";
import type { Database, UserRow } from "../schema.js";
import { recordAudit } from "./audit.js";

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

/**
 * Makes every `ADMIN_IDS` user an admin (creating the user row when they never wrote yet).
 * Returns the ids that were not admins before; each of those is audited. Nobody is demoted here:
 * `srok admin add` also makes admins, and a config edit must not silently drop them.
 */
export async function syncAdmins(
  db: Kysely<Database>,
  adminIds: readonly number[],
  at: Date,
): Promise<number[]> {
  if (adminIds.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("users")
      .select(["id", "is_admin"])
      .where("id", "in", [...adminIds])
      .execute();
    const already = new Set(existing.filter((u) => Number(u.is_admin) === 1).map((u) => u.id));
    const promoted: number[] = [];
    for (const id of new Set(adminIds)) {
      if (already.has(id)) continue;
      await trx
        .insertInto("users")
        .values({ id, is_admin: 1, created_at: at.toISOString() })
        .onConflict((oc) => oc.column("id").doUpdateSet({ is_admin: 1 }))
        .execute();
      await recordAudit(trx, {
        at,
        userId: null,
        action: "admin.sync",
        entity: "user",
        entityId: id,
        details: { source: "ADMIN_IDS" },
      });
      promoted.push(id);
    }
    return promoted;
  });
}

export interface UserBrief {
  id: number;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  language: string;
}

/** Name and language of a user, for messages about or to them. */
export async function loadUserBrief(db: Db, userId: number): Promise<UserBrief | undefined> {
  return db
    .selectFrom("users")
    .select(["id", "first_name", "last_name", "username", "language"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

/** The whole stored user row. */
export async function loadUserRow(db: Db, userId: number): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
}
