// The five seed plans, read by the real importer, stored and published into one database.

import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../db/database.js";
import {
  listPlans,
  type PublishResult,
  publishPlan,
  recordEvent,
  savePlanDraft,
} from "../../db/queries/plans.js";
import { readPlan } from "../../src/domain/plan/read-plan.js";
import type { ParsedPlan } from "../../src/domain/plan/types.js";
import { SEEDS_DIR } from "../support/shared-dir.js";

const SEEDS = SEEDS_DIR;
const at = new Date("2021-10-25T06:00:00Z");
let db: DB;
const plans: { name: string; id: number; parsed: ParsedPlan; result: PublishResult }[] = [];

beforeAll(async () => {
  db = await openMigratedDatabase(":memory:");
  for (const name of readdirSync(SEEDS).sort()) {
    const parsed = await readPlan(new Uint8Array(readFileSync(`${SEEDS}${name}`)), name);
    const id = await savePlanDraft(db, parsed, { sourceName: name, createdBy: null, at });
    plans.push({ name, id, parsed, result: await publishPlan(db, id, { by: null, at }) });
  }
});
afterAll(async () => {
  await db.destroy();
});

const key = (name: string) => name.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
const rolesOf = (i: ParsedPlan["items"][number]) => new Set(i.executors.map((e) => key(e.name)));

/** Occurrences a deadline gives, restated from the rules. */
function occurrenceCount(d: ParsedPlan["items"][number]["deadline"]): number {
  if (d.kind === "dated" || d.kind === "recurring")
    return new Set(d.occurrences.map((o) => `${o.start}|${o.due}`)).size;
  return d.kind === "continuous" || d.kind === "on_demand" ? 1 : 0;
}

describe("publishing the seed plans", () => {
  it("publishes all five, each role once across plans with one default unit", async () => {
    expect((await listPlans(db)).map((p) => p.status)).toEqual(Array(5).fill("published"));
    const roles = new Set(plans.flatMap((p) => p.parsed.items.flatMap((i) => [...rolesOf(i)])));
    const stored = await db.selectFrom("roles").select("name").execute();
    expect(new Set(stored.map((r) => key(r.name)))).toEqual(roles);
    expect(await db.selectFrom("units").select("id").execute()).toHaveLength(roles.size);
  });

  it("gives each plan its occurrences by kind and one assignment per role on the item", async () => {
    for (const p of plans) {
      const occurrences = p.parsed.items.reduce((n, i) => n + occurrenceCount(i.deadline), 0);
      const assignments = p.parsed.items.reduce(
        (n, i) => n + occurrenceCount(i.deadline) * rolesOf(i).size,
        0,
      );
      expect({ seed: p.name, occurrences: p.result.occurrences, assignments: p.result.assignments }).toEqual({
        seed: p.name,
        occurrences,
        assignments,
      });
      const counted = await db
        .selectFrom("assignments as a")
        .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
        .innerJoin("items as i", "i.id", "o.item_id")
        .where("i.plan_id", "=", p.id)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(counted.n)).toBe(assignments);
    }
  });

  it("gives seed 000's «до 30.09.2021» its due date and «постоянно» an ongoing occurrence", async () => {
    const rows = await db
      .selectFrom("occurrences as o")
      .innerJoin("items as i", "i.id", "o.item_id")
      .where("i.plan_id", "=", plans[0]!.id)
      .select(["i.deadline_raw", "o.start_date", "o.due_date", "o.kind"])
      .execute();
    expect(
      rows.filter((r) => r.deadline_raw.trim() === "до 30.09.2021").map((r) => [r.start_date, r.due_date]),
    ).toEqual(expect.arrayContaining([[null, "2021-09-30"]]));
    const ongoing = rows.filter((r) => r.kind === "continuous");
    expect(ongoing.length).toBeGreaterThan(0);
    expect(ongoing.every((r) => r.start_date === "2021-01-01" && r.due_date === null)).toBe(true);
  });

  it("creates seed 001's relative occurrences when the НОКО results arrive", async () => {
    const p = plans[1]!;
    const waiting = p.parsed.items.filter(
      (i) => i.deadline.relative?.after === "поступления информации о результатах НОКО",
    );
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    const r = await recordEvent(db, {
      planId: p.id,
      name: "поступления информации о результатах НОКО",
      date: "2020-10-01",
      by: null,
      at,
    });
    expect(r.occurrences.map((o) => o.itemNumber)).toEqual(waiting.map((i) => i.number));
    const ten = r.occurrences.find((o) => o.relative.days === 10);
    expect(ten).toMatchObject({ start: "2020-10-01", due: "2020-10-11" });
    expect(r.assignments).toBe(waiting.reduce((n, i) => n + rolesOf(i).size, 0));
  });
});
