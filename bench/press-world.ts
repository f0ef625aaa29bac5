// A deployment for the real «✅ Выполнено» press: one published plan of `items` items for the
// schools' role, `schools` schools, one executor linked to each, so every press passes the real
// checks (published plan, member of the unit) and marks an open assignment.
import type { DB } from "../db/database.js";
import { linkMember } from "../db/queries/memberships.js";
import { publishPlan, savePlanDraft } from "../db/queries/plans.js";
import { upsertTelegramUser } from "../db/queries/users.js";
import type { ParsedPlan, PlanItem } from "../src/domain/plan/types.js";

const AT = new Date("2021-09-01T00:00:00Z");
const ROLE = "Образовательные организации";

export interface PressWorld {
  /** For each school (in order): its executor and its assignments, item by item. */
  schools: { userId: number; assignments: { id: number; line: string }[] }[];
}

export async function buildPressWorld(
  db: DB,
  opts: { schools: number; items: number; firstUserId: number },
): Promise<PressWorld> {
  const items: PlanItem[] = Array.from({ length: opts.items }, (_, i) => {
    const due = `2021-${String(10 + Math.floor(i / 28)).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
    return {
      number: String(i + 1),
      parent: null,
      section: null,
      title: `Отправка информационных писем в образовательные организации (${i + 1})`,
      deadline: { raw: `до ${due}`, kind: "dated", occurrences: [{ start: null, due }], relative: null },
      executors: [{ name: ROLE, people: [] }],
      result: "Письма",
    };
  });
  const parsed: ParsedPlan = {
    title: "План мероприятий (нагрузочный)",
    period: { start: "2021-01-01", end: "2021-12-31" },
    glossary: [],
    sections: [],
    items,
    roles: [{ name: ROLE, aliases: [], items: opts.items }],
    warnings: [],
  };
  const at = AT.toISOString();
  const role = await db
    .insertInto("roles")
    .values({ name: ROLE, created_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  const units = await db
    .insertInto("units")
    .values(
      Array.from({ length: opts.schools }, (_, s) => ({
        role_id: role.id,
        name: `Школа № ${s + 1}`,
        parent_unit_id: null,
        created_at: at,
      })),
    )
    .returning("id")
    .execute();
  const planId = await savePlanDraft(db, parsed, { sourceName: "bench", createdBy: null, at: AT });
  await publishPlan(db, planId, { by: null, at: AT });

  const schools: PressWorld["schools"] = [];
  for (const [s, unit] of units.entries()) {
    const userId = opts.firstUserId + s;
    await upsertTelegramUser(db, { id: userId, first_name: `User ${userId}` }, AT);
    await linkMember(db, { userId, unitId: unit.id, at: AT, via: { by: 0 }, actorId: 0 });
    const rows = await db
      .selectFrom("assignments")
      .innerJoin("occurrences", "occurrences.id", "assignments.occurrence_id")
      .innerJoin("items", "items.id", "occurrences.item_id")
      .select(["assignments.id", "items.number", "items.title"])
      .where("assignments.unit_id", "=", unit.id)
      .orderBy("assignments.id")
      .execute();
    schools.push({
      userId,
      assignments: rows.map((r) => ({ id: r.id, line: `${r.number}. ${r.title}` })),
    });
  }
  return { schools };
}
