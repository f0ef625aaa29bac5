// End to end over the fake Bot API (real polling, srok's runtime, every feature): two seed plans
// published over two municipalities; /status and its drill-downs with the counts at each level,
// one message edited in place; a municipal coordinator who never sees the other municipality.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, startHarness, type TestUser } from "../../support/bot-harness.js";
import type { FakeMessage } from "../../support/fake-bot-api.js";
import { ADMIN, BEZH_COORD, buildWorld, makeMarks, NOW, type StatusWorld } from "./world.js";

let h: Harness;
let w: StatusWorld;
let reports: { reportSchool1: number; reportSchool3: number };

beforeEach(async () => {
  h = await startHarness({ now: NOW });
  w = await buildWorld(h.db);
  const file = h.fake.registerFile(new TextEncoder().encode("%PDF-1.4 анкета"), "anketa_shkola1.pdf");
  reports = await makeMarks(h.db, w, file.file_id);
});
afterEach(async () => {
  await h.close();
});

const lines = (m: FakeMessage | undefined) => (m?.text ?? "").split("\n");
const buttons = (m: FakeMessage | undefined) =>
  h.fake
    .buttons(m)
    .flat()
    .map((b) => b.text);

let presses = 0;

/** Presses a button of the status message and waits for it to change (the same message). */
async function step(u: TestUser, target: string | RegExp, expectLine: string): Promise<FakeMessage> {
  const before = u.lastMessage();
  presses++;
  await u.press(target);
  const after = await u.waitForMessage((m) => (m.text ?? "").split("\n").includes(expectLine));
  expect(after.message_id).toBe(before?.message_id);
  return after;
}

describe("/status for a coordinator over everything", () => {
  it("shows every plan, then drills down by section, item, role and unit in one message", async () => {
    presses = 0;
    const admin = h.user(ADMIN, { firstName: "Админ" });
    await admin.command("status");
    const home = await admin.waitForMessage("📊 Планы");
    expect(lines(home).slice(0, 3)).toEqual([
      "📊 Планы · на 25.10",
      "Выполнено 3 из 84 (4 %) · просрочено 23",
      "📎 Отчётов ждут проверки: 2",
    ]);
    expect(lines(home)[4]).toMatch(
      /^1\) План-график проведения независимой оценки .* — 3\/60 \(5 %\) · 🔴 3$/,
    );
    expect(lines(home)[5]).toMatch(/^2\) План работы Общественного совета .* — 0\/24 \(0 %\) · 🔴 20$/);

    const plan = await step(admin, /^1\)/, "Выполнено 3 из 60 (5 %) · просрочено 3");
    expect(lines(plan)).toContain("I. Подготовительные мероприятия к проведению НОК ДОД — 3/17 · 🔴 3");
    expect(lines(plan)).toContain("II. Проведение НОК ДОД — 0/15");
    expect(lines(plan)).toContain("III. Информационное сопровождение НОК ДОД — 0/18");
    expect(lines(plan)).toContain("IV. Применение результатов НОК ДОД — 0/10");
    expect(lines(plan)).toContain("🟡 пт, 29.10 — 6. Заполнение шаблона заявки и анкеты… · не выполнили: 2");
    expect(buttons(plan)).toEqual([
      "По разделам",
      "По ролям",
      "По исполнителям",
      "🔴 Просрочено",
      "⬇ Excel",
      "📈 График",
      "📄 Отчёт об исполнении",
      "← Все планы",
    ]);

    await step(admin, "По разделам", "По разделам");
    const section = await step(admin, /^I\. /, "I. Подготовительные мероприятия к проведению НОК ДОД");
    expect(lines(section)).toContain(
      "1. Подготовка электронного пакета документов для… — 0/1 · 🔴 1 (25 дней)",
    );
    expect(lines(section)).toContain(
      "3. Отправка информационных писем с приложением электронного… — 1/3 · 🔴 2 (17 дней)",
    );
    expect(lines(section)).toContain(
      "6. Заполнение шаблона заявки и анкеты образовательной… — 1/3 · до пт, 29.10",
    );
    expect(buttons(section)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "← Назад"]);

    const item3 = await step(admin, "3", "Орган местного самоуправления: ✅ 1 из 2 · 🔴 1");
    expect(lines(item3)[0]).toBe(
      "3 Отправка информационных писем с приложением электронного пакета документов для Организаций-заказчиков · до 08.10.2021",
    );
    expect(lines(item3)).toContain("Организация-оператор: ✅ 0 из 1 · 🔴 1");
    expect(lines(item3)).toContain(
      "🔴 Не выполнили: Кимрский район (17 дней), Организация-оператор (17 дней)",
    );
    expect(lines(item3)).toContain("🔴 Кимрский район — просрочено на 17 дней");
    expect(lines(item3)).toContain("✅ Бежецкий район — 07.10, User 101");

    await step(admin, "← Назад", "I. Подготовительные мероприятия к проведению НОК ДОД");
    const item6 = await step(admin, "6", "Организация-заказчик: ✅ 1 из 3");
    expect(lines(item6)).toContain("📎 Отчёты: 2 · ждут проверки: 2");
    expect(lines(item6).slice(-3)).toEqual([
      "⚪ Школа № 2 (Бежецк) — до пт, 29.10",
      "⚪ Школа № 3 (Кимры) — до пт, 29.10 · 📎",
      "✅ Школа № 1 (Бежецк) — 22.10, Ирина Петрова · 📎",
    ]);
    expect(buttons(item6)).toEqual([
      "📎 Отчёты (2)",
      "🔔 Напомнить не выполнившим",
      "📎 Засчитывать только принятый отчёт",
      "← Назад",
    ]);

    // Back to the plan, then by role and by unit.
    await step(admin, "← Назад", "I. Подготовительные мероприятия к проведению НОК ДОД");
    await step(admin, "← Назад", "По разделам");
    await step(admin, "← Назад", "Выполнено 3 из 60 (5 %) · просрочено 3");
    const roles = await step(admin, "По ролям", "По ролям");
    expect(lines(roles)).toContain("Орган местного самоуправления — 2/16 · 🔴 1");
    expect(lines(roles)).toContain("Организация-заказчик — 1/18");
    expect(lines(roles)).toContain("Организация-оператор — 0/14 · 🔴 2");
    const role = await step(
      admin,
      "Орган местного самоуправления",
      "Выполнено 2 из 16 (13 %) · просрочено 1",
    );
    expect(lines(role).slice(-2)).toEqual(["Бежецкий район — 2/8", "Кимрский район — 0/8 · 🔴 1"]);

    await step(admin, "← Назад", "По ролям");
    await step(admin, "← Назад", "Выполнено 3 из 60 (5 %) · просрочено 3");
    const units = await step(admin, "По исполнителям", "По исполнителям");
    expect(lines(units)).toContain("Бежецкий район — 3/20");
    expect(lines(units)).toContain("Кимрский район — 0/14 · 🔴 1");
    const bezh = await step(admin, "Бежецкий район", "Вместе с подчинёнными: Выполнено 3 из 20 (15 %)");
    expect(lines(bezh).slice(0, 3)).toEqual([
      expect.stringMatching(/^План-график/),
      "Бежецкий район · Орган местного самоуправления",
      "Выполнено 2 из 8 (25 %)",
    ]);
    expect(lines(bezh).slice(-3)).toEqual([
      "Подчинённые:",
      "Школа № 1 (Бежецк) — 1/6",
      "Школа № 2 (Бежецк) — 0/6",
    ]);
    const school = await step(admin, "Школа № 1 (Бежецк)", "Выполнено 1 из 6 (17 %)");
    expect(buttons(school)).toEqual(["← Назад"]);
    await step(admin, "← Назад", "Вместе с подчинёнными: Выполнено 3 из 20 (15 %)");

    // The whole walk was one message, and every press was answered.
    expect(admin.messages()).toHaveLength(1);
    await h.idle();
    expect(h.fake.callbackAnswers.size).toBe(presses);
  });

  it("opens an item typed as «пункт 17», «/status 17» or asks which plan for a number two plans have", async () => {
    const admin = h.user(ADMIN);
    await admin.send("пункт 17");
    const item = await admin.waitForMessage(/^17 Размещение информационных материалов/);
    expect(lines(item)).toContain("Орган местного самоуправления: ✅ 0 из 2");
    await admin.command("status", "3");
    const choose = await admin.waitForMessage("Пункт 3 есть в нескольких планах. Какой открыть?");
    expect(buttons(choose)).toHaveLength(2);
    await admin.press(/^План работы Общественного совета/);
    await admin.waitForMessage(/^3 Формирование графика проведения НОКО/);
    await admin.send("4.3");
    // No item 4.3 in these plans: a bare number is not taken as a command (the hint answers it).
    const hint = await admin.waitForMessage();
    expect(hint.text).not.toMatch(/Пункта 4\.3/);
    await admin.send("пункт 4.3");
    await admin.waitForMessage("Пункта 4.3 в опубликованных планах нет.");
  });
});

describe("a municipal coordinator", () => {
  it("sees only their municipality: counts, units, items; other units' buttons are refused", async () => {
    const c = h.user(BEZH_COORD);
    await c.command("status");
    const home = await c.waitForMessage("📊 Планы");
    expect(lines(home).slice(0, 3)).toEqual([
      "📊 Планы · на 25.10",
      "Выполнено 3 из 24 (13 %) · просрочено 4",
      "📎 Отчётов ждут проверки: 1",
    ]);
    await step(c, /^1\)/, "Выполнено 3 из 20 (15 %)");
    const units = await step(c, "По исполнителям", "По исполнителям");
    expect(lines(units).slice(-1)).toEqual(["Бежецкий район — 3/20"]);
    await step(c, "← Назад", "Выполнено 3 из 20 (15 %)");
    await step(c, "По разделам", "По разделам");
    await step(c, /^I\. /, "I. Подготовительные мероприятия к проведению НОК ДОД");
    const item6 = await step(c, "6", "Организация-заказчик: ✅ 1 из 2");
    expect(lines(item6)).toContain("📎 Отчёты: 1 · ждут проверки: 1");

    await c.send("пункт 3");
    const item3 = await c.waitForMessage(/^3 Отправка информационных писем/);
    expect(lines(item3)).toContain("✅ Бежецкий район — 07.10, User 101");

    const seen = c
      .messages()
      .map((m) => m.text ?? "")
      .join("\n");
    expect(seen).not.toMatch(/Кимр|Лицей|Организация-оператор/);

    // Forged presses into the other municipality: refused, nothing shown.
    const shown = c.messages().length;
    await c.pressData(home.message_id, `st:u:${w.plan000}:${w.units.kimry}:0`);
    expect((await c.waitForAnswer()).text).toBe("Это вне ваших исполнителей.");
    await c.pressData(home.message_id, `rv:o:${reports.reportSchool3}`);
    expect((await c.waitForAnswer()).text).toBe("Этот отчёт исполнителя вне вашей зоны.");
    await c.pressData(home.message_id, `ov:r:${w.units.kimry}`);
    expect((await c.waitForAnswer()).text).toBe("Это вне ваших исполнителей.");
    await c.pressData(home.message_id, "st:i:abc:0");
    expect((await c.waitForAnswer()).text).toBe("Кнопка устарела: откройте /status заново.");
    await c.pressData(home.message_id, "ov:zz");
    expect((await c.waitForAnswer()).text).toBe("Кнопка устарела: откройте /status заново.");
    await c.pressData(home.message_id, "ex:x:abc");
    expect((await c.waitForAnswer()).text).toBe("Кнопка устарела: откройте /status заново.");
    await h.idle();
    expect(c.messages()).toHaveLength(shown);
    expect(h.fake.message(BEZH_COORD, home.message_id)?.text).toBe(home.text);
    expect(await h.db.selectFrom("outbox").selectAll().execute()).toEqual([]);
  });

  it("the morning summary's buttons open /status and /overdue as new messages", async () => {
    const c = h.user(BEZH_COORD);
    await c.pressData(77, "st:open");
    const status = await c.waitForMessage("📊 Планы · на 25.10");
    await c.pressData(77, "ov:open");
    const overdue = await c.waitForMessage("🔴 Просрочено на 25.10: 4 назначения у 1 исполнителя");
    expect(overdue.message_id).not.toBe(status.message_id);
    expect(overdue.text).toContain("Гимназия (Бежецк) · Образовательные организации");
    expect(c.messages()).toHaveLength(2);
  });

  it("an executor who coordinates nothing gets no status", async () => {
    const u = h.user(101);
    await u.command("status");
    await u.waitForMessage("Статус планов видят координаторы. Ваши задачи — в /tasks.");
    await u.pressData(1, `st:p:${w.plan000}`);
    expect((await u.waitForAnswer()).text).toBe("Статус планов видят координаторы. Ваши задачи — в /tasks.");
    await u.pressData(1, "ov:open");
    expect((await u.waitForAnswer()).text).toBe("Статус планов видят координаторы. Ваши задачи — в /tasks.");
    await u.pressData(1, `ex:x:${w.plan000}`);
    expect((await u.waitForAnswer()).text).toBe("Выгрузки доступны координаторам.");
    expect(u.messages().filter((m) => m.document)).toEqual([]);
  });
});
