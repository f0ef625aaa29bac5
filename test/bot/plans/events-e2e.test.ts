// End to end: /event over seed 001 published in chat. The coordinator picks the event relative
// items wait for, types its date (or presses «Сегодня»), and gets the deadlines it created.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../../support/bot-harness.js";
import { seedText } from "../../support/plan-fixtures.js";
import { ADMIN, auditActions, buttonTexts, utf8 } from "./setup.js";

let h: Harness;

beforeAll(async () => {
  // Tuesday 6 October 2020, 09:00 in Moscow.
  h = await startHarness({ now: "2020-10-06T06:00:00Z", env: { ADMIN_IDS: String(ADMIN) } });
  const admin = h.user(ADMIN);
  await admin.upload({ fileName: "001.txt", bytes: utf8(seedText("001")) });
  await admin.waitForMessage("📄");
  await admin.press("✅ Опубликовать");
  await admin.waitForMessage("План опубликован");
});
afterAll(async () => h.close());

/** Occurrences created by events: item number, due date, event name. */
async function eventOccurrences() {
  return h.db
    .selectFrom("occurrences as o")
    .innerJoin("items as i", "i.id", "o.item_id")
    .innerJoin("events as e", "e.id", "o.event_id")
    .select(["i.number", "o.start_date", "o.due_date", "e.name", "e.occurred_on", "e.recorded_by"])
    .orderBy("o.id")
    .execute();
}

describe("/event", () => {
  it("publishing said which items wait for an event", async () => {
    const admin = h.user(ADMIN);
    const published = admin.messages().find((m) => m.text?.includes("План опубликован"));
    expect(published?.text).toContain("Ждут события: 3 пункта — дату события запишите командой /event");
  });

  it("lists the distinct events; a date typed creates the items' deadlines", async () => {
    const admin = h.user(ADMIN);
    await admin.command("event");
    const list = await admin.waitForMessage("Какое событие произошло?");
    expect(list.text).toContain("1. «поступления информации о результатах НОКО»\nЖдут: пункты 8, 11");
    expect(list.text).toContain("2. «рассмотрения результатов НОКО»\nЖдут: пункт 9");
    expect(buttonTexts(h.fake, list)).toHaveLength(2);

    await admin.press(/^1\. поступления информации/);
    const ask = await admin.waitForMessage("Когда оно произошло?");
    expect(ask.text).toContain("📅 Событие «поступления информации о результатах НОКО»");
    await admin.send("завтра утром");
    await admin.waitForMessage("Не понял дату.");
    await admin.send("07.10.2020");
    await admin.waitForMessage("Эта дата ещё не наступила.");
    await admin.send("31.02.2020");
    await admin.waitForMessage("Такой даты нет.");
    await admin.send("04.10.2020");
    const done = await admin.waitForMessage("Записано");
    expect(done.text).toBe(
      [
        "✅ Записано: «поступления информации о результатах НОКО» — 04.10.2020.",
        "Новые сроки: 2",
        "Пункт 8: до 14.10 (10 дней)",
        "Пункт 11: до 04.10 (в день события)",
      ].join("\n"),
    );
    expect(await eventOccurrences()).toEqual([
      {
        number: "8",
        start_date: "2020-10-04",
        due_date: "2020-10-14",
        name: "поступления информации о результатах НОКО",
        occurred_on: "2020-10-04",
        recorded_by: ADMIN,
      },
      {
        number: "11",
        start_date: "2020-10-04",
        due_date: "2020-10-04",
        name: "поступления информации о результатах НОКО",
        occurred_on: "2020-10-04",
        recorded_by: ADMIN,
      },
    ]);
    // Each new occurrence is assigned to the units of the item's roles.
    const assigned = await h.db
      .selectFrom("assignments as a")
      .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
      .where("o.event_id", "is not", null)
      .select("a.id")
      .execute();
    expect(assigned.length).toBeGreaterThanOrEqual(2);
    expect(await auditActions(h.db)).toEqual(["plan.import", "plan.publish", "event.record"]);
  });

  it("«Сегодня» records the other event as of today; the dialogue survives a restart", async () => {
    const admin = h.user(ADMIN);
    await admin.command("event");
    await admin.waitForMessage("Какое событие произошло?");
    await admin.press(/^2\. рассмотрения/);
    await admin.waitForMessage("Когда оно произошло?");
    await h.restart();
    await admin.press("Сегодня");
    const done = await admin.waitForMessage("Записано");
    expect(done.text).toBe(
      [
        "✅ Записано: «рассмотрения результатов НОКО» — 06.10.2020.",
        "Новые сроки: 1",
        "Пункт 9: до 09.10 (3 дня)",
      ].join("\n"),
    );
    expect((await eventOccurrences()).map((o) => [o.number, o.due_date])).toEqual([
      ["8", "2020-10-14"],
      ["11", "2020-10-04"],
      ["9", "2020-10-09"],
    ]);
  });

  it("the same event and date again creates nothing new; /cancel leaves the dialogue", async () => {
    const admin = h.user(ADMIN);
    await admin.command("event");
    await admin.waitForMessage("Какое событие произошло?");
    await admin.press(/^1\. поступления/);
    await admin.waitForMessage("Когда оно произошло?");
    await admin.send("4.10.20");
    const again = await admin.waitForMessage("Записано");
    expect(again.text).toContain("Новых сроков нет: это событие с этой датой уже было записано.");
    expect(await eventOccurrences()).toHaveLength(3);

    await admin.command("event");
    await admin.waitForMessage("Какое событие произошло?");
    await admin.press(/^2\. рассмотрения/);
    const ask = await admin.waitForMessage("Когда оно произошло?");
    await admin.command("cancel");
    await admin.waitForMessage("Отменено.");
    await admin.press("Сегодня", { messageId: ask.message_id });
    expect((await admin.waitForAnswer()).text).toBe("Эта кнопка уже не работает. Список событий — /event.");
    expect(await eventOccurrences()).toHaveLength(3);
  });
});
