// processed_updates is applyOnce's memory of handled update ids (src/bot/apply-once.ts).
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

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
