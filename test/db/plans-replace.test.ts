import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../db/database.js";
import {
  addUnitAssignments,
  getPlan,
  publishPlan,
  recordEvent,
  savePlanDraft,
} from "../../db/queries/plans.js";
import type { ParsedPlan } from "../../src/domain/plan/types.js";
import { dated, item, plan, quarterly, relative } from "./plans-fixtures.js";

const at = new Date("2025-05-20T09:00:00Z");
let db: DB;
beforeEach(async () => {
  db = await openMigratedDatabase(":memory:");
});
afterEach(async () => {
  await db.destroy();
});

const NOKO = "поступления информации о результатах НОКО";
const MO = "Муниципальные организаторы";

const version1 = () =>
  plan([
    item("1", "Утвердить положение о совете", dated([null, "2025-03-31"]), [MO]),
    item("2", "Отчёт о проведении", quarterly(2025), [MO]),
    item("3", "Семинар для организаторов", dated([null, "2025-04-15"]), [MO]),
    item("4", "Старое мероприятие", dated([null, "2025-04-20"]), [MO]),
    item(
      "5",
      "Рассмотреть результаты",
      relative(`в течение 10 дней со дня ${NOKO}`, { days: 10, after: NOKO }),
      [MO],
    ),
  ]);

// The corrected version: item 1 reworded only in punctuation, item 3 moved to another date,
// item 4 renamed, item 6 new; item 2 and 5 as they were.
const version2 = () =>
  plan([
    item("1.", "Утвердить положение  о совете.", dated([null, "2025-03-31"]), [MO]),
    item("2", "Отчёт о проведении", quarterly(2025), [MO]),
    item("3", "Семинар для организаторов", dated([null, "2025-06-15"]), [MO]),
    item("4", "Новое мероприятие", dated([null, "2025-04-20"]), [MO]),
    item(
      "5",
      "Рассмотреть результаты",
      relative(`в течение 10 дней со дня ${NOKO}`, { days: 10, after: NOKO }),
      [MO],
    ),
    item("6", "Дополнительный пункт", dated([null, "2025-07-01"]), [MO]),
  ]);

async function publish(p: ParsedPlan, replaces?: number) {
  const id = await savePlanDraft(db, p, { sourceName: null, createdBy: null, at });
  const result = await publishPlan(db, id, { by: 9, at, replaces });
  return { id, result };
}

async function addUnit(name: string): Promise<number> {
  const role = await db.selectFrom("roles").select("id").where("name", "=", MO).executeTakeFirstOrThrow();
  return (
    await db
      .insertInto("units")
      .values({
        role_id: role.id,
        name,
        parent_unit_id: null,
        timezone: null,
        created_at: at.toISOString(),
        archived_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

/** The assignment of a unit for an item's occurrence number `seq` in a plan. */
async function assignment(planId: number, number: string, seq: number, unitId: number) {
  return db
    .selectFrom("assignments as a")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .where("i.plan_id", "=", planId)
    .where("i.number", "=", number)
    .where("o.seq", "=", seq)
    .where("a.unit_id", "=", unitId)
    .select(["a.id", "a.status", "a.done_at", "a.done_by", "a.comment", "a.review_state", "o.due_date"])
    .executeTakeFirstOrThrow();
}

async function markDone(
  assignmentId: number,
  comment: string | null,
  review: "none" | "pending" | "accepted" = "none",
) {
  await db
    .updateTable("assignments")
    .set({
      status: "done",
      done_at: at.toISOString(),
      done_by: 42,
      comment,
      review_state: review,
      updated_at: at.toISOString(),
    })
    .where("id", "=", assignmentId)
    .execute();
}

async function addReport(assignmentId: number, text: string): Promise<number> {
  const r = await db
    .insertInto("reports")
    .values({
      assignment_id: assignmentId,
      user_id: 42,
      text,
      created_at: at.toISOString(),
      review_state: "accepted",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("report_parts")
    .values({
      report_id: r.id,
      kind: "text",
      telegram_file_id: null,
      file_name: null,
      mime_type: null,
      size: null,
      local_path: null,
      text,
    })
    .execute();
  return r.id;
}

describe("publishing a corrected version of a published plan", () => {
  it("keeps marks, comments, reports and review states of unchanged items; changed and new items start open", async () => {
    const { id: oldId } = await publish(version1());
    const bezh = await addUnit("Бежецкий район");
    const kimry = await addUnit("Кимрский район");
    await addUnitAssignments(db, bezh);
    await addUnitAssignments(db, kimry);
    await recordEvent(db, { planId: oldId, name: NOKO, date: "2025-04-30", by: 9, at });

    const a1 = await assignment(oldId, "1", 1, bezh);
    await markDone(a1.id, "Положение утверждено приказом № 12", "accepted");
    const report = await addReport(a1.id, "Приказ № 12");
    await markDone((await assignment(oldId, "2", 1, bezh)).id, null); // Q1 done, Q2–Q4 open
    await markDone((await assignment(oldId, "3", 1, bezh)).id, "провели");
    await markDone((await assignment(oldId, "4", 1, kimry)).id, null);
    await markDone((await assignment(oldId, "5", 1, kimry)).id, "рассмотрено");

    const { id: newId, result } = await publish(version2(), oldId);

    expect(await getPlan(db, oldId)).toMatchObject({ status: "replaced" });
    expect(await getPlan(db, newId)).toMatchObject({ status: "published", replacesPlanId: oldId });
    expect(result.replaced).toEqual({
      planId: oldId,
      unchanged: 3, // 1, 2, 5
      changed: 2, // 3 (date moved), 4 (renamed)
      added: 1, // 6
      removed: 0,
      carried: 3, // 1 and 2 (Q1) of Бежецкий, 5 of Кимрский
      reports: 1,
    });

    // Item 1: the mark, comment, review state and report carried over; the other unit stays open.
    const n1 = await assignment(newId, "1.", 1, bezh);
    expect(n1).toMatchObject({
      status: "done",
      done_by: 42,
      comment: "Положение утверждено приказом № 12",
      review_state: "accepted",
    });
    expect(
      await db
        .selectFrom("reports")
        .select("assignment_id")
        .where("id", "=", report)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      assignment_id: n1.id,
    });
    expect((await assignment(newId, "1.", 1, kimry)).status).toBe("open");
    // Item 2: occurrence by occurrence — Q1 kept, Q2 open.
    expect((await assignment(newId, "2", 1, bezh)).status).toBe("done");
    expect((await assignment(newId, "2", 2, bezh)).status).toBe("open");
    // Item 3 moved to another date, item 4 renamed, item 6 new: open.
    expect(await assignment(newId, "3", 1, bezh)).toMatchObject({
      status: "open",
      comment: null,
      due_date: "2025-06-15",
    });
    expect((await assignment(newId, "4", 1, kimry)).status).toBe("open");
    expect((await assignment(newId, "6", 1, kimry)).status).toBe("open");
    // Item 5: the event recorded for the old version gives the new one its occurrence, mark kept.
    expect(await assignment(newId, "5", 1, kimry)).toMatchObject({
      status: "done",
      comment: "рассмотрено",
      due_date: "2025-05-10",
    });
    expect(await db.selectFrom("events").select("plan_id").execute()).toEqual([{ plan_id: newId }]);

    // The old version is left as it was, except the reports that moved.
    expect((await assignment(oldId, "3", 1, bezh)).status).toBe("done");
    const audit = await db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "plan.replace")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("refuses to replace a plan that is not published (or itself) and leaves the draft untouched", async () => {
    const { id: published } = await publish(version1());
    const draft = await savePlanDraft(db, version2(), { sourceName: null, createdBy: null, at });
    const other = await savePlanDraft(db, version2(), { sourceName: null, createdBy: null, at });
    await expect(publishPlan(db, draft, { by: null, at, replaces: other })).rejects.toMatchObject({
      code: "not_published",
    });
    await expect(publishPlan(db, draft, { by: null, at, replaces: draft })).rejects.toMatchObject({
      code: "same_plan",
    });
    await expect(publishPlan(db, draft, { by: null, at, replaces: 404 })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await getPlan(db, draft)).toMatchObject({ status: "draft", assignments: 0 });
    expect(await getPlan(db, published)).toMatchObject({ status: "published" });

    await publishPlan(db, draft, { by: null, at, replaces: published });
    // A replaced plan cannot be replaced again.
    await expect(publishPlan(db, other, { by: null, at, replaces: published })).rejects.toMatchObject({
      code: "not_published",
    });
  });
});
