// The outbox: every scheduled outgoing message (digests, summaries, reminders, notices) is a row
// here first, keyed for idempotency, then sent by the delivery worker (src/jobs/delivery.ts).
//
// Row life: pending → sending (claimed, with a lease) → sent | pending (retry later) | failed.
// A row left in `sending` with an expired lease was being sent when its process died: it is
// claimed again and resent (see src/jobs/delivery.ts for why: at most one duplicate, never a loss).
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database, OutboxRow } from "../schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/** What sendMessage gets (HTML parse mode; inline keyboard optional). */
export interface OutboxPayload {
  text: string;
  parse_mode?: "HTML";
  reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] };
}

export interface NewOutboxMessage {
  /** Unique per message: `digest:<user>:<date>`, `summary:<user>:<date>`, `reminder:<unit>:<date>:<user>`, … */
  idemKey: string;
  chatId: number;
  /** digest | summary | reminder | notice */
  kind: string;
  payload: OutboxPayload;
  /** Not before this instant (default: now). */
  notBefore?: Date;
}

/** `outboxKey("digest", 42, "2021-10-25")` → `digest:42:2021-10-25`. */
export function outboxKey(kind: string, ...parts: (string | number)[]): string {
  return [kind, ...parts].join(":");
}

/**
 * Queues a message unless one with the same idempotency key exists (insert-or-ignore).
 * Returns the row id and whether this call inserted it. Safe to call in a transaction together
 * with the change that makes the message due.
 */
export async function enqueueMessage(
  db: Db,
  msg: NewOutboxMessage,
  at: Date,
): Promise<{ id: number; inserted: boolean }> {
  const res = await db
    .insertInto("outbox")
    .values({
      idem_key: msg.idemKey,
      chat_id: msg.chatId,
      kind: msg.kind,
      payload_json: JSON.stringify({ parse_mode: "HTML", ...msg.payload }),
      status: "pending",
      attempts: 0,
      next_attempt_at: (msg.notBefore ?? at).toISOString(),
      last_error: null,
      telegram_message_id: null,
      created_at: at.toISOString(),
      sent_at: null,
    })
    .onConflict((oc) => oc.column("idem_key").doNothing())
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0n) === 1 && res.insertId !== undefined) {
    return { id: Number(res.insertId), inserted: true };
  }
  const row = await db
    .selectFrom("outbox")
    .select("id")
    .where("idem_key", "=", msg.idemKey)
    .executeTakeFirstOrThrow();
  return { id: row.id, inserted: false };
}

/**
 * Queues many messages at once (insert-or-ignore by key), for the daily runs. Returns, in the
 * order given, each message's row id and whether this call inserted it.
 */
export async function enqueueMessages(
  db: Db,
  msgs: readonly NewOutboxMessage[],
  at: Date,
): Promise<{ id: number; inserted: boolean }[]> {
  const out: { id: number; inserted: boolean }[] = [];
  const created = at.toISOString();
  for (let i = 0; i < msgs.length; i += 500) {
    const chunk = msgs.slice(i, i + 500);
    // RETURNING gives the rows this statement inserted; a key already there returns nothing.
    const inserted = await db
      .insertInto("outbox")
      .values(
        // Only the columns without a default: fewer parameters for 500 rows at a time.
        chunk.map((m) => ({
          idem_key: m.idemKey,
          chat_id: m.chatId,
          kind: m.kind,
          payload_json: JSON.stringify({ parse_mode: "HTML", ...m.payload }),
          status: "pending" as const,
          next_attempt_at: m.notBefore ? m.notBefore.toISOString() : created,
          created_at: created,
        })),
      )
      .onConflict((oc) => oc.column("idem_key").doNothing())
      .returning(["id", "idem_key"])
      .execute();
    const ids = new Map(inserted.map((r) => [r.idem_key, r.id]));
    const fresh = new Set(ids.keys());
    const missing = chunk.filter((m) => !ids.has(m.idemKey)).map((m) => m.idemKey);
    if (missing.length > 0) {
      for (const r of await db
        .selectFrom("outbox")
        .select(["id", "idem_key"])
        .where("idem_key", "in", missing)
        .execute())
        ids.set(r.idem_key, r.id);
    }
    for (const m of chunk) out.push({ id: ids.get(m.idemKey) as number, inserted: fresh.has(m.idemKey) });
  }
  return out;
}

/**
 * Rows ready to be sent at `now`: pending and due, or `sending` with an expired lease (their
 * process died mid-send). Oldest first. `skipChats`: chats the worker is busy with or pacing.
 */
export async function dueOutboxRows(
  db: Db,
  now: Date,
  limit: number,
  skipChats: readonly number[] = [],
): Promise<OutboxRow[]> {
  let q = db
    .selectFrom("outbox")
    .selectAll()
    .where("status", "in", ["pending", "sending"])
    .where("next_attempt_at", "<=", now.toISOString());
  if (skipChats.length > 0) q = q.where("chat_id", "not in", [...skipChats]);
  return q.orderBy("next_attempt_at").orderBy("id").limit(limit).execute();
}

/** When the next row becomes due (pending or leased), or null when nothing waits. */
export async function nextOutboxAttemptAt(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.min("next_attempt_at").as("at"))
    .where("status", "in", ["pending", "sending"])
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

/**
 * Claims a row for sending: `sending`, one more attempt, leased until `leaseUntil`. Succeeds only
 * when the row is still as it was read (another worker, e.g. the CLI's, did not take it first).
 */
export async function claimOutboxRow(
  db: Db,
  row: Pick<OutboxRow, "id" | "status" | "next_attempt_at">,
  leaseUntil: Date,
): Promise<boolean> {
  const res = await db
    .updateTable("outbox")
    .set((eb) => ({
      status: "sending",
      attempts: eb("attempts", "+", 1),
      next_attempt_at: leaseUntil.toISOString(),
      ...(row.status === "sending"
        ? { last_error: "resent: the previous send was interrupted (a duplicate is possible)" }
        : {}),
    }))
    .where("id", "=", row.id)
    .where("status", "=", row.status)
    .where("next_attempt_at", "=", row.next_attempt_at)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Telegram confirmed the message: record its id at once. */
export async function markOutboxSent(db: Db, id: number, messageId: number, at: Date): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ status: "sent", telegram_message_id: messageId, sent_at: at.toISOString() })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .execute();
}

/** Back to pending, to be tried again at `nextAt`, with the reason kept. */
export async function markOutboxRetry(db: Db, id: number, nextAt: Date, error: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ status: "pending", next_attempt_at: nextAt.toISOString(), last_error: error.slice(0, 500) })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .execute();
}

/** Given up: `failed` with the reason. */
export async function markOutboxFailed(db: Db, id: number, reason: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ status: "failed", last_error: reason.slice(0, 500) })
    .where("id", "=", id)
    .execute();
}

/** Every pending row of a chat fails with `reason` (the user blocked the bot). Returns how many. */
export async function failPendingForChat(db: Db, chatId: number, reason: string): Promise<number> {
  const res = await db
    .updateTable("outbox")
    .set({ status: "failed", last_error: reason.slice(0, 500) })
    .where("chat_id", "=", chatId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Counts by status, for the CLI, logs and tests. */
export async function outboxCounts(
  db: Db,
  opts: { kind?: string } = {},
): Promise<Record<OutboxRow["status"], number>> {
  let q = db
    .selectFrom("outbox")
    .select(["status", sql<number>`count(*)`.as("n")])
    .groupBy("status");
  if (opts.kind) q = q.where("kind", "=", opts.kind);
  const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of await q.execute()) counts[r.status] = Number(r.n);
  return counts;
}

/** Rows by id (the CLI waits for the rows it queued). */
export async function outboxRowsByIds(db: Db, ids: readonly number[]): Promise<OutboxRow[]> {
  if (ids.length === 0) return [];
  const out: OutboxRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom("outbox")
        .selectAll()
        .where("id", "in", ids.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

/** How many of `ids` (or of all rows) are still pending or sending. */
export async function countUnsettled(db: Db, ids?: readonly number[]): Promise<number> {
  const q = db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "in", ["pending", "sending"]);
  if (!ids) return Number((await q.executeTakeFirstOrThrow()).n);
  let n = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const r = await q.where("id", "in", ids.slice(i, i + 500)).executeTakeFirstOrThrow();
    n += Number(r.n);
  }
  return n;
}
