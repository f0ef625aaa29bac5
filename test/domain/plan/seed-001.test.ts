// Seed 001: the Public Council's plan for 2020 (Десногорск), cell per line, blank lines inside rows,
// executors split over lines, a result column.
import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../../src/domain/plan/assemble.js";
import { expectItems, type ItemRow, readSeed } from "./support.js";

const plan = parsePlanText(readSeed("001"));

const COMMITTEE = "Комитет по образованию";
const COUNCIL = "Общественный совет";
const NOKO_INFO = "«поступления информации о результатах НОКО»";

// biome-ignore format: an expectation table, aligned by hand
const ITEMS: ItemRow[] = [
  // number, parent, section, title (its start), deadline, executors (people), result (its start)
  ["1",   null,  null,  "Обсуждение плана работы Общественного совета.",                           "dated 2020-01-01..2020-03-31",                                                                              "Комитет по образованию · Общественный совет",           "План работы"],
  ["2",   null,  null,  "Определение перечня образовательных организаций, подлежащих НОКО",        "none",                                                                                                      COUNCIL,                                                 "перечень образовательных организаций"],
  ["3",   null,  null,  "Формирование графика проведения НОКО",                                    "none",                                                                                                      COUNCIL,                                                 "размещение на официальном сайте Комитета"],
  ["4",   null,  null,  "Разработка технического задания для организации-оператора",               "dated 2020-06-01..2020-06-30",                                                                              "Общественный совет · Комитет по образованию",           "техническое задание для организации-оператора"],
  ["5",   null,  null,  "Проведение торгов",                                                       "dated 2020-06-01..2020-08-31",                                                                              COMMITTEE,                                               "определение организации-оператора"],
  ["6",   null,  null,  "Проведение НОКО",                                                         "on_demand",                                                                                                 "Организация-оператор",                                  "предоставление результатов НОКО в Общественный совет"],
  ["7",   null,  null,  "Подготовка рекомендаций для принятия решения",                            "none",                                                                                                      "Комитет по образованию · Общественный совет",           "рекомендации по результатам НОКО"],
  ["8",   null,  null,  "Обсуждение результатов НОКО на заседании Общественного совета",           `relative 10 days after ${NOKO_INFO}`,                                                                       "Общественный совет · Комитет по образованию",           "протокол заседания Общественного совета"],
  ["9",   null,  null,  "Размещение информации о результатах НОКО на официальном сайте Комитета",  "relative 3 days after «рассмотрения результатов НОКО»",                                                     COMMITTEE,                                               "обеспечение уровня открытости"],
  ["10",  null,  null,  "Мониторинг обращений, предложений потребителей",                          "continuous 2020-01-01..2020-12-31",                                                                         "Руководители ОО",                                       "обеспечение своевременности ответов"],
  ["11",  null,  null,  "Разработка и согласование планов мероприятий",                            `relative after ${NOKO_INFO}`,                                                                               "Образовательные организации",                           "планы мероприятий по улучшению качества работы ОО"],
  ["12",  null,  null,  "Контроль реализации планов мероприятий",                                  "on_demand",                                                                                                 COMMITTEE,                                               "мероприятия по улучшению качества работы ОО"],
  ["13",  null,  null,  "Размещение информации о результатах НОКО на официальном сайте ГМУ",       "dated 2020-11-01..2020-12-31",                                                                              COMMITTEE,                                               "информация по результатам НОКО на официальном сайте ГМУ"],
  ["14",  null,  null,  "Контроль за размещением информации о результатах НОКО",                   "dated 2020-12-01..2020-12-31",                                                                              "Общественный совет · Комитет по образованию",           "открытость и доступность информации о НОКО"],
  ["15",  null,  null,  "Информационное сопровождение НОКО",                                       "continuous 2020-01-01..2020-12-31",                                                                         COMMITTEE,                                               "открытость и доступность информации о НОКО"],
  ["16",  null,  null,  "Обсуждение результатов НОКО на совещаниях, семинарах",                    "recurring 2020-01-01..2020-03-31, 2020-04-01..2020-06-30, 2020-07-01..2020-09-30, 2020-10-01..2020-12-31",  "Комитет по образованию · Образовательные организации",  "открытость и доступность информации"],
];

describe("seed 001: Public Council work plan 2020", () => {
  it("reads the title over four lines and the period", () => {
    expect(plan.title).toBe(
      "План работы Общественного совета по проведению независимой оценки качества условий оказания образовательных услуг на территории МО «город Десногорск» Смоленской области на 2020 год",
    );
    expect(plan.period).toEqual({ start: "2020-01-01", end: "2020-12-31" });
    expect(plan.glossary).toEqual([]);
    expect(plan.sections).toEqual([]);
  });

  it("reads every item, with rows holding blank lines and empty cells", () => {
    expectItems(plan, ITEMS);
  });

  it("keeps the deadline cell's line break in its raw text", () => {
    expect(plan.items[0]!.deadline.raw).toBe("январь -\nмарт");
    expect(plan.items[1]!.deadline.raw).toBe("");
  });

  it("counts the roles", () => {
    expect(plan.roles).toEqual([
      { name: COMMITTEE, aliases: [], items: 11 },
      { name: COUNCIL, aliases: [], items: 7 },
      { name: "Организация-оператор", aliases: [], items: 1 },
      { name: "Руководители ОО", aliases: [], items: 1 },
      { name: "Образовательные организации", aliases: [], items: 2 },
    ]);
  });

  it("has nothing to warn about", () => {
    expect(plan.warnings).toEqual([]);
  });
});
