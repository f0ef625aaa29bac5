// Everything late, by unit (/overdue, the unit screen, reminders). Pure.
import { daysBetween } from "../agenda.js";
import type { IsoDate } from "../plan/types.js";
import { isDone, isOverdue } from "./counts.js";
import type { ReviewState, StatusScope } from "./types.js";

/** An assignment past its due date that may still be open (loaded by db/queries/status.ts). */
export interface OverdueCandidate {
  assignmentId: number;
  planId: number;
  planTitle: string;
  markCountsAsDone: boolean;
  itemId: number;
  itemNumber: string;
  itemTitle: string;
  itemPosition: number;
  needsAcceptedReport: boolean;
  unitId: number;
  unitName: string;
  roleName: string;
  due: IsoDate;
  status: "open" | "done";
  reviewState: ReviewState;
}

export interface OverdueItem {
  assignmentId: number;
  planId: number;
  planTitle: string;
  itemId: number;
  number: string;
  title: string;
  due: IsoDate;
  daysLate: number;
}

export interface OverdueUnit {
  unitId: number;
  unitName: string;
  roleName: string;
  items: OverdueItem[];
}

/**
 * The assignments not done whose due date is before `today`, of units in `scope`, grouped by
 * unit (by name); each unit's items in plan order (plan, then item position, then due date).
 */
export function overdueByUnit(
  candidates: readonly OverdueCandidate[],
  today: IsoDate,
  scope: StatusScope,
): OverdueUnit[] {
  const units = new Map<number, OverdueUnit & { order: Map<number, number> }>();
  for (const c of candidates) {
    if (scope !== "all" && !scope.has(c.unitId)) continue;
    if (!isOverdue(c.due, today)) continue;
    if (
      isDone({
        status: c.status,
        reviewState: c.reviewState,
        needsAcceptedReport: c.needsAcceptedReport,
        markCountsAsDone: c.markCountsAsDone,
      })
    )
      continue;
    let u = units.get(c.unitId);
    if (!u) {
      u = { unitId: c.unitId, unitName: c.unitName, roleName: c.roleName, items: [], order: new Map() };
      units.set(c.unitId, u);
    }
    u.order.set(c.assignmentId, c.itemPosition);
    u.items.push({
      assignmentId: c.assignmentId,
      planId: c.planId,
      planTitle: c.planTitle,
      itemId: c.itemId,
      number: c.itemNumber,
      title: c.itemTitle,
      due: c.due,
      daysLate: daysBetween(c.due, today),
    });
  }
  return [...units.values()]
    .map(({ order, ...u }) => ({
      ...u,
      items: u.items.sort(
        (a, b) =>
          a.planId - b.planId ||
          (order.get(a.assignmentId) ?? 0) - (order.get(b.assignmentId) ?? 0) ||
          (a.due < b.due ? -1 : a.due > b.due ? 1 : 0),
      ),
    }))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, "ru", { numeric: true }) || a.unitId - b.unitId);
}

/** A unit's late items with repeated occurrences of one item folded: the oldest kept, and how many. */
export function foldOccurrences(items: readonly OverdueItem[]): (OverdueItem & { occurrences: number })[] {
  const byItem = new Map<number, OverdueItem & { occurrences: number }>();
  for (const i of items) {
    const seen = byItem.get(i.itemId);
    if (!seen) byItem.set(i.itemId, { ...i, occurrences: 1 });
    else {
      seen.occurrences++;
      if (i.daysLate > seen.daysLate) Object.assign(seen, { ...i, occurrences: seen.occurrences });
    }
  }
  return [...byItem.values()];
}
