// One item as the coordinator sees it: every unit's state (done when and by whom, days late,
// reports). The rows come from db/queries/status.ts `loadItemDetail`; the summary is pure.
import { daysBetween } from "../agenda.js";
import type { IsoDate } from "../plan/types.js";
import { isDone, isOverdue } from "./counts.js";
import type { ReviewState, StatusItem, StatusPlan, StatusSection } from "./types.js";

/** One unit's assignment of the item (one per occurrence for recurring items). */
export interface ItemAssignmentDetail {
  assignmentId: number;
  unitId: number;
  unitName: string;
  roleId: number;
  roleName: string;
  seq: number;
  due: IsoDate | null;
  status: "open" | "done";
  reviewState: ReviewState;
  doneAt: string | null;
  doneBy: number | null;
  doneByName: string | null;
  comment: string | null;
}

/** A report on the item, without its parts. */
export interface ItemReportBrief {
  reportId: number;
  assignmentId: number;
  unitId: number;
  unitName: string;
  userId: number;
  userName: string | null;
  createdAt: string;
  reviewState: "pending" | "accepted" | "returned";
  parts: number;
}

/** Everything the item view shows, already limited to the reader's scope. */
export interface ItemDetail {
  item: StatusItem & { result: string | null; executors: string[] };
  plan: StatusPlan;
  section: StatusSection | null;
  assignments: ItemAssignmentDetail[];
  reports: ItemReportBrief[];
}

/** Where one unit stands on the item. `review`: marked done, the report waits and does not count yet. */
export type UnitItemState = "overdue" | "open" | "review" | "done";

export interface UnitItemSummary {
  unitId: number;
  unitName: string;
  roleId: number;
  roleName: string;
  state: UnitItemState;
  /** Occurrences of the item for the unit, and how many count as done. */
  total: number;
  done: number;
  daysLate: number;
  /** The nearest due date of an open occurrence today or later. */
  nextDue: IsoDate | null;
  /** The latest mark, and who made it. */
  doneAt: string | null;
  doneByName: string | null;
  reports: number;
  pendingReports: number;
}

export interface ItemSummary {
  units: UnitItemSummary[];
  roles: { roleId: number; roleName: string; units: number; done: number; overdue: number }[];
  reports: number;
  pendingReports: number;
}

const ORDER: Record<UnitItemState, number> = { overdue: 0, open: 1, review: 2, done: 3 };

/**
 * Each unit's state on `today`: overdue when any occurrence is late (by the most days), open
 * when any is not done, `review` when marked but waiting for an accepted report, else done.
 * Units are listed late first (most days first), then open, waiting, done, by name.
 */
export function summarizeItem(d: ItemDetail, today: IsoDate): ItemSummary {
  const byUnit = new Map<number, UnitItemSummary>();
  for (const a of d.assignments) {
    let u = byUnit.get(a.unitId);
    if (!u) {
      u = {
        unitId: a.unitId,
        unitName: a.unitName,
        roleId: a.roleId,
        roleName: a.roleName,
        state: "done",
        total: 0,
        done: 0,
        daysLate: 0,
        nextDue: null,
        doneAt: null,
        doneByName: null,
        reports: 0,
        pendingReports: 0,
      };
      byUnit.set(a.unitId, u);
    }
    u.total++;
    const done = isDone({
      status: a.status,
      reviewState: a.reviewState,
      needsAcceptedReport: d.item.needsAcceptedReport,
      markCountsAsDone: d.plan.markCountsAsDone,
    });
    if (done) u.done++;
    if (a.status === "done" && a.doneAt && (u.doneAt === null || a.doneAt > u.doneAt)) {
      u.doneAt = a.doneAt;
      u.doneByName = a.doneByName;
    }
    if (done) continue;
    if (isOverdue(a.due, today)) {
      u.state = "overdue";
      u.daysLate = Math.max(u.daysLate, daysBetween(a.due as IsoDate, today));
    } else if (a.status === "done") {
      if (u.state === "done") u.state = "review";
    } else if (u.state !== "overdue") u.state = "open";
    if (!isOverdue(a.due, today) && a.due !== null && (u.nextDue === null || a.due < u.nextDue))
      u.nextDue = a.due;
  }
  for (const r of d.reports) {
    const u = byUnit.get(r.unitId);
    if (!u) continue;
    u.reports++;
    if (r.reviewState === "pending") u.pendingReports++;
  }
  const units = [...byUnit.values()].sort(
    (a, b) =>
      ORDER[a.state] - ORDER[b.state] ||
      b.daysLate - a.daysLate ||
      a.unitName.localeCompare(b.unitName, "ru", { numeric: true }),
  );
  const roles = new Map<number, ItemSummary["roles"][number]>();
  for (const u of units) {
    let r = roles.get(u.roleId);
    if (!r) {
      r = { roleId: u.roleId, roleName: u.roleName, units: 0, done: 0, overdue: 0 };
      roles.set(u.roleId, r);
    }
    r.units++;
    if (u.state === "done") r.done++;
    if (u.state === "overdue") r.overdue++;
  }
  return {
    units,
    roles: [...roles.values()].sort((a, b) => a.roleName.localeCompare(b.roleName, "ru")),
    reports: d.reports.length,
    pendingReports: d.reports.filter((r) => r.reviewState === "pending").length,
  };
}
