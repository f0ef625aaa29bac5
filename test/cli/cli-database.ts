// A database prepared for command-line tests, and a snapshot to show a failed command changed nothing.
import { openMigratedDatabase } from "../../db/database.js";
import { publishPlan, savePlanDraft } from "../../db/queries/plans.js";
import type { ParsedPlan } from "../../src/domain/plan/types.js";

const plan: ParsedPlan = {
  title: "План на 2025 год",
  period: { start: "2025-01-01", end: "2025-12-31" },
  glossary: [],
  sections: [],
  items: [
    {
      number: "1",
      parent: null,
      section: null,
      title: "Совещание",
      deadline: {
        raw: "до 01.03.2025",
        kind: "dated",
        occurrences: [{ start: null, due: "2025-03-01" }],
        relative: null,
      },
      executors: [{ name: "Министерство образования", people: [] }],
      result: null,
    },
  ],
  roles: [{ name: "Министерство образования", aliases: [], items: 1 }],
  warnings: [],
};

/** Plan 1 published, plans 2 and 3 drafts. */
export async function prepareDatabase(url: string): Promise<void> {
  const db = await openMigratedDatabase(url);
  const at = new Date("2025-01-10T00:00:00Z");
  const first = await savePlanDraft(db, plan, { sourceName: null, createdBy: null, at });
  await publishPlan(db, first, { by: null, at });
  await savePlanDraft(db, plan, { sourceName: null, createdBy: null, at });
  await savePlanDraft(db, plan, { sourceName: null, createdBy: null, at });
  await db.destroy();
}

const tables = [
  "plans",
  "items",
  "roles",
  "units",
  "occurrences",
  "assignments",
  "users",
  "audit_log",
] as const;

/** Row counts of the tables a command could change, and the plans' statuses. */
export async function snapshot(url: string): Promise<Record<string, number | string>> {
  const db = await openMigratedDatabase(url);
  const out: Record<string, number | string> = {};
  for (const t of tables)
    out[t] = Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const statuses = await db.selectFrom("plans").select(["id", "status"]).orderBy("id").execute();
  out.statuses = statuses.map((s) => `${s.id}:${s.status}`).join(",");
  await db.destroy();
  return out;
}
