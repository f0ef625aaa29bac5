// The executor reader against every example of shared/spec/plan-import.md («Executors»).
import { describe, expect, it } from "vitest";
import {
  buildExecutorVocabulary,
  emptyVocabulary,
  readExecutors,
} from "../../../src/domain/executors/index.js";
import type { GlossaryEntry } from "../../../src/domain/plan/types.js";

/** Reads `raw` the way the assembler does: the vocabulary from the whole plan's cells first. */
function read(raw: string, planCells: string[] = [], glossary: GlossaryEntry[] = []) {
  const vocabulary = buildExecutorVocabulary([...planCells, raw], glossary);
  return readExecutors(raw, vocabulary);
}

/** Executor names, people in brackets: «Региональные координаторы (Белокурова И.В., Панова О.А.)». */
function names(raw: string, planCells: string[] = [], glossary: GlossaryEntry[] = []): string[] {
  return read(raw, planCells, glossary).executors.map((e) =>
    e.people.length > 0 ? `${e.name} (${e.people.join(", ")})` : e.name,
  );
}

describe("separators", () => {
  it("splits at commas and semicolons", () => {
    expect(names("Комитет по образованию, Общественный совет")).toEqual([
      "Комитет по образованию",
      "Общественный совет",
    ]);
    expect(names("Комитет по образованию; Общественный совет")).toEqual([
      "Комитет по образованию",
      "Общественный совет",
    ]);
  });

  it("splits at a line break where both lines read as names", () => {
    expect(names("Комитет по образованию \nОбщественный совет")).toEqual([
      "Комитет по образованию",
      "Общественный совет",
    ]);
  });

  it("joins a next line that starts in lower case", () => {
    expect(names("Муниципальные\nорганизаторы")).toEqual(["Муниципальные организаторы"]);
  });

  it("joins where the first line ends mid-phrase", () => {
    expect(names("МВД России по\nБрянской области")).toEqual(["МВД России по Брянской области"]);
    expect(names("Гаврилов\nПосад")).toEqual(["Гаврилов Посад"]);
    expect(names("Тейковский ТО\nРоспотребнадзора")).toEqual(["Тейковский ТО Роспотребнадзора"]);
  });

  it("rejoins a word broken by a hyphen, and keeps a real hyphen", () => {
    expect(names("директо-\nра ОУ")).toEqual(["Директора ОУ"]);
    expect(names("Организация-\nоператор")).toEqual(["Организация-оператор"]);
  });

  it("keeps the hyphen the plan writes elsewhere in the same word", () => {
    expect(names("Учитель-\nлогопед", ["Учитель-логопед, Директор"])).toEqual(["Учитель-логопед"]);
  });
});

describe("names run together with spaces only", () => {
  it("splits with the names the plan uses on their own", () => {
    const plan000 = [
      "Организация-оператор",
      "Организация-заказчик",
      "Организация-оператор Орган местного самоуправления",
      "Уполномоченная организация Орган местного самоуправления",
      "МОиН УР Организация-оператор",
    ];
    expect(
      names("Организация-заказчик Орган местного самоуправления Уполномоченная организация", plan000),
    ).toEqual(["Организация-заказчик", "Орган местного самоуправления", "Уполномоченная организация"]);
    expect(names("МОиН УР Организация-оператор", plan000)).toEqual(["МОиН УР", "Организация-оператор"]);
    expect(
      names(
        "МОиН УР Организация-оператор Орган местного самоуправления Уполномоченная организация Организация-заказчик",
        plan000,
      ),
    ).toHaveLength(5);
  });

  it("splits «Комитет руководители ОМСУ» because the plan names both on their own", () => {
    expect(names("Комитет руководители ОМСУ", ["Комитет", "Комитет, руководители ОМСУ"])).toEqual([
      "Комитет",
      "Руководители ОМСУ",
    ]);
  });

  it("does not split it without that vocabulary (the lower case word goes on the name)", () => {
    expect(
      readExecutors("Комитет руководители ОМСУ", emptyVocabulary()).executors.map((e) => e.name),
    ).toEqual(["Комитет руководители ОМСУ"]);
  });

  it("splits before a quoted organisation, never inside the quotes", () => {
    expect(
      names("Общественный совет МКУ «Управление образования»", [
        "Общественный совет",
        "МКУ «Управление образования»",
      ]),
    ).toEqual(["Общественный совет", "МКУ «Управление образования»"]);
    expect(names("Сектор управления качеством образования, ГБУ ЛО «ИЦОКО»")).toEqual([
      "Сектор управления качеством образования",
      "ГБУ ЛО «ИЦОКО»",
    ]);
  });

  it("never splits inside parentheses or before a lone abbreviation", () => {
    expect(
      names("Отдел образования (Комитет, Общественный совет)", ["Комитет", "Общественный совет"]),
    ).toEqual(["Отдел образования (Комитет, Общественный совет)"]);
    expect(names("руководители ОМСУ", ["ОМСУ"])).toEqual(["Руководители ОМСУ"]);
  });

  it("splits where a capitalised name starts right after a lower-case word", () => {
    expect(names("Комитет по образованию Общественный совет")).toEqual([
      "Комитет по образованию",
      "Общественный совет",
    ]);
  });
});

describe("«и» and «или»", () => {
  it("splits at «и» only where both sides are names of their own", () => {
    expect(names("Главы поселений и руководители структурных подразделений")).toEqual([
      "Главы поселений",
      "Руководители структурных подразделений",
    ]);
    expect(names("Региональные эксперты №1 и №2")).toEqual(["Региональные эксперты №1 и №2"]);
    expect(names("Департамент культуры, спорта и молодежной политики")).toEqual([
      "Департамент культуры, спорта и молодежной политики",
    ]);
  });

  it("reads «A или B» as two executors, with a warning", () => {
    const result = read(
      "Организация-заказчик или педагогический работник, выходящий с инициативой проведения НОК ДОД",
    );
    expect(result.executors.map((e) => e.name)).toEqual([
      "Организация-заказчик",
      "Педагогический работник, выходящий с инициативой проведения НОК ДОД",
    ]);
    expect(result.warnings).toEqual([
      "Два исполнителя через «или»: «Организация-заказчик» и «Педагогический работник, выходящий с…» — назначены оба.",
    ]);
  });

  it("says how many executors «или» names when there are more than two", () => {
    expect(read("Комитет, Отдел образования или Общественный совет").warnings).toEqual([
      "3 исполнителя через «или»: «Комитет», «Отдел образования», «Общественный совет» — назначены все.",
    ]);
  });
});

describe("clean-up", () => {
  it("drops footnote marks, prefixes and «(по согласованию)»", () => {
    expect(names("Сектор УКО**")).toEqual(["Сектор УКО"]);
    expect(names("Комитет<*>")).toEqual(["Комитет"]);
    expect(names("Отв.: Комитет по образованию")).toEqual(["Комитет по образованию"]);
    expect(names("Ответственный: МКУ «Управление образования»")).toEqual(["МКУ «Управление образования»"]);
    expect(names("ОМВД России по Ивановской области (по согласованию)")).toEqual([
      "ОМВД России по Ивановской области",
    ]);
  });

  it("keeps a lower-case role after a comma as a name of its own", () => {
    expect(names("Директор, зам. директора по УВР")).toEqual(["Директор", "Зам. директора по УВР"]);
  });

  it("capitalises the first letter", () => {
    expect(names("руководители ОО")).toEqual(["Руководители ОО"]);
    expect(names("организация-оператор")).toEqual(["Организация-оператор"]);
  });

  it("reads Latin look-alike letters inside Cyrillic words as Cyrillic", () => {
    // «O» and «c» below are Latin.
    expect(names("Oбщественный coвет, руководители OO")).toEqual(["Общественный совет", "Руководители ОО"]);
  });

  it("merges spellings through the glossary and keeps the short name", () => {
    const glossary = [{ short: "Сектор УКО", full: "сектор управления качеством образования" }];
    expect(names("Сектор управления качеством образования", ["Сектор УКО"], glossary)).toEqual([
      "Сектор УКО",
    ]);
    const vocabulary = buildExecutorVocabulary(
      ["Сектор УКО", "Сектор управления качеством образования"],
      glossary,
    );
    expect(vocabulary.aliases.get("Сектор УКО")).toEqual(["Сектор управления качеством образования"]);
  });

  it("merges case and hyphen spacing into the spelling used most", () => {
    const cells = ["Организация-оператор", "Организация-оператор", "организация - оператор"];
    const vocabulary = buildExecutorVocabulary(cells);
    expect(readExecutors("организация - оператор", vocabulary).executors).toEqual([
      { name: "Организация-оператор", people: [] },
    ]);
  });
});

describe("named people", () => {
  it("attaches people written right after a role to it", () => {
    expect(names("Региональные координаторы Белокурова И.В.\nПанова О.А.")).toEqual([
      "Региональные координаторы (Белокурова И.В., Панова О.А.)",
    ]);
    expect(names("Методист Т.И. Герасименко")).toEqual(["Методист (Т.И. Герасименко)"]);
  });

  it("makes a person after a comma, or with no role before, an executor of their own", () => {
    expect(names("Комитет по образованию, Иванова А.А.")).toEqual(["Комитет по образованию", "Иванова А.А."]);
    expect(names("Т.И. Герасименко")).toEqual(["Т.И. Герасименко"]);
  });
});

describe("the spec's table of responsible cells", () => {
  const cases: [string, string[], string[]][] = [
    // raw, other cells of the same plan, executors
    [
      "Организация-оператор Орган местного самоуправления",
      ["Организация-оператор"],
      ["Организация-оператор", "Орган местного самоуправления"],
    ],
    [
      "Организация-заказчик или педагогический работник, выходящий с инициативой проведения НОК ДОД",
      [],
      ["Организация-заказчик", "Педагогический работник, выходящий с инициативой проведения НОК ДОД"],
    ],
    [
      "МОиН УР Организация-оператор Орган местного самоуправления Уполномоченная организация Организация-заказчик",
      [
        "Организация-оператор",
        "Организация-заказчик",
        "Организация-оператор Орган местного самоуправления",
        "Организация-заказчик Орган местного самоуправления Уполномоченная организация",
        "МОиН УР Организация-оператор",
      ],
      [
        "МОиН УР",
        "Организация-оператор",
        "Орган местного самоуправления",
        "Уполномоченная организация",
        "Организация-заказчик",
      ],
    ],
    ["Комитет по образованию \nОбщественный совет", [], ["Комитет по образованию", "Общественный совет"]],
    [
      "Комитет руководители ОМСУ",
      ["Комитет", "Комитет, руководители ОМСУ"],
      ["Комитет", "Руководители ОМСУ"],
    ],
    [
      "Общественный совет МКУ «Управление образования»",
      ["Общественный совет", "МКУ «Управление образования»"],
      ["Общественный совет", "МКУ «Управление образования»"],
    ],
    ["", [], []],
    [
      "Министерство образования, региональные координаторы \nБелокурова И.В.\nПанова О.А.",
      [],
      ["Министерство образования", "Региональные координаторы (Белокурова И.В., Панова О.А.)"],
    ],
    ["Муниципальные\nорганизаторы", [], ["Муниципальные организаторы"]],
  ];
  it.each(cases)("%j", (raw, plan, expected) => {
    expect(names(raw, plan)).toEqual(expected);
  });

  it("reads «Сектор управления качеством образования, ГБУ ЛО «ИЦОКО»» with the glossary", () => {
    const glossary = [{ short: "Сектор УКО", full: "сектор управления качеством образования" }];
    expect(names("Сектор управления качеством образования, ГБУ ЛО «ИЦОКО»", [], glossary)).toEqual([
      "Сектор УКО",
      "ГБУ ЛО «ИЦОКО»",
    ]);
  });
});
