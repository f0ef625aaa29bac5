// A small key-value store in the `kv` table: conversation state (and anything else that is
// one JSON value per key). Values are JSON text.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database> | Transaction<Database>;

export async function kvGet<T>(db: Db, key: string): Promise<T | undefined> {
  const row = await db.selectFrom("kv").select("value").where("key", "=", key).executeTakeFirst();
  return row === undefined ? undefined : (JSON.parse(row.value) as T);
}

export async function kvSet(db: Db, key: string, value: unknown, at: Date): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto("kv")
    .values({ key, value: json, updated_at: at.toISOString() })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: json, updated_at: at.toISOString() }))
    .execute();
}

export async function kvDelete(db: Db, key: string): Promise<void> {
  await db.deleteFrom("kv").where("key", "=", key).execute();
}

/** Sets many keys in one statement (all with the same time). */
export async function kvSetMany(
  db: Db,
  entries: readonly { key: string; value: unknown }[],
  at: Date,
): Promise<void> {
  if (entries.length === 0) return;
  const updated_at = at.toISOString();
  await db
    .insertInto("kv")
    .values(entries.map((e) => ({ key: e.key, value: JSON.stringify(e.value), updated_at })))
    .onConflict((oc) =>
      oc.column("key").doUpdateSet((eb) => ({ value: eb.ref("excluded.value"), updated_at })),
    )
    .execute();
}

/** Deletes many keys in one statement. */
export async function kvDeleteMany(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.deleteFrom("kv").where("key", "in", keys).execute();
}

/** Every key starting with `prefix`, with its value, in key order. */
export async function kvEntries<T>(db: Db, prefix: string): Promise<{ key: string; value: T }[]> {
  const rows = await db
    .selectFrom("kv")
    .select(["key", "value"])
    .where("key", ">=", prefix)
    .where("key", "<", `${prefix}\uffff`)
    .orderBy("key")
    .execute();
  return rows.map((r) => ({ key: r.key, value: JSON.parse(r.value) as T }));
}

/** Keys starting with `prefix` (for tests and maintenance). */
export async function kvKeys(db: Db, prefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom("kv")
    .select("key")
    .where("key", ">=", prefix)
    .where("key", "<", `${prefix}\uffff`)
    .orderBy("key")
    .execute();
  return rows.map((r) => r.key);
}

/** The storage adapter grammY plugins take (conversations: `{ type: "key", adapter }`). */
export interface KvAdapter<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

/** An adapter over the kv table; every key is stored as `prefix + key`. */
export function kvAdapter<T>(db: Kysely<Database>, prefix: string, clock: () => Date): KvAdapter<T> {
  return {
    read: (key) => kvGet<T>(db, prefix + key),
    write: (key, value) => kvSet(db, prefix + key, value, clock()),
    delete: (key) => kvDelete(db, prefix + key),
  };
}

/**
 * Remembers keys found absent, so they are not read again until written: the conversations
 * plugin reads its state on every update, and most chats have none. Only writes through this
 * adapter are seen, so every writer of these keys must use it (one process owns the bot).
 * Bounded: forgotten all at once past `max` keys.
 */
export function rememberAbsentKeys<T>(adapter: KvAdapter<T>, max = 100_000): KvAdapter<T> {
  const absent = new Set<string>();
  // Bumped by every write or delete: a read that overlapped one does not mark its key absent.
  let writes = 0;
  return {
    async read(key) {
      if (absent.has(key)) return undefined;
      const before = writes;
      const value = await adapter.read(key);
      if (value === undefined && writes === before) {
        if (absent.size >= max) absent.clear();
        absent.add(key);
      }
      return value;
    },
    async write(key, value) {
      writes += 1;
      absent.delete(key);
      await adapter.write(key, value);
    },
    async delete(key) {
      const mine = ++writes;
      absent.delete(key);
      await adapter.delete(key);
      if (writes !== mine) return; // another write overlapped: do not guess
      if (absent.size >= max) absent.clear();
      absent.add(key);
    },
  };
}
