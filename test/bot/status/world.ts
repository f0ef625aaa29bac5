// The coordinators' world: seeds 000 (НОК ДОД 2021) and 001 (Общественный совет, 2020) read by the
// real importer and published over units in two municipalities — Бежецкий район with two schools
// and a gymnasium, Кимрский район with one school and a lyceum — an admin, a scoped coordinator
// for each municipality, members of some units, marks and reports. Today: Monday 25.10.2021.

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { DB } from "../../../db/database.js";
import { markDone } from "../../../db/queries/assignments.js";
import { publishPlan, savePlanDraft } from "../../../db/queries/plans.js";
import { saveReport } from "../../../db/queries/reports.js";
import { readPlan } from "../../../src/domain/plan/read-plan.js";
import { AssignmentFixtures } from "../../support/assignment-fixtures.js";
import { SEEDS_DIR } from "../../support/shared-dir.js";

export const SEEDS = pathToFileURL(SEEDS_DIR);
export const NOW = "2021-10-25T06:00:00Z";

export const ADMIN = 500;
export const BEZH_COORD = 501;
export const KIMRY_COORD = 502;
export const BEZH_MEMBER = 101; // Бежецкий район (the municipality itself)
export const SCHOOL1_MEMBER = 102; // Школа № 1 (Бежецк)
export const KIMRY_SCHOOL_MEMBER = 103; // Школа № 3 (Кимры)
export const KIMRY_MEMBER = 104; // Кимрский район
export const STRANGER = 999;

export interface StatusWorld {
  plan000: number;
  plan001: number;
  units: Record<"bezh" | "kimry" | "school1" | "school2" | "school3" | "gym" | "lyceum", number>;
  /** Assignment ids by `<plan>:<item number>:<unit key>`. */
  a: (plan: "000" | "001", item: string, unit: keyof StatusWorld["units"]) => number;
}

async function seed(name: string) {
  const file = new URL(name, SEEDS);
  return readPlan(new Uint8Array(readFileSync(file)), name);
}

/** Builds the world in `db`; marks and reports as the test descriptions say. */
export async function buildWorld(db: DB): Promise<StatusWorld> {
  const f = new AssignmentFixtures(db);
  const municipal = "Орган местного самоуправления";
  const customer = "Организация-заказчик";
  const schools = "Образовательные организации";
  const bezh = await f.unit("Бежецкий район", { role: municipal });
  const kimry = await f.unit("Кимрский район", { role: municipal });
  const units = {
    bezh,
    kimry,
    school1: await f.unit("Школа № 1 (Бежецк)", { role: customer, parentId: bezh }),
    school2: await f.unit("Школа № 2 (Бежецк)", { role: customer, parentId: bezh }),
    school3: await f.unit("Школа № 3 (Кимры)", { role: customer, parentId: kimry }),
    gym: await f.unit("Гимназия (Бежецк)", { role: schools, parentId: bezh }),
    lyceum: await f.unit("Лицей (Кимры)", { role: schools, parentId: kimry }),
  };
  await f.user(ADMIN, { firstName: "Админ", isAdmin: true });
  await f.coordinator(BEZH_COORD, bezh);
  await f.coordinator(KIMRY_COORD, kimry);
  await f.member(BEZH_MEMBER, bezh);
  await f.member(SCHOOL1_MEMBER, units.school1);
  await f.member(KIMRY_SCHOOL_MEMBER, units.school3);
  await f.member(KIMRY_MEMBER, kimry);
  await db
    .updateTable("users")
    .set({ first_name: "Ирина", last_name: "Петрова" })
    .where("id", "=", SCHOOL1_MEMBER)
    .execute();

  const at = new Date("2021-09-01T00:00:00Z");
  const ids: number[] = [];
  for (const name of ["000_2c604c2e2e75aa56.txt", "001_b8baa2959c6be6f2.txt"]) {
    const id = await savePlanDraft(db, await seed(name), { sourceName: name, createdBy: null, at });
    await publishPlan(db, id, { by: null, at });
    ids.push(id);
  }
  const [plan000, plan001] = ids as [number, number];

  const rows = await db
    .selectFrom("assignments as a")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .select(["a.id", "a.unit_id", "i.plan_id", "i.number"])
    .execute();
  const a: StatusWorld["a"] = (plan, item, unit) => {
    const planId = plan === "000" ? plan000 : plan001;
    const row = rows.find((r) => r.plan_id === planId && r.number === item && r.unit_id === units[unit]);
    if (!row) throw new Error(`no assignment ${plan}:${item}:${unit}`);
    return row.id;
  };
  return { plan000, plan001, units, a };
}

/**
 * The marks and reports of the end-to-end tests (as of 25.10.2021):
 * - 000/3 (due 08.10): Бежецкий done 07.10 by 101; Кимрский open → overdue 17 days;
 * - 000/7 (due 29.10): Бежецкий done 20.10 by 101;
 * - 000/6 (due 29.10): Школа № 1 done 22.10 by 102 with a report waiting (a file and a link);
 *   Школа № 3 (Кимры) sent a text report without marking done;
 * - 000/11 (08.11–26.11): Школа № 2 nothing.
 */
export async function makeMarks(
  db: DB,
  w: StatusWorld,
  fileId = "FILE-ANKETA",
): Promise<{ reportSchool1: number; reportSchool3: number }> {
  const mark = (id: number, by: number, iso: string) =>
    db.transaction().execute((trx) => markDone(trx, id, { by, at: new Date(iso) }));
  await mark(w.a("000", "3", "bezh"), BEZH_MEMBER, "2021-10-07T09:00:00Z");
  await mark(w.a("000", "7", "bezh"), BEZH_MEMBER, "2021-10-20T09:00:00Z");
  await mark(w.a("000", "6", "school1"), SCHOOL1_MEMBER, "2021-10-22T09:00:00Z");
  const r1 = await db.transaction().execute((trx) =>
    saveReport(trx, {
      assignmentId: w.a("000", "6", "school1"),
      userId: SCHOOL1_MEMBER,
      text: null,
      at: new Date("2021-10-22T09:05:00Z"),
      parts: [
        { kind: "document", telegramFileId: fileId, fileName: "anketa_shkola1.pdf", size: 245_760 },
        { kind: "link", text: "https://disk.example.org/shkola1" },
      ],
    }),
  );
  const r3 = await db.transaction().execute((trx) =>
    saveReport(trx, {
      assignmentId: w.a("000", "6", "school3"),
      userId: KIMRY_SCHOOL_MEMBER,
      text: "Заявка подана через портал",
      at: new Date("2021-10-23T09:05:00Z"),
      parts: [{ kind: "text", text: "Заявка подана через портал" }],
    }),
  );
  return { reportSchool1: r1.reportId, reportSchool3: r3.reportId };
}
