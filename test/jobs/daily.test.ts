import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../db/database.js";
import type { OutboxPayload } from "../../db/queries/outbox.js";
import { readConfig } from "../../src/config.js";
import { type DailyContext, queueDueDigests, queueDueSummaries } from "../../src/jobs/daily.js";
import { dailyContext } from "../../src/jobs/index.js";
import { AssignmentFixtures } from "../support/assignment-fixtures.js";

let db: DB;
let ctx: DailyContext;
let fx: AssignmentFixtures;

beforeEach(async () => {
  db = await openMigratedDatabase(":memory:");
  ctx = dailyContext({ db, config: readConfig({}), logger: pino({ level: "silent" }) });
  fx = new AssignmentFixtures(db);
});
afterEach(async () => {
  await db.destroy();
});

async function outbox() {
  const rows = await db.selectFrom("outbox").selectAll().orderBy("id").execute();
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload_json) as OutboxPayload }));
}

/** An operator unit with plan 000's items 1, 3 (overdue on 25.10), 9 (due 29.10), 13 (later). */
async function operatorUnit(timezone: string | null = null) {
  const unit = await fx.unit("Организация-оператор", { role: "Организация-оператор", timezone });
  const plan = await fx.plan({ title: "НОК ДОД 2021" });
  await fx.assignment({
    unitId: unit,
    planId: plan,
    number: "1",
    title: "Подготовка пакета",
    due: "2021-09-30",
  });
  await fx.assignment({
    unitId: unit,
    planId: plan,
    number: "3",
    title: "Отправка писем",
    due: "2021-10-08",
  });
  await fx.assignment({ unitId: unit, planId: plan, number: "9", title: "Прием заявок", due: "2021-10-29" });
  await fx.assignment({
    unitId: unit,
    planId: plan,
    number: "13",
    title: "Анализ данных",
    due: "2021-12-24",
  });
  return { unit, plan };
}

describe("queueDueDigests", () => {
  it("queues one digest per user at their 09:00 (user zone, unit zone, default), keyed by user and day", async () => {
    const { unit } = await operatorUnit();
    const samara = await fx.unit("Удмуртия", { role: "Организация-оператор", timezone: "Europe/Samara" });
    await fx.assignment({ unitId: samara, number: "3", title: "Отправка писем", due: "2021-10-08" });
    await fx.user(1, { timezone: "Asia/Vladivostok" });
    await fx.member(1, unit);
    await fx.member(2, samara);
    await fx.member(3, unit);

    // 23:00 UTC on Sunday 24.10 is 09:00 on Monday in Vladivostok: only user 1.
    expect((await queueDueDigests(ctx, new Date("2021-10-24T23:00:00Z"))).queued).toBe(1);
    expect((await queueDueDigests(ctx, new Date("2021-10-25T04:59:00Z"))).queued).toBe(0);
    expect((await queueDueDigests(ctx, new Date("2021-10-25T05:00:00Z"))).queued).toBe(1); // Izhevsk
    expect((await queueDueDigests(ctx, new Date("2021-10-25T06:00:00Z"))).queued).toBe(1); // Moscow
    expect((await queueDueDigests(ctx, new Date("2021-10-25T12:00:00Z"))).queued).toBe(0);

    const rows = await outbox();
    expect(rows.map((r) => [r.idem_key, r.chat_id, r.kind, r.status, r.created_at])).toEqual([
      ["digest:1:2021-10-25", 1, "digest", "pending", "2021-10-24T23:00:00.000Z"],
      ["digest:2:2021-10-25", 2, "digest", "pending", "2021-10-25T05:00:00.000Z"],
      ["digest:3:2021-10-25", 3, "digest", "pending", "2021-10-25T06:00:00.000Z"],
    ]);
    const text = rows[2]!.payload.text;
    expect(rows[2]!.payload.parse_mode).toBe("HTML");
    expect(text).toContain(" 1. Подготовка пакета — срок был 30.09 (25 дней назад)");
    expect(text).toContain(" 3. Отправка писем — срок был 08.10 (17 дней назад)");
    expect(text).toContain(" 9. Прием заявок — до пт, 29.10 (через 4 дня)");
    expect(text).not.toContain("Анализ данных");
    const buttons = rows[2]!.payload.reply_markup!.inline_keyboard.flat().map((b) => b.text);
    expect(buttons).toEqual(["✅ 1", "📎 1", "✅ 3", "📎 3", "✅ 9", "📎 9", "📋 Все задачи"]);
  });

  it("never queues a second digest for the same user and day, and records days with nothing to say", async () => {
    const { unit } = await operatorUnit();
    const quiet = await fx.unit("Эксперты", { role: "Эксперты" });
    await fx.assignment({ unitId: quiet, number: "12", due: "2021-11-26", start: "2021-11-08" });
    await fx.member(1, unit);
    await fx.member(2, quiet);
    const first = await queueDueDigests(ctx, new Date("2021-10-25T06:30:00Z"));
    expect([first.queued, first.empty]).toEqual([1, 1]);
    const again = await queueDueDigests(ctx, new Date("2021-10-25T06:31:00Z"));
    expect([again.queued, again.empty]).toEqual([0, 0]);
    const forced = await queueDueDigests(ctx, new Date("2021-10-25T06:32:00Z"), "2021-10-25");
    expect([forced.queued, forced.empty]).toEqual([0, 0]);
    expect(await outbox()).toHaveLength(1);
    const log = await db
      .selectFrom("digest_log")
      .select(["user_id", "day", "outcome"])
      .orderBy("user_id")
      .execute();
    expect(log).toEqual([
      { user_id: 1, day: "2021-10-25", outcome: "queued" },
      { user_id: 2, day: "2021-10-25", outcome: "empty" },
    ]);
  });

  it("two runs at once (the bot's tick and `srok digest run`) queue each digest once", async () => {
    const { unit } = await operatorUnit();
    for (let id = 1; id <= 20; id++) await fx.member(id, unit);
    const now = new Date("2021-10-25T07:00:00Z");
    const [a, b] = await Promise.all([queueDueDigests(ctx, now), queueDueDigests(ctx, now, "2021-10-25")]);
    expect(a.queued + b.queued).toBe(20);
    expect(await outbox()).toHaveLength(20);
  });

  it("skips paused and blocked users, days off, and members who left", async () => {
    const { unit } = await operatorUnit();
    await fx.member(1, unit);
    await fx.member(2, unit);
    await fx.member(3, unit);
    await fx.member(4, unit);
    await db.updateTable("users").set({ digest_paused: 1 }).where("id", "=", 1).execute();
    await db
      .updateTable("users")
      .set({ blocked_at: "2021-10-20T00:00:00.000Z" })
      .where("id", "=", 2)
      .execute();
    await db
      .updateTable("memberships")
      .set({ left_at: "2021-10-01T00:00:00.000Z" })
      .where("user_id", "=", 3)
      .execute();
    expect((await queueDueDigests(ctx, new Date("2021-10-24T12:00:00Z"))).queued).toBe(0); // Sunday
    const r = await queueDueDigests(ctx, new Date("2021-10-25T12:00:00Z"));
    expect((await outbox()).map((o) => o.chat_id)).toEqual([4]);
    expect(r.queued).toBe(1);
    // Blocked user 2 writes to the bot again: today's digest goes out on the next tick.
    await db.updateTable("users").set({ blocked_at: null }).where("id", "=", 2).execute();
    expect((await queueDueDigests(ctx, new Date("2021-10-25T12:01:00Z"))).queued).toBe(1);
  });

  it("with a date, queues that day's digests now whatever the local time; a day off queues none", async () => {
    const { unit } = await operatorUnit();
    await fx.member(1, unit);
    const r = await queueDueDigests(ctx, new Date("2021-10-25T01:00:00Z"), "2021-10-25");
    expect(r.queued).toBe(1);
    expect((await queueDueDigests(ctx, new Date("2021-10-25T01:00:00Z"), "2021-10-23")).queued).toBe(0);
  });

  it("asks for the monthly confirmation of a continuous item once a month", async () => {
    const unit = await fx.unit("МОиН УР", { role: "МОиН УР" });
    await fx.assignment({
      unitId: unit,
      number: "16",
      kind: "continuous",
      start: "2021-01-01",
      due: "2021-12-31",
    });
    await fx.member(1, unit);
    expect((await queueDueDigests(ctx, new Date("2021-10-25T07:00:00Z"))).queued).toBe(1);
    // Next day: the confirmation was asked this month already; nothing else to say.
    const next = await queueDueDigests(ctx, new Date("2021-10-26T07:00:00Z"));
    expect([next.queued, next.empty]).toEqual([0, 1]);
    // First working day of November: asked again.
    expect((await queueDueDigests(ctx, new Date("2021-11-01T07:00:00Z"))).queued).toBe(1);
    const rows = await outbox();
    expect(rows.at(-1)!.payload.text).toContain("🔁 Подтвердите, что работа идёт, за ноябрь");
    expect(rows.at(-1)!.payload.reply_markup!.inline_keyboard[0]![0]!.callback_data).toMatch(/^a:conf:\d+$/);
  });

  it("items of draft or replaced plans are never in a digest", async () => {
    const unit = await fx.unit("Организация-оператор", { role: "Организация-оператор" });
    const draft = await fx.plan({ title: "Черновик", status: "draft" });
    await fx.assignment({ unitId: unit, planId: draft, number: "1", due: "2021-10-01" });
    await fx.member(1, unit);
    const r = await queueDueDigests(ctx, new Date("2021-10-25T07:00:00Z"));
    expect([r.queued, r.empty]).toEqual([0, 1]);
  });
});

describe("queueDueDigests — a day found empty, then something to say", () => {
  it("a user linked while the morning run reads (the membership stamped before the run) gets the day's digest on the next tick", async () => {
    const { unit } = await operatorUnit();
    const quiet = await fx.unit("Школа № 9");
    await fx.member(2, quiet);
    await fx.member(3, quiet);
    expect(await queueDueDigests(ctx, new Date("2021-10-25T06:00:00Z"))).toMatchObject({
      queued: 0,
      empty: 2,
    });
    // Committed after the run's reads, stamped a second before it.
    await db
      .insertInto("memberships")
      .values({ user_id: 2, unit_id: unit, created_at: "2021-10-25T05:59:59.000Z", left_at: null })
      .execute();
    expect(await queueDueDigests(ctx, new Date("2021-10-25T06:01:00Z"))).toMatchObject({
      queued: 1,
      empty: 0,
    });
    const rows = await outbox();
    expect(rows.map((r) => r.idem_key)).toEqual(["digest:2:2021-10-25"]);
    expect(rows[0]!.payload.text).toContain("3. Отправка писем");
    expect(await queueDueDigests(ctx, new Date("2021-10-25T06:05:00Z"))).toMatchObject({
      queued: 0,
      empty: 0,
    });
    const log = await db.selectFrom("digest_log").select(["user_id", "outcome"]).orderBy("user_id").execute();
    expect(log).toEqual([
      { user_id: 2, outcome: "queued" },
      { user_id: 3, outcome: "empty" },
    ]);
  });

  it("a plan published at 11:00 reaches those who had nothing at 09:00, once; a day with a digest is not redone", async () => {
    const { unit } = await operatorUnit();
    const school = await fx.unit("Школа № 9");
    await fx.member(1, unit);
    await fx.member(2, school);
    expect(await queueDueDigests(ctx, new Date("2021-10-25T06:00:00Z"))).toMatchObject({
      queued: 1,
      empty: 1,
    });
    const plan = await fx.plan({ title: "План по НОКО" });
    await fx.assignment({
      unitId: school,
      planId: plan,
      number: "2",
      title: "Анкетирование",
      due: "2021-10-27",
    });
    await fx.assignment({ unitId: unit, planId: plan, number: "4", title: "Свод анкет", due: "2021-10-27" });
    await db
      .updateTable("plans")
      .set({ published_at: "2021-10-25T08:00:00.000Z" })
      .where("id", "=", plan)
      .execute();
    expect(await queueDueDigests(ctx, new Date("2021-10-25T08:01:00Z"))).toMatchObject({ queued: 1 });
    expect(await queueDueDigests(ctx, new Date("2021-10-25T08:30:00Z"))).toMatchObject({
      queued: 0,
      empty: 0,
    });
    const rows = await outbox();
    expect(rows.map((r) => r.idem_key)).toEqual(["digest:1:2021-10-25", "digest:2:2021-10-25"]);
    expect(rows[1]!.payload.text).toContain("2. Анкетирование — до ср, 27.10 (через 2 дня)");
  });
});

describe("queueDueSummaries", () => {
  it("tells a coordinator what became overdue in their subtree, reports and requests; once a day", async () => {
    const region = await fx.unit("Тверская область", { role: "Министерство" });
    const bezh = await fx.unit("Бежецкий район", { role: "Муниципальные организаторы", parentId: region });
    const kimry = await fx.unit("Кимрский район", { role: "Муниципальные организаторы" });
    const plan = await fx.plan({ title: "НОКО 2021" });
    // Due Friday 22.10 → overdue since the weekend; Monday's summary names them.
    await fx.assignment({ unitId: bezh, planId: plan, number: "4.3", due: "2021-10-22" });
    const rep = await fx.assignment({ unitId: bezh, planId: plan, number: "4.5", due: "2021-10-24" });
    await fx.assignment({ unitId: kimry, planId: plan, number: "4.3", due: "2021-10-22" }); // outside the scope
    await fx.assignment({ unitId: bezh, planId: plan, number: "2.1", due: "2021-10-01" }); // overdue long ago
    await fx.coordinator(50, region);
    await db
      .insertInto("reports")
      .values({
        assignment_id: rep.assignmentId,
        user_id: 7,
        text: "готово",
        created_at: "2021-10-25T05:00:00.000Z",
      })
      .execute();
    await fx.user(60);
    await db
      .insertInto("access_requests")
      .values({ user_id: 60, message: null, status: "pending", created_at: "2021-10-24T10:00:00.000Z" })
      .execute();

    const r = await queueDueSummaries(ctx, new Date("2021-10-25T06:00:00Z"));
    expect(r.queued).toBe(1);
    const [row] = await outbox();
    expect(row!.idem_key).toBe("summary:50:2021-10-25");
    expect(row!.payload.text).toBe(
      [
        "Сводка на понедельник, 25 октября",
        "",
        "🔴 Стали просроченными: 2 пункта",
        "<b>НОКО 2021</b>",
        " Бежецкий район — 4.3, 4.5",
        "",
        "📎 Пришли отчёты: 1, ждут проверки: 1",
        "<b>НОКО 2021</b>",
        " Бежецкий район — 4.5",
        "",
        "🙋 Ждут решения 1 запрос доступа",
      ].join("\n"),
    );
    expect((await queueDueSummaries(ctx, new Date("2021-10-25T09:00:00Z"))).queued).toBe(0);
  });

  it("`digest run --date` of a past day tells what came in by that day, not by the operator's today", async () => {
    const bezh = await fx.unit("Бежецкий район", { role: "Муниципальные организаторы" });
    const plan = await fx.plan({ title: "НОКО 2021" });
    const rep = await fx.assignment({ unitId: bezh, planId: plan, number: "4.5", due: "2021-10-29" });
    await fx.coordinator(50, bezh);
    await db
      .insertInto("reports")
      .values({
        assignment_id: rep.assignmentId,
        user_id: 7,
        text: "готово",
        created_at: "2021-10-25T05:00:00.000Z",
      })
      .execute();
    const r = await queueDueSummaries(ctx, new Date("2026-11-23T15:00:00Z"), "2021-10-25");
    expect(r.queued).toBe(1);
    const [row] = await outbox();
    expect(row!.idem_key).toBe("summary:50:2021-10-25");
    expect(row!.payload.text).toContain(
      "📎 Пришли отчёты: 1, ждут проверки: 1\n<b>НОКО 2021</b>\n Бежецкий район — 4.5",
    );
  });

  it("a coordinator's first summary on a Monday counts the reports of Friday and the weekend", async () => {
    const bezh = await fx.unit("Бежецкий район", { role: "Муниципальные организаторы" });
    const plan = await fx.plan({ title: "НОКО 2021" });
    await fx.coordinator(50, bezh);
    for (const [number, at] of [
      ["4.1", "2021-10-21T15:00:00.000Z"], // Thursday: before the previous working day
      ["4.2", "2021-10-22T12:00:00.000Z"], // Friday
      ["4.3", "2021-10-23T10:00:00.000Z"], // Saturday
    ] as const) {
      const a = await fx.assignment({ unitId: bezh, planId: plan, number, due: "2021-10-29" });
      await db
        .insertInto("reports")
        .values({ assignment_id: a.assignmentId, user_id: 7, text: "готово", created_at: at })
        .execute();
    }
    expect((await queueDueSummaries(ctx, new Date("2021-10-25T06:00:00Z"))).queued).toBe(1);
    expect((await outbox())[0]!.payload.text).toContain(
      "📎 Пришли отчёты: 2, ждут проверки: 2\n<b>НОКО 2021</b>\n Бежецкий район — 4.2, 4.3",
    );
  });

  it("an admin sees the whole deployment; nothing new means no summary", async () => {
    const unit = await fx.unit("Кимрский район", { role: "Муниципальные организаторы" });
    await fx.user(70, { isAdmin: true });
    expect((await queueDueSummaries(ctx, new Date("2021-10-25T06:00:00Z"))).queued).toBe(0);
    await fx.assignment({ unitId: unit, number: "4.3", due: "2021-10-25" });
    const r = await queueDueSummaries(ctx, new Date("2021-10-26T06:00:00Z"));
    expect(r.queued).toBe(1);
    expect((await outbox())[0]!.payload.text).toContain(" Кимрский район — 4.3");
  });

  it("members who blocked the bot are named to the coordinators of their unit", async () => {
    const unit = await fx.unit("Бежецкий район", { role: "Муниципальные организаторы" });
    await fx.coordinator(50, unit);
    await fx.user(8, { firstName: "Ирина" });
    await fx.member(8, unit);
    await db
      .updateTable("users")
      .set({ blocked_at: "2021-10-25T05:30:00.000Z" })
      .where("id", "=", 8)
      .execute();
    await queueDueSummaries(ctx, new Date("2021-10-25T06:00:00Z"));
    expect((await outbox())[0]!.payload.text).toContain(
      "🚫 Заблокировали бота и не получают сообщения: 1 человек\n Ирина (Бежецкий район)",
    );
  });
});
