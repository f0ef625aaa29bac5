// `srok status --json` as scripts run it (a child process on a database file): the shape of
// product.md and the same numbers coordinators see in /status; a draft is listed with zero counts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigratedDatabase } from "../../../db/database.js";
import { savePlanDraft } from "../../../db/queries/plans.js";
import { readPlan } from "../../../src/domain/plan/read-plan.js";
import { type CliRun, srok, tempDir } from "../../cli/cli-harness.js";
import { buildWorld, makeMarks, SEEDS } from "./world.js";

const tmp = tempDir();
const dbPath = join(tmp.dir, "srok.sqlite");
let json: CliRun;
let text: CliRun;
let draftId: number;

beforeAll(async () => {
  const db = await openMigratedDatabase(dbPath);
  const w = await buildWorld(db);
  await makeMarks(db, w);
  const name = "004_3ae611eb266086d8.txt";
  const parsed = await readPlan(new Uint8Array(readFileSync(new URL(name, SEEDS))), name);
  draftId = await savePlanDraft(db, parsed, {
    sourceName: name,
    createdBy: null,
    at: new Date("2021-10-01"),
  });
  await db.destroy();
  const env = { DATABASE_URL: dbPath, DEFAULT_TIMEZONE: "Europe/Moscow" };
  [json, text] = await Promise.all([
    srok(["status", "--json", "--date", "2021-10-25"], env),
    srok(["status", "--date", "2021-10-25"], env),
  ]);
});
afterAll(() => tmp.cleanup());

describe("srok status", () => {
  it("--json prints plans with assignments and units: done + open = total, overdue among the open", () => {
    expect(json.stderr).toBe("");
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.date).toBe("2021-10-25");
    expect(out.plans.map((p: { status: string }) => p.status)).toEqual(["published", "published", "draft"]);
    const [p000, p001, draft] = out.plans;
    expect(p000).toMatchObject({
      title: expect.stringMatching(/^План-график/),
      assignments: { total: 60, done: 3, open: 57, overdue: 3 },
    });
    expect(p001.assignments).toMatchObject({ total: 24, done: 0, open: 24, overdue: 20 });
    expect(draft).toMatchObject({
      id: draftId,
      assignments: { total: 0, done: 0, open: 0, overdue: 0 },
      units: [],
    });
    const unit = (name: string) => p000.units.find((u: { unit: string }) => u.unit === name);
    expect(unit("Бежецкий район")).toEqual({
      unit: "Бежецкий район",
      role: "Орган местного самоуправления",
      total: 8,
      done: 2,
      open: 6,
      overdue: 0,
    });
    expect(unit("Кимрский район")).toMatchObject({ total: 8, done: 0, open: 8, overdue: 1 });
    expect(unit("Школа № 1 (Бежецк)")).toMatchObject({ role: "Организация-заказчик", total: 6, done: 1 });
    for (const p of out.plans) {
      const sum = { total: 0, done: 0, open: 0, overdue: 0 };
      for (const u of p.units) {
        expect(u.done + u.open).toBe(u.total);
        for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += u[k];
      }
      const { total, done, open, overdue } = p.assignments;
      expect(sum).toEqual({ total, done, open, overdue });
      expect(p.assignments.done + p.assignments.open).toBe(p.assignments.total);
    }
  });

  it("without --json prints one line per plan for people", () => {
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Состояние планов на 25.10.2021");
    expect(text.stdout).toMatch(
      /назначений 60: выполнено 3 \(5 %\), не выполнено 57, просрочено 3, отчётов ждут проверки 2/,
    );
    expect(text.stdout).toContain("(черновик)");
  });

  it("a bad date is a usage error", async () => {
    const bad = await srok(["status", "--date", "25.10.2021"], { DATABASE_URL: dbPath });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toMatch(/дата «25\.10\.2021» не читается/);
  });
});
