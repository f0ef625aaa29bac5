import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../db/database.js";
import {
  addUnitAssignments,
  cancelDraft,
  getPlan,
  listPlans,
  loadPlanItems,
  PlanStateError,
  publishPlan,
  savePlanDraft,
  setDraftItemDeadline,
} from "../../db/queries/plans.js";
import { continuous, dated, item, none, onDemand, plan, quarterly, unparsed } from "./plans-fixtures.js";

const at = new Date("2025-01-20T10:00:00Z");
let db: DB;
beforeEach(async () => {
  db = await openMigratedDatabase(":memory:");
});
afterEach(async () => {
  await db.destroy();
});

const count = async (
  table: "roles" | "units" | "occurrences" | "assignments" | "item_roles" | "plans" | "items",
) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function addUnit(roleName: string, name: string): Promise<number> {
  const role = await db
    .selectFrom("roles")
    .select("id")
    .where("name", "=", roleName)
    .executeTakeFirstOrThrow();
  const row = await db
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
    .executeTakeFirstOrThrow();
  return row.id;
}

async function occurrencesOfItem(planId: number, number: string) {
  return db
    .selectFrom("occurrences as o")
    .innerJoin("items as i", "i.id", "o.item_id")
    .where("i.plan_id", "=", planId)
    .where("i.number", "=", number)
    .select(["o.id", "o.seq", "o.start_date", "o.due_date", "o.kind", "o.event_id"])
    .orderBy("o.seq")
    .execute();
}

async function assignmentsOfItem(planId: number, number: string) {
  return db
    .selectFrom("assignments as a")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .where("i.plan_id", "=", planId)
    .where("i.number", "=", number)
    .select(["a.id", "o.seq", "o.due_date", "u.name as unit", "a.status"])
    .orderBy("o.seq")
    .orderBy("u.name")
    .execute();
}

const sample = () =>
  plan(
    [
      item(
        "1",
        "Утвердить порядок проведения",
        dated([null, "2025-03-31"], ["2025-06-01", "2025-06-30"]),
        ["Министерство образования"],
        { section: "I" },
      ),
      item("2", "Отчёт о проведении", quarterly(2025), ["Муниципальные организаторы"], { section: "I" }),
      item(
        "3",
        "Информировать население",
        continuous("2025-01-01", "2025-12-31"),
        ["Муниципальные организаторы", { name: "Министерство образования", people: ["Белокурова И.В."] }],
        { section: "II" },
      ),
      item("4", "Консультации", onDemand(), ["Организация-оператор"], { section: "II" }),
      item("5", "Без срока", none(), ["Организация-оператор"], { section: "II" }),
      item("6", "Непонятный срок", unparsed("мกราคม"), ["Организация-оператор"], { section: "II" }),
    ],
    { aliases: { "Министерство образования": ["МОиН УР"] } },
  );

describe("savePlanDraft", () => {
  it("stores the plan, its sections and items with their deadlines and executors, as a draft", async () => {
    const parsed = sample();
    const id = await savePlanDraft(db, parsed, { sourceName: "plan.txt", createdBy: 7, at });
    const row = await db.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: "draft",
      title: parsed.title,
      period_start: "2025-01-01",
      source_name: "plan.txt",
    });
    expect(JSON.parse(row.parsed_json)).toEqual(parsed);
    const items = await db
      .selectFrom("items")
      .selectAll()
      .where("plan_id", "=", id)
      .orderBy("position")
      .execute();
    expect(items.map((i) => [i.number, i.deadline_kind])).toEqual([
      ["1", "dated"],
      ["2", "recurring"],
      ["3", "continuous"],
      ["4", "on_demand"],
      ["5", "none"],
      ["6", "unparsed"],
    ]);
    expect(JSON.parse(items[0]!.deadline_json)).toEqual(parsed.items[0]!.deadline);
    expect(JSON.parse(items[2]!.executors_json)).toEqual(parsed.items[2]!.executors);
    const sections = await db
      .selectFrom("sections")
      .select(["id", "number"])
      .where("plan_id", "=", id)
      .execute();
    expect(sections.map((s) => s.number)).toEqual(["I", "II"]);
    expect(items[3]!.section_id).toBe(sections[1]!.id);
    // A draft has no roles, units or assignments yet.
    expect(await count("roles")).toBe(0);
    expect(await count("occurrences")).toBe(0);
    expect(await getPlan(db, id)).toMatchObject({
      id,
      status: "draft",
      items: 6,
      sections: 2,
      assignments: 0,
    });
  });
});

describe("publishPlan", () => {
  it("creates roles with aliases, a default unit per role, occurrences by kind and assignments", async () => {
    const id = await savePlanDraft(db, sample(), { sourceName: null, createdBy: null, at });
    const result = await publishPlan(db, id, { by: 7, at });

    const roles = await db.selectFrom("roles").select(["name", "aliases_json"]).orderBy("name").execute();
    expect(roles.map((r) => [r.name, JSON.parse(r.aliases_json)])).toEqual([
      ["Министерство образования", ["МОиН УР"]],
      ["Муниципальные организаторы", []],
      ["Организация-оператор", []],
    ]);
    const units = await db.selectFrom("units").select("name").orderBy("name").execute();
    expect(units.map((u) => u.name)).toEqual(roles.map((r) => r.name));

    expect((await occurrencesOfItem(id, "1")).map((o) => [o.seq, o.start_date, o.due_date, o.kind])).toEqual([
      [1, null, "2025-03-31", "dated"],
      [2, "2025-06-01", "2025-06-30", "dated"],
    ]);
    expect((await occurrencesOfItem(id, "2")).map((o) => o.due_date)).toEqual([
      "2025-03-31",
      "2025-06-30",
      "2025-09-30",
      "2025-12-31",
    ]);
    // Continuous: one ongoing occurrence from the start of the period, never due.
    expect((await occurrencesOfItem(id, "3")).map((o) => [o.start_date, o.due_date, o.kind])).toEqual([
      ["2025-01-01", null, "continuous"],
    ]);
    expect((await occurrencesOfItem(id, "4")).map((o) => [o.start_date, o.due_date, o.kind])).toEqual([
      [null, null, "on_demand"],
    ]);
    expect(await occurrencesOfItem(id, "5")).toEqual([]);
    expect(await occurrencesOfItem(id, "6")).toEqual([]);

    // Item 3 names two roles: one assignment per role's unit; people kept on the link.
    expect((await assignmentsOfItem(id, "3")).map((a) => a.unit)).toEqual([
      "Министерство образования",
      "Муниципальные организаторы",
    ]);
    const link = await db
      .selectFrom("item_roles as ir")
      .innerJoin("items as i", "i.id", "ir.item_id")
      .innerJoin("roles as r", "r.id", "ir.role_id")
      .where("i.number", "=", "3")
      .where("r.name", "=", "Министерство образования")
      .select("ir.people_json")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(link.people_json)).toEqual(["Белокурова И.В."]);

    expect(result).toMatchObject({ planId: id, roles: 3, unitsCreated: 3, occurrences: 8, assignments: 9 });
    expect(result.rolesCreated.sort()).toEqual(roles.map((r) => r.name).sort());
    expect(await count("assignments")).toBe(9);
    const plans = await listPlans(db);
    expect(plans[0]).toMatchObject({
      id,
      status: "published",
      assignments: 9,
      publishedAt: at.toISOString(),
    });

    const audit = await db.selectFrom("audit_log").select(["action", "user_id"]).execute();
    expect(audit.filter((a) => a.action === "plan.publish")).toEqual([
      { action: "plan.publish", user_id: 7 },
    ]);
    expect(audit.filter((a) => a.action === "role.create")).toHaveLength(3);
    expect(audit.filter((a) => a.action === "unit.create")).toHaveLength(3);
  });

  it("gives every unit of a role its assignments, not only a default one, and reuses roles by alias", async () => {
    const first = await savePlanDraft(
      db,
      plan([item("1", "Первое", dated([null, "2025-02-01"]), ["Образовательные организации"])]),
      {
        sourceName: null,
        createdBy: null,
        at,
      },
    );
    await publishPlan(db, first, { by: null, at });
    // Schools added later (besides the default unit created at the first publishing).
    await db.updateTable("units").set({ archived_at: at.toISOString() }).execute();
    await addUnit("Образовательные организации", "Школа № 5");
    await addUnit("Образовательные организации", "Школа № 7");
    await db
      .updateTable("roles")
      .set({ aliases_json: JSON.stringify(["ОО"]) })
      .execute();

    const second = await savePlanDraft(
      db,
      plan([
        item("1", "Отчёт", quarterly(2025), ["ОО"]),
        item("2", "Отчёт 2", dated([null, "2025-05-05"]), ["ОО"]),
      ]),
      { sourceName: null, createdBy: null, at },
    );
    const result = await publishPlan(db, second, { by: null, at });
    expect(result).toMatchObject({
      roles: 1,
      rolesCreated: [],
      unitsCreated: 0,
      occurrences: 5,
      assignments: 10,
    });
    expect(await count("roles")).toBe(1);
    expect((await assignmentsOfItem(second, "1")).map((a) => `${a.seq}:${a.unit}`)).toEqual([
      "1:Школа № 5",
      "1:Школа № 7",
      "2:Школа № 5",
      "2:Школа № 7",
      "3:Школа № 5",
      "3:Школа № 7",
      "4:Школа № 5",
      "4:Школа № 7",
    ]);
  });

  it("refuses a plan that is missing or not a draft, and changes nothing", async () => {
    const id = await savePlanDraft(db, sample(), { sourceName: null, createdBy: null, at });
    await publishPlan(db, id, { by: null, at });
    const before = [await count("occurrences"), await count("assignments"), await count("units")];
    await expect(publishPlan(db, id, { by: null, at })).rejects.toMatchObject({ code: "not_draft" });
    await expect(publishPlan(db, 999, { by: null, at })).rejects.toBeInstanceOf(PlanStateError);
    expect([await count("occurrences"), await count("assignments"), await count("units")]).toEqual(before);
  });

  it("publishes a deadline fixed in the draft", async () => {
    const id = await savePlanDraft(db, sample(), { sourceName: null, createdBy: null, at });
    const six = await db
      .selectFrom("items")
      .select("id")
      .where("plan_id", "=", id)
      .where("number", "=", "6")
      .executeTakeFirstOrThrow();
    await setDraftItemDeadline(db, {
      planId: id,
      itemId: six.id,
      deadline: dated([null, "2025-04-15"]),
      by: 7,
      at,
    });
    await publishPlan(db, id, { by: null, at });
    expect((await occurrencesOfItem(id, "6")).map((o) => o.due_date)).toEqual(["2025-04-15"]);
    const stored = JSON.parse(
      (await db.selectFrom("plans").select("parsed_json").where("id", "=", id).executeTakeFirstOrThrow())
        .parsed_json,
    );
    expect(stored.items[5].deadline.kind).toBe("dated");
    await expect(
      setDraftItemDeadline(db, { planId: id, itemId: six.id, deadline: none(), by: 7, at }),
    ).rejects.toMatchObject({ code: "not_draft" });
  });
});

describe("drafts", () => {
  it("lists a draft's items with their deadlines and executors, and cancels it for good", async () => {
    const parsed = sample();
    const id = await savePlanDraft(db, parsed, { sourceName: null, createdBy: null, at });
    const items = await loadPlanItems(db, id);
    expect(items.map((i) => [i.number, i.title, i.deadline, i.executors])).toEqual(
      parsed.items.map((i) => [i.number, i.title, i.deadline, i.executors]),
    );
    await cancelDraft(db, id, { by: 7, at });
    expect(await getPlan(db, id)).toMatchObject({ status: "cancelled" });
    await expect(publishPlan(db, id, { by: null, at })).rejects.toMatchObject({ code: "not_draft" });
    await expect(cancelDraft(db, id, { by: 7, at })).rejects.toMatchObject({ code: "not_draft" });
    expect(await count("occurrences")).toBe(0);
  });
});

describe("addUnitAssignments", () => {
  it("gives a unit created later its assignments in published plans only, once", async () => {
    const published = await savePlanDraft(db, sample(), { sourceName: null, createdBy: null, at });
    await publishPlan(db, published, { by: null, at });
    await savePlanDraft(db, sample(), { sourceName: null, createdBy: null, at }); // a draft: ignored

    const unit = await addUnit("Муниципальные организаторы", "Бежецкий район");
    // Item 2: 4 quarters; item 3: 1 continuous occurrence.
    expect(await addUnitAssignments(db, unit)).toBe(5);
    expect(await addUnitAssignments(db, unit)).toBe(0);
    expect((await assignmentsOfItem(published, "2")).filter((a) => a.unit === "Бежецкий район")).toHaveLength(
      4,
    );
  });
});
