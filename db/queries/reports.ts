// Reports on assignments: files (Telegram file ids, and a local copy), photos, links, text.
import type { Kysely, Transaction } from "kysely";
import { canCoordinateUnit } from "../../src/domain/permissions.js";
import type { Database } from "../schema.js";
import { loadUnitTree } from "./actors.js";
import { recordAudit } from "./audit.js";
import { listCoordinators } from "./memberships.js";

type Db = Kysely<Database> | Transaction<Database>;

export interface ReportPartInput {
  kind: "document" | "photo" | "link" | "text";
  telegramFileId?: string | null;
  fileName?: string | null;
  mimeType?: string | null;
  size?: number | null;
  /** A link's URL or a text part. */
  text?: string | null;
}

export interface ReportPart extends Required<ReportPartInput> {
  id: number;
  localPath: string | null;
}

export interface Report {
  id: number;
  assignmentId: number;
  userId: number;
  text: string | null;
  createdAt: string;
  reviewState: "pending" | "accepted" | "returned";
  reviewedBy: number | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  parts: ReportPart[];
}

/**
 * Stores a report and its parts, sets the assignment's review state to pending and audits it.
 * Idempotent for the same (assignment, user, at): a replayed dialogue step finds the report it
 * stored before and returns its id with `created: false`.
 */
export async function saveReport(
  trx: Db,
  r: { assignmentId: number; userId: number; text: string | null; parts: ReportPartInput[]; at: Date },
): Promise<{ reportId: number; created: boolean; parts: ReportPart[] }> {
  const at = r.at.toISOString();
  const existing = await trx
    .selectFrom("reports")
    .select("id")
    .where("assignment_id", "=", r.assignmentId)
    .where("user_id", "=", r.userId)
    .where("created_at", "=", at)
    .executeTakeFirst();
  if (existing) {
    return { reportId: existing.id, created: false, parts: await loadParts(trx, [existing.id]) };
  }
  const report = await trx
    .insertInto("reports")
    .values({ assignment_id: r.assignmentId, user_id: r.userId, text: r.text, created_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (r.parts.length > 0) {
    await trx
      .insertInto("report_parts")
      .values(
        r.parts.map((p) => ({
          report_id: report.id,
          kind: p.kind,
          telegram_file_id: p.telegramFileId ?? null,
          file_name: p.fileName ?? null,
          mime_type: p.mimeType ?? null,
          size: p.size ?? null,
          local_path: null,
          text: p.text ?? null,
        })),
      )
      .execute();
  }
  await trx
    .updateTable("assignments")
    .set({ review_state: "pending", updated_at: at })
    .where("id", "=", r.assignmentId)
    .execute();
  const unit = await trx
    .selectFrom("assignments")
    .select("unit_id")
    .where("id", "=", r.assignmentId)
    .executeTakeFirst();
  await recordAudit(trx, {
    at: r.at,
    userId: r.userId,
    action: "report.create",
    entity: "report",
    entityId: report.id,
    details: { assignmentId: r.assignmentId, unitId: unit?.unit_id ?? null, parts: r.parts.length },
  });
  return { reportId: report.id, created: true, parts: await loadParts(trx, [report.id]) };
}

/** Records where the local copy of a report file was saved. */
export async function setPartLocalPath(db: Db, partId: number, localPath: string): Promise<void> {
  await db.updateTable("report_parts").set({ local_path: localPath }).where("id", "=", partId).execute();
}

/** Reports of an assignment (oldest first) with their parts. */
export async function loadReports(db: Db, assignmentId: number): Promise<Report[]> {
  const rows = await db
    .selectFrom("reports")
    .selectAll()
    .where("assignment_id", "=", assignmentId)
    .orderBy("id")
    .execute();
  const parts = await loadParts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    assignmentId: r.assignment_id,
    userId: Number(r.user_id),
    text: r.text,
    createdAt: r.created_at,
    reviewState: r.review_state,
    reviewedBy: r.reviewed_by === null ? null : Number(r.reviewed_by),
    reviewedAt: r.reviewed_at,
    reviewComment: r.review_comment,
    parts: parts.filter((p) => p.reportId === r.id).map(({ reportId: _r, ...part }) => part),
  }));
}

async function loadParts(db: Db, reportIds: number[]): Promise<(ReportPart & { reportId: number })[]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom("report_parts")
    .selectAll()
    .where("report_id", "in", reportIds)
    .orderBy("id")
    .execute();
  return rows.map((p) => {
    return {
      reportId: p.report_id,
      id: p.id,
      kind: p.kind,
      telegramFileId: p.telegram_file_id,
      fileName: p.file_name,
      mimeType: p.mime_type,
      size: p.size,
      text: p.text,
      localPath: p.local_path,
    };
  });
}

/**
 * Who must hear of a unit's report: admins and coordinators whose scope covers the unit (the whole
 * deployment, the unit, or an ancestor), not blocked, each once.
 */
export async function loadUnitCoordinators(
  db: Db,
  unitId: number,
): Promise<{ id: number; language: string }[]> {
  const coordinators = await listCoordinators(db);
  const tree = coordinators.some((c) => c.scopes.some((s) => s !== null)) ? await loadUnitTree(db) : [];
  return coordinators
    .filter((c) =>
      canCoordinateUnit(
        { userId: c.userId, isAdmin: c.isAdmin, unitIds: [], coordinatorScopes: c.scopes },
        unitId,
        tree,
      ),
    )
    .map((c) => ({ id: c.userId, language: c.language }));
}

/** True when the coordinators were already told of this report (a replayed step sends nothing). */
export async function reportNoticeSent(db: Db, reportId: number): Promise<boolean> {
  const row = await db
    .selectFrom("audit_log")
    .select("id")
    .where("action", "=", "report.notify")
    .where("entity", "=", "report")
    .where("entity_id", "=", String(reportId))
    .executeTakeFirst();
  return row !== undefined;
}

/** Records that the coordinators were told (who now, who through the outbox, who not: blocked). */
export async function recordReportNotice(
  db: Db,
  n: { reportId: number; userId: number; at: Date; told: number[]; queued: number[]; failed: number[] },
): Promise<void> {
  await recordAudit(db, {
    at: n.at,
    userId: n.userId,
    action: "report.notify",
    entity: "report",
    entityId: n.reportId,
    details: { told: n.told, queued: n.queued, failed: n.failed },
  });
}
