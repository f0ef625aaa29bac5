// End to end: fixing unreadable deadlines of an uploaded draft in a dialogue that survives bot
// restarts; a phrase the reader cannot read is asked again; /cancel leaves the dialogue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadParsedPlan, loadPlanItems } from "../../../db/queries/plans.js";
import { type Harness, startHarness } from "../../support/bot-harness.js";
import { ADMIN, auditActions, buttonTexts, craftedPlan, planStatuses, utf8 } from "./setup.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: "2025-10-20T06:00:00Z", env: { ADMIN_IDS: String(ADMIN) } });
});
afterAll(async () => h.close());

const PLAN = craftedPlan("План мероприятий по подготовке к учебному году на 2021 год", [
  ["1.", "Подготовка приказа о проведении", "до 30.09.2021", "Организация-оператор"],
  ["2.", "Сбор заявок от организаций", "когда будет готово", "Орган местного самоуправления"],
  ["3.", "Информирование <родителей> & «учеников»", "в зависимости от погоды", "Организация-оператор"],
]);

describe("fixing unreadable deadlines", () => {
  it("walks through each, across two restarts, and shows the preview again", async () => {
    const admin = h.user(ADMIN);
    await admin.upload({ fileName: "plan.txt", bytes: utf8(PLAN) });
    const preview = await admin.waitForMessage("📄");
    expect(preview.text).toContain("Сроки: 1 с датами · не прочитано: 2");
    expect(preview.text).toContain("⚠ Пункт 2: Срок не распознан: «когда будет готово»");
    expect(buttonTexts(h.fake, preview)).toEqual(["✅ Опубликовать", "✏ Исправить сроки", "✖ Отмена"]);
    const [draft] = await planStatuses(h.db);

    await admin.press("✏ Исправить сроки");
    const ask = await admin.waitForMessage("Срок 1 из 2");
    expect(ask.text).toContain("✏ Срок 1 из 2 · пункт 2 «Сбор заявок от организаций»");
    expect(ask.text).toContain("В плане: «когда будет готово»");

    await h.restart();
    await admin.send("абы как");
    expect((await admin.waitForMessage("Не понял срок")).text).toContain("Не понял срок «абы как»");
    await admin.send("до 15.10.2021");
    const understood = await admin.waitForMessage("Понял так");
    expect(understood.text).toBe("Пункт 2. Понял так: до 15.10.2021\nСохранить?");

    await h.restart();
    await admin.press("✅ Верно");
    const second = await admin.waitForMessage("Срок 2 из 2");
    // Plan text is escaped in HTML messages.
    expect(second.text).toContain("пункт 3 «Информирование <родителей> & «учеников»»");
    expect(second.text).toContain("В плане: «в зависимости от погоды»");
    expect(admin.lastAnswer()?.text).toBe("Сохранено");
    expect(
      h.fake.callsOf("sendMessage").some((c) => String(c.params.text).includes("&lt;родителей&gt; &amp;")),
    ).toBe(true);

    await admin.press("⏭ Пропустить");
    const again = await admin.waitForMessage("📄");
    expect(again.text).toContain("Исправлено: 1 · пропущено: 1");
    expect(again.text).toContain("Сроки: 2 с датами · не прочитано: 1");
    expect(again.text).not.toContain("«когда будет готово»");
    expect(again.text).toContain("⚠ Пункт 3: Срок не распознан");

    const items = await loadPlanItems(h.db, draft!.id);
    expect(items[1]?.deadline).toEqual({
      raw: "до 15.10.2021",
      kind: "dated",
      occurrences: [{ start: null, due: "2021-10-15" }],
      relative: null,
    });
    expect(items[2]?.deadline.kind).toBe("unparsed");
    const parsed = await loadParsedPlan(h.db, draft!.id);
    expect(parsed?.items[1]?.deadline.kind).toBe("dated");
    expect(await auditActions(h.db)).toEqual(["plan.import", "plan.fix_deadline"]);
    const fix = await h.db
      .selectFrom("audit_log")
      .select(["user_id", "details_json"])
      .where("action", "=", "plan.fix_deadline")
      .executeTakeFirstOrThrow();
    expect(fix.user_id).toBe(ADMIN);
    expect(JSON.parse(fix.details_json)).toMatchObject({ item: "2", from: "когда будет готово" });
  });

  it("/cancel leaves the dialogue; the deadline stays as it was", async () => {
    const admin = h.user(ADMIN);
    await admin.press("✏ Исправить сроки");
    await admin.waitForMessage("Срок 1 из 1 · пункт 3");
    await admin.command("cancel");
    await admin.waitForMessage("Отменено.");
    await admin.send("до 01.11.2021");
    await admin.waitForMessage("Не понял сообщение");
    const [draft] = await planStatuses(h.db);
    const items = await loadPlanItems(h.db, draft!.id);
    expect(items[2]?.deadline.kind).toBe("unparsed");
    expect(draft?.status).toBe("draft");
  });

  it("a phrase read with the plan's context: quarters, relative deadlines, «Закончить»", async () => {
    const admin = h.user(ADMIN);
    await admin.press("✏ Исправить сроки");
    await admin.waitForMessage("Срок 1 из 1 · пункт 3");
    await admin.send("ежеквартально");
    const recurring = await admin.waitForMessage("Понял так");
    expect(recurring.text).toContain(
      "регулярно, 4 срока: первый с 01.01.2021 по 31.03.2021, последний до 31.12.2021",
    );
    await admin.press("✏ Написать иначе");
    await admin.waitForMessage("Напишите срок ещё раз.");
    await admin.send("в течение 5 рабочих дней после получения приказа");
    const relative = await admin.waitForMessage("Понял так");
    expect(relative.text).toContain("в течение 5 рабочих дней после события «получения приказа»");
    await admin.press("⏹ Закончить");
    const preview = await admin.waitForMessage("📄");
    expect(preview.text).toContain("Исправлено: 0 · пропущено: 1");
    const [draft] = await planStatuses(h.db);
    expect((await loadPlanItems(h.db, draft!.id))[2]?.deadline.kind).toBe("unparsed");
  });
});
