// Loading the permission model (src/domain/permissions.ts) of a user from the database.
import { type Kysely, sql, type Transaction } from "kysely";
import type { Actor, UnitNode } from "../../src/domain/permissions.js";
import { preparedQuery } from "../prepared-query.js";
import type { Database, UserRow } from "../schema.js";
import { recordAudit } from "./audit.js";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The user's rights now: admin flag, active memberships of live (not archived) units, active
 * coordinator scopes. An unknown user gets an actor with no rights.
 */
export async function loadActor(db: Db, userId: number): Promise<Actor> {
  const rows = (await actorRows.execute(db, { userId })).rows;
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.value);
  return {
    userId,
    isAdmin: Number(of("admin")[0] ?? 0) === 1,
    unitIds: [...new Set(of("unit") as number[])],
    coordinatorScopes: [...new Set(of("scope"))],
  };
}

// Loaded on every button press: one prepared query. Rows: ("admin", is_admin), one
// ("unit", unit_id) per live membership, one ("scope", unit_id or null) per active scope.
type ActorRowKind = "admin" | "unit" | "scope";
const actorRows = preparedQuery<
  { userId: number },
  { kind: ActorRowKind; value: number | null; sort: number }
>("actorRows", ["userId"], (db, p) =>
  db
    .selectFrom("users")
    .select([
      sql<ActorRowKind>`'admin'`.as("kind"),
      sql<number | null>`${sql.ref("is_admin")}`.as("value"),
      sql<number>`0`.as("sort"),
    ])
    .where("id", "=", p.userId)
    .unionAll(
      db
        .selectFrom("memberships")
        .innerJoin("units", "units.id", "memberships.unit_id")
        .select([
          sql<ActorRowKind>`'unit'`.as("kind"),
          sql<number | null>`${sql.ref("memberships.unit_id")}`.as("value"),
          "memberships.unit_id as sort",
        ])
        .where("memberships.user_id", "=", p.userId)
        .where("memberships.left_at", "is", null)
        .where("units.archived_at", "is", null),
    )
    .unionAll(
      db
        .selectFrom("coordinator_scopes")
        .select([sql<ActorRowKind>`'scope'`.as("kind"), "unit_id as value", "id as sort"])
        .where("user_id", "=", p.userId)
        .where("revoked_at", "is", null),
    )
    .orderBy("kind")
    .orderBy("sort"),
);

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
