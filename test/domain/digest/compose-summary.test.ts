import { describe, expect, it } from "vitest";
import { composeSummary, type SummaryInput } from "../../../src/domain/digest/compose-summary.js";
import { texts } from "./support.js";

const callbacks = { status: "st:open", overdue: "ov:open" };

function summary(over: Partial<SummaryInput>) {
  return composeSummary({
    user: { id: 1, language: "ru" },
    today: "2021-10-25",
    overdue: [],
    reports: [],
    pendingRequests: 0,
    blocked: [],
    t: texts("ru"),
    callbacks,
    ...over,
  });
}

const plan = { planId: 1, planTitle: "НОК ДОД 2021" };

describe("composeSummary", () => {
  it("nothing new: no message", () => {
    expect(summary({})).toBeNull();
  });

  it("what became overdue by plan and unit, reports that came in, requests waiting, one message", () => {
    const s = summary({
      overdue: [
        { ...plan, unitId: 1, unitName: "Бежецкий район", itemNumber: "4.5", due: "2021-10-22" },
        { ...plan, unitId: 1, unitName: "Бежецкий район", itemNumber: "4.3", due: "2021-10-22" },
        { ...plan, unitId: 2, unitName: "Кимрский район", itemNumber: "4.3", due: "2021-10-24" },
      ],
      reports: [
        { ...plan, unitId: 2, unitName: "Кимрский район", itemNumber: "3", reviewState: "pending" },
        { ...plan, unitId: 3, unitName: "Школа № 5 <Бежецк>", itemNumber: "7", reviewState: "accepted" },
      ],
      pendingRequests: 2,
      blocked: [{ name: "Ирина Викторовна", unitNames: ["Бежецкий район"] }],
    })!;
    expect(s.text).toBe(
      [
        "Сводка на понедельник, 25 октября",
        "",
        "🔴 Стали просроченными: 2 пункта у 2 исполнителей",
        "<b>НОК ДОД 2021</b>",
        " Бежецкий район — 4.3, 4.5",
        " Кимрский район — 4.3",
        "",
        "📎 Пришли отчёты: 2, ждут проверки: 1",
        "<b>НОК ДОД 2021</b>",
        " Кимрский район — 3",
        " Школа № 5 &lt;Бежецк&gt; — 7",
        "",
        "🙋 Ждут решения 2 запроса доступа",
        "",
        "🚫 Заблокировали бота и не получают сообщения: 1 человек",
        " Ирина Викторовна (Бежецкий район)",
      ].join("\n"),
    );
    expect(s.buttons).toEqual([
      [
        { text: "📊 Статус", callback_data: "st:open" },
        { text: "🔴 Просрочено", callback_data: "ov:open" },
      ],
    ]);
  });

  it("counts items once however many units have them late, and names the units' count in English too", () => {
    const late = (unitId: number, itemNumber: string) => ({
      ...plan,
      unitId,
      unitName: `Школа № ${unitId}`,
      itemNumber,
      due: "2021-10-22" as const,
    });
    const one = summary({ overdue: [late(1, "4.3"), late(1, "4.5")] })!;
    expect(one.text.split("\n")[2]).toBe("🔴 Стали просроченными: 2 пункта");
    const many = summary({ overdue: [late(1, "4.3"), late(2, "4.3"), late(21, "4.3")] })!;
    expect(many.text.split("\n")[2]).toBe("🔴 Стали просроченными: 1 пункт у 3 исполнителей");
    const en = summary({
      user: { id: 1, language: "en" },
      t: texts("en"),
      overdue: [late(1, "4.3"), late(2, "5")],
    })!;
    expect(en.text.split("\n")[2]).toBe("🔴 Became overdue: 2 items for 2 executors");
  });

  it("a deployment-wide list is cut to one message, saying how much was left out", () => {
    const overdue = Array.from({ length: 400 }, (_, i) => ({
      ...plan,
      unitId: i,
      unitName: `Муниципальное образование «Район ${i}»`,
      itemNumber: "4.3",
      due: "2021-10-22",
    }));
    const s = summary({ overdue, pendingRequests: 1 })!;
    expect(s.text.length).toBeLessThanOrEqual(4096);
    expect(s.text).toContain("🔴 Стали просроченными: 1 пункт у 400 исполнителей");
    expect(s.text).toContain("🙋 Ждут решения 1 запрос доступа");
    const shownUnits = s.text.split("\n").filter((l) => l.startsWith(" Муниципальное")).length;
    const cut = /…и ещё (\d+) строк[аи]? — подробнее в \/status$/.exec(s.text);
    expect(cut).not.toBeNull();
    expect(shownUnits + Number(cut![1])).toBe(400);
  });
});
