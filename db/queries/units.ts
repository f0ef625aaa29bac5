// Roles and units: listing, creating (one by one or in bulk), renaming, moving under a parent.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.js";
import { recordAudit } from "./audit.js";

type Db = Kysely<Database> | Transaction<Database>;

export interface RoleInfo {
  id: number;
  name: string;
  aliases: string[];
}

export interface UnitInfo {
  id: number;
  roleId: number;
  roleName: string;
  name: string;
  parentUnitId: number | null;
  parentName: string | null;
  archived: boolean;
}

/** Spaces collapsed, trimmed: how names are stored and compared. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}

/** Case- and «ё»-insensitive key for matching names typed by people. */
export function nameKey(name: string): string {
  return cleanName(name)
    .toLocaleLowerCase("ru")
    .replace(/ё/g, "е")
    .replace(/[«»"„“”]/g, '"');
}

/** «Муниципальные организаторы — Бежецкий район»; just the name when the unit is named as its role. */
export function unitTitle(u: { roleName: string; name: string }): string {
  return nameKey(u.roleName) === nameKey(u.name) ? u.name : `${u.roleName} — ${u.name}`;
}

export async function listRoles(db: Db): Promise<RoleInfo[]> {
  const rows = await db.selectFrom("roles").select(["id", "name", "aliases_json"]).execute();
  return rows
    .map((r) => ({ id: r.id, name: r.name, aliases: parseAliases(r.aliases_json) }))
    .sort((a, b) => a.name.localeCompare(b.name, "ru"));
}

export async function getRole(db: Db, roleId: number): Promise<RoleInfo | undefined> {
  const r = await db
    .selectFrom("roles")
    .select(["id", "name", "aliases_json"])
    .where("id", "=", roleId)
    .executeTakeFirst();
  return r ? { id: r.id, name: r.name, aliases: parseAliases(r.aliases_json) } : undefined;
}

/** The role whose name or one of whose aliases matches `name` (case-insensitive). */
export async function findRoleByName(db: Db, name: string): Promise<RoleInfo | undefined> {
  const key = nameKey(name);
  const roles = await listRoles(db);
  return (
    roles.find((r) => nameKey(r.name) === key) ?? roles.find((r) => r.aliases.some((a) => nameKey(a) === key))
  );
}

/** Creates a role named by a units list when no plan has it yet. */
export async function createRole(
  trx: Db,
  e: { name: string; by: number | null; at: Date },
): Promise<RoleInfo> {
  const name = cleanName(e.name);
  const row = await trx
    .insertInto("roles")
    .values({ name, aliases_json: "[]", created_at: e.at.toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    at: e.at,
    userId: e.by,
    action: "role.create",
    entity: "role",
    entityId: row.id,
    details: { name },
  });
  return { id: row.id, name, aliases: [] };
}

function baseUnitQuery(db: Db) {
  return db
    .selectFrom("units")
    .innerJoin("roles", "roles.id", "units.role_id")
    .leftJoin("units as parent", "parent.id", "units.parent_unit_id")
    .select([
      "units.id",
      "units.role_id",
      "roles.name as role_name",
      "units.name",
      "units.parent_unit_id",
      "parent.name as parent_name",
      "units.archived_at",
    ]);
}

type UnitJoinRow = {
  id: number;
  role_id: number;
  role_name: string;
  name: string;
  parent_unit_id: number | null;
  parent_name: string | null;
  archived_at: string | null;
};

function toUnitInfo(r: UnitJoinRow): UnitInfo {
  return {
    id: r.id,
    roleId: r.role_id,
    roleName: r.role_name,
    name: r.name,
    parentUnitId: r.parent_unit_id,
    parentName: r.parent_name,
    archived: r.archived_at !== null,
  };
}

export async function getUnit(db: Db, unitId: number): Promise<UnitInfo | undefined> {
  const r = await baseUnitQuery(db).where("units.id", "=", unitId).executeTakeFirst();
  return r ? toUnitInfo(r) : undefined;
}

/** Live (not archived) units, of one role or all, sorted by role then name. */
export async function listUnits(db: Db, opts: { roleId?: number } = {}): Promise<UnitInfo[]> {
  let q = baseUnitQuery(db).where("units.archived_at", "is", null);
  if (opts.roleId !== undefined) q = q.where("units.role_id", "=", opts.roleId);
  const rows = await q.execute();
  return rows
    .map(toUnitInfo)
    .sort((a, b) => a.roleName.localeCompare(b.roleName, "ru") || a.name.localeCompare(b.name, "ru"));
}

/** The live unit of `roleId` with that name (case-insensitive), if any. */
export async function findUnitByName(db: Db, roleId: number, name: string): Promise<UnitInfo | undefined> {
  const key = nameKey(name);
  return (await listUnits(db, { roleId })).find((u) => nameKey(u.name) === key);
}

/** Things a unit's name must satisfy; null when fine. */
export function unitNameProblem(name: string): "empty" | "too_long" | null {
  const clean = cleanName(name);
  if (clean.length === 0) return "empty";
  if (clean.length > 200) return "too_long";
  return null;
}

/**
 * Inserts a unit and audits it. The caller gives the new unit its assignments for published
 * plans (`addUnitAssignments`), in the same transaction.
 */
export async function createUnit(
  trx: Db,
  e: { roleId: number; name: string; parentUnitId: number | null; by: number | null; at: Date },
): Promise<number> {
  const name = cleanName(e.name);
  const row = await trx
    .insertInto("units")
    .values({
      role_id: e.roleId,
      name,
      parent_unit_id: e.parentUnitId,
      timezone: null,
      created_at: e.at.toISOString(),
      archived_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    at: e.at,
    userId: e.by,
    action: "unit.create",
    entity: "unit",
    entityId: row.id,
    details: { roleId: e.roleId, name, parentUnitId: e.parentUnitId },
  });
  return row.id;
}

export async function renameUnit(
  trx: Db,
  e: { unitId: number; name: string; by: number | null; at: Date },
): Promise<void> {
  const before = await getUnit(trx, e.unitId);
  const name = cleanName(e.name);
  await trx.updateTable("units").set({ name }).where("id", "=", e.unitId).execute();
  await recordAudit(trx, {
    at: e.at,
    userId: e.by,
    action: "unit.rename",
    entity: "unit",
    entityId: e.unitId,
    details: { from: before?.name ?? null, to: name },
  });
}

/** True when making `parentId` the parent of `unitId` would put the unit under itself. */
export function wouldLoop(
  unitId: number,
  parentId: number | null,
  tree: readonly { id: number; parentUnitId: number | null }[],
): boolean {
  const parentOf = new Map(tree.map((u) => [u.id, u.parentUnitId]));
  const seen = new Set<number>();
  let current: number | null | undefined = parentId;
  while (current !== null && current !== undefined && !seen.has(current)) {
    if (current === unitId) return true;
    seen.add(current);
    current = parentOf.get(current);
  }
  return false;
}

export async function setUnitParent(
  trx: Db,
  e: { unitId: number; parentUnitId: number | null; by: number | null; at: Date },
): Promise<void> {
  const before = await getUnit(trx, e.unitId);
  await trx.updateTable("units").set({ parent_unit_id: e.parentUnitId }).where("id", "=", e.unitId).execute();
  await recordAudit(trx, {
    at: e.at,
    userId: e.by,
    action: "unit.parent",
    entity: "unit",
    entityId: e.unitId,
    details: { from: before?.parentUnitId ?? null, to: e.parentUnitId },
  });
}

function parseAliases(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((a): a is string => typeof a === "string") : [];
  } catch {
    return [];
  }
}

/** The time zones set on these units, in unit id order (units without one left out). */
export async function unitTimezones(db: Db, unitIds: readonly number[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom("units")
    .select("timezone")
    .where("id", "in", [...unitIds])
    .where("timezone", "is not", null)
    .orderBy("id")
    .execute();
  return rows.flatMap((r) => (r.timezone === null ? [] : [r.timezone]));
}
