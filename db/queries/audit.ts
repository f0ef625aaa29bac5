// The audit log: who changed what, and when.
import type { Kysely, Transaction } from "kysely";
import { preparedQuery } from "../prepared-query.js";
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

// Every change writes one: prepared once.
const insertAudit = preparedQuery<
  {
    at: string;
    userId: number | null;
    action: string;
    entity: string;
    entityId: string | null;
    detailsJson: string;
  },
  never
>("insertAudit", ["at", "userId", "action", "entity", "entityId", "detailsJson"], (db, p) =>
  db.insertInto("audit_log").values({
    at: p.at,
    user_id: p.userId,
    action: p.action,
    entity: p.entity,
    entity_id: p.entityId,
    details_json: p.detailsJson,
  }),
);

export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  e: AuditEntry,
): Promise<void> {
  await insertAudit.execute(db, {
    at: e.at.toISOString(),
    userId: e.userId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId === null ? null : String(e.entityId),
    detailsJson: JSON.stringify(e.details ?? {}),
  });
}
