// Users: the Telegram accounts that wrote to the bot (or were named in ADMIN_IDS).
import type { Kysely, Transaction } from "kysely";
import { preparedQuery } from "../prepared-query.js";
import type { Database, UserRow } from "../schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/** What Telegram tells about a sender (grammY's `ctx.from`). */
export interface TelegramSender {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
}

/**
 * Creates the user on first contact or refreshes their names; a user who writes to the bot has
 * evidently not blocked it, so `blocked_at` is cleared. Language, zone and digest settings are
 * kept (Russian for a new user). Writes only when something changed (it runs on every update).
 * Returns the stored row.
 */
export async function upsertTelegramUser(db: Db, from: TelegramSender, at: Date): Promise<UserRow> {
  const names = {
    first_name: from.first_name ?? null,
    last_name: from.last_name ?? null,
    username: from.username ?? null,
  };
  const known = await getUser(db, from.id);
  if (
    known &&
    known.blocked_at === null &&
    known.first_name === names.first_name &&
    known.last_name === names.last_name &&
    known.username === names.username
  )
    return known;
  return db
    .insertInto("users")
    .values({ id: from.id, ...names, created_at: at.toISOString() })
    .onConflict((oc) => oc.column("id").doUpdateSet({ ...names, blocked_at: null }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

// Read on every update (the sender): prepared once.
const userById = preparedQuery<{ id: number }, UserRow>("userById", ["id"], (db, p) =>
  db.selectFrom("users").selectAll().where("id", "=", p.id),
);

export async function getUser(db: Db, userId: number): Promise<UserRow | undefined> {
  return userById.takeFirst(db, { id: userId });
}

/** The user blocked the bot (a 403, or a my_chat_member "kicked"): deliveries skip them. */
export async function markUserBlocked(db: Db, userId: number, at: Date): Promise<void> {
  await db
    .updateTable("users")
    .set({ blocked_at: at.toISOString() })
    .where("id", "=", userId)
    .where("blocked_at", "is", null)
    .execute();
}

export async function markUserUnblocked(db: Db, userId: number): Promise<void> {
  await db.updateTable("users").set({ blocked_at: null }).where("id", "=", userId).execute();
}

/** Stores the interface language ("ru" | "en"). */
export async function setUserLanguage(db: Db, userId: number, language: string): Promise<void> {
  await db.updateTable("users").set({ language }).where("id", "=", userId).execute();
}

/**
 * Everyone who coordinates something now: admins (the flag, plus `extraAdminIds` from
 * ADMIN_IDS that may have no row yet) and users with an active coordinator scope.
 */
export async function listCoordinatorIds(db: Db, extraAdminIds: readonly number[] = []): Promise<number[]> {
  const admins = await db.selectFrom("users").select("id").where("is_admin", "=", 1).execute();
  const scoped = await db
    .selectFrom("coordinator_scopes")
    .select("user_id")
    .where("revoked_at", "is", null)
    .distinct()
    .execute();
  const ids = new Set<number>([
    ...extraAdminIds,
    ...admins.map((a) => a.id),
    ...scoped.map((s) => s.user_id),
  ]);
  return [...ids].sort((a, b) => a - b);
}

/** Whether the user is an admin or holds an active coordinator scope. */
export async function isCoordinatorUser(db: Db, userId: number): Promise<boolean> {
  const admin = await db
    .selectFrom("users")
    .select("id")
    .where("id", "=", userId)
    .where("is_admin", "=", 1)
    .executeTakeFirst();
  if (admin) return true;
  const scope = await db
    .selectFrom("coordinator_scopes")
    .select("id")
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return scope !== undefined;
}
