// Who is linked to what: memberships (executor of a unit) and coordinator scopes.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.js";
import { recordAudit } from "./audit.js";

type Db = Kysely<Database> | Transaction<Database>;

/** How a link was made, kept in the audit entry. */
export type LinkVia = { invite: number } | { request: number } | { by: number };

/** Links the user to the unit; does nothing (created: false) when already an active member. */
export async function linkMember(
  trx: Db,
  e: { userId: number; unitId: number; at: Date; via: LinkVia; actorId: number },
): Promise<{ created: boolean }> {
  const existing = await trx
    .selectFrom("memberships")
    .select("id")
    .where("user_id", "=", e.userId)
    .where("unit_id", "=", e.unitId)
    .where("left_at", "is", null)
    .executeTakeFirst();
  if (existing) return { created: false };
  const row = await trx
    .insertInto("memberships")
    .values({ user_id: e.userId, unit_id: e.unitId, created_at: e.at.toISOString(), left_at: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    at: e.at,
    userId: e.actorId,
    action: "membership.link",
    entity: "membership",
    entityId: row.id,
    details: { userId: e.userId, unitId: e.unitId, ...e.via },
  });
  return { created: true };
}

/** Makes the user a coordinator over a unit subtree (or everything: null); no duplicates. */
export async function addCoordinatorScope(
  trx: Db,
  e: { userId: number; unitId: number | null; at: Date; via: LinkVia; actorId: number },
): Promise<{ created: boolean }> {
  let q = trx
    .selectFrom("coordinator_scopes")
    .select("id")
    .where("user_id", "=", e.userId)
    .where("revoked_at", "is", null);
  q = e.unitId === null ? q.where("unit_id", "is", null) : q.where("unit_id", "=", e.unitId);
  if (await q.executeTakeFirst()) return { created: false };
  const row = await trx
    .insertInto("coordinator_scopes")
    .values({
      user_id: e.userId,
      unit_id: e.unitId,
      created_at: e.at.toISOString(),
      revoked_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    at: e.at,
    userId: e.actorId,
    action: "coordinator.link",
    entity: "coordinator_scope",
    entityId: row.id,
    details: { userId: e.userId, unitId: e.unitId, ...e.via },
  });
  return { created: true };
}

/** Ends the user's active membership of the unit; false when there was none. Audited. */
export async function leaveUnit(trx: Db, e: { userId: number; unitId: number; at: Date }): Promise<boolean> {
  const r = await trx
    .updateTable("memberships")
    .set({ left_at: e.at.toISOString() })
    .where("user_id", "=", e.userId)
    .where("unit_id", "=", e.unitId)
    .where("left_at", "is", null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  await recordAudit(trx, {
    at: e.at,
    userId: e.userId,
    action: "membership.leave",
    entity: "unit",
    entityId: e.unitId,
    details: { userId: e.userId },
  });
  return true;
}

export interface LinkedUnit {
  unitId: number;
  unitName: string;
  roleName: string;
  timezone: string | null;
}

/** The live units the user is an active member of, by role then name. */
export async function listUserUnits(db: Db, userId: number): Promise<LinkedUnit[]> {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("units", "units.id", "memberships.unit_id")
    .innerJoin("roles", "roles.id", "units.role_id")
    .select(["units.id", "units.name", "roles.name as role_name", "units.timezone"])
    .where("memberships.user_id", "=", userId)
    .where("memberships.left_at", "is", null)
    .where("units.archived_at", "is", null)
    .execute();
  const seen = new Set<number>();
  return rows
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((r) => ({ unitId: r.id, unitName: r.name, roleName: r.role_name, timezone: r.timezone }))
    .sort((a, b) => a.roleName.localeCompare(b.roleName, "ru") || a.unitName.localeCompare(b.unitName, "ru"));
}

export interface LinkedScope {
  /** null: the whole deployment. */
  unitId: number | null;
  unitName: string | null;
  roleName: string | null;
}

/** The user's active coordinator scopes. */
export async function listUserScopes(db: Db, userId: number): Promise<LinkedScope[]> {
  const rows = await db
    .selectFrom("coordinator_scopes")
    .leftJoin("units", "units.id", "coordinator_scopes.unit_id")
    .leftJoin("roles", "roles.id", "units.role_id")
    .select(["coordinator_scopes.unit_id", "units.name", "roles.name as role_name"])
    .where("coordinator_scopes.user_id", "=", userId)
    .where("coordinator_scopes.revoked_at", "is", null)
    .orderBy("coordinator_scopes.id")
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, unitName: r.name, roleName: r.role_name }));
}

/** Open assignments of published plans for these units: the number a greeting shows. */
export async function countOpenAssignments(db: Db, unitIds: readonly number[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const r = await db
    .selectFrom("assignments")
    .innerJoin("occurrences", "occurrences.id", "assignments.occurrence_id")
    .innerJoin("items", "items.id", "occurrences.item_id")
    .innerJoin("plans", "plans.id", "items.plan_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("assignments.unit_id", "in", [...unitIds])
    .where("assignments.status", "=", "open")
    .where("plans.status", "=", "published")
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export interface CoordinatorContact {
  userId: number;
  isAdmin: boolean;
  /** Active scopes; null = everything. */
  scopes: (number | null)[];
  language: string;
}

/** Everyone who coordinates something (admins and scoped), except users who blocked the bot. */
export async function listCoordinators(db: Db): Promise<CoordinatorContact[]> {
  const admins = await db
    .selectFrom("users")
    .select(["id", "language"])
    .where("is_admin", "=", 1)
    .where("blocked_at", "is", null)
    .execute();
  const scoped = await db
    .selectFrom("coordinator_scopes")
    .innerJoin("users", "users.id", "coordinator_scopes.user_id")
    .select(["users.id", "users.language", "coordinator_scopes.unit_id"])
    .where("coordinator_scopes.revoked_at", "is", null)
    .where("users.blocked_at", "is", null)
    .execute();
  const byId = new Map<number, CoordinatorContact>();
  for (const a of admins) byId.set(a.id, { userId: a.id, isAdmin: true, scopes: [], language: a.language });
  for (const s of scoped) {
    const c = byId.get(s.id) ?? { userId: s.id, isAdmin: false, scopes: [], language: s.language };
    c.scopes.push(s.unit_id);
    byId.set(s.id, c);
  }
  return [...byId.values()].sort((a, b) => a.userId - b.userId);
}

export interface MemberBrief {
  userId: number;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
}

/** Active members of a unit, oldest first. */
export async function listUnitMembers(db: Db, unitId: number): Promise<MemberBrief[]> {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id", "users.first_name", "users.last_name", "users.username"])
    .where("memberships.unit_id", "=", unitId)
    .where("memberships.left_at", "is", null)
    .orderBy("memberships.id")
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    username: r.username,
  }));
}

/** Active members per unit (units with none are absent). */
export async function countMembersByUnit(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("memberships")
    .select(["unit_id", (eb) => eb.fn.count<number>("user_id").distinct().as("n")])
    .where("left_at", "is", null)
    .groupBy("unit_id")
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}
