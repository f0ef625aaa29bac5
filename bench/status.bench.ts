// Coordinators' screens over a large deployment: 50,000 assignments (one plan of 100 items for
// 500 schools in 20 districts). Measured end to end through the bot, in process (the real
// createBot, the fake Bot API answering in memory): /status, an item drill-down, a district
// coordinator's /status, the by-unit screen; and the .xlsx export of all 50,000 rows (load and
// build). Targets: /status and the item screen < 200 ms; the .xlsx < 5 s.
import { loadavg } from "node:os";
import { loadExportPlans } from "../db/queries/status.js";
import { exportFeature } from "../src/bot/features/status/export.js";
import { overdue } from "../src/bot/features/status/overdue.js";
import { review } from "../src/bot/features/status/review.js";
import { status } from "../src/bot/features/status/status.js";
import { createI18n, translator } from "../src/bot/i18n.js";
import { buildStatusWorkbook } from "../src/domain/exports/status-xlsx.js";
import { createFeatureTester } from "../test/support/bot-harness.js";
import { buildStatusWorld } from "./status-world.js";

const SCREEN_TARGET_MS = 200;
const XLSX_TARGET_MS = 5000;
const RUNS = 7;
const ADMIN = 7001;
const DISTRICT = 7002;

function verdict(ok: boolean): string {
  return ok ? "PASS" : "FAIL";
}

function stats(ms: number[]): { median: number; best: number; worst: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? 0,
    best: sorted[0] ?? 0,
    worst: sorted.at(-1) ?? 0,
  };
}

async function timed(work: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  await work(); // warm-up: module code, prepared statements, caches
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    out.push(performance.now() - t0);
  }
  return out;
}

function line(label: string, ms: number[], target: number): boolean {
  const s = stats(ms);
  const ok = s.median < target;
  console.log(
    `${label}: median ${s.median.toFixed(0)} ms, best ${s.best.toFixed(0)}, worst ${s.worst.toFixed(0)} ` +
      `(${ms.length} runs, target < ${target} ms) ${verdict(ok)}`,
  );
  return ok;
}

export async function run(): Promise<void> {
  const tester = await createFeatureTester({
    features: [status, overdue, review, exportFeature],
    now: "2021-10-25T06:00:00Z",
  });
  try {
    const t0 = performance.now();
    const world = await buildStatusWorld(tester.db);
    console.log(
      `world: ${world.assignments} assignments, 1 plan × 100 items × 500 schools in 20 districts, built in ` +
        `${((performance.now() - t0) / 1000).toFixed(1)} s; load average ${loadavg()[0]?.toFixed(1)}`,
    );
    await tester.db
      .insertInto("users")
      .values([
        { id: ADMIN, is_admin: 1, created_at: "2021-09-01T00:00:00Z" },
        { id: DISTRICT, is_admin: 0, created_at: "2021-09-01T00:00:00Z" },
      ])
      .execute();
    await tester.db
      .insertInto("coordinator_scopes")
      .values({ user_id: DISTRICT, unit_id: world.municipalityIds[0]!, created_at: "2021-09-01T00:00:00Z" })
      .execute();

    const admin = tester.user(ADMIN);
    const district = tester.user(DISTRICT);
    let results = true;

    const statusMs = await timed(() => admin.command("status"));
    const screen = admin.lastMessage();
    // Fluent groups thousands («50 000»): compare without spaces.
    if (!screen?.text?.replace(/\s/g, "").includes(`из${world.assignments}`))
      throw new Error(`unexpected /status: ${screen?.text}`);
    results = line("/status (admin, 50,000 assignments)", statusMs, SCREEN_TARGET_MS) && results;

    const itemMs = await timed(() => admin.pressData(screen.message_id, `st:i:${world.itemId}:0`));
    if (!admin.lastMessage()?.text?.startsWith("1 Мероприятие 1"))
      throw new Error("the item screen did not show");
    results = line("item drill-down (500 units of one item)", itemMs, SCREEN_TARGET_MS) && results;

    const districtMs = await timed(() => district.command("status"));
    results =
      line("/status (district coordinator, 2,500 assignments)", districtMs, SCREEN_TARGET_MS) && results;

    const unitsMs = await timed(() => admin.pressData(screen.message_id, `st:lu:${world.planId}:0`), 3);
    const s = stats(unitsMs);
    console.log(
      `by-unit screen (per-unit counts of all 50,000, for reference): median ${s.median.toFixed(0)} ms`,
    );

    const overdueMs = await timed(() => admin.command("overdue"), 3);
    if (!admin.lastMessage()?.text?.startsWith("🔴 Просрочено")) throw new Error("/overdue did not show");
    const o = stats(overdueMs);
    console.log(`/overdue (5,400 late of 50,000, for reference): median ${o.median.toFixed(0)} ms`);

    const t = translator(createI18n(), "ru");
    let rows = 0;
    let bytes = 0;
    const xlsxMs = await timed(async () => {
      const plans = await loadExportPlans(tester.db, "all");
      const buffer = await buildStatusWorkbook({ today: "2021-10-25", zone: "Europe/Moscow", plans }, t);
      rows = plans.reduce((n, p) => n + p.assignments.length, 0);
      bytes = buffer.length;
    }, 3);
    const x = stats(xlsxMs);
    const xlsxOk = x.best < XLSX_TARGET_MS;
    console.log(
      `.xlsx export of ${rows} rows (${(bytes / 1024 / 1024).toFixed(1)} MB): best of 3 ${(x.best / 1000).toFixed(2)} s, ` +
        `median ${(x.median / 1000).toFixed(2)} s (target < ${XLSX_TARGET_MS / 1000} s) ${verdict(xlsxOk)}`,
    );
    results = xlsxOk && results;
    if (tester.errors.length > 0) throw new Error(`handler errors: ${String(tester.errors[0])}`);
    console.log(results ? "PASS status" : "FAIL status");
    if (!results) process.exitCode = 1;
  } finally {
    await tester.close();
  }
}
