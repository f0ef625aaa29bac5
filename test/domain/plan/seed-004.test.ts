// Seed 004: Тверская область, 2021 — starts mid-title, no year in it (period from the dates), people
// named under their role, blank lines inside a deadline cell.
import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../../src/domain/plan/assemble.js";
import { expectItems, type ItemRow, readSeed } from "./support.js";

const plan = parsePlanText(readSeed("004"));

const COORDINATORS = "Региональные координаторы (Белокурова И.В., Панова О.А.)";
const MINISTRY_AND_COORDINATORS = `Министерство образования · ${COORDINATORS}`;
const ORGANIZERS = "Муниципальные организаторы";

// biome-ignore format: an expectation table, aligned by hand
const ITEMS: ItemRow[] = [
  // number, parent, section, title (its start), deadline, executors (people), result (its start)
  ["1.1",  null,  "1",  "Определение и назначение регионального координатора",                                           "dated ..2021-05-18",                "Министерство образования",       null],
  ["1.2",  null,  "1",  "Определение и назначение муниципальных организаторов",                                          "dated ..2021-05-25",                MINISTRY_AND_COORDINATORS,        null],
  ["1.3",  null,  "1",  "Определение и назначение региональных экспертов",                                               "dated ..2021-06-09",                MINISTRY_AND_COORDINATORS,        null],
  ["2.1",  null,  "2",  "Подготовка регионального координатора",                                                         "dated ..2021-05-19, ..2021-05-22",  COORDINATORS,                     null],
  ["2.2",  null,  "2",  "Подготовка муниципальных организаторов",                                                        "dated ..2021-06-03, ..2021-06-09",  COORDINATORS,                     null],
  ["2.3",  null,  "2",  "Подготовка региональных экспертов",                                                             "dated ..2021-06-30",                COORDINATORS,                     null],
  ["3.1",  null,  "3",  "Заполнение форм сбора первичных данных муниципальными организаторами",                          "dated 2021-06-09..2021-07-17",      ORGANIZERS,                       null],
  ["4.1",  null,  "4",  "Обработка и анализ заполненных форм сбора первичных данных региональными экспертами № 1 и №2",  "dated ..2021-08-20",                "Региональные эксперты №1 и №2",  null],
  ["4.2",  null,  "4",  "Перепроверка заполненных форм сбора первичных данных экспертом №3",                             "dated ..2021-09-20",                COORDINATORS,                     null],
  ["4.3",  null,  "4",  "Загрузка муниципалитетами форм сбора первичных данных в ФИС ОКО",                               "dated ..2021-09-30",                ORGANIZERS,                       null],
  ["4.4",  null,  "4",  "Предоставление результатов экспертизы федеральному организатору",                               "dated ..2021-09-30",                COORDINATORS,                     null],
];

describe("seed 004: Тверская область, 2021", () => {
  it("keeps the title as found (it starts mid-sentence) and warns about it", () => {
    expect(plan.title).toMatch(
      /^по организации и проведению оценки механизмов управления качеством образования/,
    );
    expect(plan.title).toMatch(/реализующих данные полномочия в Тверской области$/);
    expect(plan.warnings).toContainEqual({ item: null, message: expect.stringContaining("не с начала") });
  });

  it("takes the period from the table's dates, with a warning", () => {
    expect(plan.period).toEqual({ start: "2021-01-01", end: "2021-12-31" });
    expect(plan.warnings).toContainEqual({
      item: null,
      message: expect.stringContaining("по датам в таблице: 2021"),
    });
  });

  it("reads the five sections, the last with no items", () => {
    expect(plan.sections).toEqual([
      {
        number: "1",
        title: "Определение и назначение специалистов, привлекаемых к организации и проведению Оценки",
      },
      { number: "2", title: "Подготовка специалистов, привлекаемых к организации и проведению Оценки" },
      { number: "3", title: "Сбор данных – заполнение форм сбора первичных данных" },
      { number: "4", title: "Экспертиза заполненных форм сбора первичных данных" },
      {
        number: "5",
        title:
          "Использования результатов Оценки в управлении качеством образования региональной и муниципальных системах образования",
      },
    ]);
  });

  it("reads every item; 1.1 under section 1 is not a sub-item", () => {
    expectItems(plan, ITEMS);
  });

  it("keeps the blank lines of a deadline cell in its raw text", () => {
    expect(plan.items.find((i) => i.number === "2.3")!.deadline.raw).toBe("30.06. 2021\n\n\n\nдо 30.06.21");
  });

  it("counts the roles; people stay with their role", () => {
    expect(plan.roles).toEqual([
      { name: "Министерство образования", aliases: [], items: 3 },
      { name: "Региональные координаторы", aliases: [], items: 7 },
      { name: ORGANIZERS, aliases: [], items: 2 },
      { name: "Региональные эксперты №1 и №2", aliases: [], items: 1 },
    ]);
    expect(plan.warnings).toHaveLength(2);
  });
});
