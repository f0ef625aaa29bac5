// A large deployment for the status benchmark: one published plan of `items` items in five
// sections for every school of `municipalities` × `schoolsPer` (100 × 500 = 50,000 assignments),
// with marks, reports waiting for review and files spread over them deterministically.
import type { DB } from "../db/database.js";
import { publishPlan, savePlanDraft } from "../db/queries/plans.js";
import type { ParsedPlan, PlanItem } from "../src/domain/plan/types.js";

export interface StatusWorld {
  planId: number;
  /** The item with the most overdue units, for the drill-down. */
  itemId: number;
  municipalityIds: number[];
  assignments: number;
}

const AT = new Date("2021-09-01T00:00:00Z");
const ROLE = "Образовательные организации";
const MUNI_ROLE = "Муниципальные органы управления образованием";

function isoDay(start: string, plusDays: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + plusDays * 86_400_000).toISOString().slice(0, 10);
}

/** Builds the world in `db` (freshly migrated). */
export async function buildStatusWorld(
  db: DB,
  opts: { items?: number; municipalities?: number; schoolsPer?: number } = {},
): Promise<StatusWorld> {
  const itemCount = opts.items ?? 100;
  const muniCount = opts.municipalities ?? 20;
  const schoolsPer = opts.schoolsPer ?? 25;
  const sections = ["I", "II", "III", "IV", "V"].map((number, i) => ({
    number,
    title: `Раздел ${i + 1}: мероприятия этапа ${i + 1}`,
  }));
  const items: PlanItem[] = Array.from({ length: itemCount }, (_, i) => {
    const due = isoDay("2021-09-01", i * 2);
    return {
      number: String(i + 1),
      parent: null,
      section: sections[Math.floor((i * sections.length) / itemCount)]!.number,
      title: `Мероприятие ${i + 1}: подготовка и размещение отчётных материалов`,
      deadline: { raw: `до ${due}`, kind: "dated", occurrences: [{ start: null, due }], relative: null },
      executors: [{ name: ROLE, people: [] }],
      result: "Отчёт",
    };
  });
  const parsed: ParsedPlan = {
    title: "План мероприятий (нагрузочный)",
    period: { start: "2021-01-01", end: "2021-12-31" },
    glossary: [],
    sections,
    items,
    roles: [{ name: ROLE, aliases: [], items: itemCount }],
    warnings: [],
  };

  const municipalityIds: number[] = [];
  await db.transaction().execute(async (trx) => {
    const at = AT.toISOString();
    const role = await trx
      .insertInto("roles")
      .values({ name: ROLE, created_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    const muniRole = await trx
      .insertInto("roles")
      .values({ name: MUNI_ROLE, created_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let m = 0; m < muniCount; m++) {
      const muni = await trx
        .insertInto("units")
        .values({ role_id: muniRole.id, name: `Район ${m + 1}`, parent_unit_id: null, created_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      municipalityIds.push(muni.id);
      await trx
        .insertInto("units")
        .values(
          Array.from({ length: schoolsPer }, (_, s) => ({
            role_id: role.id,
            name: `Школа № ${m * schoolsPer + s + 1}`,
            parent_unit_id: muni.id,
            created_at: at,
          })),
        )
        .execute();
    }
    await trx
      .insertInto("users")
      .values({ id: 9001, first_name: "Ирина", last_name: "Петрова", created_at: at })
      .execute();
  });

  const planId = await savePlanDraft(db, parsed, { sourceName: "bench", createdBy: null, at: AT });
  const published = await publishPlan(db, planId, { by: null, at: AT });

  // Marks: about 60 % done; every 7th done one has a report waiting for review with a file.
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("assignments")
      .set({ status: "done", done_at: "2021-10-01T08:00:00.000Z", done_by: 9001 })
      .where((eb) => eb(eb("id", "%", 5), "<", 3))
      .execute();
    const reported = await trx
      .selectFrom("assignments")
      .select("id")
      .where("status", "=", "done")
      .where((eb) => eb(eb("id", "%", 7), "=", 0))
      .execute();
    await trx
      .updateTable("assignments")
      .set({ review_state: "pending" })
      .where((eb) => eb("status", "=", "done").and(eb(eb("id", "%", 7), "=", 0)))
      .execute();
    for (let i = 0; i < reported.length; i += 500) {
      const chunk = reported.slice(i, i + 500);
      const rows = await trx
        .insertInto("reports")
        .values(
          chunk.map((a) => ({
            assignment_id: a.id,
            user_id: 9001,
            text: null,
            created_at: "2021-10-01T08:00:00.000Z",
          })),
        )
        .returning(["id", "assignment_id"])
        .execute();
      await trx
        .insertInto("report_parts")
        .values(
          rows.map((r) => ({
            report_id: r.id,
            kind: "document" as const,
            telegram_file_id: `file-${r.id}`,
            file_name: `otchet_${r.assignment_id}.pdf`,
            mime_type: "application/pdf",
            size: 1000,
          })),
        )
        .execute();
    }
  });

  const item = await db
    .selectFrom("items")
    .select("id")
    .where("plan_id", "=", planId)
    .orderBy("position")
    .executeTakeFirstOrThrow();
  return { planId, itemId: item.id, municipalityIds, assignments: published.assignments };
}
