// End to end: report review (open with the files sent back by file id, accept, return for rework
// with a comment through a short dialogue) and /overdue with reminders through the outbox, at most
// once a day per unit.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadAssignment } from "../../../db/queries/assignments.js";
import { loadReports } from "../../../db/queries/reports.js";
import { type Harness, startHarness } from "../../support/bot-harness.js";
import type { FakeMessage } from "../../support/fake-bot-api.js";
import {
  ADMIN,
  BEZH_COORD,
  buildWorld,
  KIMRY_COORD,
  KIMRY_MEMBER,
  KIMRY_SCHOOL_MEMBER,
  makeMarks,
  NOW,
  SCHOOL1_MEMBER,
  type StatusWorld,
} from "./world.js";

let h: Harness;
let w: StatusWorld;
let fileId: string;
let reports: { reportSchool1: number; reportSchool3: number };

beforeEach(async () => {
  h = await startHarness({ now: NOW });
  w = await buildWorld(h.db);
  fileId = h.fake.registerFile(new TextEncoder().encode("%PDF-1.4 анкета"), "anketa_shkola1.pdf").file_id;
  reports = await makeMarks(h.db, w, fileId);
});
afterEach(async () => {
  await h.close();
});

const lines = (m: FakeMessage | undefined) => (m?.text ?? "").split("\n");

async function outbox() {
  return h.db.selectFrom("outbox").selectAll().orderBy("id").execute();
}

describe("report review", () => {
  it("an item that needs an accepted report counts once the coordinator accepts it; the reporter is told", async () => {
    // A coordinator over everything makes item 6 count only with an accepted report.
    const admin = h.user(ADMIN);
    await admin.send("пункт 6");
    // Both plans have an item 6: the admin sees both and picks.
    await admin.waitForMessage("Пункт 6 есть в нескольких планах. Какой открыть?");
    await admin.press(/^План-график/);
    const adminItem = await admin.waitForMessage(/^6 Заполнение шаблона/);
    expect(lines(adminItem)).toContain("Организация-заказчик: ✅ 1 из 3");
    await admin.press("📎 Засчитывать только принятый отчёт");
    expect((await admin.waitForAnswer()).text).toBe("Теперь пункт засчитывается только с принятым отчётом.");
    const configured = await admin.waitForMessage("📎 Пункт засчитывается только с принятым отчётом.");
    expect(configured.message_id).toBe(adminItem.message_id);
    expect(lines(configured)).toContain("Организация-заказчик: ✅ 0 из 3");
    expect(
      h.fake
        .buttons(configured)
        .flat()
        .map((b) => b.text),
    ).toContain("✅ Засчитывать отметку о выполнении");
    const item6 = await h.db
      .selectFrom("items")
      .select(["id", "needs_accepted_report"])
      .where("plan_id", "=", w.plan000)
      .where("number", "=", "6")
      .executeTakeFirstOrThrow();
    expect(item6.needs_accepted_report).toBe(1);
    const audit = await h.db
      .selectFrom("audit_log")
      .select(["action", "user_id", "entity_id"])
      .where("action", "=", "item.needs_accepted_report")
      .execute();
    expect(audit).toEqual([
      { action: "item.needs_accepted_report", user_id: ADMIN, entity_id: String(item6.id) },
    ]);

    const c = h.user(BEZH_COORD, { firstName: "Мария", lastName: "Соколова" });
    await c.send("пункт 6");
    const item = await c.waitForMessage(/^6 Заполнение шаблона/);
    // A municipal coordinator does not configure items, even by a forged press.
    expect(
      h.fake
        .buttons(item)
        .flat()
        .map((b) => b.text),
    ).not.toContain("✅ Засчитывать отметку о выполнении");
    await c.pressData(item.message_id, `st:na:${item6.id}:0`);
    expect((await c.waitForAnswer()).text).toBe("Настраивать пункты могут координаторы всего развёртывания.");
    // Marked done, but the report waits: not counted yet.
    expect(lines(item)).toContain("Организация-заказчик: ✅ 0 из 2");
    expect(lines(item)).toContain("⏳ Школа № 1 (Бежецк) — отчёт ждёт проверки · 📎");

    await c.press("📎 Отчёты (1)");
    const list = await c.waitForMessage("📎 Отчёты по пункту 6");
    expect(lines(list)[2]).toBe(
      "1) Школа № 1 (Бежецк) · 22.10 · Ирина Петрова · 2 вложения — ⏳ ждёт проверки",
    );
    await c.press("📂 Открыть 1");
    const card = await c.waitForMessage("📎 Отчёт: Школа № 1 (Бежецк)");
    expect(lines(card).slice(2)).toEqual([
      "От: Ирина Петрова, 22.10",
      "📄 anketa_shkola1.pdf (240 КБ)",
      "🔗 https://disk.example.org/shkola1",
      "",
      "⏳ Ждёт проверки.",
    ]);
    // The file comes back by its Telegram file id, as a reply to the card.
    await h.idle();
    const sent = h.fake.documentsSent.filter((d) => d.chatId === BEZH_COORD);
    expect(sent.map((d) => [d.method, d.fileId, d.fileName])).toEqual([
      ["sendDocument", fileId, "anketa_shkola1.pdf"],
    ]);

    await c.press("✅ Принять");
    expect((await c.waitForAnswer()).text).toBe("✅ Отчёт принят.");
    const accepted = await c.waitForMessage("✅ Принят: Мария Соколова, 25.10");
    expect(accepted.message_id).toBe(card.message_id);
    expect(h.fake.buttons(accepted)).toEqual([]);
    const [report] = await loadReports(h.db, w.a("000", "6", "school1"));
    expect(report).toMatchObject({ reviewState: "accepted", reviewedBy: BEZH_COORD });
    expect(await loadAssignment(h.db, w.a("000", "6", "school1"))).toMatchObject({
      status: "done",
      reviewState: "accepted",
    });
    const notices = (await outbox()).filter((r) => r.chat_id === SCHOOL1_MEMBER);
    expect(notices.map((n) => n.idem_key)).toEqual([
      `review-accept:${reports.reportSchool1}:${SCHOOL1_MEMBER}`,
    ]);
    expect(JSON.parse(notices[0]!.payload_json).text).toContain("✅ Отчёт по пункту 6");

    // Acceptance shows in status.
    await c.send("пункт 6");
    const after = await c.waitForMessage(/^6 Заполнение шаблона/);
    expect(lines(after)).toContain("Организация-заказчик: ✅ 1 из 2");
    expect(lines(after)).toContain("✅ Школа № 1 (Бежецк) — 22.10, Ирина Петрова · 📎");

    // A second press (another coordinator a moment later) changes nothing.
    await c.press("📂 Открыть 1", { messageId: list.message_id });
    await c.waitForMessage("✅ Принят: Мария Соколова");
    expect(h.fake.buttons(c.lastMessage())).toEqual([]);
  });

  it("returning asks for a comment, reopens the assignment and tells the unit's members", async () => {
    const c = h.user(KIMRY_COORD, { firstName: "Олег" });
    await c.send("пункт 6");
    await c.waitForMessage(/^6 Заполнение шаблона/);
    await c.press("📎 Отчёты (1)");
    const list = await c.waitForMessage("📎 Отчёты по пункту 6");
    await c.press("📂 Открыть 1");
    const card = await c.waitForMessage("📎 Отчёт: Школа № 3 (Кимры)");
    expect(lines(card)).toContain("💬 Заявка подана через портал");
    await c.press("↩ Вернуть на доработку", { messageId: card.message_id });
    await c.waitForMessage("↩ Что доработать в отчёте по пункту 6 (Школа № 3 (Кимры))?");
    // A button of another screen in the middle goes on to its feature; the dialogue still waits.
    await c.press("📂 Открыть 1", { messageId: list.message_id });
    await c.waitForMessage("📎 Отчёт: Школа № 3 (Кимры)");
    await c.send("Приложите скан заявки с подписью директора");
    const done = await c.waitForMessage("↩ Отчёт возвращён на доработку, пункт снова открыт. Сообщили: 1.");
    expect(done.text).toBeDefined();
    await h.idle();
    expect(h.fake.buttons(h.fake.message(KIMRY_COORD, card.message_id))).toEqual([]);

    const [report] = await loadReports(h.db, w.a("000", "6", "school3"));
    expect(report).toMatchObject({
      reviewState: "returned",
      reviewedBy: KIMRY_COORD,
      reviewComment: "Приложите скан заявки с подписью директора",
    });
    expect(await loadAssignment(h.db, w.a("000", "6", "school3"))).toMatchObject({
      status: "open",
      reviewState: "returned",
    });
    const rows = await outbox();
    expect(rows.map((r) => [r.idem_key, r.chat_id, r.kind])).toEqual([
      [`review-return:${reports.reportSchool3}:${KIMRY_SCHOOL_MEMBER}`, KIMRY_SCHOOL_MEMBER, "notice"],
    ]);
    const payload = JSON.parse(rows[0]!.payload_json);
    expect(payload.text).toContain("↩ Отчёт по пункту 6 «Заполнение шаблона заявки");
    expect(payload.text).toContain("Комментарий: Приложите скан заявки с подписью директора");
    expect(payload.reply_markup.inline_keyboard[0][0]).toEqual({
      text: "📎 Отправить отчёт заново",
      callback_data: `a:rep:${w.a("000", "6", "school3")}`,
    });
    const audit = await h.db
      .selectFrom("audit_log")
      .select(["action", "user_id"])
      .where("action", "like", "report.%")
      .execute();
    expect(audit).toContainEqual({ action: "report.return", user_id: KIMRY_COORD });
  });

  it("/cancel leaves the return dialogue with nothing changed", async () => {
    const c = h.user(ADMIN);
    await c.pressData(1, `rv:o:${reports.reportSchool3}`);
    await c.waitForMessage("📎 Отчёт: Школа № 3 (Кимры)");
    await c.press("↩ Вернуть на доработку");
    await c.waitForMessage("↩ Что доработать");
    await c.command("cancel");
    await h.idle();
    await c.send("ещё текст после отмены");
    await h.idle();
    const [report] = await loadReports(h.db, w.a("000", "6", "school3"));
    expect(report?.reviewState).toBe("pending");
    expect(await outbox()).toEqual([]);
  });
});

describe("/overdue and reminders", () => {
  it("lists what is late by unit; a reminder goes once a day per unit, one message per member", async () => {
    const c = h.user(ADMIN);
    await c.command("overdue");
    const list = await c.waitForMessage("🔴 Просрочено на 25.10");
    expect(lines(list)[0]).toBe("🔴 Просрочено на 25.10: 23 назначения у 6 исполнителей");
    const text = list.text ?? "";
    expect(text).toContain("Кимрский район · Орган местного самоуправления\n План-график");
    expect(text).toContain(" 3. Отправка информационных писем с приложением… — 17 дней");
    expect(text).toContain(" 16. Обсуждение результатов НОКО на совещаниях… — 573 дня · 4 срока");

    await c.press("🔔 Кимрский район");
    expect((await c.waitForAnswer()).text).toBe("🔔 Напоминание отправлено: 1 исполнителю.");
    let rows = await outbox();
    expect(rows.map((r) => [r.idem_key, r.chat_id, r.kind])).toEqual([
      [`reminder:${w.units.kimry}:2021-10-25:${KIMRY_MEMBER}`, KIMRY_MEMBER, "reminder"],
    ]);
    const payload = JSON.parse(rows[0]!.payload_json);
    expect(payload.text.split("\n")).toEqual([
      "🔔 Напоминание координатора",
      "Не выполнено у «Кимрский район»:",
      "",
      " 3. Отправка информационных писем с приложением электронного пакета… — срок был 08.10 (17 дней назад)",
    ]);
    expect(payload.reply_markup.inline_keyboard).toEqual([
      [{ text: "📋 Мои задачи", callback_data: "t:open" }],
    ]);

    // The same day again: nothing new.
    await c.press("🔔 Кимрский район");
    expect((await c.waitForAnswer()).text).toBe("Сегодня уже напоминали: 1.");
    await c.press(/^🔔 Напомнить всем/);
    const all = await c.waitForAnswer();
    expect(all.text).toContain("Сегодня уже напоминали: 1.");
    rows = await outbox();
    expect(rows).toHaveLength(1);

    // The next day it may go again.
    h.setNow("2021-10-26T06:00:00Z");
    await c.press("🔔 Кимрский район");
    expect((await c.waitForAnswer()).text).toBe("🔔 Напоминание отправлено: 1 исполнителю.");
    expect((await outbox()).map((r) => r.idem_key)).toContain(
      `reminder:${w.units.kimry}:2021-10-26:${KIMRY_MEMBER}`,
    );
  });

  it("a municipal coordinator's /overdue has only their units; [Напомнить не выполнившим] on an item", async () => {
    const c = h.user(KIMRY_COORD);
    await c.command("overdue");
    const list = await c.waitForMessage("🔴 Просрочено");
    expect(list.text).not.toMatch(/Бежецк|Гимназия|Оператор/);
    expect(list.text).toContain("Кимрский район");
    await c.send("пункт 6");
    await c.waitForMessage(/^6 Заполнение шаблона/);
    await c.press("🔔 Напомнить не выполнившим");
    expect((await c.waitForAnswer()).text).toBe("🔔 Напоминание отправлено: 1 исполнителю.");
    const rows = await outbox();
    expect(rows.map((r) => r.chat_id)).toEqual([KIMRY_SCHOOL_MEMBER]);
    expect(JSON.parse(rows[0]!.payload_json).text).toContain(" 6. Заполнение шаблона заявки и анкеты");
  });
});
