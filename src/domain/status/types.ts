// What the status of plans is computed from (rows loaded by db/queries/status.ts) and what the
// computation returns. Pure types only.
import type { IsoDate } from "../plan/types.js";

export interface StatusPlan {
  id: number;
  title: string;
  status: "draft" | "published";
  /** A mark counts as done even while its report waits for review (plans.mark_counts_as_done). */
  markCountsAsDone: boolean;
}

export interface StatusSection {
  id: number;
  planId: number;
  number: string;
  title: string;
  position: number;
}

export interface StatusItem {
  id: number;
  planId: number;
  sectionId: number | null;
  number: string;
  title: string;
  /** The deadline as the plan wrote it («до 30.09.2021»). */
  deadlineRaw: string;
  position: number;
  /** Done only with an accepted report (items.needs_accepted_report). */
  needsAcceptedReport: boolean;
}

export interface StatusRole {
  id: number;
  name: string;
}

export interface StatusUnit {
  id: number;
  name: string;
  roleId: number;
  parentId: number | null;
}

export type ReviewState = "none" | "pending" | "accepted" | "returned";

/**
 * `n` assignments alike in everything counted (loaders group them in SQL): same item, unit (or
 * any unit), role, due date, mark and review state.
 */
export interface StatusAssignment {
  itemId: number;
  /**
   * The unit; null when the loader grouped over units (it then kept only units of the reader's
   * scope itself, and the report has no per-unit counts).
   */
  unitId: number | null;
  /** The unit's role. */
  roleId: number;
  /** Null for continuous and on-demand items: never overdue. */
  due: IsoDate | null;
  status: "open" | "done";
  reviewState: ReviewState;
  n: number;
}

/** Everything the aggregation reads: plans and their parts, units and roles, assignments. */
export interface StatusRows {
  plans: readonly StatusPlan[];
  sections: readonly StatusSection[];
  items: readonly StatusItem[];
  roles: readonly StatusRole[];
  units: readonly StatusUnit[];
  assignments: readonly StatusAssignment[];
}

/** Units whose assignments the reader sees: a set of unit ids, or "all". */
export type StatusScope = ReadonlySet<number> | "all";

/** Counts of a group of assignments. `done + open = total`; `overdue` counts open ones past due. */
export interface Counts {
  total: number;
  done: number;
  open: number;
  overdue: number;
  /** Assignments whose report waits for review (done or not). */
  pendingReview: number;
}

/** An upcoming due date with open assignments. */
export interface NearestDeadline {
  itemId: number;
  due: IsoDate;
  /** Open assignments of the item due that day. */
  open: number;
}

export interface ItemStatus {
  itemId: number;
  counts: Counts;
  /** The nearest due date today or later of an open assignment, if any. */
  nextDue: IsoDate | null;
  /** The most days late of its overdue assignments (0 when none). */
  maxDaysLate: number;
}

export interface PlanStatusReport {
  plan: StatusPlan;
  counts: Counts;
  nearest: NearestDeadline[];
  /** In plan order; `sectionId` null gathers items under no section. Only sections with assignments. */
  sections: { sectionId: number | null; counts: Counts }[];
  /** By role name. */
  roles: { roleId: number; counts: Counts }[];
  /** Each unit's own assignments (not its subtree's), by unit name; empty for rows grouped over units. */
  units: { unitId: number; counts: Counts }[];
  /** Items with assignments in scope, in plan order. */
  items: ItemStatus[];
}

export interface StatusReport {
  today: IsoDate;
  counts: Counts;
  plans: PlanStatusReport[];
}
