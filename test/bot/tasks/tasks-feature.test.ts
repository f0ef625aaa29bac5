import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadAssignment } from "../../../db/queries/assignments.js";
import { type FeatureWorld, lastAnswer, startFeatureWorld } from "./feature-setup.js";

let w: FeatureWorld;
const MEMBER = 100;
const STRANGER = 200;
let school: number;
let ids: Record<string, number>;

beforeEach(async () => {
  w = await startFeatureWorld("2021-10-25T06:00:00Z"); // 09:00 in Moscow, a Monday
  school = await w.f.unit("Школа № 5");
  const other = await w.f.unit("Школа № 7");
  await w.f.member(MEMBER, school);
  await w.f.member(STRANGER, other);
  const plan = await w.f.plan({ title: "НОК ДОД 2021" });
  ids = {};
  const add = async (number: string, title: string, over: object) =>
    (ids[number] = (
      await w.f.assignment({ planId: plan, unitId: school, number, title, ...over })
    ).assignmentId);
  await add("3", "Отправка информационных писем", { due: "2021-10-08" });
  await add("7", "Сбор заявок <организаций>", { due: "2021-10-29" });
  await add("12", "Мониторинг сайта", { kind: "continuous", due: null });
  await add("14", "Консультации", { kind: "on_demand", due: null });
  ids.other = (
    await w.f.assignment({ planId: plan, unitId: other, number: "3", due: "2021-10-08" })
  ).assignmentId;
});
afterEach(async () => {
  await w.close();
});

async function auditActions() {
  return (await w.db.selectFrom("audit_log").select(["action", "user_id"]).orderBy("id").execute()).map(
    (r) => `${r.action}:${r.user_id}`,
  );
}

describe("/tasks", () => {
  it("lists the member's open items by bucket for the injected date", async () => {
    await w.fake.sendCommand(MEMBER, "tasks");
    const m = w.last(MEMBER);
    expect(m.text).toBe(
      [
        "📋 Мои задачи: 4 открытых пункта · 🔴 просрочено: 1",
        "",
        "НОК ДОД 2021",
        "🔴 Просрочено",
        " 3. Отправка информационных писем — срок был 08.10 (17 дней назад)",
        "🟡 На этой неделе",
        " 7. Сбор заявок <организаций> — до пт, 29.10 (через 4 дня)",
        "Постоянно",
        " 12. Мониторинг сайта — подтвердите, что работа идёт, за октябрь",
        "По мере необходимости",
        " 14. Консультации",
      ].join("\n"),
    );
    expect(m.raw_text).toContain("<b>НОК ДОД 2021</b>");
  });

  it("uses the reader's own zone for «today»", async () => {
    const vl = await w.f.unit("Школа № 1 (Дальнереченск)", { timezone: "Asia/Vladivostok" });
    await w.f.member(300, vl);
    await w.f.member(301, school);
    await w.f.assignment({ unitId: vl, number: "5", title: "Совещание", due: "2021-10-24" });
    await w.f.assignment({ unitId: school, number: "5", title: "Совещание", due: "2021-10-24" });
    w.setNow("2021-10-24T20:00:00Z"); // 06:00 on the 25th in Vladivostok, 23:00 on the 24th in Moscow
    await w.fake.sendCommand(300, "tasks");
    expect(w.last(300).text).toContain(" 5. Совещание — срок был 24.10 (1 день назад)");
    await w.fake.sendCommand(301, "tasks");
    expect(w.last(301).text).toContain(" 5. Совещание — срок сегодня");
    // A user's own zone wins over the unit's.
    await w.db.updateTable("users").set({ timezone: "Europe/Moscow" }).where("id", "=", 300).execute();
    await w.fake.sendCommand(300, "tasks");
    expect(w.last(300).text).toContain(" 5. Совещание — срок сегодня");
  });

  it("pages a long list in one message edited in place", async () => {
    for (let i = 0; i < 22; i++)
      await w.f.assignment({ unitId: school, number: `20.${i + 1}`, due: "2021-11-20" });
    await w.fake.sendCommand(MEMBER, "tasks");
    const first = w.last(MEMBER);
    expect(first.text).toContain(" 3. ");
    await w.press(MEMBER, first, "▶");
    const second = w.last(MEMBER);
    expect(second.message_id).toBe(first.message_id);
    expect(second.text).not.toContain(" 3. ");
    expect(second.text).toContain("📋 Мои задачи: 26 открытых пунктов");
    expect(
      w.fake
        .buttons(second)
        .at(-1)
        ?.map((b) => b.text),
    ).toEqual(["◀", "2 / 3", "▶"]);
    expect(w.fake.botMessages(MEMBER)).toHaveLength(1);
  });

  it("tells someone linked to no unit how to join", async () => {
    await w.fake.sendCommand(999, "tasks");
    expect(w.last(999).text).toContain("не подключены");
  });

  it("sends a coordinator with no unit of their own to /status, not to ask for an invite", async () => {
    await w.f.coordinator(300, school);
    await w.fake.sendCommand(300, "tasks");
    const text = w.last(300).text ?? "";
    expect(text).not.toContain("ссылку-приглашение");
    expect(text).toContain("/status");
  });
});

describe("«Выполнено», undo, comment", () => {
  it("marks done in place, undoes, and keeps everything audited", async () => {
    await w.fake.sendCommand(MEMBER, "tasks");
    const list = w.last(MEMBER);
    await w.press(MEMBER, list, "✅ 3");
    expect(lastAnswer(w.fake)).toBe("✅ Пункт 3 выполнен.");
    let m = w.last(MEMBER);
    expect(m.message_id).toBe(list.message_id);
    expect(m.text).toContain("🔴 Просрочено\n✅ 3. Отправка информационных писем — выполнено");
    expect(m.text?.split("\n")[0]).toBe("📋 Мои задачи: 3 открытых пункта");
    expect(
      w.fake
        .buttons(m)
        .flat()
        .map((b) => b.text),
    ).toEqual(expect.arrayContaining(["↩ 3", "💬 3", "✅ 7", "📎 7"]));
    expect(await loadAssignment(w.db, ids["3"] as number)).toMatchObject({ status: "done", doneBy: MEMBER });

    // The same press again (an old copy of the list, or the digest): nothing changes.
    await w.fake.pressButton(MEMBER, list.message_id, `a:done:${ids["3"]}`);
    expect(lastAnswer(w.fake)).toBe("Пункт 3 уже отмечен выполненным.");

    await w.press(MEMBER, w.last(MEMBER), "↩ 3");
    expect(lastAnswer(w.fake)).toBe("↩ Отметка снята: пункт 3 снова открыт.");
    m = w.last(MEMBER);
    expect(m.text).toContain("🔴 Просрочено\n 3. Отправка информационных писем — срок был 08.10");
    expect(await loadAssignment(w.db, ids["3"] as number)).toMatchObject({ status: "open", doneBy: null });
    expect(await auditActions()).toEqual([`assignment.done:${MEMBER}`, `assignment.undo:${MEMBER}`]);
  });

  it("asks for a comment in a short dialogue and stores it", async () => {
    await w.fake.sendCommand(MEMBER, "tasks");
    await w.press(MEMBER, w.last(MEMBER), "✅ 7");
    await w.press(MEMBER, w.last(MEMBER), "💬 7");
    expect(w.last(MEMBER).text).toBe(
      "💬 Комментарий к пункту 7 «Сбор заявок <организаций>». Напишите его одним сообщением. /cancel — отменить.",
    );
    await w.fake.sendText(MEMBER, "Заявки собраны от 12 организаций");
    expect(w.last(MEMBER).text).toBe("Комментарий к пункту 7 сохранён.");
    expect((await loadAssignment(w.db, ids["7"] as number))?.comment).toBe(
      "Заявки собраны от 12 организаций",
    );
    // The dialogue is over: the next text is not a comment.
    await w.fake.sendText(MEMBER, "ещё текст");
    expect((await loadAssignment(w.db, ids["7"] as number))?.comment).toBe(
      "Заявки собраны от 12 организаций",
    );
    expect(await auditActions()).toEqual([`assignment.done:${MEMBER}`, `assignment.comment:${MEMBER}`]);
  });

  it("leaves the comment dialogue on /cancel without storing anything", async () => {
    await w.fake.pressButton(MEMBER, 1, `a:note:${ids["7"]}`);
    await w.fake.sendCommand(MEMBER, "cancel");
    await w.fake.sendText(MEMBER, "не комментарий");
    expect((await loadAssignment(w.db, ids["7"] as number))?.comment).toBeNull();
  });

  it("confirms an ongoing item for the month", async () => {
    await w.fake.sendCommand(MEMBER, "tasks");
    await w.press(MEMBER, w.last(MEMBER), "✔ 12");
    expect(lastAnswer(w.fake)).toBe("Подтверждено за октябрь.");
    expect(w.last(MEMBER).text).toContain(" 12. Мониторинг сайта — подтверждено 25.10");
    expect((await loadAssignment(w.db, ids["12"] as number))?.lastConfirmedOn).toBe("2021-10-25");
  });

  it("changes nothing when the same update is delivered twice", async () => {
    await w.fake.sendCommand(MEMBER, "tasks");
    const update = await w.fake.pressButton(MEMBER, w.last(MEMBER).message_id, `a:done:${ids["3"]}`);
    await w.fake.pressButton(MEMBER, w.last(MEMBER).message_id, `a:undo:${ids["3"]}`);
    await w.redeliver(update);
    expect((await loadAssignment(w.db, ids["3"] as number))?.status).toBe("open");
    expect(await auditActions()).toEqual([`assignment.done:${MEMBER}`, `assignment.undo:${MEMBER}`]);
  });
});

describe("refused presses change nothing", () => {
  it.each([
    ["a member of another unit", STRANGER, () => `a:done:${ids["3"]}`, "Этот пункт другого исполнителя"],
    ["a forged id", MEMBER, () => "a:done:987654", "Этого пункта больше нет"],
    ["garbage", MEMBER, () => "a:done:12abc", "Кнопка устарела"],
    ["undo by a stranger", STRANGER, () => `a:undo:${ids["3"]}`, "Этот пункт другого исполнителя"],
    ["a report by a stranger", STRANGER, () => `a:rep:${ids["3"]}`, "Этот пункт другого исполнителя"],
    ["a comment by a stranger", STRANGER, () => `a:note:${ids["3"]}`, "Этот пункт другого исполнителя"],
  ])("%s", async (_name, user, data, answer) => {
    await w.fake.pressButton(user, 1, data());
    expect(lastAnswer(w.fake)).toContain(answer);
    expect(await loadAssignment(w.db, ids["3"] as number)).toMatchObject({ status: "open", comment: null });
    expect(await auditActions()).toEqual([]);
    expect(w.fake.botMessages(user)).toHaveLength(0);
  });

  it("a button of a replaced plan", async () => {
    await w.fake.sendCommand(MEMBER, "tasks");
    const list = w.last(MEMBER);
    const plan = (await loadAssignment(w.db, ids["3"] as number))?.planId as number;
    await w.f.setPlanStatus(plan, "replaced");
    await w.press(MEMBER, list, "✅ 3");
    expect(lastAnswer(w.fake)).toBe("План заменён новой версией. Откройте /tasks — там актуальные пункты.");
    expect((await loadAssignment(w.db, ids["3"] as number))?.status).toBe("open");
    expect(w.last(MEMBER).text).toBe(list.text);
  });
});
