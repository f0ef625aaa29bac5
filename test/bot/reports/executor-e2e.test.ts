// End to end against the fake Bot API (real polling over HTTP, srok's runtime, a file database):
// a member's /tasks, marks, a comment, a report across restarts, a forged press, /settings.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadAssignment } from "../../../db/queries/assignments.js";
import { loadReports } from "../../../db/queries/reports.js";
import { reports } from "../../../src/bot/features/reports/reports.js";
import { settings } from "../../../src/bot/features/settings/settings.js";
import { review } from "../../../src/bot/features/status/review.js";
import { done } from "../../../src/bot/features/tasks/done.js";
import { tasks } from "../../../src/bot/features/tasks/tasks.js";
import { AssignmentFixtures } from "../../support/assignment-fixtures.js";
import { type Harness, startHarness } from "../../support/bot-harness.js";

let h: Harness;
const MEMBER = 100;
const STRANGER = 200;
const COORD = 500;
let ids: Record<string, number>;

beforeEach(async () => {
  h = await startHarness({ now: "2021-10-25T06:00:00Z", features: [tasks, done, reports, settings, review] });
  const f = new AssignmentFixtures(h.db);
  const district = await f.unit("Бежецкий район", { role: "Муниципальные организаторы" });
  const school = await f.unit("Школа № 5", { parentId: district });
  const other = await f.unit("Школа № 7", { parentId: district });
  await f.member(MEMBER, school);
  await f.member(STRANGER, other);
  await f.coordinator(COORD, district);
  const plan = await f.plan({ title: "НОК ДОД 2021" });
  const add = async (number: string, title: string, over: object) =>
    (await f.assignment({ planId: plan, unitId: school, number, title, ...over })).assignmentId;
  ids = {
    "1": await add("1", "Назначение ответственных", { due: "2021-10-25" }),
    "3": await add("3", "Отправка информационных писем", {
      due: "2021-10-08",
      result: "Информационные письма",
    }),
    "7": await add("7", "Сбор заявок", { due: "2021-10-29" }),
    "9": await add("9", "Подведение итогов", { due: "2021-12-10" }),
    "12": await add("12", "Мониторинг сайта", { kind: "continuous", due: null }),
    "14": await add("14", "Консультации", { kind: "on_demand", due: null }),
  };
});
afterEach(async () => {
  await h.close();
});

describe("an executor end to end", () => {
  it("sees /tasks by bucket, marks done, undoes, comments", async () => {
    const u = h.user(MEMBER, { firstName: "Ирина" });
    await u.command("tasks");
    const list = await u.waitForMessage("Мои задачи");
    expect(list.text).toBe(
      [
        "📋 Мои задачи: 6 открытых пунктов · 🔴 просрочено: 1",
        "",
        "НОК ДОД 2021",
        "🔴 Просрочено",
        " 3. Отправка информационных писем — срок был 08.10 (17 дней назад)",
        "🟡 Сегодня",
        " 1. Назначение ответственных — срок сегодня",
        "🟡 На этой неделе",
        " 7. Сбор заявок — до пт, 29.10 (через 4 дня)",
        "Позже",
        " 9. Подведение итогов — до пт, 10.12",
        "Постоянно",
        " 12. Мониторинг сайта — подтвердите, что работа идёт, за октябрь",
        "По мере необходимости",
        " 14. Консультации",
      ].join("\n"),
    );

    await u.press("✅ 3");
    expect((await u.waitForAnswer()).text).toBe("✅ Пункт 3 выполнен.");
    const marked = await u.waitForMessage("✅ 3. Отправка информационных писем — выполнено");
    expect(marked.message_id).toBe(list.message_id);
    expect((await loadAssignment(h.db, ids["3"] as number))?.status).toBe("done");

    await u.press("↩ 3");
    expect((await u.waitForAnswer()).text).toBe("↩ Отметка снята: пункт 3 снова открыт.");
    await u.waitForMessage(" 3. Отправка информационных писем — срок был 08.10");
    expect((await loadAssignment(h.db, ids["3"] as number))?.status).toBe("open");

    await u.press("✅ 7");
    await u.waitForMessage("✅ 7. Сбор заявок — выполнено");
    await u.press("💬 7");
    await u.waitForMessage("Комментарий к пункту 7");
    await u.send("Заявки приняты от всех школ района");
    await u.waitForMessage("Комментарий к пункту 7 сохранён.");
    expect(await loadAssignment(h.db, ids["7"] as number)).toMatchObject({
      status: "done",
      comment: "Заявки приняты от всех школ района",
    });
    const audit = await h.db.selectFrom("audit_log").select(["action", "user_id"]).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual([
      "assignment.done",
      "assignment.undo",
      "assignment.done",
      "assignment.comment",
    ]);
    expect(audit.every((a) => Number(a.user_id) === MEMBER)).toBe(true);
  });

  it("sends a report with a document and a link across restarts; the coordinator gets one message", async () => {
    const u = h.user(MEMBER, { firstName: "Ирина", lastName: "Петрова" });
    h.user(COORD, { firstName: "Координатор" });
    await u.command("tasks");
    await u.waitForMessage("Мои задачи");
    await u.press("📎 3");
    await u.waitForMessage("План ожидает: информационные письма.");
    const bytes = new TextEncoder().encode("%PDF-1.4 письма в ОМСУ");
    await u.upload({ fileName: "pismo_omsu.pdf", bytes, mimeType: "application/pdf" });
    await u.waitForMessage("Получено: pismo_omsu.pdf");

    await h.restart();
    await u.send("Копия на диске: https://disk.example.org/letters");
    const got = await u.waitForMessage("Получено:");
    expect(got.text).toBe("Получено: https://disk.example.org/letters, текст (48 знаков). Ещё что-нибудь?");
    await u.press("Готово");
    await u.waitForMessage("Отправить отчёт по пункту 3? 1 файл, 1 ссылка, текст.");

    await h.restart();
    await u.press("Отправить");
    await u.waitForMessage("Отчёт отправлен координатору. Отметить пункт 3 выполненным?");
    await h.idle();

    const [report] = await loadReports(h.db, ids["3"] as number);
    expect(report?.parts.map((p) => p.kind)).toEqual(["document", "link", "text"]);
    const stored = join(h.config.filesDir, String(report?.id), "pismo_omsu.pdf");
    expect(report?.parts[0]?.localPath).toBe(stored);
    expect(readFileSync(stored)).toEqual(Buffer.from(bytes));
    expect((await loadAssignment(h.db, ids["3"] as number))?.reviewState).toBe("pending");
    const notices = h.fake.botMessages(COORD);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toContain("📎 Новый отчёт: Школа № 5 · пункт 3 «Отправка информационных писем»");
    expect(notices[0]?.text).toContain("От: Ирина Петрова");
    // Nothing of the dialogue was sent twice across the restarts.
    const texts = u.messages().map((m) => m.text);
    expect(texts.filter((t) => t?.startsWith("📎 Отчёт по пункту 3"))).toHaveLength(1);
    expect(texts.filter((t) => t?.startsWith("Получено: pismo_omsu.pdf"))).toHaveLength(1);

    await u.press("✅ Да, выполнено");
    expect((await u.waitForAnswer()).text).toBe("✅ Пункт 3 выполнен.");
    expect((await loadAssignment(h.db, ids["3"] as number))?.status).toBe("done");
    await h.idle();
    // The question is answered: it gives way to the item's done line, with undo and comment.
    const asked = await u.waitForMessage("Отчёт отправлен координатору.", { anyTime: true });
    expect(asked.text?.split("\n")).toEqual([
      "Отчёт отправлен координатору.",
      expect.stringMatching(/^✅ 3\. Отправка информационных писем.* — выполнено/),
    ]);
    expect(
      h.fake
        .buttons(asked)
        .flat()
        .map((b) => b.text),
    ).toEqual([expect.stringContaining("↩"), expect.stringContaining("💬")]);

    // The coordinator decides right from the notice.
    expect(
      h.fake
        .buttons(notices[0])
        .flat()
        .map((b) => b.text),
    ).toEqual(["📂 Открыть отчёт", "✅ Принять", "↩ Вернуть на доработку"]);
    const coordinator = h.user(COORD);
    await coordinator.press("✅ Принять", { messageId: notices[0]!.message_id });
    expect((await coordinator.waitForAnswer()).text).toBe("✅ Отчёт принят.");
    expect((await loadReports(h.db, ids["3"] as number))[0]?.reviewState).toBe("accepted");
  });

  it("a non-member's forged press changes nothing", async () => {
    const stranger = h.user(STRANGER);
    await stranger.pressData(1, `a:done:${ids["3"]}`);
    expect((await stranger.waitForAnswer()).text).toBe(
      "Этот пункт другого исполнителя: отмечать его могут только его участники.",
    );
    await stranger.pressData(1, `a:rep:${ids["3"]}`);
    await stranger.waitForAnswer();
    await h.idle();
    expect(await loadAssignment(h.db, ids["3"] as number)).toMatchObject({
      status: "open",
      reviewState: "none",
    });
    expect(await h.db.selectFrom("audit_log").selectAll().execute()).toEqual([]);
    expect(stranger.messages()).toEqual([]);
  });

  it("/settings changes are stored", async () => {
    const u = h.user(MEMBER);
    await u.command("settings");
    await u.waitForMessage("⚙ Настройки");
    await u.press("🕘 Время сводки");
    await u.waitForMessage("Во сколько присылать");
    await u.press("07:30");
    await u.waitForMessage("Утренняя сводка: 07:30");
    await u.press("🌍 Часовой пояс");
    await u.waitForMessage("Часовой пояс сейчас");
    await u.press("Самара UTC+4");
    await u.waitForMessage("Часовой пояс: Самара (UTC+4)");
    await u.press("⏸ Приостановить сводки");
    await u.waitForMessage("⏸ Сводки приостановлены.");
    const row = await h.db.selectFrom("users").selectAll().where("id", "=", MEMBER).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ digest_time: "07:30", timezone: "Europe/Samara", digest_paused: 1 });
    expect(u.messages()).toHaveLength(1);
  });
});
