// Status rows for coordinators (/status, /overdue, exports, `srok status`): one query layer.
// The counting itself is pure (src/domain/status/compute-status.ts); these load what it reads.
import { type Kysely, sql, type Transaction } from "kysely";
import type { ExportAssignment, ExportEvidence, ExportPlan } from "../../src/domain/exports/types.js";
import { type Actor, coordinatesEverything, unitsCoordinatedBy } from "../../src/domain/permissions.js";
import type { IsoDate } from "../../src/domain/plan/types.js";
import type {
  ItemAssignmentDetail,
  ItemDetail,
  ItemReportBrief,
} from "../../src/domain/status/item-detail.js";
import type { OverdueCandidate } from "../../src/domain/status/overdue.js";
import type {
  StatusAssignment,
  StatusItem,
  StatusPlan,
  StatusRole,
  StatusRows,
  StatusScope,
  StatusSection,
  StatusUnit,
} from "../../src/domain/status/types.js";
import type { UnitGroup } from "../../src/domain/status/unit-counts.js";
import type { Database } from "../schema.js";
import { loadUnitTree } from "./actors.js";
import { recordAudit } from "./audit.js";
import { enqueueMessage, type OutboxPayload, outboxKey } from "./outbox.js";

type Db = Kysely<Database> | Transaction<Database>;
type ShownStatus = "draft" | "published";

/** The units a coordinator's status covers: "all", or the subtrees of their scopes. */
export async function loadStatusScope(db: Db, actor: Actor): Promise<StatusScope> {
  if (coordinatesEverything(actor)) return "all";
  return unitsCoordinatedBy(actor, await loadUnitTree(db));
}

export interface StatusRowsOptions {
  /** Only these plans (default: every plan of `statuses`). */
  planIds?: readonly number[];
  /** Default: published only. */
  statuses?: readonly ShownStatus[];
  /** Only assignments of these units (default "all"). */
  scope?: StatusScope;
  /**
   * "unit" (default): one row per assignment, so the report has per-unit counts. "item": rows
   * grouped over units in SQL (per item, role, due date and state) — a few hundred rows instead
   * of tens of thousands, for views that show no unit.
   */
  grain?: "item" | "unit";
}

/**
 * Plans (in id order), their sections and items, every role and live unit, and the assignments
 * of those plans for live units. Assignments come as lean rows: 50,000 of them load in tens of ms.
 */
export async function loadStatusRows(db: Db, opts: StatusRowsOptions = {}): Promise<StatusRows> {
  const statuses = [...(opts.statuses ?? ["published"])];
  let planQuery = db
    .selectFrom("plans")
    .select(["id", "title", "status", "mark_counts_as_done"])
    .where("status", "in", statuses)
    .orderBy("id");
  if (opts.planIds) {
    if (opts.planIds.length === 0) return emptyRows();
    planQuery = planQuery.where("id", "in", [...opts.planIds]);
  }
  const planRows = await planQuery.execute();
  if (planRows.length === 0) return emptyRows();
  const planIds = planRows.map((p) => p.id);
  const plans: StatusPlan[] = planRows.map((p) => ({
    id: p.id,
    title: p.title,
    status: p.status as ShownStatus,
    markCountsAsDone: Number(p.mark_counts_as_done) === 1,
  }));

  const sections: StatusSection[] = await db
    .selectFrom("sections")
    .select(["id", "plan_id as planId", "number", "title", "position"])
    .where("plan_id", "in", planIds)
    .orderBy("plan_id")
    .orderBy("position")
    .execute();

  const itemRows = await db
    .selectFrom("items")
    .select([
      "id",
      "plan_id as planId",
      "section_id as sectionId",
      "number",
      "title",
      "deadline_raw as deadlineRaw",
      "position",
      "needs_accepted_report as needs",
    ])
    .where("plan_id", "in", planIds)
    .orderBy("plan_id")
    .orderBy("position")
    .execute();
  const items: StatusItem[] = itemRows.map(({ needs, ...i }) => ({
    ...i,
    needsAcceptedReport: Number(needs) === 1,
  }));

  const roles: StatusRole[] = await db.selectFrom("roles").select(["id", "name"]).orderBy("id").execute();
  const units: StatusUnit[] = await db
    .selectFrom("units")
    .select(["id", "name", "role_id as roleId", "parent_unit_id as parentId"])
    .where("archived_at", "is", null)
    .orderBy("id")
    .execute();

  const assignments = await loadAssignmentGroups(db, planIds, opts.scope ?? "all", opts.grain ?? "unit");
  return { plans, sections, items, roles, units, assignments };
}

async function loadAssignmentGroups(
  db: Db,
  planIds: number[],
  scope: StatusScope,
  grain: "item" | "unit",
): Promise<StatusAssignment[]> {
  if (scope !== "all" && scope.size === 0) return [];
  let q = db
    .selectFrom("assignments as a")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .where("i.plan_id", "in", planIds)
    .where("u.archived_at", "is", null);
  if (scope !== "all") q = q.where("a.unit_id", "in", [...scope]);
  if (grain === "unit") {
    return (await q
      .select([
        "o.item_id as itemId",
        "a.unit_id as unitId",
        "u.role_id as roleId",
        "o.due_date as due",
        "a.status",
        "a.review_state as reviewState",
        sql<number>`1`.as("n"),
      ])
      .execute()) as StatusAssignment[];
  }
  const rows = await q
    .select((eb) => [
      "o.item_id as itemId",
      "u.role_id as roleId",
      "o.due_date as due",
      "a.status",
      "a.review_state as reviewState",
      eb.fn.countAll<number>().as("n"),
    ])
    .groupBy(["o.item_id", "u.role_id", "o.due_date", "a.status", "a.review_state"])
    .execute();
  return rows.map((r) => ({ ...r, unitId: null, n: Number(r.n) })) as StatusAssignment[];
}

function emptyRows(): StatusRows {
  return { plans: [], sections: [], items: [], roles: [], units: [], assignments: [] };
}

/** An item of a published plan found by its number (several plans may have a «4.3»). */
export interface FoundItem {
  itemId: number;
  planId: number;
  planTitle: string;
  number: string;
  title: string;
}

/** Items of published plans with this number (as written, trailing dot ignored), in plan order. */
export async function findItemsByNumber(db: Db, number: string): Promise<FoundItem[]> {
  const clean = number.replace(/\.$/, "");
  return db
    .selectFrom("items as i")
    .innerJoin("plans as p", "p.id", "i.plan_id")
    .select(["i.id as itemId", "p.id as planId", "p.title as planTitle", "i.number", "i.title"])
    .where("p.status", "=", "published")
    .where("i.number", "=", clean)
    .orderBy("p.id")
    .orderBy("i.position")
    .execute();
}

/**
 * An item of a published plan with its assignments and reports for units in `scope` (live units
 * only), or null when there is no such item. A scoped reader gets only their units' rows.
 */
export async function loadItemDetail(db: Db, itemId: number, scope: StatusScope): Promise<ItemDetail | null> {
  const row = await db
    .selectFrom("items as i")
    .innerJoin("plans as p", "p.id", "i.plan_id")
    .leftJoin("sections as s", "s.id", "i.section_id")
    .select([
      "i.id",
      "i.plan_id",
      "i.section_id",
      "i.number",
      "i.title",
      "i.result",
      "i.deadline_raw",
      "i.position",
      "i.needs_accepted_report",
      "i.executors_json",
      "p.title as plan_title",
      "p.status as plan_status",
      "p.mark_counts_as_done",
      "s.number as s_number",
      "s.title as s_title",
      "s.position as s_position",
    ])
    .where("i.id", "=", itemId)
    .where("p.status", "=", "published")
    .executeTakeFirst();
  if (!row) return null;

  const rows = await db
    .selectFrom("assignments as a")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .innerJoin("roles as r", "r.id", "u.role_id")
    .leftJoin("users as us", "us.id", "a.done_by")
    .select([
      "a.id as assignmentId",
      "u.id as unitId",
      "u.name as unitName",
      "r.id as roleId",
      "r.name as roleName",
      "o.seq",
      "o.due_date as due",
      "a.status",
      "a.review_state as reviewState",
      "a.done_at as doneAt",
      "a.done_by as doneBy",
      "us.first_name",
      "us.last_name",
      "us.username",
      "a.comment",
    ])
    .where("o.item_id", "=", itemId)
    .where("u.archived_at", "is", null)
    .orderBy("o.seq")
    .execute();
  const inScope = (unitId: number) => scope === "all" || scope.has(unitId);
  const assignments: ItemAssignmentDetail[] = rows
    .filter((r) => inScope(r.unitId))
    .map(({ first_name, last_name, username, ...r }) => ({
      ...r,
      doneBy: r.doneBy === null ? null : Number(r.doneBy),
      doneByName: personName(first_name, last_name, username),
    }));

  const reportRows =
    assignments.length === 0
      ? []
      : await db
          .selectFrom("reports as rp")
          .innerJoin("assignments as a", "a.id", "rp.assignment_id")
          .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
          .innerJoin("units as u", "u.id", "a.unit_id")
          .leftJoin("users as us", "us.id", "rp.user_id")
          .select((eb) => [
            "rp.id as reportId",
            "a.id as assignmentId",
            "u.id as unitId",
            "u.name as unitName",
            "rp.user_id as userId",
            "us.first_name",
            "us.last_name",
            "us.username",
            "rp.created_at as createdAt",
            "rp.review_state as reviewState",
            eb
              .selectFrom("report_parts as pp")
              .whereRef("pp.report_id", "=", "rp.id")
              .select((e) => e.fn.countAll<number>().as("n"))
              .as("parts"),
          ])
          .where("o.item_id", "=", itemId)
          .where("u.archived_at", "is", null)
          .orderBy("rp.id")
          .execute();
  const reports: ItemReportBrief[] = reportRows
    .filter((r) => inScope(r.unitId))
    .map(({ first_name, last_name, username, ...r }) => ({
      ...r,
      userId: Number(r.userId),
      userName: personName(first_name, last_name, username),
      parts: Number(r.parts ?? 0),
    }));

  return {
    item: {
      id: row.id,
      planId: row.plan_id,
      sectionId: row.section_id,
      number: row.number,
      title: row.title,
      result: row.result,
      deadlineRaw: row.deadline_raw,
      position: row.position,
      needsAcceptedReport: Number(row.needs_accepted_report) === 1,
      executors: executorNames(row.executors_json),
    },
    plan: {
      id: row.plan_id,
      title: row.plan_title,
      status: "published",
      markCountsAsDone: Number(row.mark_counts_as_done) === 1,
    },
    section:
      row.section_id === null || row.s_number === null
        ? null
        : {
            id: row.section_id,
            planId: row.plan_id,
            number: row.s_number,
            title: row.s_title ?? "",
            position: row.s_position ?? 0,
          },
    assignments,
    reports,
  };
}

/** «Ирина Петрова», «@irina», or null when the user left no name. */
export function personName(
  first: string | null,
  last: string | null,
  username: string | null,
): string | null {
  const name = [first, last].filter(Boolean).join(" ").trim();
  return name || (username ? `@${username}` : null);
}

/** The executors of an item (its executors_json): «Роль», or «Роль (Иванов И. И.)» with people named. */
export function executorNames(json: string): string[] {
  try {
    const list = JSON.parse(json) as unknown;
    if (!Array.isArray(list)) return [];
    return list
      .map((e) => {
        if (!e || typeof e !== "object" || !("name" in e)) return "";
        const name = String((e as { name: unknown }).name);
        const people = (e as { people?: unknown }).people;
        const named = Array.isArray(people) ? people.filter((p): p is string => typeof p === "string") : [];
        return named.length > 0 ? `${name} (${named.join(", ")})` : name;
      })
      .filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Assignments of published plans due before `today` that may still be open (marked ones whose
 * report waits or was returned, or whose item needs an accepted report, included: `overdueByUnit`
 * decides), for live units in `scope` (and in `unitIds`, when given).
 */
export async function loadOverdueCandidates(
  db: Db,
  today: IsoDate,
  scope: StatusScope,
  opts: { unitIds?: readonly number[]; itemId?: number } = {},
): Promise<OverdueCandidate[]> {
  if (scope !== "all" && scope.size === 0) return [];
  if (opts.unitIds && opts.unitIds.length === 0) return [];
  let q = db
    .selectFrom("assignments as a")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .innerJoin("plans as p", "p.id", "i.plan_id")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .innerJoin("roles as r", "r.id", "u.role_id")
    .select([
      "a.id as assignmentId",
      "p.id as planId",
      "p.title as planTitle",
      "p.mark_counts_as_done as markCounts",
      "i.id as itemId",
      "i.number as itemNumber",
      "i.title as itemTitle",
      "i.position as itemPosition",
      "i.needs_accepted_report as needs",
      "u.id as unitId",
      "u.name as unitName",
      "r.name as roleName",
      "o.due_date as due",
      "a.status",
      "a.review_state as reviewState",
    ])
    .where("p.status", "=", "published")
    .where("u.archived_at", "is", null)
    .where("o.due_date", "<", today)
    .where((eb) =>
      eb.or([
        eb("a.status", "=", "open"),
        eb("a.review_state", "in", ["pending", "returned"]),
        eb("i.needs_accepted_report", "=", 1),
      ]),
    );
  if (scope !== "all") q = q.where("a.unit_id", "in", [...scope]);
  if (opts.unitIds) q = q.where("a.unit_id", "in", [...opts.unitIds]);
  if (opts.itemId !== undefined) q = q.where("i.id", "=", opts.itemId);
  const rows = await q.execute();
  return rows.map(({ markCounts, needs, ...r }) => ({
    ...r,
    due: r.due as IsoDate,
    markCountsAsDone: Number(markCounts) === 1,
    needsAcceptedReport: Number(needs) === 1,
  }));
}

/** Outbox keys of a unit's reminders of one day: `reminder:<unit>:<day>:<user>`. */
function reminderKey(unitId: number, day: IsoDate, userId: number): string {
  return outboxKey("reminder", unitId, day, userId);
}

/** True when the unit was reminded on `day` (any member's reminder of that day is queued). */
export async function remindedOn(db: Db, unitId: number, day: IsoDate): Promise<boolean> {
  const prefix = `reminder:${unitId}:${day}:`;
  // A range on the unique key, not LIKE: it uses the index on every database.
  const row = await db
    .selectFrom("outbox")
    .select("id")
    .where("idem_key", ">=", prefix)
    .where("idem_key", "<", `${prefix.slice(0, -1)};`)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Queues one reminder per member of the unit (each in their own language), at most once a day per
 * unit: "already" when the unit was reminded on `day`, "nobody" when there is no one to tell.
 * Audited as `unit.remind`.
 */
export async function queueUnitReminder(
  trx: Db,
  e: {
    unitId: number;
    day: IsoDate;
    by: number;
    at: Date;
    messages: { userId: number; payload: OutboxPayload }[];
    /** Why: "overdue" (/overdue) or "item:<id>" (the item screen). */
    reason: string;
  },
): Promise<"queued" | "already" | "nobody"> {
  if (await remindedOn(trx, e.unitId, e.day)) return "already";
  if (e.messages.length === 0) return "nobody";
  for (const m of e.messages) {
    await enqueueMessage(
      trx,
      {
        idemKey: reminderKey(e.unitId, e.day, m.userId),
        chatId: m.userId,
        kind: "reminder",
        payload: m.payload,
      },
      e.at,
    );
  }
  await recordAudit(trx, {
    at: e.at,
    userId: e.by,
    action: "unit.remind",
    entity: "unit",
    entityId: e.unitId,
    details: { day: e.day, reason: e.reason, users: e.messages.map((m) => m.userId) },
  });
  return "queued";
}

/**
 * What the exports show of published plans (`planIds`, or every one): sections, items with their
 * executors, and each assignment of a live unit in `scope` with who marked it and its reports'
 * files, links and texts. Plans where the scope has no assignment are left out (unless "all").
 */
export async function loadExportPlans(
  db: Db,
  scope: StatusScope,
  opts: { planIds?: readonly number[] } = {},
): Promise<ExportPlan[]> {
  let planQuery = db
    .selectFrom("plans")
    .select(["id", "title", "status", "mark_counts_as_done", "period_start", "period_end"])
    .where("status", "=", "published")
    .orderBy("id");
  if (opts.planIds) {
    if (opts.planIds.length === 0) return [];
    planQuery = planQuery.where("id", "in", [...opts.planIds]);
  }
  const plans = await planQuery.execute();
  if (plans.length === 0 || (scope !== "all" && scope.size === 0)) return [];
  const planIds = plans.map((p) => p.id);
  const sections = await db
    .selectFrom("sections")
    .select(["id", "plan_id as planId", "number", "title", "position"])
    .where("plan_id", "in", planIds)
    .orderBy("position")
    .execute();
  const items = await db
    .selectFrom("items")
    .select([
      "id",
      "plan_id",
      "section_id",
      "number",
      "title",
      "deadline_raw",
      "executors_json",
      "result",
      "position",
      "needs_accepted_report",
    ])
    .where("plan_id", "in", planIds)
    .orderBy("position")
    .execute();

  // Lean rows, sorted here (item, occurrence, unit name): a SQL sort of 50,000 joined rows costs more.
  let q = db
    .selectFrom("assignments as a")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .select([
      "a.id",
      "i.plan_id as planId",
      "i.position as position",
      "o.seq",
      "o.item_id as itemId",
      "a.unit_id as unitId",
      "o.due_date as due",
      "a.status",
      "a.review_state as reviewState",
      "a.done_at as doneAt",
      "a.done_by as doneBy",
      "a.comment",
    ])
    .where("i.plan_id", "in", planIds)
    .where("u.archived_at", "is", null);
  if (scope !== "all") q = q.where("a.unit_id", "in", [...scope]);
  const rows = await q.execute();
  const units = await db
    .selectFrom("units as u")
    .innerJoin("roles as r", "r.id", "u.role_id")
    .select(["u.id", "u.name", "r.name as roleName"])
    .execute();
  const unitById = new Map(units.map((u) => [u.id, u]));
  const collator = new Intl.Collator("ru", { numeric: true });
  const unitRank = new Map(
    [...units].sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id).map((u, i) => [u.id, i]),
  );
  rows.sort(
    (a, b) =>
      a.position - b.position ||
      a.seq - b.seq ||
      (unitRank.get(a.unitId) ?? 0) - (unitRank.get(b.unitId) ?? 0) ||
      a.id - b.id,
  );
  const markers = [...new Set(rows.map((r) => r.doneBy).filter((id): id is number => id !== null))];
  const names = new Map<number, string | null>();
  for (let i = 0; i < markers.length; i += 500) {
    const users = await db
      .selectFrom("users")
      .select(["id", "first_name", "last_name", "username"])
      .where("id", "in", markers.slice(i, i + 500))
      .execute();
    for (const u of users) names.set(Number(u.id), personName(u.first_name, u.last_name, u.username));
  }

  const evidence = new Map<number, ExportEvidence>();
  const parts = await db
    .selectFrom("report_parts as pp")
    .innerJoin("reports as rp", "rp.id", "pp.report_id")
    .innerJoin("assignments as a", "a.id", "rp.assignment_id")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .select(["rp.assignment_id as assignmentId", "pp.kind", "pp.file_name as fileName", "pp.text"])
    .where("i.plan_id", "in", planIds)
    .orderBy("pp.id")
    .execute();
  for (const p of parts) {
    let e = evidence.get(p.assignmentId);
    if (!e) {
      e = { files: [], links: [], texts: [] };
      evidence.set(p.assignmentId, e);
    }
    if (p.kind === "document") e.files.push(p.fileName ?? "файл");
    else if (p.kind === "photo") e.files.push(p.fileName ?? "фото");
    else if (p.kind === "link" && p.text) e.links.push(p.text);
    else if (p.kind === "text" && p.text) e.texts.push(p.text);
  }

  const byPlan = new Map<number, ExportAssignment[]>();
  for (const r of rows) {
    let list = byPlan.get(r.planId);
    if (!list) {
      list = [];
      byPlan.set(r.planId, list);
    }
    const unit = unitById.get(r.unitId);
    list.push({
      id: r.id,
      itemId: r.itemId,
      unitId: r.unitId,
      unitName: unit?.name ?? "",
      roleName: unit?.roleName ?? "",
      due: r.due as IsoDate | null,
      status: r.status,
      reviewState: r.reviewState,
      doneAt: r.doneAt,
      doneByName: r.doneBy === null ? null : (names.get(Number(r.doneBy)) ?? null),
      comment: r.comment,
      evidence: evidence.get(r.id) ?? { files: [], links: [], texts: [] },
    });
  }
  return plans
    .filter((p) => scope === "all" || byPlan.has(p.id))
    .map((p) => ({
      plan: {
        id: p.id,
        title: p.title,
        status: "published" as const,
        markCountsAsDone: Number(p.mark_counts_as_done) === 1,
        periodStart: p.period_start,
        periodEnd: p.period_end,
      },
      sections: sections.filter((s) => s.planId === p.id),
      items: items
        .filter((i) => i.plan_id === p.id)
        .map((i) => ({
          id: i.id,
          sectionId: i.section_id,
          number: i.number,
          title: i.title,
          deadlineRaw: i.deadline_raw,
          executors: executorNames(i.executors_json),
          result: i.result,
          position: i.position,
          needsAcceptedReport: Number(i.needs_accepted_report) === 1,
        })),
      assignments: byPlan.get(p.id) ?? [],
    }));
}

/** Published plans with at least one assignment of a live unit in `scope` ("all": every published plan). */
export async function listVisiblePlanIds(db: Db, scope: StatusScope): Promise<number[]> {
  if (scope === "all") {
    const rows = await db
      .selectFrom("plans")
      .select("id")
      .where("status", "=", "published")
      .orderBy("id")
      .execute();
    return rows.map((r) => r.id);
  }
  if (scope.size === 0) return [];
  const rows = await db
    .selectFrom("assignments as a")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .innerJoin("plans as p", "p.id", "i.plan_id")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .select("p.id")
    .distinct()
    .where("p.status", "=", "published")
    .where("u.archived_at", "is", null)
    .where("a.unit_id", "in", [...scope])
    .orderBy("p.id")
    .execute();
  return rows.map((r) => r.id);
}

/**
 * One plan's assignments grouped by unit and by what is counted (state, review, whether the item
 * needs an accepted report, whether it is due before `today`): a few rows per unit, for the unit
 * and role screens and the chart by unit.
 */
export async function loadUnitGroups(
  db: Db,
  planId: number,
  today: IsoDate,
  scope: StatusScope,
): Promise<UnitGroup[]> {
  if (scope !== "all" && scope.size === 0) return [];
  const late = sql<number>`case when o.due_date < ${today} then 1 else 0 end`;
  let q = db
    .selectFrom("assignments as a")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .select((eb) => [
      "a.unit_id as unitId",
      "i.needs_accepted_report as needs",
      "a.status",
      "a.review_state as reviewState",
      late.as("late"),
      eb.fn.countAll<number>().as("n"),
    ])
    .where("i.plan_id", "=", planId)
    .where("u.archived_at", "is", null)
    .groupBy(["a.unit_id", "i.needs_accepted_report", "a.status", "a.review_state", late]);
  if (scope !== "all") q = q.where("a.unit_id", "in", [...scope]);
  const rows = await q.execute();
  return rows.map((r) => ({
    unitId: r.unitId,
    needsAcceptedReport: Number(r.needs) === 1,
    status: r.status,
    reviewState: r.reviewState,
    late: Number(r.late) === 1,
    n: Number(r.n),
  }));
}

/** The plan a section belongs to, or undefined for an unknown section. */
export async function planOfSection(db: Db, sectionId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("sections")
    .select("plan_id")
    .where("id", "=", sectionId)
    .executeTakeFirst();
  return row?.plan_id;
}
