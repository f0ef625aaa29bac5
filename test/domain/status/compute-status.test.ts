// The pure aggregation of status: done / open / overdue at every level, the review rules, scope,
// nearest deadlines, rows grouped over units, unit subtrees.
import { describe, expect, it } from "vitest";
import { computeStatus } from "../../../src/domain/status/compute-status.js";
import { assignmentState, isDone, percentDone } from "../../../src/domain/status/counts.js";
import type { Counts, StatusAssignment, StatusRows } from "../../../src/domain/status/types.js";
import { countByUnit } from "../../../src/domain/status/unit-counts.js";
import { unitTree } from "../../../src/domain/status/unit-tree.js";

const TODAY = "2021-10-25";

// Plan 1 counts a mark as done; plan 2 waits for review. Units: region 1 > district 2 > schools 3, 4;
// district 5 > school 6; an operator 7 on its own.
function world(assignments: Omit<StatusAssignment, "n" | "roleId">[]): StatusRows {
  const roleOf: Record<number, number> = { 1: 1, 2: 2, 5: 2, 3: 3, 4: 3, 6: 3, 7: 4 };
  return {
    plans: [
      { id: 1, title: "НОК ДОД 2021", status: "published", markCountsAsDone: true },
      { id: 2, title: "План совета", status: "published", markCountsAsDone: false },
    ],
    sections: [
      { id: 10, planId: 1, number: "I", title: "Подготовка", position: 0 },
      { id: 11, planId: 1, number: "II", title: "Проведение", position: 1 },
    ],
    items: [
      {
        id: 100,
        planId: 1,
        sectionId: 10,
        number: "1",
        title: "Письма",
        deadlineRaw: "",
        position: 0,
        needsAcceptedReport: false,
      },
      {
        id: 101,
        planId: 1,
        sectionId: 10,
        number: "2",
        title: "Списки",
        deadlineRaw: "",
        position: 1,
        needsAcceptedReport: true,
      },
      {
        id: 102,
        planId: 1,
        sectionId: 11,
        number: "3",
        title: "Анкеты",
        deadlineRaw: "",
        position: 2,
        needsAcceptedReport: false,
      },
      {
        id: 200,
        planId: 2,
        sectionId: null,
        number: "1",
        title: "Заседание",
        deadlineRaw: "",
        position: 0,
        needsAcceptedReport: false,
      },
    ],
    roles: [
      { id: 1, name: "Министерство" },
      { id: 2, name: "Органы местного самоуправления" },
      { id: 3, name: "Образовательные организации" },
      { id: 4, name: "Организация-оператор" },
    ],
    units: [
      { id: 1, name: "Министерство", roleId: 1, parentId: null },
      { id: 2, name: "Бежецкий район", roleId: 2, parentId: 1 },
      { id: 3, name: "Школа № 1", roleId: 3, parentId: 2 },
      { id: 4, name: "Школа № 2", roleId: 3, parentId: 2 },
      { id: 5, name: "Кимрский район", roleId: 2, parentId: 1 },
      { id: 6, name: "Школа № 3", roleId: 3, parentId: 5 },
      { id: 7, name: "Оператор", roleId: 4, parentId: null },
    ],
    assignments: assignments.map((a) => ({ ...a, n: 1, roleId: roleOf[a.unitId ?? 0] ?? 0 })),
  };
}

const open = (itemId: number, unitId: number, due: string | null) =>
  ({ itemId, unitId, due, status: "open", reviewState: "none" }) as const;
const done = (
  itemId: number,
  unitId: number,
  due: string | null,
  reviewState: StatusAssignment["reviewState"] = "none",
) => ({ itemId, unitId, due, status: "done", reviewState }) as const;

const counts = (c: Counts) => [c.total, c.done, c.open, c.overdue, c.pendingReview];

describe("when an assignment counts as done", () => {
  it("a mark counts unless the item needs an accepted report or the plan waits for review", () => {
    const base = { needsAcceptedReport: false, markCountsAsDone: true };
    expect(isDone({ ...base, status: "open", reviewState: "none" })).toBe(false);
    expect(isDone({ ...base, status: "done", reviewState: "none" })).toBe(true);
    expect(isDone({ ...base, status: "done", reviewState: "pending" })).toBe(true);
    expect(isDone({ ...base, markCountsAsDone: false, status: "done", reviewState: "pending" })).toBe(false);
    expect(isDone({ ...base, markCountsAsDone: false, status: "done", reviewState: "none" })).toBe(true);
    expect(isDone({ ...base, markCountsAsDone: false, status: "done", reviewState: "accepted" })).toBe(true);
    expect(isDone({ ...base, needsAcceptedReport: true, status: "done", reviewState: "pending" })).toBe(
      false,
    );
    expect(isDone({ ...base, needsAcceptedReport: true, status: "done", reviewState: "none" })).toBe(false);
    expect(isDone({ ...base, needsAcceptedReport: true, status: "done", reviewState: "accepted" })).toBe(
      true,
    );
    // An accepted report whose mark was undone afterwards is open again.
    expect(isDone({ ...base, status: "open", reviewState: "accepted" })).toBe(false);
  });

  it("states: late only when not done and past due; marked-but-waiting and returned apart", () => {
    const f = { needsAcceptedReport: false, markCountsAsDone: false };
    expect(assignmentState({ ...f, status: "open", reviewState: "none", due: "2021-10-24" }, TODAY)).toBe(
      "overdue",
    );
    expect(assignmentState({ ...f, status: "open", reviewState: "none", due: TODAY }, TODAY)).toBe("open");
    expect(assignmentState({ ...f, status: "open", reviewState: "none", due: null }, TODAY)).toBe("open");
    expect(assignmentState({ ...f, status: "done", reviewState: "pending", due: "2021-10-30" }, TODAY)).toBe(
      "review",
    );
    expect(assignmentState({ ...f, status: "done", reviewState: "pending", due: "2021-10-01" }, TODAY)).toBe(
      "overdue",
    );
    expect(assignmentState({ ...f, status: "open", reviewState: "returned", due: "2021-10-30" }, TODAY)).toBe(
      "returned",
    );
    expect(assignmentState({ ...f, status: "done", reviewState: "none", due: "2021-10-01" }, TODAY)).toBe(
      "done",
    );
  });

  it("percent is rounded, but neither to a premature 100 % nor to a discouraging 0 %", () => {
    expect(percentDone({ done: 119, total: 120 })).toBe(99);
    expect(percentDone({ done: 120, total: 120 })).toBe(100);
    expect(percentDone({ done: 34, total: 120 })).toBe(28);
    expect(percentDone({ done: 1, total: 17 })).toBe(6);
    expect(percentDone({ done: 1, total: 165 })).toBe(1);
    expect(percentDone({ done: 0, total: 165 })).toBe(0);
    expect(percentDone({ done: 0, total: 0 })).toBe(0);
  });
});

describe("computeStatus", () => {
  const list = [
    done(100, 2, "2021-10-08"),
    open(100, 5, "2021-10-08"), // 17 days late
    done(100, 3, "2021-10-08", "pending"), // plan 1 counts the mark
    open(101, 3, "2021-10-29"),
    done(101, 4, "2021-10-29", "pending"), // needs an accepted report: open, not late yet
    done(101, 6, "2021-10-20", "accepted"),
    open(102, 3, "2021-11-26"),
    open(102, 4, TODAY), // due today: open, not overdue
    open(102, 7, null), // continuous: never overdue
    done(200, 2, "2020-03-31", "pending"), // plan 2 waits for review: open and late
    open(200, 5, "2020-03-31"),
  ];
  const rows = world(list);

  it("counts every level, done + open = total, overdue = open past due", () => {
    const r = computeStatus(rows, TODAY, "all");
    expect(counts(r.counts)).toEqual([11, 3, 8, 3, 3]);
    const [p1, p2] = r.plans;
    expect(counts(p1!.counts)).toEqual([9, 3, 6, 1, 2]);
    expect(counts(p2!.counts)).toEqual([2, 0, 2, 2, 1]);
    expect(p1!.sections.map((s) => [s.sectionId, ...counts(s.counts)])).toEqual([
      [10, 6, 3, 3, 1, 2],
      [11, 3, 0, 3, 0, 0],
    ]);
    expect(p2!.sections.map((s) => s.sectionId)).toEqual([null]);
    expect(p1!.items.map((i) => [i.itemId, ...counts(i.counts), i.nextDue, i.maxDaysLate])).toEqual([
      [100, 3, 2, 1, 1, 1, null, 17],
      [101, 3, 1, 2, 0, 1, "2021-10-29", 0],
      [102, 3, 0, 3, 0, 0, TODAY, 0],
    ]);
    expect(p1!.roles.map((x) => [x.roleId, ...counts(x.counts)])).toEqual([
      [3, 6, 2, 4, 0, 2], // by name: «Образовательные…», «Организация-оператор», «Органы…»
      [4, 1, 0, 1, 0, 0],
      [2, 2, 1, 1, 1, 0],
    ]);
    expect(p1!.units.map((u) => u.unitId)).toEqual([2, 5, 7, 3, 4, 6]);
    for (const plan of r.plans) {
      for (const c of [
        plan.counts,
        ...plan.sections.map((s) => s.counts),
        ...plan.items.map((i) => i.counts),
      ])
        expect(c.done + c.open).toBe(c.total);
    }
  });

  it("keeps the nearest upcoming deadlines with open assignments, soonest first", () => {
    const p1 = computeStatus(rows, TODAY, "all").plans[0]!;
    expect(p1.nearest).toEqual([
      { itemId: 102, due: TODAY, open: 1 },
      { itemId: 101, due: "2021-10-29", open: 2 },
      { itemId: 102, due: "2021-11-26", open: 1 },
    ]);
  });

  it("a scoped reader counts only their units, and sees only plans they have assignments in", () => {
    const bezh = new Set([2, 3, 4]);
    const r = computeStatus(rows, TODAY, bezh);
    expect(r.plans.map((p) => p.plan.id)).toEqual([1, 2]);
    expect(counts(r.plans[0]!.counts)).toEqual([6, 2, 4, 0, 2]);
    const school3 = computeStatus(rows, TODAY, new Set([6]));
    expect(school3.plans.map((p) => p.plan.id)).toEqual([1]);
    expect(counts(school3.counts)).toEqual([1, 1, 0, 0, 0]);
    // "all" reports every plan given, a draft with nothing assigned too.
    const withDraft = {
      ...rows,
      plans: [...rows.plans, { id: 3, title: "Черновик", status: "draft" as const, markCountsAsDone: true }],
    };
    expect(computeStatus(withDraft, TODAY, "all").plans.map((p) => [p.plan.id, p.counts.total])).toEqual([
      [1, 9],
      [2, 2],
      [3, 0],
    ]);
    expect(computeStatus(withDraft, TODAY, bezh).plans.map((p) => p.plan.id)).toEqual([1, 2]);
  });

  it("rows grouped over units give the same plan, section, role and item counts", () => {
    // Two more schools open on item 3 by 26.11 and one more late on plan 2: rows that fold.
    const more = world([
      ...list,
      open(102, 4, "2021-11-26"),
      open(102, 6, "2021-11-26"),
      open(200, 2, "2020-03-31"),
    ]);
    const full = computeStatus(more, TODAY, "all");
    const groups = new Map<string, StatusAssignment>();
    for (const a of more.assignments) {
      const key = [a.itemId, a.roleId, a.due, a.status, a.reviewState].join("|");
      const g = groups.get(key);
      if (g) g.n += 1;
      else groups.set(key, { ...a, unitId: null, n: 1 });
    }
    expect(groups.size).toBe(more.assignments.length - 3);
    const grouped = computeStatus({ ...more, assignments: [...groups.values()] }, TODAY, "all");
    expect(grouped.counts).toEqual(full.counts);
    for (const [i, plan] of grouped.plans.entries()) {
      const other = full.plans[i]!;
      expect(plan.counts).toEqual(other.counts);
      expect(plan.sections).toEqual(other.sections);
      expect(plan.roles).toEqual(other.roles);
      expect(plan.items).toEqual(other.items);
      expect(plan.nearest).toEqual(other.nearest);
      expect(plan.units).toEqual([]);
    }
  });
});

describe("unitTree", () => {
  const rows = world([
    open(100, 2, "2021-10-08"),
    done(100, 3, "2021-10-08"),
    open(101, 4, "2021-10-01"),
    open(101, 6, "2021-10-29"),
    done(102, 7, null),
  ]);

  it("rolls counts up to visible ancestors; roots are the top of what the reader sees", () => {
    const plan = computeStatus(rows, TODAY, "all").plans[0]!;
    const all = unitTree(plan.units, rows.units, "all");
    expect(all.roots).toEqual([1, 7]); // the ministry has no assignment of its own: its subtree counts
    expect(counts(all.counts.get(2)!.subtree)).toEqual([3, 1, 2, 2, 0]);
    expect(counts(all.counts.get(2)!.own)).toEqual([1, 0, 1, 1, 0]);
    expect(all.children.get(2)).toEqual([3, 4]);
  });

  it("a municipal coordinator's tree starts at their municipality, nothing counted above it", () => {
    const scope = new Set([2, 3, 4]);
    const plan = computeStatus(rows, TODAY, scope).plans[0]!;
    const tree = unitTree(plan.units, rows.units, scope);
    expect(tree.roots).toEqual([2]);
    expect(tree.counts.has(1)).toBe(false);
    expect(tree.counts.has(6)).toBe(false);
    expect(counts(tree.counts.get(2)!.subtree)).toEqual([3, 1, 2, 2, 0]);
  });
});

describe("countByUnit (rows grouped by unit in SQL)", () => {
  it("gives each unit the counts computeStatus gives it", () => {
    const rows = world([
      open(100, 2, "2021-10-08"),
      done(100, 3, "2021-10-08", "pending"),
      done(101, 3, "2021-10-29", "pending"),
      open(101, 4, "2021-10-01"),
      done(101, 6, "2021-10-20", "accepted"),
      open(102, 6, null),
    ]);
    const plan = computeStatus(rows, TODAY, "all").plans[0]!;
    const items = new Map(rows.items.map((i) => [i.id, i]));
    const groups = rows.assignments.map((a) => ({
      unitId: a.unitId as number,
      needsAcceptedReport: items.get(a.itemId)!.needsAcceptedReport,
      status: a.status,
      reviewState: a.reviewState,
      late: a.due !== null && a.due < TODAY,
      n: 1,
    }));
    const byUnit = countByUnit(groups, true, "all").sort((a, b) => a.unitId - b.unitId);
    expect(byUnit).toEqual([...plan.units].sort((a, b) => a.unitId - b.unitId));
    expect(countByUnit(groups, true, new Set([3])).map((u) => [u.unitId, ...counts(u.counts)])).toEqual([
      [3, 2, 1, 1, 0, 2],
    ]);
  });
});
