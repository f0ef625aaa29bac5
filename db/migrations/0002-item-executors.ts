// Frozen: each item keeps its executors from the draft on, so publishing reads item rows only
// (a deadline fixed in a draft and the executors never drift apart from a separate JSON copy).
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("items")
    .addColumn("executors_json", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  // recordEvent looks up the occurrences an event created.
  await db.schema.createIndex("occurrences_event").on("occurrences").column("event_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("occurrences_event").ifExists().execute();
  await db.schema.alterTable("items").dropColumn("executors_json").execute();
}
