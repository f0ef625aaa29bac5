// How plans stand on a given day: done / open / overdue per plan, section, role, unit and item,
// and the nearest deadlines. Pure: rows, the day and the reader's scope come in.
import { daysBetween } from "../agenda.js";
import type { IsoDate } from "../plan/types.js";
import { addCounts, emptyCounts, isDone, isOverdue } from "./counts.js";
import type {
  Counts,
  ItemStatus,
  NearestDeadline,
  PlanStatusReport,
  StatusItem,
  StatusReport,
  StatusRows,
  StatusScope,
} from "./types.js";

/** How many upcoming deadlines a plan's report keeps. */
export const NEAREST_MAX = 5;

interface ItemAcc {
  item: StatusItem;
  counts: Counts;
  nextDue: IsoDate | null;
  maxDaysLate: number;
  /** Open assignments by due date (today or later). */
  upcoming: Map<IsoDate, number>;
}

function bump(c: Counts, n: number, done: boolean, overdue: boolean, pending: boolean): void {
  c.total += n;
  if (done) c.done += n;
  else c.open += n;
  if (overdue) c.overdue += n;
  if (pending) c.pendingReview += n;
}

function counter<K>(map: Map<K, Counts>, key: K): Counts {
  let c = map.get(key);
  if (!c) {
    c = emptyCounts();
    map.set(key, c);
  }
  return c;
}

function byName<T>(list: T[], name: (x: T) => string): T[] {
  return list.sort((a, b) => name(a).localeCompare(name(b), "ru", { numeric: true }));
}

/**
 * The status of every plan in `rows` on `today`, counting only assignments of units in `scope`
 * (rows grouped over units, `unitId` null, were limited to the scope by their loader).
 * With scope "all" every plan given is reported (a draft with zero counts too); with a set of
 * units, only plans with at least one assignment in it. `done + open = total` at every level;
 * overdue counts open assignments whose due date is before `today`; a report waiting for review
 * leaves its assignment open unless the plan counts a mark as done (see `isDone`).
 */
export function computeStatus(rows: StatusRows, today: IsoDate, scope: StatusScope): StatusReport {
  const plans = new Map(rows.plans.map((p) => [p.id, p]));
  const items = new Map(rows.items.map((i) => [i.id, i]));
  const itemAcc = new Map<number, ItemAcc>();
  const unitCounts = new Map<number, Map<number, Counts>>(); // plan → unit → counts
  const roleCounts = new Map<number, Map<number, Counts>>(); // plan → role → counts

  for (const a of rows.assignments) {
    if (a.unitId !== null && scope !== "all" && !scope.has(a.unitId)) continue;
    const item = items.get(a.itemId);
    if (!item) continue;
    const plan = plans.get(item.planId);
    if (!plan) continue;
    const done = isDone({
      status: a.status,
      reviewState: a.reviewState,
      needsAcceptedReport: item.needsAcceptedReport,
      markCountsAsDone: plan.markCountsAsDone,
    });
    const overdue = !done && isOverdue(a.due, today);
    const pending = a.reviewState === "pending";

    let acc = itemAcc.get(item.id);
    if (!acc) {
      acc = { item, counts: emptyCounts(), nextDue: null, maxDaysLate: 0, upcoming: new Map() };
      itemAcc.set(item.id, acc);
    }
    bump(acc.counts, a.n, done, overdue, pending);
    if (!done && a.due !== null) {
      if (overdue) acc.maxDaysLate = Math.max(acc.maxDaysLate, daysBetween(a.due, today));
      else {
        if (acc.nextDue === null || a.due < acc.nextDue) acc.nextDue = a.due;
        acc.upcoming.set(a.due, (acc.upcoming.get(a.due) ?? 0) + a.n);
      }
    }

    if (a.unitId !== null) {
      let units = unitCounts.get(plan.id);
      if (!units) {
        units = new Map();
        unitCounts.set(plan.id, units);
      }
      bump(counter(units, a.unitId), a.n, done, overdue, pending);
    }
    let roles = roleCounts.get(plan.id);
    if (!roles) {
      roles = new Map();
      roleCounts.set(plan.id, roles);
    }
    bump(counter(roles, a.roleId), a.n, done, overdue, pending);
  }

  const sectionPos = new Map(rows.sections.map((s) => [s.id, s.position]));
  const roleName = new Map(rows.roles.map((r) => [r.id, r.name]));
  const unitName = new Map(rows.units.map((u) => [u.id, u.name]));
  const accsByPlan = new Map<number, ItemAcc[]>();
  for (const acc of itemAcc.values()) {
    const list = accsByPlan.get(acc.item.planId) ?? [];
    list.push(acc);
    accsByPlan.set(acc.item.planId, list);
  }

  const total = emptyCounts();
  const reports: PlanStatusReport[] = [];
  for (const plan of rows.plans) {
    const accs = (accsByPlan.get(plan.id) ?? []).sort((a, b) => a.item.position - b.item.position);
    if (accs.length === 0 && scope !== "all") continue;
    const counts = emptyCounts();
    const sections = new Map<number | null, Counts>();
    const nearest: NearestDeadline[] = [];
    const itemStatuses: ItemStatus[] = [];
    const position = new Map<number, number>();
    for (const acc of accs) {
      addCounts(counts, acc.counts);
      addCounts(counter(sections, acc.item.sectionId), acc.counts);
      for (const [due, open] of acc.upcoming) nearest.push({ itemId: acc.item.id, due, open });
      position.set(acc.item.id, acc.item.position);
      itemStatuses.push({
        itemId: acc.item.id,
        counts: acc.counts,
        nextDue: acc.nextDue,
        maxDaysLate: acc.maxDaysLate,
      });
    }
    addCounts(total, counts);
    nearest.sort((a, b) =>
      a.due === b.due
        ? (position.get(a.itemId) ?? 0) - (position.get(b.itemId) ?? 0)
        : a.due < b.due
          ? -1
          : 1,
    );
    const sectionOrder = (id: number | null) => (id === null ? -1 : (sectionPos.get(id) ?? 0));
    reports.push({
      plan,
      counts,
      nearest: nearest.slice(0, NEAREST_MAX),
      sections: [...sections]
        .map(([sectionId, c]) => ({ sectionId, counts: c }))
        .sort((a, b) => sectionOrder(a.sectionId) - sectionOrder(b.sectionId)),
      roles: byName(
        [...(roleCounts.get(plan.id) ?? [])].map(([roleId, c]) => ({ roleId, counts: c })),
        (r) => roleName.get(r.roleId) ?? "",
      ),
      units: byName(
        [...(unitCounts.get(plan.id) ?? [])].map(([unitId, c]) => ({ unitId, counts: c })),
        (u) => unitName.get(u.unitId) ?? "",
      ),
      items: itemStatuses,
    });
  }
  return { today, counts: total, plans: reports };
}
