// Assignments as executors see them (/tasks, the digest's buttons) and the marks they make:
// done, undo, comment, the monthly confirmation of continuous items. Every change is audited.
import { type Kysely, sql, type Transaction } from "kysely";
import type { AgendaEntry } from "../../src/domain/agenda.js";
import type { DeadlineKind } from "../../src/domain/plan/types.js";
import { preparedQuery } from "../prepared-query.js";
import type { Database } from "../schema.js";
import { recordAudit } from "./audit.js";

type Db = Kysely<Database> | Transaction<Database>;

/** An assignment with what a button press needs to check: its plan's status. */
export interface AssignmentInfo extends AgendaEntry {
  planStatus: "draft" | "published" | "replaced" | "cancelled";
  doneAt: string | null;
  doneBy: number | null;
  comment: string | null;
}

function baseQuery(db: Db) {
  return db
    .selectFrom("assignments as a")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .innerJoin("plans as p", "p.id", "i.plan_id")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .select([
      "a.id as assignmentId",
      "p.id as planId",
      "p.title as planTitle",
      "p.status as planStatus",
      "i.number as itemNumber",
      "i.title as itemTitle",
      "i.result as result",
      "u.id as unitId",
      "u.name as unitName",
      "o.kind as kind",
      "o.start_date as start",
      "o.due_date as due",
      "a.status as status",
      "a.review_state as reviewState",
      "a.last_confirmed_on as lastConfirmedOn",
      "a.done_at as doneAt",
      "a.done_by as doneBy",
      "a.comment as comment",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;

function toInfo(r: Row): AssignmentInfo {
  return { ...r, kind: r.kind as DeadlineKind, doneBy: r.doneBy === null ? null : Number(r.doneBy) };
}

/**
 * The assignments of `unitIds` in published plans, in plan order (plan, item position,
 * occurrence, unit). Open ones only, unless `includeDone`, or `doneSince` (an ISO instant: done
 * ones marked at or after it, so a list can keep what was just marked in place).
 */
export async function loadAgenda(
  db: Db,
  unitIds: readonly number[],
  opts: { includeDone?: boolean; doneSince?: string } = {},
): Promise<AgendaEntry[]> {
  if (unitIds.length === 0) return [];
  let q = baseQuery(db)
    .where("p.status", "=", "published")
    .where("a.unit_id", "in", [...unitIds]);
  if (!opts.includeDone) {
    const since = opts.doneSince;
    q =
      since === undefined
        ? q.where("a.status", "=", "open")
        : q.where((eb) => eb.or([eb("a.status", "=", "open"), eb("a.done_at", ">=", since)]));
  }
  const rows = await q
    .orderBy("p.id")
    .orderBy("i.position")
    .orderBy("o.seq")
    .orderBy("u.name")
    .orderBy("a.id")
    .execute();
  return rows.map((r) => {
    const { planStatus: _s, doneBy: _b, ...entry } = toInfo(r);
    return entry;
  });
}

// A press loads its assignment twice (to check, then to show the new state): prepared once.
const assignmentById = preparedQuery<{ id: number }, Row>("assignmentById", ["id"], (db, p) =>
  baseQuery(db).where("a.id", "=", p.id),
);

/** One assignment with its plan's status, or null when there is none with that id. */
export async function loadAssignment(db: Db, assignmentId: number): Promise<AssignmentInfo | null> {
  const row = await assignmentById.takeFirst(db, { id: assignmentId });
  return row ? toInfo(row) : null;
}

/** What a mark changes on an assignment (the rest of AssignmentInfo does not move). */
export type AssignmentState = Pick<
  AssignmentInfo,
  "status" | "reviewState" | "lastConfirmedOn" | "doneAt" | "doneBy" | "comment"
>;

const stateById = preparedQuery<{ id: number }, AssignmentState>("stateById", ["id"], (db, p) =>
  db
    .selectFrom("assignments")
    .select([
      "status",
      "review_state as reviewState",
      "last_confirmed_on as lastConfirmedOn",
      "done_at as doneAt",
      "done_by as doneBy",
      "comment",
    ])
    .where("id", "=", p.id),
);

/** The assignment's status and marks now, or null when it is gone (one table, by key). */
export async function loadAssignmentState(db: Db, assignmentId: number): Promise<AssignmentState | null> {
  const row = await stateById.takeFirst(db, { id: assignmentId });
  return row ? { ...row, doneBy: row.doneBy === null ? null : Number(row.doneBy) } : null;
}

export interface MarkBy {
  /** Telegram id of who acted (for the unit). */
  by: number;
  at: Date;
}

/** Marks an open assignment done; "already" when it was done (nothing changes then). */
export async function markDone(
  trx: Db,
  assignmentId: number,
  m: MarkBy & { comment?: string },
): Promise<"done" | "already"> {
  const at = m.at.toISOString();
  const res = await markOpenDone.execute(trx, { id: assignmentId, at, by: m.by, comment: m.comment ?? null });
  if (Number(res.numAffectedRows ?? 0n) === 0) return "already";
  await audit(trx, assignmentId, m, "assignment.done", m.comment === undefined ? {} : { comment: m.comment });
  return "done";
}

// The press of «Выполнено»: prepared once. No comment (null) keeps the one there.
const markOpenDone = preparedQuery<{ id: number; at: string; by: number; comment: string | null }, never>(
  "markOpenDone",
  ["id", "at", "by", "comment"],
  (db, p) =>
    db
      .updateTable("assignments")
      .set({
        status: "done",
        done_at: p.at,
        done_by: p.by,
        updated_at: p.at,
        comment: sql<string | null>`coalesce(${p.comment}, comment)`,
      })
      .where("id", "=", p.id)
      .where("status", "=", "open"),
);

/** Reopens a done assignment; "not_done" when it was open (nothing changes then). */
export async function undoDone(trx: Db, assignmentId: number, m: MarkBy): Promise<"reopened" | "not_done"> {
  const at = m.at.toISOString();
  const res = await trx
    .updateTable("assignments")
    .set({ status: "open", done_at: null, done_by: null, updated_at: at })
    .where("id", "=", assignmentId)
    .where("status", "=", "done")
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return "not_done";
  await audit(trx, assignmentId, m, "assignment.undo", {});
  return "reopened";
}

/** Sets (or, with null, clears) the executor's comment on an assignment. */
export async function setComment(
  trx: Db,
  assignmentId: number,
  m: MarkBy & { comment: string | null },
): Promise<void> {
  await trx
    .updateTable("assignments")
    .set({ comment: m.comment, updated_at: m.at.toISOString() })
    .where("id", "=", assignmentId)
    .execute();
  await audit(trx, assignmentId, m, "assignment.comment", { comment: m.comment });
}

/**
 * The monthly confirmation of a continuous item: records `on` (the reader's local date) as the
 * last confirmation; "already" when this month was confirmed before.
 */
export async function confirmOngoing(
  trx: Db,
  assignmentId: number,
  m: MarkBy & { on: string },
): Promise<"confirmed" | "already"> {
  const month = m.on.slice(0, 7);
  const res = await trx
    .updateTable("assignments")
    .set({ last_confirmed_on: m.on, updated_at: m.at.toISOString() })
    .where("id", "=", assignmentId)
    .where((eb) => eb.or([eb("last_confirmed_on", "is", null), eb("last_confirmed_on", "<", `${month}-01`)]))
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return "already";
  await audit(trx, assignmentId, m, "assignment.confirm", { on: m.on });
  return "confirmed";
}

async function audit(
  trx: Db,
  assignmentId: number,
  m: MarkBy,
  action: string,
  details: Record<string, unknown>,
): Promise<void> {
  // The unit is recorded so the log says who acted for which unit.
  const row = await unitOfAssignment.takeFirst(trx, { id: assignmentId });
  await recordAudit(trx, {
    at: m.at,
    userId: m.by,
    action,
    entity: "assignment",
    entityId: assignmentId,
    details: { unitId: row?.unit_id ?? null, ...details },
  });
}

const unitOfAssignment = preparedQuery<{ id: number }, { unit_id: number }>(
  "unitOfAssignment",
  ["id"],
  (db, p) => db.selectFrom("assignments").select("unit_id").where("id", "=", p.id),
);
