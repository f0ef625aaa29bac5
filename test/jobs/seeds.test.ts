// The digests of the five seed plans, imported and published as a coordinator would, with one
// executor per role.

import { readdirSync, readFileSync } from "node:fs";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../db/database.js";
import { loadDigestCatalog, loadDigestEntries } from "../../db/queries/digest-data.js";
import type { OutboxPayload } from "../../db/queries/outbox.js";
import { publishPlan, recordEvent, savePlanDraft } from "../../db/queries/plans.js";
import { assignmentData, parseAssignmentData, TASKS_OPEN } from "../../src/bot/callback-data.js";
import { readConfig } from "../../src/config.js";
import { russianCalendar } from "../../src/domain/calendar/index.js";
import { composeDigest, createDigestCache } from "../../src/domain/digest/compose-digest.js";
import { addDays } from "../../src/domain/digest/format.js";
import { readPlan } from "../../src/domain/plan/read-plan.js";
import { type DailyContext, queueDueDigests } from "../../src/jobs/daily.js";
import { dailyContext } from "../../src/jobs/index.js";
import { texts } from "../domain/digest/support.js";
import { parseHtml } from "../support/fake-bot-api.js";
import { SEEDS_DIR } from "../support/shared-dir.js";

const SEEDS = SEEDS_DIR;
const seedFile = (prefix: string) => readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;

let db: DB;
let ctx: DailyContext;
beforeEach(async () => {
  db = await openMigratedDatabase(":memory:");
  ctx = dailyContext({ db, config: readConfig({}), logger: pino({ level: "silent" }) });
});
afterEach(async () => {
  await db.destroy();
});

const AT = new Date("2021-09-01T00:00:00Z");

/** Imports and publishes a seed; returns the plan id. */
async function publishSeed(prefix: string): Promise<number> {
  const name = seedFile(prefix);
  const parsed = await readPlan(new Uint8Array(readFileSync(`${SEEDS}${name}`)), name);
  const planId = await savePlanDraft(db, parsed, { sourceName: name, createdBy: null, at: AT });
  await publishPlan(db, planId, { by: null, at: AT });
  return planId;
}

/** One executor per unit (publishing made a unit per role): user id = 1000 + unit id. */
async function onePerRole(): Promise<Map<string, number>> {
  const units = await db
    .selectFrom("units")
    .innerJoin("roles", "roles.id", "units.role_id")
    .select(["units.id", "roles.name"])
    .execute();
  const users = new Map<string, number>();
  for (const u of units) {
    const id = 1000 + u.id;
    await db
      .insertInto("users")
      .values({ id, first_name: u.name, last_name: null, username: null, created_at: AT.toISOString() })
      .execute();
    await db
      .insertInto("memberships")
      .values({ user_id: id, unit_id: u.id, created_at: AT.toISOString() })
      .execute();
    users.set(u.name, id);
  }
  return users;
}

async function digests() {
  const rows = await db.selectFrom("outbox").select(["chat_id", "payload_json"]).execute();
  return new Map(rows.map((r) => [r.chat_id, JSON.parse(r.payload_json) as OutboxPayload]));
}

/** Item numbers listed under a section header. */
function section(text: string, header: string): string[] {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => l.startsWith(header));
  if (at < 0) return [];
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    const m = /^ (\S+)\. /.exec(l);
    if (!m) break;
    out.push(m[1]!);
  }
  return out;
}

describe("digests of the seed plans", () => {
  it("plan 000 on Monday 25.10.2021: items 1 and 3 overdue, items 6, 7 and 9 due in 4 days, by role", async () => {
    await publishSeed("000_");
    const users = await onePerRole();
    const r = await queueDueDigests(ctx, new Date("2021-10-25T06:00:00Z"));
    const got = await digests();
    const text = (role: string) => got.get(users.get(role)!)?.text ?? null;

    const operator = text("Организация-оператор")!;
    expect(section(operator, "🔴 Просрочено")).toEqual(["1", "3"]);
    expect(operator).toContain("— срок был 30.09 (25 дней назад)");
    expect(operator).toContain("— срок был 08.10 (17 дней назад)");
    expect(section(operator, "🟡 На этой неделе")).toEqual(["9"]);
    expect(operator).toContain("— до пт, 29.10 (через 4 дня)");

    const omsu = text("Орган местного самоуправления")!;
    expect(section(omsu, "🔴 Просрочено")).toEqual(["3"]);
    expect(section(omsu, "🟡 На этой неделе")).toEqual(["7"]);
    expect(section(text("Организация-заказчик")!, "🟡 На этой неделе")).toEqual(["6"]);
    expect(section(text("Уполномоченная организация")!, "🟡 На этой неделе")).toEqual(["7"]);
    // Эксперты: item 12 opens on 08.11 — nothing to say today.
    expect(text("Эксперты")).toBeNull();
    // МОиН УР: only the monthly confirmation of the continuous items 16 and 17.
    expect(section(text("МОиН УР")!, "🔁 Подтвердите")).toEqual(["16", "17"]);
    expect(r.queued + r.empty).toBe(users.size);
  });

  it("plan 001: recording the event gives relative item 8 its deadline, and the next digest says so", async () => {
    const planId = await publishSeed("001_");
    const users = await onePerRole();
    const council = users.get("Общественный совет")!;
    // A digest on Thursday 1.10.2020, before the event.
    await queueDueDigests(ctx, new Date("2020-10-01T06:00:00Z"));
    const before = (await digests()).get(council)?.text ?? "";
    expect(before).not.toContain("🆕");
    await recordEvent(db, {
      planId,
      name: "поступления информации о результатах НОКО",
      date: "2020-10-01",
      by: null,
      at: new Date("2020-10-01T10:00:00Z"),
    });
    await queueDueDigests(ctx, new Date("2020-10-02T06:00:00Z"));
    const rows = await db
      .selectFrom("outbox")
      .select(["payload_json"])
      .where("idem_key", "=", `digest:${council}:2020-10-02`)
      .executeTakeFirstOrThrow();
    const after = (JSON.parse(rows.payload_json) as OutboxPayload).text;
    // 10 calendar days after 1.10 is 11.10: more than a week away, so it is news, not «this week».
    expect(section(after, "🆕 Новые сроки")).toEqual(["8"]);
    expect(after).toMatch(
      / 8\. .* — до вс, 11\.10, после события «поступления информации о результатах НОКО»/,
    );
  });

  it("every seed, every role, a working day a fortnight through the plan: one valid message or none", async () => {
    for (const prefix of ["000_", "001_", "002_", "003_", "004_"]) await publishSeed(prefix);
    const users = await onePerRole();
    const plans = await db.selectFrom("plans").select(["period_start", "period_end"]).execute();
    const from = plans.map((p) => p.period_start).sort()[0]!;
    const to = plans
      .map((p) => p.period_end)
      .sort()
      .at(-1)!;
    const catalog = await loadDigestCatalog(db);
    const cache = createDigestCache();
    const ids = [...users.values()];
    let composed = 0;
    for (let day = from; day <= to; day = addDays(day, 14)) {
      if (!russianCalendar.isWorkingDay(day)) continue;
      const entries = await loadDigestEntries(db, catalog, ids, { minDay: day, maxDay: day });
      for (const id of ids) {
        const d = composeDigest({
          user: { id, language: "ru" },
          entries: entries.get(id) ?? [],
          today: day,
          calendar: russianCalendar,
          t: texts("ru"),
          callbacks: { assignment: assignmentData, tasks: TASKS_OPEN },
          cache,
        });
        if (!d) continue;
        composed++;
        expect(d.text.length).toBeLessThanOrEqual(4096);
        expect(() => parseHtml(d.text)).not.toThrow();
        const own = new Set((entries.get(id) ?? []).map((e) => e.assignmentId));
        for (const b of d.buttons.flat()) {
          expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
          if (b.callback_data === TASKS_OPEN) continue;
          // Every button acts on one of this reader's own assignments.
          expect(own.has(parseAssignmentData(b.callback_data)!.id)).toBe(true);
        }
      }
    }
    expect(composed).toBeGreaterThan(50);
  });
});
