// Per-unit counts of one plan from rows grouped in SQL by unit (not by item): what the unit and
// role screens and the chart by unit need, without loading every assignment.
import { emptyCounts, isDone } from "./counts.js";
import type { Counts, ReviewState, StatusScope } from "./types.js";

/** `n` assignments of one unit alike in what is counted; `late`: due before the day counted for. */
export interface UnitGroup {
  unitId: number;
  needsAcceptedReport: boolean;
  status: "open" | "done";
  reviewState: ReviewState;
  late: boolean;
  n: number;
}

/**
 * Each unit's own counts (units in `scope` only), by the same rules as `computeStatus`: done by
 * `isDone`, overdue when not done and late. Units in the order first seen.
 */
export function countByUnit(
  groups: readonly UnitGroup[],
  markCountsAsDone: boolean,
  scope: StatusScope,
): { unitId: number; counts: Counts }[] {
  const byUnit = new Map<number, Counts>();
  for (const g of groups) {
    if (scope !== "all" && !scope.has(g.unitId)) continue;
    let c = byUnit.get(g.unitId);
    if (!c) {
      c = emptyCounts();
      byUnit.set(g.unitId, c);
    }
    const done = isDone({ ...g, markCountsAsDone });
    c.total += g.n;
    if (done) c.done += g.n;
    else {
      c.open += g.n;
      if (g.late) c.overdue += g.n;
    }
    if (g.reviewState === "pending") c.pendingReview += g.n;
  }
  return [...byUnit].map(([unitId, counts]) => ({ unitId, counts }));
}
