// Frozen: which daily messages (digests, coordinators' summaries) were handled for which local day.
// A row is written in the same transaction as the outbox row it queued — or alone, when there
// was nothing to say — so the scheduler never composes the same user's day twice, and knows
// when the last digest went out (for «since the last digest» and the monthly confirmation).
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("digest_log")
    .addColumn("kind", "text", (c) => c.notNull()) // digest | summary
    .addColumn("user_id", "bigint", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull()) // the user's local date, YYYY-MM-DD
    .addColumn("outcome", "text", (c) => c.notNull()) // queued | empty
    .addColumn("outbox_id", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("digest_log_pk", ["kind", "user_id", "day"])
    .execute();
  await db.schema.createIndex("digest_log_day").on("digest_log").columns(["kind", "day"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("digest_log").ifExists().execute();
}
