// Review of reports by coordinators: the report card, accepting (the assignment counts as done),
// returning for rework (the assignment reopens). Every decision is audited.
import type { Kysely, Transaction } from "kysely";
import type { ReportCard } from "../../src/domain/status/render-review.js";
import type { Database } from "../schema.js";
import { recordAudit } from "./audit.js";
import { personName } from "./status.js";

type Db = Kysely<Database> | Transaction<Database>;

/** A report card with the ids and states the checks need. */
export interface ReportForReview extends ReportCard {
  planStatus: "draft" | "published" | "replaced" | "cancelled";
  /** Telegram file ids of the files, to send them back. */
  files: {
    kind: "document" | "photo";
    fileId: string | null;
    fileName: string | null;
    localPath: string | null;
  }[];
}

/** The report with its item, unit, plan and parts, or null when there is none with that id. */
export async function loadReportForReview(db: Db, reportId: number): Promise<ReportForReview | null> {
  const r = await db
    .selectFrom("reports as rp")
    .innerJoin("assignments as a", "a.id", "rp.assignment_id")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .innerJoin("plans as p", "p.id", "i.plan_id")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .leftJoin("users as us", "us.id", "rp.user_id")
    .leftJoin("users as rv", "rv.id", "rp.reviewed_by")
    .select([
      "rp.id as reportId",
      "a.id as assignmentId",
      "p.id as planId",
      "p.title as planTitle",
      "p.status as planStatus",
      "i.id as itemId",
      "i.number as itemNumber",
      "i.title as itemTitle",
      "u.id as unitId",
      "u.name as unitName",
      "rp.user_id as userId",
      "us.first_name",
      "us.last_name",
      "us.username",
      "rp.created_at as createdAt",
      "rp.text",
      "rp.review_state as reviewState",
      "rv.first_name as rv_first",
      "rv.last_name as rv_last",
      "rv.username as rv_username",
      "rp.reviewed_at as reviewedAt",
      "rp.review_comment as reviewComment",
    ])
    .where("rp.id", "=", reportId)
    .executeTakeFirst();
  if (!r) return null;
  const parts = await db
    .selectFrom("report_parts")
    .selectAll()
    .where("report_id", "=", reportId)
    .orderBy("id")
    .execute();
  const { first_name, last_name, username, rv_first, rv_last, rv_username, ...rest } = r;
  return {
    ...rest,
    userId: Number(r.userId),
    userName: personName(first_name, last_name, username),
    reviewedByName: personName(rv_first, rv_last, rv_username),
    // The report's own text is kept in reports.text as well as in text parts: show it once.
    parts: parts.map((p) => ({ kind: p.kind, fileName: p.file_name, size: p.size, text: p.text })),
    files: parts
      .filter(
        (p): p is typeof p & { kind: "document" | "photo" } => p.kind === "document" || p.kind === "photo",
      )
      .map((p) => ({
        kind: p.kind,
        fileId: p.telegram_file_id,
        fileName: p.file_name,
        localPath: p.local_path,
      })),
  };
}

export type ReviewOutcome = "done" | "already";

/**
 * Accepts a report waiting for review: the report and its assignment become `accepted`, and an
 * assignment not marked yet is marked done as of the report, by who sent it. "already" when the
 * report was not waiting (reviewed before, or by another coordinator a moment ago).
 */
export async function acceptReport(
  trx: Db,
  e: { reportId: number; by: number; at: Date },
): Promise<ReviewOutcome> {
  const at = e.at.toISOString();
  const res = await trx
    .updateTable("reports")
    .set({ review_state: "accepted", reviewed_by: e.by, reviewed_at: at, review_comment: null })
    .where("id", "=", e.reportId)
    .where("review_state", "=", "pending")
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return "already";
  const report = await trx
    .selectFrom("reports")
    .select(["assignment_id", "user_id", "created_at"])
    .where("id", "=", e.reportId)
    .executeTakeFirstOrThrow();
  const latest = await isLatestReport(trx, report.assignment_id, e.reportId);
  if (latest) {
    await trx
      .updateTable("assignments")
      .set({ review_state: "accepted", updated_at: at })
      .where("id", "=", report.assignment_id)
      .execute();
  }
  const marked = await trx
    .updateTable("assignments")
    .set({ status: "done", done_at: report.created_at, done_by: report.user_id, updated_at: at })
    .where("id", "=", report.assignment_id)
    .where("status", "=", "open")
    .executeTakeFirst();
  await audit(trx, e, "report.accept", report.assignment_id, { marked: Number(marked.numUpdatedRows) === 1 });
  return "done";
}

/**
 * Returns a report waiting for review with a comment: the report becomes `returned`, and when it
 * is the assignment's latest report the assignment reopens (`returned`, mark cleared) so the unit
 * works on it again. "already" when the report was not waiting.
 */
export async function returnReport(
  trx: Db,
  e: { reportId: number; by: number; at: Date; comment: string },
): Promise<ReviewOutcome> {
  const at = e.at.toISOString();
  const res = await trx
    .updateTable("reports")
    .set({ review_state: "returned", reviewed_by: e.by, reviewed_at: at, review_comment: e.comment })
    .where("id", "=", e.reportId)
    .where("review_state", "=", "pending")
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return "already";
  const report = await trx
    .selectFrom("reports")
    .select("assignment_id")
    .where("id", "=", e.reportId)
    .executeTakeFirstOrThrow();
  const latest = await isLatestReport(trx, report.assignment_id, e.reportId);
  if (latest) {
    await trx
      .updateTable("assignments")
      .set({ status: "open", done_at: null, done_by: null, review_state: "returned", updated_at: at })
      .where("id", "=", report.assignment_id)
      .execute();
  }
  await audit(trx, e, "report.return", report.assignment_id, { comment: e.comment, reopened: latest });
  return "done";
}

async function isLatestReport(trx: Db, assignmentId: number, reportId: number): Promise<boolean> {
  const newer = await trx
    .selectFrom("reports")
    .select("id")
    .where("assignment_id", "=", assignmentId)
    .where("id", ">", reportId)
    .executeTakeFirst();
  return newer === undefined;
}

async function audit(
  trx: Db,
  e: { reportId: number; by: number; at: Date },
  action: string,
  assignmentId: number,
  details: Record<string, unknown>,
): Promise<void> {
  const unit = await trx
    .selectFrom("assignments")
    .select("unit_id")
    .where("id", "=", assignmentId)
    .executeTakeFirst();
  await recordAudit(trx, {
    at: e.at,
    userId: e.by,
    action,
    entity: "report",
    entityId: e.reportId,
    details: { assignmentId, unitId: unit?.unit_id ?? null, ...details },
  });
}

/** Active members of a unit who did not block the bot, with their language: who hears of it. */
export async function loadUnitRecipients(
  db: Db,
  unitId: number,
): Promise<{ userId: number; language: string }[]> {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.language"])
    .where("m.unit_id", "=", unitId)
    .where("m.left_at", "is", null)
    .where("u.blocked_at", "is", null)
    .orderBy("m.id")
    .execute();
  const seen = new Set<number>();
  return rows
    .map((r) => ({ userId: Number(r.id), language: r.language }))
    .filter((r) => !seen.has(r.userId) && seen.add(r.userId));
}

/** The user's language and whether they blocked the bot. */
export async function loadRecipient(
  db: Db,
  userId: number,
): Promise<{ userId: number; language: string } | null> {
  const row = await db
    .selectFrom("users")
    .select(["id", "language"])
    .where("id", "=", userId)
    .where("blocked_at", "is", null)
    .executeTakeFirst();
  return row ? { userId: Number(row.id), language: row.language } : null;
}

/**
 * Sets whether an item counts as done only with an accepted report; false when it already was so
 * (nothing changes then). Audited.
 */
export async function setNeedsAcceptedReport(
  trx: Db,
  e: { itemId: number; value: boolean; by: number; at: Date },
): Promise<boolean> {
  const res = await trx
    .updateTable("items")
    .set({ needs_accepted_report: e.value ? 1 : 0 })
    .where("id", "=", e.itemId)
    .where("needs_accepted_report", "=", e.value ? 0 : 1)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return false;
  await recordAudit(trx, {
    at: e.at,
    userId: e.by,
    action: "item.needs_accepted_report",
    entity: "item",
    entityId: e.itemId,
    details: { value: e.value },
  });
  return true;
}
