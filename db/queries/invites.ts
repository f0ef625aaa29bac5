// Invite links: random tokens stored only as their SHA-256 hash, with an expiry and a use limit.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database, InviteRow } from "../schema.js";
import { recordAudit } from "./audit.js";

type Db = Kysely<Database> | Transaction<Database>;

export const DEFAULT_INVITE_DAYS = 14;
export const DEFAULT_INVITE_USES = 1;

/** 24 random bytes (192 bits) → 32 base64url characters: fits Telegram's 64-char start parameter. */
export function newInviteToken(): string {
  return randomBytes(24).toString("base64url");
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What a /start parameter must look like to be looked up at all. */
export function looksLikeToken(s: string): boolean {
  return /^[A-Za-z0-9_-]{22,64}$/.test(s);
}

export type InviteState = "active" | "expired" | "used" | "revoked";

/** Revoked wins over used, used over expired: the reason people can act on first. */
export function inviteState(
  row: Pick<InviteRow, "revoked_at" | "uses" | "max_uses" | "expires_at">,
  now: Date,
): InviteState {
  if (row.revoked_at !== null) return "revoked";
  if (row.uses >= row.max_uses) return "used";
  if (Date.parse(row.expires_at) <= now.getTime()) return "expired";
  return "active";
}

export interface NewInvite {
  kind: "executor" | "coordinator";
  /** The unit (executor), or the scope unit (coordinator; null = the whole deployment). */
  unitId: number | null;
  createdBy: number;
  at: Date;
  days?: number;
  maxUses?: number;
}

/** Stores a new invite (hash only) and audits it; the token is returned once and never stored. */
export async function createInvite(
  trx: Db,
  e: NewInvite,
): Promise<{ id: number; token: string; expiresAt: Date; maxUses: number }> {
  const token = newInviteToken();
  const days = e.days ?? DEFAULT_INVITE_DAYS;
  const maxUses = e.maxUses ?? DEFAULT_INVITE_USES;
  const expiresAt = new Date(e.at.getTime() + days * 86_400_000);
  const row = await trx
    .insertInto("invites")
    .values({
      token_hash: hashInviteToken(token),
      kind: e.kind,
      unit_id: e.unitId,
      created_by: e.createdBy,
      created_at: e.at.toISOString(),
      expires_at: expiresAt.toISOString(),
      max_uses: maxUses,
      uses: 0,
      revoked_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    at: e.at,
    userId: e.createdBy,
    action: "invite.create",
    entity: "invite",
    entityId: row.id,
    details: { kind: e.kind, unitId: e.unitId, days, maxUses },
  });
  return { id: row.id, token, expiresAt, maxUses };
}

/**
 * The invite of a token, or undefined. The stored hash is compared with the token's hash in
 * constant time (the lookup by hash alone already reveals nothing about other tokens).
 */
export async function findInviteByToken(db: Db, token: string): Promise<InviteRow | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const hash = hashInviteToken(token);
  const row = await db.selectFrom("invites").selectAll().where("token_hash", "=", hash).executeTakeFirst();
  if (!row) return undefined;
  const a = Buffer.from(row.token_hash, "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && timingSafeEqual(a, b) ? row : undefined;
}

export async function getInvite(db: Db, inviteId: number): Promise<InviteRow | undefined> {
  return db.selectFrom("invites").selectAll().where("id", "=", inviteId).executeTakeFirst();
}

/**
 * Counts one use, only while the invite is active: call it in the same transaction as the link,
 * so two people racing for the last use cannot both get in. False when no use was left.
 */
export async function useInvite(trx: Db, inviteId: number, now: Date): Promise<boolean> {
  const r = await trx
    .updateTable("invites")
    .set((eb) => ({ uses: eb("uses", "+", 1) }))
    .where("id", "=", inviteId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .whereRef("uses", "<", "max_uses")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Active invites (not revoked, not used up, not expired), newest first. */
export async function listActiveInvites(db: Db, now: Date): Promise<InviteRow[]> {
  return db
    .selectFrom("invites")
    .selectAll()
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .whereRef("uses", "<", "max_uses")
    .orderBy("id", "desc")
    .execute();
}

/** Revokes an invite (no-op when already revoked); audited. False when nothing changed. */
export async function revokeInvite(trx: Db, e: { inviteId: number; by: number; at: Date }): Promise<boolean> {
  const r = await trx
    .updateTable("invites")
    .set({ revoked_at: e.at.toISOString() })
    .where("id", "=", e.inviteId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await recordAudit(trx, {
    at: e.at,
    userId: e.by,
    action: "invite.revoke",
    entity: "invite",
    entityId: e.inviteId,
  });
  return true;
}
