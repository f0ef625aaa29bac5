// At-least-once delivery from Telegram means an update can come twice (after a crash, before its
// offset was confirmed). Every state change an update makes runs through applyOnce: the update id
// is recorded in the same transaction as the change, so a redelivered update changes nothing.
import type { Transaction } from "kysely";
import { groupCommits } from "../../db/group-commit.js";
import { recordProcessedUpdate } from "../../db/queries/processed-updates.js";
import type { Database } from "../../db/schema.js";
import type { BaseContext } from "./context.js";

export type ApplyResult<T> = { applied: true; value: T } | { applied: false };

/**
 * Runs `effect` in a transaction together with recording this update as processed. When the
 * update was already processed (a redelivery), `effect` is not run and `applied` is false: the
 * handler should then answer as it would have, without changing anything.
 * An effect that throws rolls back, so the update may be tried again. An effect may run twice
 * (a press sharing its commit failed: db/group-commit.ts): it only changes the database via `trx`.
 */
export async function applyOnce<T>(
  ctx: BaseContext,
  effect: (trx: Transaction<Database>) => Promise<T>,
): Promise<ApplyResult<T>> {
  const { db, clock } = ctx.app.deps;
  const updateId = ctx.update.update_id;
  // Presses arriving together share one commit (db/group-commit.ts).
  return groupCommits(db).run(async (trx) => {
    if (!(await recordProcessedUpdate(trx, updateId, clock()))) return { applied: false } as const;
    return { applied: true, value: await effect(trx) } as const;
  });
}
