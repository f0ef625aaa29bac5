// processed_updates is applyOnce's memory of handled update ids (src/bot/apply-once.ts).
import type { Kysely, Transaction } from "kysely";
import { preparedQuery } from "../prepared-query.js";
import type { Database } from "../schema.js";

// Every change an update makes records it (src/bot/apply-once.ts): prepared once.
const insertProcessed = preparedQuery<{ updateId: number; at: string }, never>(
  "insertProcessed",
  ["updateId", "at"],
  (db, p) =>
    db
      .insertInto("processed_updates")
      .values({ update_id: p.updateId, processed_at: p.at })
      .onConflict((oc) => oc.column("update_id").doNothing()),
);

/** Records the update as processed in `trx`; false when it already was (a redelivery). */
export async function recordProcessedUpdate(
  trx: Transaction<Database>,
  updateId: number,
  at: Date,
): Promise<boolean> {
  const inserted = await insertProcessed.execute(trx, { updateId, at: at.toISOString() });
  return Number(inserted.numAffectedRows ?? 0n) > 0;
}

/**
 * Forgets updates processed before `before`. Telegram redelivers an unconfirmed update for at
 * most 24 hours, so ids older than a few days can never come back. Returns how many were removed.
 */
export async function pruneProcessedUpdates(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("processed_updates")
    .where("processed_at", "<", before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows ?? 0n);
}
