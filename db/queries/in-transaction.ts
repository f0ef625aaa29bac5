// Runs work in the caller's transaction when given one (a bot update inside applyOnce), else in
// a transaction of its own: either way the work is all stored or not at all.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.js";

/** A database handle or an open transaction: what query functions take first. */
export type Queryable = Kysely<Database> | Transaction<Database>;

export async function inTransaction<T>(
  db: Queryable,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().execute(work);
}
