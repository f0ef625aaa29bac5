import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../../db/database.js";
import {
  decideAccessRequest,
  listPendingRequests,
  requestAccess,
} from "../../../db/queries/access-requests.js";
import { loadActor, syncAdmins } from "../../../db/queries/actors.js";
import {
  createInvite,
  findInviteByToken,
  hashInviteToken,
  inviteState,
  listActiveInvites,
  revokeInvite,
  useInvite,
} from "../../../db/queries/invites.js";
import {
  addCoordinatorScope,
  leaveUnit,
  linkMember,
  listCoordinators,
  listUserUnits,
} from "../../../db/queries/memberships.js";
import {
  createRole,
  createUnit,
  findRoleByName,
  findUnitByName,
  listUnits,
  renameUnit,
  unitTitle,
  wouldLoop,
} from "../../../db/queries/units.js";

let db: DB;
const now = new Date("2025-10-01T06:00:00.000Z");
const user = (id: number) => ({ id, created_at: now.toISOString(), is_admin: 0 });

beforeEach(async () => {
  db = await openMigratedDatabase(":memory:");
  await db
    .insertInto("users")
    .values([user(1), user(2), user(3)])
    .execute();
});
afterEach(async () => db.destroy());

async function audit(action: string) {
  return db.selectFrom("audit_log").selectAll().where("action", "=", action).execute();
}

describe("units", () => {
  it("creates, finds case-insensitively, renames, audits", async () => {
    const role = await createRole(db, { name: " Муниципальные  организаторы ", by: 1, at: now });
    expect(role.name).toBe("Муниципальные организаторы");
    expect((await findRoleByName(db, "МУНИЦИПАЛЬНЫЕ организаторы"))?.id).toBe(role.id);
    const id = await createUnit(db, {
      roleId: role.id,
      name: "Бежецкий район",
      parentUnitId: null,
      by: 1,
      at: now,
    });
    expect((await findUnitByName(db, role.id, "бежецкий  РАЙОН"))?.id).toBe(id);
    await renameUnit(db, { unitId: id, name: "Бежецкий муниципальный округ", by: 1, at: now });
    const [u] = await listUnits(db);
    expect(u && unitTitle(u)).toBe("Муниципальные организаторы — Бежецкий муниципальный округ");
    expect(await audit("unit.create")).toHaveLength(1);
    expect(JSON.parse((await audit("unit.rename"))[0]?.details_json ?? "{}")).toEqual({
      from: "Бежецкий район",
      to: "Бежецкий муниципальный округ",
    });
  });

  it("names a unit named as its role by the name alone", () => {
    expect(unitTitle({ roleName: "Министерство образования", name: "министерство образования" })).toBe(
      "министерство образования",
    );
  });

  it("refuses a parent that would loop", () => {
    const tree = [
      { id: 1, parentUnitId: null },
      { id: 2, parentUnitId: 1 },
      { id: 3, parentUnitId: 2 },
    ];
    expect(wouldLoop(1, 3, tree)).toBe(true);
    expect(wouldLoop(1, 1, tree)).toBe(true);
    expect(wouldLoop(3, 1, tree)).toBe(false);
    expect(wouldLoop(2, null, tree)).toBe(false);
  });
});

describe("invites", () => {
  it("stores only the hash; finds by token; counts uses up to the limit", async () => {
    const inv = await createInvite(db, { kind: "executor", unitId: null, createdBy: 1, at: now, maxUses: 2 });
    expect(inv.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const rows = await db.selectFrom("invites").selectAll().execute();
    expect(rows[0]?.token_hash).toBe(hashInviteToken(inv.token));
    expect(JSON.stringify(rows)).not.toContain(inv.token);
    expect(JSON.stringify(await db.selectFrom("audit_log").selectAll().execute())).not.toContain(inv.token);

    expect((await findInviteByToken(db, inv.token))?.id).toBe(inv.id);
    expect(await findInviteByToken(db, `${inv.token.slice(0, -1)}A`)).toBeUndefined();
    expect(await findInviteByToken(db, "short")).toBeUndefined();

    expect(await useInvite(db, inv.id, now)).toBe(true);
    expect(await useInvite(db, inv.id, now)).toBe(true);
    expect(await useInvite(db, inv.id, now)).toBe(false);
    const row = await findInviteByToken(db, inv.token);
    expect(row && inviteState(row, now)).toBe("used");
  });

  it("expires after 14 days by default and can be revoked", async () => {
    const inv = await createInvite(db, { kind: "coordinator", unitId: null, createdBy: 1, at: now });
    expect(inv.expiresAt.toISOString()).toBe("2025-10-15T06:00:00.000Z");
    const later = new Date("2025-10-16T06:00:00.000Z");
    expect(await useInvite(db, inv.id, later)).toBe(false);
    const row = await findInviteByToken(db, inv.token);
    expect(row && inviteState(row, later)).toBe("expired");
    expect(await listActiveInvites(db, now)).toHaveLength(1);
    expect(await listActiveInvites(db, later)).toHaveLength(0);

    expect(await revokeInvite(db, { inviteId: inv.id, by: 1, at: now })).toBe(true);
    expect(await revokeInvite(db, { inviteId: inv.id, by: 1, at: now })).toBe(false);
    expect(await useInvite(db, inv.id, now)).toBe(false);
    const revoked = await findInviteByToken(db, inv.token);
    expect(revoked && inviteState(revoked, now)).toBe("revoked");
    expect(await audit("invite.revoke")).toHaveLength(1);
  });
});

describe("memberships and scopes", () => {
  it("links once, leaves, lists coordinators", async () => {
    const role = await createRole(db, { name: "Руководители ОО", by: 1, at: now });
    const unit = await createUnit(db, {
      roleId: role.id,
      name: "Школа № 5",
      parentUnitId: null,
      by: 1,
      at: now,
    });
    expect(
      await linkMember(db, { userId: 2, unitId: unit, at: now, via: { invite: 7 }, actorId: 2 }),
    ).toEqual({
      created: true,
    });
    expect(
      await linkMember(db, { userId: 2, unitId: unit, at: now, via: { invite: 7 }, actorId: 2 }),
    ).toEqual({
      created: false,
    });
    expect((await listUserUnits(db, 2)).map((u) => u.unitName)).toEqual(["Школа № 5"]);
    expect(await leaveUnit(db, { userId: 2, unitId: unit, at: now })).toBe(true);
    expect(await leaveUnit(db, { userId: 2, unitId: unit, at: now })).toBe(false);
    expect((await loadActor(db, 2)).unitIds).toEqual([]);

    await addCoordinatorScope(db, { userId: 3, unitId: unit, at: now, via: { by: 1 }, actorId: 1 });
    expect(
      (await addCoordinatorScope(db, { userId: 3, unitId: unit, at: now, via: { by: 1 }, actorId: 1 }))
        .created,
    ).toBe(false);
    await syncAdmins(db, [1], now);
    expect(await listCoordinators(db)).toEqual([
      { userId: 1, isAdmin: true, scopes: [], language: "ru" },
      { userId: 3, isAdmin: false, scopes: [unit], language: "ru" },
    ]);
  });

  it("syncs ADMIN_IDS: creates unknown users, audits only real changes", async () => {
    expect(await syncAdmins(db, [1, 42], now)).toEqual([1, 42]);
    expect(await syncAdmins(db, [1, 42], now)).toEqual([]);
    expect((await loadActor(db, 42)).isAdmin).toBe(true);
    expect(await audit("admin.sync")).toHaveLength(2);
  });
});

describe("access requests", () => {
  it("keeps one pending request per user and decides it once", async () => {
    const a = await requestAccess(db, { userId: 2, message: null, at: now });
    const b = await requestAccess(db, { userId: 2, message: null, at: now });
    expect(a.created).toBe(true);
    expect(b.created).toBe(false);
    expect(b.request.id).toBe(a.request.id);
    expect(await listPendingRequests(db)).toHaveLength(1);
    expect(
      await decideAccessRequest(db, { requestId: a.request.id, status: "rejected", by: 1, at: now }),
    ).toBe(true);
    expect(
      await decideAccessRequest(db, { requestId: a.request.id, status: "approved", by: 1, at: now }),
    ).toBe(false);
    expect(await audit("access.reject")).toHaveLength(1);
    expect((await requestAccess(db, { userId: 2, message: null, at: now })).created).toBe(true);
  });
});
