import { describe, expect, it } from "vitest";
import { planJson } from "../../src/cli/plan-json.js";
import { formatPeriod, renderPreview } from "../../src/cli/preview.js";
import { plural } from "../../src/domain/text/plural.js";
import { dated, item, plan, relative, unparsed } from "../db/plans-fixtures.js";

describe("plural", () => {
  it("picks the Russian form", () => {
    const f = (n: number) => plural(n, "пункт", "пункта", "пунктов");
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111, 101].map(f)).toEqual([
      "1 пункт",
      "2 пункта",
      "5 пунктов",
      "11 пунктов",
      "12 пунктов",
      "21 пункт",
      "22 пункта",
      "25 пунктов",
      "111 пунктов",
      "101 пункт",
    ]);
  });
});

describe("formatPeriod", () => {
  it("says a year, years, a school year, or dates", () => {
    expect(formatPeriod({ start: "2021-01-01", end: "2021-12-31" })).toBe("2021");
    expect(formatPeriod({ start: "2016-01-01", end: "2018-12-31" })).toBe("2016–2018");
    expect(formatPeriod({ start: "2021-09-01", end: "2022-08-31" })).toBe("2021/2022 учебный год");
    expect(formatPeriod({ start: "2021-03-01", end: "2021-06-30" })).toBe("01.03.2021 – 30.06.2021");
  });
});

describe("renderPreview", () => {
  const p = {
    ...plan(
      [
        item("1", "Совещание", dated([null, "2025-03-01"]), ["Министерство образования"], { section: "I" }),
        item("2", "Отчёт", unparsed("мกราคม\n2025"), ["Муниципальные организаторы"], { section: "I" }),
        item(
          "3",
          "Рассмотрение результатов оценки качества условий осуществления образовательной деятельности",
          relative("после НОКО", { after: "НОКО" }),
          ["Муниципальные организаторы"],
          { section: "I" },
        ),
      ],
      { aliases: { "Министерство образования": ["МОиН УР"] } },
    ),
    warnings: [
      { item: "2", message: "Срок не прочитан" },
      { item: null, message: "Таблица «Целевые показатели» пропущена" },
    ],
  };

  it("shows counts, deadlines by kind, unreadable deadlines with their text, roles and warnings", () => {
    expect(renderPreview(p).split("\n")).toEqual([
      "План мероприятий на 2025 год",
      "Период: 2025",
      "3 пункта в 1 разделе · 2 роли исполнителей",
      "Сроки: 1 с датами · 1 после события · не прочитано: 1",
      "",
      "Не прочитаны сроки:",
      "  пункт 2 «Отчёт»: «мกราคม / 2025»",
      "",
      "Роли исполнителей:",
      "  Министерство образования — 1 пункт (также: МОиН УР)",
      "  Муниципальные организаторы — 2 пункта",
      "",
      "Предупреждения (2):",
      "  ⚠ пункт 2: Срок не прочитан",
      "  ⚠ Таблица «Целевые показатели» пропущена",
    ]);
  });

  it("planJson keeps exactly the documented keys", () => {
    const extra = { ...p, source: "x", items: p.items.map((i) => ({ ...i, position: 1 })) };
    const json = planJson(extra as typeof p);
    expect(Object.keys(json)).toEqual([
      "title",
      "period",
      "glossary",
      "sections",
      "items",
      "roles",
      "warnings",
    ]);
    expect(json.items[0]).toEqual(p.items[0]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(p);
  });
});
