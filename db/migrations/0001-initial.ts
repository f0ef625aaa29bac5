// Frozen: the first schema of srok. Never edit after release; add a new migration instead.
// Timestamps are ISO-8601 text (UTC), dates `YYYY-MM-DD`, booleans 0/1: portable to PostgreSQL.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("plans")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // draft | published | replaced | cancelled
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("source_name", "text")
    .addColumn("parsed_json", "text", (c) => c.notNull())
    .addColumn("mark_counts_as_done", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("replaces_plan_id", "integer", (c) => c.references("plans.id"))
    .addColumn("created_by", "bigint")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .execute();

  await db.schema
    .createTable("sections")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("items")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("section_id", "integer", (c) => c.references("sections.id"))
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("parent_number", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("result", "text")
    .addColumn("deadline_raw", "text", (c) => c.notNull())
    .addColumn("deadline_kind", "text", (c) => c.notNull())
    .addColumn("deadline_json", "text", (c) => c.notNull())
    .addColumn("needs_accepted_report", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("items_plan").on("items").column("plan_id").execute();

  await db.schema
    .createTable("roles")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("aliases_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("item_roles")
    .addColumn("item_id", "integer", (c) => c.notNull().references("items.id").onDelete("cascade"))
    .addColumn("role_id", "integer", (c) => c.notNull().references("roles.id"))
    .addColumn("people_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addPrimaryKeyConstraint("item_roles_pk", ["item_id", "role_id"])
    .execute();

  await db.schema
    .createTable("units")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("role_id", "integer", (c) => c.notNull().references("roles.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("parent_unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("timezone", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("archived_at", "text")
    .addUniqueConstraint("units_role_name", ["role_id", "name"])
    .execute();
  await db.schema.createIndex("units_parent").on("units").column("parent_unit_id").execute();

  await db.schema
    .createTable("events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("plan_id", "integer", (c) => c.references("plans.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("occurred_on", "text", (c) => c.notNull())
    .addColumn("recorded_by", "bigint")
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("occurrences")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("item_id", "integer", (c) => c.notNull().references("items.id").onDelete("cascade"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("start_date", "text")
    .addColumn("due_date", "text") // null for continuous / on-demand placeholders
    .addColumn("kind", "text", (c) => c.notNull()) // the item's deadline kind at creation
    .addColumn("event_id", "integer", (c) => c.references("events.id"))
    .addUniqueConstraint("occurrences_item_seq", ["item_id", "seq"])
    .execute();

  await db.schema
    .createTable("assignments")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("occurrence_id", "integer", (c) =>
      c.notNull().references("occurrences.id").onDelete("cascade"),
    )
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open")) // open | done
    .addColumn("done_at", "text")
    .addColumn("done_by", "bigint")
    .addColumn("comment", "text")
    .addColumn("review_state", "text", (c) => c.notNull().defaultTo("none")) // none | pending | accepted | returned
    .addColumn("last_confirmed_on", "text") // continuous items: monthly confirmation
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("assignments_occ_unit", ["occurrence_id", "unit_id"])
    .execute();
  await db.schema.createIndex("assignments_unit").on("assignments").column("unit_id").execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "bigint", (c) => c.primaryKey()) // Telegram user id
    .addColumn("first_name", "text")
    .addColumn("last_name", "text")
    .addColumn("username", "text")
    .addColumn("language", "text", (c) => c.notNull().defaultTo("ru"))
    .addColumn("timezone", "text")
    .addColumn("digest_time", "text")
    .addColumn("digest_paused", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("blocked_at", "text")
    .addColumn("is_admin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("memberships")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "bigint", (c) => c.notNull().references("users.id"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("left_at", "text")
    .execute();
  await db.schema.createIndex("memberships_user").on("memberships").column("user_id").execute();
  await db.schema.createIndex("memberships_unit").on("memberships").column("unit_id").execute();

  // A coordinator over the whole deployment (unit_id null) or over a unit subtree.
  await db.schema
    .createTable("coordinator_scopes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "bigint", (c) => c.notNull().references("users.id"))
    .addColumn("unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();

  await db.schema
    .createTable("invites")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull()) // executor | coordinator
    .addColumn("unit_id", "integer", (c) => c.references("units.id")) // null: coordinator over all
    .addColumn("created_by", "bigint", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("max_uses", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("uses", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("revoked_at", "text")
    .execute();

  await db.schema
    .createTable("access_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "bigint", (c) => c.notNull().references("users.id"))
    .addColumn("message", "text")
    .addColumn("status", "text", (c) => c.notNull()) // pending | approved | rejected
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "bigint")
    .addColumn("decided_at", "text")
    .execute();

  await db.schema
    .createTable("reports")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("assignment_id", "integer", (c) =>
      c.notNull().references("assignments.id").onDelete("cascade"),
    )
    .addColumn("user_id", "bigint", (c) => c.notNull())
    .addColumn("text", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("review_state", "text", (c) => c.notNull().defaultTo("pending")) // pending | accepted | returned
    .addColumn("reviewed_by", "bigint")
    .addColumn("reviewed_at", "text")
    .addColumn("review_comment", "text")
    .execute();
  await db.schema.createIndex("reports_assignment").on("reports").column("assignment_id").execute();

  await db.schema
    .createTable("report_parts")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("report_id", "integer", (c) => c.notNull().references("reports.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull()) // document | photo | link | text
    .addColumn("telegram_file_id", "text")
    .addColumn("file_name", "text")
    .addColumn("mime_type", "text")
    .addColumn("size", "integer")
    .addColumn("local_path", "text")
    .addColumn("text", "text") // a link's URL or a text part
    .execute();

  // Scheduled and queued outgoing messages; `idem_key` makes enqueueing idempotent.
  await db.schema
    .createTable("outbox")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("idem_key", "text", (c) => c.notNull().unique())
    .addColumn("chat_id", "bigint", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull()) // digest | summary | reminder | notice
    .addColumn("payload_json", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // pending | sending | sent | failed
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("telegram_message_id", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "next_attempt_at"]).execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("user_id", "bigint") // null: the system or the command line
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("details_json", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();

  // Sessions and conversation state (grammY storage adapters).
  await db.schema
    .createTable("kv")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // Updates already applied: a redelivered update is recognised and not applied twice.
  await db.schema
    .createTable("processed_updates")
    .addColumn("update_id", "bigint", (c) => c.primaryKey())
    .addColumn("processed_at", "text", (c) => c.notNull())
    .execute();

  // The getUpdates offset confirmed so far (single row, id = 1).
  await db.schema
    .createTable("bot_state")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("update_offset", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "bot_state",
    "processed_updates",
    "kv",
    "audit_log",
    "outbox",
    "report_parts",
    "reports",
    "access_requests",
    "invites",
    "coordinator_scopes",
    "memberships",
    "users",
    "assignments",
    "occurrences",
    "events",
    "units",
    "item_roles",
    "roles",
    "items",
    "sections",
    "plans",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
