// Seed 000: «ПЛАН-ГРАФИК проведения НОК ДОД в 2021 году», row per line, roman sections,
// executors run together with spaces only.
import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../../src/domain/plan/assemble.js";
import { expectItems, type ItemRow, readSeed } from "./support.js";

const plan = parsePlanText(readSeed("000"));

const OPERATOR = "Организация-оператор";
const ALL5 =
  "МОиН УР · Организация-оператор · Орган местного самоуправления · Уполномоченная организация · Организация-заказчик";

// biome-ignore format: an expectation table, aligned by hand
const ITEMS: ItemRow[] = [
  // number, parent, section, title (its start), deadline, executors (people), result (its start)
  ["1",   null,  "I",    "Подготовка электронного пакета документов для Организаций-заказчиков",   "dated ..2021-09-30",                 OPERATOR,                                                                                      null],
  ["2",   null,  "I",    "Подготовка электронного пакета документов для экспертов",                "dated ..2021-11-05",                 OPERATOR,                                                                                      null],
  ["3",   null,  "I",    "Отправка информационных писем с приложением",                            "dated ..2021-10-08",                 "Организация-оператор · Орган местного самоуправления",                                        null],
  ["4",   null,  "I",    "Формирование списка экспертов, участвующих в проведении НОК ДОД",        "dated ..2021-11-05",                 OPERATOR,                                                                                      null],
  ["5",   null,  "I",    "Обеспечение технической возможности анкетирования родителей",            "dated ..2021-11-08",                 OPERATOR,                                                                                      null],
  ["6",   null,  "I",    "Заполнение шаблона заявки и анкеты образовательной организации",         "dated ..2021-10-29",                 "Организация-заказчик",                                                                        null],
  ["7",   null,  "I",    "Сбор заявок Организаций-заказчиков и проверка полноты",                  "dated ..2021-10-29",                 "Уполномоченная организация · Орган местного самоуправления",                                  null],
  ["8",   null,  "I",    "Оплата организационного взноса на проведение НОК ДОД",                   "dated ..2021-11-30",                 "Организация-заказчик · Педагогический работник, выходящий с инициативой проведения НОК ДОД",  null],
  ["9",   null,  "II",   "Прием и регистрация заявок на проведение НОК ДОД",                       "dated ..2021-10-29",                 OPERATOR,                                                                                      null],
  ["10",  null,  "II",   "Направление экспертам дополнительных общеобразовательных программ",      "dated 2021-11-01..2021-11-05",       OPERATOR,                                                                                      null],
  ["11",  null,  "II",   "Проведение анкетирования (не менее 30% родителей",                       "dated 2021-11-08..2021-11-26",       "Организация-заказчик · Орган местного самоуправления · Уполномоченная организация",           null],
  ["12",  null,  "II",   "Проведение экспертизы дополнительных общеобразовательных программ",      "dated 2021-11-08..2021-11-26",       "Эксперты",                                                                                    null],
  ["13",  null,  "II",   "Организация сбора, обработки и анализа данных",                          "dated ..2021-12-24",                 OPERATOR,                                                                                      null],
  ["14",  null,  "II",   "Подготовка сводной итоговой информации в соответствии с Методикой",      "dated ..2021-12-31",                 OPERATOR,                                                                                      null],
  ["15",  null,  "II",   "Доведение результатов до участников НОК ДОД",                            "dated ..2021-12-31",                 "Организация-оператор · Орган местного самоуправления · Уполномоченная организация",           null],
  ["16",  null,  "III",  "Информационно-методическая и организационно-технологическая поддержка",  "continuous 2021-01-01..2021-12-31",  "МОиН УР · Организация-оператор",                                                              null],
  ["17",  null,  "III",  "Размещение информационных материалов (пост-релизов",                     "continuous 2021-01-01..2021-12-31",  ALL5,                                                                                          null],
  ["18",  null,  "III",  "Обсуждение результатов НОК ДОД на совещаниях",                           "dated ..2022-05-31",                 ALL5,                                                                                          null],
  ["19",  null,  "IV",   "Принятие управленческих решений по результатам НОК ДОД",                 "dated ..2022-05-31",                 "МОиН УР · Орган местного самоуправления · Организация-заказчик",                              null],
  ["20",  null,  "IV",   "Поощрение по результатам НОК ДОД",                                       "dated ..2022-05-31",                 "МОиН УР · Орган местного самоуправления · Организация-оператор",                              null],
];

describe("seed 000: plan-schedule of NOK DOD 2021", () => {
  it("reads the title (first word out of capitals) and the period from it", () => {
    expect(plan.title).toBe(
      "План-график проведения независимой оценки качества подготовки обучающихся по дополнительным общеобразовательным программам в 2021 году",
    );
    expect(plan.period).toEqual({ start: "2021-01-01", end: "2021-12-31" });
    expect(plan.glossary).toEqual([]);
  });

  it("reads the four roman sections", () => {
    expect(plan.sections).toEqual([
      { number: "I", title: "Подготовительные мероприятия к проведению НОК ДОД" },
      { number: "II", title: "Проведение НОК ДОД" },
      { number: "III", title: "Информационное сопровождение НОК ДОД" },
      { number: "IV", title: "Применение результатов НОК ДОД" },
    ]);
  });

  it("reads every item: number, section, title, deadline, executors; no result column", () => {
    expectItems(plan, ITEMS);
  });

  it("counts the roles and the items naming each", () => {
    expect(plan.roles).toEqual([
      { name: "Организация-оператор", aliases: [], items: 14 },
      { name: "Орган местного самоуправления", aliases: [], items: 8 },
      { name: "Организация-заказчик", aliases: [], items: 6 },
      { name: "Уполномоченная организация", aliases: [], items: 5 },
      { name: "Педагогический работник, выходящий с инициативой проведения НОК ДОД", aliases: [], items: 1 },
      { name: "Эксперты", aliases: [], items: 1 },
      { name: "МОиН УР", aliases: [], items: 5 },
    ]);
  });

  it("warns only that item 8 names two executors through «или»", () => {
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]!.item).toBe("8");
    expect(plan.warnings[0]!.message).toContain("«или»");
  });
});
