// What the plan screens of the bot read besides plans.ts: progress and unread deadlines per plan,
// and the draft an upload made (to answer a redelivered upload with the same preview).
import type { ParsedPlan } from "../../src/domain/plan/types.js";
import type { Queryable } from "./in-transaction.js";

export interface PlanCounts {
  /** Assignments of the plan, and how many of them are done. */
  assignments: number;
  done: number;
  /** Items whose deadline could not be read. */
  unparsed: number;
}

/** Counts per plan id (plans with nothing to count get zeros). */
export async function planCounts(
  db: Queryable,
  planIds: readonly number[],
): Promise<Map<number, PlanCounts>> {
  const out = new Map<number, PlanCounts>();
  for (const planId of planIds) out.set(planId, { assignments: 0, done: 0, unparsed: 0 });
  if (planIds.length === 0) return out;
  const ids = [...planIds];
  const assignments = await db
    .selectFrom("assignments as a")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .where("i.plan_id", "in", ids)
    .select((eb) => [
      "i.plan_id",
      eb.fn.countAll<number>().as("total"),
      eb.fn.sum<number>(eb.case().when("a.status", "=", "done").then(1).else(0).end()).as("done"),
    ])
    .groupBy("i.plan_id")
    .execute();
  for (const row of assignments) {
    const c = out.get(row.plan_id);
    if (c) {
      c.assignments = Number(row.total ?? 0);
      c.done = Number(row.done ?? 0);
    }
  }
  const unparsed = await db
    .selectFrom("items")
    .where("plan_id", "in", ids)
    .where("deadline_kind", "=", "unparsed")
    .select((eb) => ["plan_id", eb.fn.countAll<number>().as("n")])
    .groupBy("plan_id")
    .execute();
  for (const row of unparsed) {
    const c = out.get(row.plan_id);
    if (c) c.unparsed = Number(row.n ?? 0);
  }
  return out;
}

/** The newest plan this user stored from a file of this name (any status), or undefined. */
export async function latestUploadBy(
  db: Queryable,
  userId: number,
  sourceName: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom("plans")
    .select("id")
    .where("created_by", "=", userId)
    .where("source_name", "=", sourceName)
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.id;
}

/**
 * Replaces the warnings about one item's deadline in a draft's stored plan (after the deadline
 * was fixed): the item's warnings `isAboutDeadline` picks are dropped, `warnings` are added in
 * their place. Other warnings stay as they are.
 */
export async function setDraftDeadlineWarnings(
  db: Queryable,
  change: {
    planId: number;
    itemNumber: string;
    isAboutDeadline: (message: string) => boolean;
    warnings: readonly string[];
  },
): Promise<void> {
  const row = await db
    .selectFrom("plans")
    .select(["parsed_json", "status"])
    .where("id", "=", change.planId)
    .executeTakeFirst();
  if (row?.status !== "draft") return;
  const parsed = JSON.parse(row.parsed_json) as ParsedPlan;
  const at = parsed.warnings.findIndex(
    (w) => w.item === change.itemNumber && change.isAboutDeadline(w.message),
  );
  const kept = parsed.warnings.filter(
    (w) => !(w.item === change.itemNumber && change.isAboutDeadline(w.message)),
  );
  const added = change.warnings.map((message) => ({ item: change.itemNumber, message }));
  const index = at < 0 ? kept.length : Math.min(at, kept.length);
  parsed.warnings = [...kept.slice(0, index), ...added, ...kept.slice(index)];
  await db
    .updateTable("plans")
    .set({ parsed_json: JSON.stringify(parsed) })
    .where("id", "=", change.planId)
    .execute();
}
