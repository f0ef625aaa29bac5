// Access requests from people who came without an invite: one pending request per user.
import type { Kysely, Selectable, Transaction } from "kysely";
import type { AccessRequestsTable, Database } from "../schema.js";
import { recordAudit } from "./audit.js";

type Db = Kysely<Database> | Transaction<Database>;

export type AccessRequestRow = Selectable<AccessRequestsTable>;

/** Creates a pending request, or returns the user's pending one (created: false). Audited. */
export async function requestAccess(
  trx: Db,
  e: { userId: number; message: string | null; at: Date },
): Promise<{ request: AccessRequestRow; created: boolean }> {
  const pending = await trx
    .selectFrom("access_requests")
    .selectAll()
    .where("user_id", "=", e.userId)
    .where("status", "=", "pending")
    .orderBy("id")
    .executeTakeFirst();
  if (pending) return { request: pending, created: false };
  const request = await trx
    .insertInto("access_requests")
    .values({
      user_id: e.userId,
      message: e.message,
      status: "pending",
      created_at: e.at.toISOString(),
      decided_by: null,
      decided_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    at: e.at,
    userId: e.userId,
    action: "access.request",
    entity: "access_request",
    entityId: request.id,
  });
  return { request, created: true };
}

export async function getAccessRequest(db: Db, requestId: number): Promise<AccessRequestRow | undefined> {
  return db.selectFrom("access_requests").selectAll().where("id", "=", requestId).executeTakeFirst();
}

/** The user's pending request, if any. */
export async function pendingRequestOf(db: Db, userId: number): Promise<AccessRequestRow | undefined> {
  return db
    .selectFrom("access_requests")
    .selectAll()
    .where("user_id", "=", userId)
    .where("status", "=", "pending")
    .orderBy("id")
    .executeTakeFirst();
}

export async function listPendingRequests(db: Db): Promise<AccessRequestRow[]> {
  return db.selectFrom("access_requests").selectAll().where("status", "=", "pending").orderBy("id").execute();
}

/**
 * Decides a pending request; false when it was no longer pending (another coordinator was
 * first). Audited with what was decided (and, for an approval, the unit).
 */
export async function decideAccessRequest(
  trx: Db,
  e: {
    requestId: number;
    status: "approved" | "rejected";
    by: number;
    at: Date;
    details?: Record<string, unknown>;
  },
): Promise<boolean> {
  const r = await trx
    .updateTable("access_requests")
    .set({ status: e.status, decided_by: e.by, decided_at: e.at.toISOString() })
    .where("id", "=", e.requestId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await recordAudit(trx, {
    at: e.at,
    userId: e.by,
    action: e.status === "approved" ? "access.approve" : "access.reject",
    entity: "access_request",
    entityId: e.requestId,
    details: e.details,
  });
  return true;
}
