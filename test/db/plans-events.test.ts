import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../db/database.js";
import { listAwaitedEvents, publishPlan, recordEvent, savePlanDraft } from "../../db/queries/plans.js";
import { dated, item, plan, relative } from "./plans-fixtures.js";

const at = new Date("2025-04-30T12:00:00Z");
let db: DB;
beforeEach(async () => {
  db = await openMigratedDatabase(":memory:");
});
afterEach(async () => {
  await db.destroy();
});

const NOKO = "поступления информации о результатах НОКО";

const nokoPlan = () =>
  plan([
    item("1", "Подготовка", dated([null, "2025-03-01"]), ["Общественный совет"]),
    item(
      "2",
      "Рассмотрение результатов",
      relative(`в течение 10 дней со дня ${NOKO}`, { days: 10, after: NOKO }),
      ["Общественный совет"],
    ),
    item(
      "3",
      "Предложения по улучшению",
      relative(`в течение 5 рабочих дней после ${NOKO}`, {
        days: 5,
        business: true,
        after: NOKO,
      }),
      ["Организации-операторы", "Общественный совет"],
    ),
    item("4", "После проведения НОКО", relative("После проведения НОКО", { after: "проведения НОКО" }), [
      "Общественный совет",
    ]),
    item(
      "5",
      "Заявка",
      relative("не позднее чем за 30 дней до начала НОКО", { days: 30, before: "начала НОКО" }),
      ["Общественный совет"],
    ),
  ]);

async function publishedNoko(): Promise<number> {
  const id = await savePlanDraft(db, nokoPlan(), { sourceName: null, createdBy: null, at });
  await publishPlan(db, id, { by: null, at });
  return id;
}

async function occurrences(planId: number) {
  return db
    .selectFrom("occurrences as o")
    .innerJoin("items as i", "i.id", "o.item_id")
    .where("i.plan_id", "=", planId)
    .select(["i.number", "o.seq", "o.start_date", "o.due_date", "o.kind", "o.event_id"])
    .orderBy("i.position")
    .orderBy("o.seq")
    .execute();
}

const assignmentCount = async () =>
  Number(
    (
      await db
        .selectFrom("assignments")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("relative deadlines and recordEvent", () => {
  it("creates no occurrence for relative items until their event is recorded", async () => {
    const id = await publishedNoko();
    expect((await occurrences(id)).map((o) => o.number)).toEqual(["1"]);
    const awaited = await listAwaitedEvents(db);
    expect(awaited.map((e) => [e.name, e.items.map((i) => i.number)])).toEqual([
      [NOKO, ["2", "3"]],
      ["проведения НОКО", ["4"]],
      ["начала НОКО", ["5"]],
    ]);
  });

  it("creates the waiting occurrences with calendar and working days, and their assignments", async () => {
    const id = await publishedNoko();
    const before = await assignmentCount();
    // Spelled differently from the plan: case and spacing do not matter.
    const r = await recordEvent(db, {
      planId: id,
      name: "Поступления  информации о результатах НОКО",
      date: "2025-04-30",
      by: 5,
      at,
    });

    // 10 calendar days after 30 April; 5 working days after it skip 1–4 May and 8–11 May (decree № 1335).
    expect(r.occurrences.map((o) => [o.itemNumber, o.start, o.due])).toEqual([
      ["2", "2025-04-30", "2025-05-10"],
      ["3", "2025-04-30", "2025-05-13"],
    ]);
    const stored = (await occurrences(id)).filter((o) => o.kind === "relative");
    expect(stored.map((o) => [o.number, o.seq, o.start_date, o.due_date, o.event_id])).toEqual([
      ["2", 1, "2025-04-30", "2025-05-10", r.eventId],
      ["3", 1, "2025-04-30", "2025-05-13", r.eventId],
    ]);
    // Item 2: one unit; item 3: two roles, one unit each.
    expect(r.assignments).toBe(3);
    expect(await assignmentCount()).toBe(before + 3);
    const event = await db.selectFrom("events").selectAll().executeTakeFirstOrThrow();
    expect(event).toMatchObject({ plan_id: id, occurred_on: "2025-04-30", recorded_by: 5 });
    expect(
      await db.selectFrom("audit_log").select("action").where("action", "=", "event.record").execute(),
    ).toHaveLength(1);
  });

  it("records an event that only names a day, and one that a deadline comes before", async () => {
    const id = await publishedNoko();
    const after = await recordEvent(db, {
      planId: null,
      name: "проведения НОКО",
      date: "2025-06-02",
      by: null,
      at,
    });
    expect(after.occurrences.map((o) => [o.itemNumber, o.start, o.due])).toEqual([
      ["4", "2025-06-02", "2025-06-02"],
    ]);
    const before = await recordEvent(db, {
      planId: id,
      name: "начала НОКО",
      date: "2025-09-01",
      by: null,
      at,
    });
    expect(before.occurrences.map((o) => [o.itemNumber, o.start, o.due])).toEqual([
      ["5", null, "2025-08-02"],
    ]);
  });

  it("creates nothing twice for the same event, and nothing in drafts", async () => {
    const id = await publishedNoko();
    const draft = await savePlanDraft(db, nokoPlan(), { sourceName: null, createdBy: null, at });
    const first = await recordEvent(db, { planId: null, name: NOKO, date: "2025-04-30", by: null, at });
    const again = await recordEvent(db, { planId: null, name: NOKO, date: "2025-04-30", by: null, at });
    expect(first.occurrences).toHaveLength(2);
    expect(again).toEqual({ eventId: first.eventId, occurrences: [], assignments: 0 });
    expect(await occurrences(draft)).toEqual([]);
    // A later round of the same event is a new event: a second occurrence each.
    const next = await recordEvent(db, { planId: id, name: NOKO, date: "2025-10-01", by: null, at });
    expect(next.occurrences.map((o) => [o.itemNumber, o.due])).toEqual([
      ["2", "2025-10-11"],
      ["3", "2025-10-08"],
    ]);
    expect((await occurrences(id)).filter((o) => o.number === "2").map((o) => o.seq)).toEqual([1, 2]);
  });

  it("refuses a bad date, an empty name and a plan that is not published, storing nothing", async () => {
    const id = await publishedNoko();
    const draft = await savePlanDraft(db, nokoPlan(), { sourceName: null, createdBy: null, at });
    await expect(
      recordEvent(db, { planId: id, name: NOKO, date: "2025-02-30", by: null, at }),
    ).rejects.toMatchObject({
      code: "bad_event",
    });
    await expect(
      recordEvent(db, { planId: id, name: "  ", date: "2025-02-03", by: null, at }),
    ).rejects.toMatchObject({
      code: "bad_event",
    });
    await expect(
      recordEvent(db, { planId: draft, name: NOKO, date: "2025-02-03", by: null, at }),
    ).rejects.toMatchObject({
      code: "not_published",
    });
    expect(await db.selectFrom("events").selectAll().execute()).toEqual([]);
  });
});
