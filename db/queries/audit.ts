// The audit log: who changed what, and when.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.js";

export interface AuditEntry {
  at: Date;
  /** Telegram user id; null for the command line or the system. */
  userId: number | null;
  /** What happened, as a dotted verb: "plan.publish", "assignment.done", "invite.create". */
  action: string;
  entity: string;
  entityId: string | number | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  e: AuditEntry,
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: e.at.toISOString(),
      user_id: e.userId,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId === null ? null : String(e.entityId),
      details_json: JSON.stringify(e.details ?? {}),
    })
    .execute();
}
