// When an assignment counts as done, and counting groups of assignments.
import type { IsoDate } from "../plan/types.js";
import type { Counts, ReviewState } from "./types.js";

/** What `isDone` needs of an assignment, its item and its plan. */
export interface DoneFacts {
  status: "open" | "done";
  reviewState: ReviewState;
  needsAcceptedReport: boolean;
  markCountsAsDone: boolean;
}

/**
 * True when the assignment counts as done: it is marked done, and
 * - when its item needs an accepted report, the report was accepted;
 * - when a report waits for review (or was returned), the plan counts a mark as done.
 * Accepting a report marks the assignment done (db/queries/review.ts), so an accepted report
 * always counts.
 */
export function isDone(a: DoneFacts): boolean {
  if (a.status !== "done") return false;
  if (a.reviewState === "accepted") return true;
  if (a.needsAcceptedReport) return false;
  if (a.reviewState === "pending" || a.reviewState === "returned") return a.markCountsAsDone;
  return true;
}

/** True when an assignment that is not done is past its due date on `today`. */
export function isOverdue(due: IsoDate | null, today: IsoDate): boolean {
  return due !== null && due < today;
}

/** All zero. */
export function emptyCounts(): Counts {
  return { total: 0, done: 0, open: 0, overdue: 0, pendingReview: 0 };
}

/** Adds `b` into `a` (mutates `a`). */
export function addCounts(a: Counts, b: Counts): Counts {
  a.total += b.total;
  a.done += b.done;
  a.open += b.open;
  a.overdue += b.overdue;
  a.pendingReview += b.pendingReview;
  return a;
}

/**
 * Whole percent done, rounded to nearest but never to a misleading end: 119 of 120 is 99 %, never a
 * premature 100 %, and 1 of 165 is 1 %, not a discouraging 0 %.
 */
export function percentDone(c: Pick<Counts, "total" | "done">): number {
  if (c.total === 0 || c.done === 0) return 0;
  if (c.done >= c.total) return 100;
  return Math.min(99, Math.max(1, Math.round((c.done * 100) / c.total)));
}

/** Where one assignment stands: `review` = marked, waiting for a report to be accepted. */
export type AssignmentState = "done" | "overdue" | "review" | "returned" | "open";

/** The state of one assignment on `today` (done first, then late, then why it is open). */
export function assignmentState(a: DoneFacts & { due: IsoDate | null }, today: IsoDate): AssignmentState {
  if (isDone(a)) return "done";
  if (isOverdue(a.due, today)) return "overdue";
  if (a.status === "done") return "review";
  if (a.reviewState === "returned") return "returned";
  return "open";
}
