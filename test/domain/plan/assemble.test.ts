// The assembler on plans shaped unlike the seeds: what real uploads bring.
import { describe, expect, it } from "vitest";
import { assemblePlan, parsePlanText } from "../../../src/domain/plan/assemble.js";
import { roleOfHeader } from "../../../src/domain/plan/columns.js";
import type { ParsedPlan, RawBlock } from "../../../src/domain/plan/types.js";
import { formatDeadline, formatExecutors, readSeed } from "./support.js";

const text = (t: string): RawBlock => ({ type: "text", text: t });
const table = (...rows: string[][]): RawBlock => ({ type: "table", rows });
const TITLE = text("План мероприятий на 2021 год");
const HEADER = ["№ п/п", "Наименование мероприятия", "Срок", "Ответственный"];

function assemble(...blocks: RawBlock[]): ParsedPlan {
  return assemblePlan({ blocks });
}

/** «number | parent | section | title | deadline | executors» per item. */
function lines(plan: ParsedPlan): string[] {
  return plan.items.map((i) =>
    [
      i.number,
      i.parent ?? "-",
      i.section ?? "-",
      i.title,
      formatDeadline(i.deadline),
      formatExecutors(i.executors),
    ].join(" | "),
  );
}

describe("columns", () => {
  it("finds columns by header text in any order and ignores extra ones", () => {
    const plan = assemble(
      TITLE,
      table(
        [
          "Ответственный исполнитель",
          "Срок исполнения",
          "№",
          "Мероприятие",
          "Примечание",
          "Отметка о выполнении",
        ],
        ["Комитет", "до 01.03.2021", "1.", "Совещание", "очно", "выполнено"],
      ),
    );
    expect(lines(plan)).toEqual(["1 | - | - | Совещание | dated ..2021-03-01 | Комитет"]);
    expect(plan.items[0]!.result).toBeNull();
    expect(plan.warnings).toEqual([]);
  });

  it("tells columns apart by the words that matter", () => {
    expect(
      [
        "№ п/п",
        "Наименование мероприятия (результата)",
        "Ответственный за соблюдение сроков",
        "Дата проведения",
      ].map(roleOfHeader),
    ).toEqual(["number", "title", "executors", "deadline"]);
    expect(
      [
        "N",
        "Содержание",
        "Соисполнители",
        "Форма реализации",
        "Отметка об исполнении",
        "Источник финансирования",
      ].map(roleOfHeader),
    ).toEqual(["number", "title", "executors", "result", null, null]);
  });

  it("reads a header split over two rows", () => {
    const plan = assemble(
      TITLE,
      table(
        ["№", "Наименование", "Срок", "Ответственные", "Планируемый"],
        ["п/п", "мероприятия", "исполнения", "исполнители", "результат"],
        ["1.", "Совещание", "январь", "Комитет", "Протокол"],
      ),
    );
    expect(lines(plan)).toEqual(["1 | - | - | Совещание | dated 2021-01-01..2021-01-31 | Комитет"]);
    expect(plan.items[0]!.result).toBe("Протокол");
    expect(plan.warnings).toEqual([]);
  });

  it("reads a deadline header merged over «начало | окончание» as one window", () => {
    const plan = assemble(
      TITLE,
      table(
        ["№", "Мероприятие", "Срок", "", "Ответственный"],
        ["", "", "начало", "окончание", ""],
        ["1", "Сбор данных", "01.02.2021", "05.02.2021", "Отдел образования"],
      ),
    );
    expect(lines(plan)).toEqual([
      "1 | - | - | Сбор данных | dated 2021-02-01..2021-02-05 | Отдел образования",
    ]);
  });

  it("skips the row of column numbers under the header", () => {
    const plan = assemble(
      TITLE,
      table(HEADER, ["1", "2", "3", "4"], ["1.", "Совещание", "январь", "Комитет"]),
    );
    expect(plan.items.map((i) => i.number)).toEqual(["1"]);
    expect(plan.items[0]!.title).toBe("Совещание");
  });

  it("skips a table with no deadline and no executor column, with a warning naming it", () => {
    const plan = assemble(
      TITLE,
      table(["№", "Показатель", "2021"], ["1.", "Доля организаций", "50"]),
      table(HEADER, ["1.", "Совещание", "январь", "Комитет"]),
    );
    expect(plan.items).toHaveLength(1);
    expect(plan.warnings).toEqual([
      { item: null, message: expect.stringMatching(/^Таблица «Показатель \| 2021» пропущена/) },
    ]);
  });

  it("says so when the document has no plan table at all", () => {
    const plan = assemble(TITLE, text("Просто письмо без таблицы."));
    expect(plan.items).toEqual([]);
    expect(plan.warnings).toContainEqual({
      item: null,
      message: expect.stringContaining("не найдено ни одного пункта плана"),
    });
  });
});

describe("numbering", () => {
  it("reads «1)» numbering as plain numbers", () => {
    const plan = assemble(
      TITLE,
      table(HEADER, ["1)", "Первое", "январь", "Комитет"], ["2)", "Второе", "май", "Комитет"]),
    );
    expect(plan.items.map((i) => [i.number, i.parent])).toEqual([
      ["1", null],
      ["2", null],
    ]);
  });

  it("nests «1)» under the item before when the plan also numbers items «1.»", () => {
    const plan = assemble(
      TITLE,
      table(
        HEADER,
        ["1.", "Организация", "январь", "Комитет"],
        ["1)", "Приказ", "январь", "Комитет"],
        ["2)", "Совещание", "февраль", "Комитет"],
        ["2.", "Отчёт", "май", "Комитет"],
      ),
    );
    expect(plan.items.map((i) => [i.number, i.parent])).toEqual([
      ["1", null],
      ["1.1", "1"],
      ["1.2", "1"],
      ["2", null],
    ]);
  });

  it("nests lettered sub-items «а)», «б)»", () => {
    const plan = assemble(
      TITLE,
      table(
        HEADER,
        ["3.", "Мониторинг", "май", "Комитет"],
        ["а)", "Сбор", "май", "Отдел"],
        ["б)", "Анализ", "июнь", "Отдел"],
      ),
    );
    expect(plan.items.map((i) => [i.number, i.parent])).toEqual([
      ["3", null],
      ["3.а", "3"],
      ["3.б", "3"],
    ]);
  });

  it("keeps numbers as written without the trailing dot, links sub-items to items only", () => {
    const plan = assemble(
      TITLE,
      table(
        HEADER,
        ["1.", "Раздел первый", "", ""],
        ["1.1.", "Первое", "январь", "Комитет"],
        ["1.1.1", "Подпункт", "январь", "Комитет"],
        ["2", "Второе", "май", "Комитет"],
        ["2.1 ", "Подпункт", "май", "Комитет"],
      ),
    );
    expect(plan.sections).toEqual([{ number: "1", title: "Раздел первый" }]);
    expect(plan.items.map((i) => [i.number, i.parent, i.section])).toEqual([
      ["1.1", null, "1"],
      ["1.1.1", "1.1", "1"],
      ["2", null, "1"],
      ["2.1", "2", "1"],
    ]);
  });

  it("numbers items by position when the table has no numbers, and says so", () => {
    const plan = assemble(
      TITLE,
      table(
        ["Мероприятие", "Срок", "Ответственный"],
        ["Совещание", "январь", "Комитет"],
        ["Отчёт", "май", "Комитет"],
      ),
    );
    expect(plan.items.map((i) => [i.number, i.title])).toEqual([
      ["1", "Совещание"],
      ["2", "Отчёт"],
    ]);
    expect(plan.warnings).toEqual([
      { item: null, message: expect.stringContaining("пронумерованы по порядку") },
    ]);
  });

  it("takes numbers written at the start of the title when there is no number column", () => {
    const plan = assemble(
      TITLE,
      table(
        ["Мероприятие", "Срок", "Ответственный"],
        ["1. Совещание", "январь", "Комитет"],
        ["1.1. Протокол", "январь", "Комитет"],
      ),
    );
    expect(plan.items.map((i) => [i.number, i.parent, i.title])).toEqual([
      ["1", null, "Совещание"],
      ["1.1", "1", "Протокол"],
    ]);
  });

  it("warns about a number used twice and about a row with no number", () => {
    const plan = assemble(
      TITLE,
      table(
        HEADER,
        ["1.", "Первое", "январь", "Комитет"],
        ["1.", "Повтор", "май", "Комитет"],
        ["", "Без номера", "май", "Комитет"],
      ),
    );
    expect(plan.items.map((i) => i.number)).toEqual(["1", "1", "б/н 1"]);
    expect(plan.warnings).toEqual([
      { item: "1", message: "Номер пункта 1 встречается в плане дважды — проверьте нумерацию." },
      { item: "б/н 1", message: "У пункта «Без номера» нет номера — он обозначен «б/н 1»." },
    ]);
  });
});

describe("rows of one item", () => {
  it("reads «№» and «Мероприятие» merged down over two deadline rows as one item", () => {
    const plan = assemble(
      TITLE,
      table(
        HEADER,
        ["1.", "Совещание", "январь", "Комитет"],
        ["1.", "Совещание", "май", "Комитет"],
        ["2.", "Отчёт", "июнь", "Отдел"],
      ),
    );
    expect(lines(plan)).toEqual([
      "1 | - | - | Совещание | dated 2021-01-01..2021-01-31, 2021-05-01..2021-05-31 | Комитет",
      "2 | - | - | Отчёт | dated 2021-06-01..2021-06-30 | Отдел",
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it("warns once, not per item, when the plan has no executor column", () => {
    const plan = assemble(
      TITLE,
      table(["№", "Мероприятие", "Срок"], ["1.", "Совещание", "январь"], ["2.", "Отчёт", "май"]),
    );
    expect(plan.items.map((i) => i.executors)).toEqual([[], []]);
    expect(plan.warnings).toEqual([
      { item: null, message: expect.stringContaining("нет столбца ответственных") },
    ]);
  });
});

describe("sections and rows across pages", () => {
  it("reads a heading merged across the row as a section, numbered or not", () => {
    const plan = assemble(
      TITLE,
      table(HEADER, ["Раздел 1. Организация", "", "", ""], ["1.1", "Первое", "январь", "Комитет"]),
      table(HEADER, ["Информирование", "", "", ""], ["2.1", "Второе", "май", "Комитет"]),
      table(HEADER, ["", "IV. Применение результатов", "", ""], ["4.1", "Четвёртое", "июнь", "Комитет"]),
    );
    expect(plan.sections).toEqual([
      { number: "1", title: "Организация" },
      { number: "2", title: "Информирование" },
      { number: "IV", title: "Применение результатов" },
    ]);
    expect(plan.items.map((i) => i.section)).toEqual(["1", "2", "IV"]);
  });

  it("goes on with a table continued after a page break with its header repeated", () => {
    const plan = assemble(
      TITLE,
      table(
        HEADER,
        ["I. Подготовка", "", "", ""],
        ["1.", "Первое", "январь", "Комитет"],
        ["2.", "Второе", "февраль", "Комитет"],
      ),
      text("2"),
      table(HEADER, ["3.", "Третье", "март", "Комитет"]),
    );
    expect(plan.items.map((i) => [i.number, i.section])).toEqual([
      ["1", "I"],
      ["2", "I"],
      ["3", "I"],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it("goes on with a continued table that has no header, and skips a header repeated inside a table", () => {
    const plan = assemble(
      TITLE,
      table(HEADER, ["1.", "Первое", "январь", "Комитет"], HEADER, ["2.", "Второе", "февраль", "Комитет"]),
      table(["3.", "Третье", "март", "Комитет"]),
    );
    expect(plan.items.map((i) => i.number)).toEqual(["1", "2", "3"]);
    expect(plan.warnings).toEqual([]);
  });

  it("joins a row broken across a page into the row above, cell by cell", () => {
    const plan = assemble(
      TITLE,
      table(
        [...HEADER, "Результат"],
        ["1.", "Заседание совета", "по плану работы", "Секретарь", "Протокол"],
        ["", "по итогам года", "совета", "совета", "заседания"],
        ["2.", "Отчёт", "май", "Комитет", "Отчёт"],
      ),
    );
    expect(plan.items).toHaveLength(2);
    expect(plan.items[0]!.title).toBe("Заседание совета по итогам года");
    expect(plan.items[0]!.deadline.raw).toBe("по плану работы\nсовета");
    expect(formatExecutors(plan.items[0]!.executors)).toBe("Секретарь совета");
    expect(plan.items[0]!.result).toBe("Протокол заседания");
  });
});

describe("title, period, glossary, warnings", () => {
  it("finds the title among the preamble and gives the period of its school year", () => {
    const plan = assemble(
      text("УТВЕРЖДАЮ\nДиректор"),
      text("ПЛАН РАБОТЫ МО"),
      text("учителей начальных классов на 2023/2024 учебный год"),
      table(HEADER, ["1.", "Совещание", "октябрь", "Руководитель МО"]),
    );
    expect(plan.title).toBe("План работы МО учителей начальных классов на 2023/2024 учебный год");
    expect(plan.period).toEqual({ start: "2023-09-01", end: "2024-08-31" });
    expect(lines(plan)).toEqual(["1 | - | - | Совещание | dated 2023-10-01..2023-10-31 | Руководитель МО"]);
  });

  it("falls back to the given year, with a warning, when nothing names one", () => {
    const plan = assemblePlan(
      { blocks: [text("План мероприятий"), table(HEADER, ["1.", "Совещание", "постоянно", "Комитет"])] },
      { fallbackYear: 2025 },
    );
    expect(plan.period).toEqual({ start: "2025-01-01", end: "2025-12-31" });
    expect(plan.warnings).toEqual([{ item: null, message: expect.stringContaining("Принят 2025 год") }]);
  });

  it("collects a glossary from unmarked abbreviation lines and «(далее – …)», and merges executors by it", () => {
    const plan = assemble(
      TITLE,
      text("Отдел образования администрации района (далее – Отдел) утверждает план."),
      table(
        HEADER,
        ["1.", "Совещание", "январь", "Отдел образования администрации района"],
        ["2.", "Мониторинг ОО", "май", "Отдел"],
      ),
      text("ОО – образовательные организации;"),
    );
    expect(plan.glossary).toEqual([
      { short: "ОО", full: "образовательные организации" },
      { short: "Отдел", full: "Отдел образования администрации района" },
    ]);
    expect(plan.roles).toEqual([
      { name: "Отдел", aliases: ["Отдел образования администрации района"], items: 2 },
    ]);
  });

  it("warns, by item, about a deadline it cannot read and a missing executor", () => {
    const plan = assemble(TITLE, table(HEADER, ["1.", "Совещание", "когда получится", ""]));
    expect(plan.items[0]!.deadline.kind).toBe("unparsed");
    expect(plan.warnings.map((w) => w.item)).toEqual(["1", "1"]);
    expect(plan.warnings[1]!.message).toBe("Не указан ответственный исполнитель.");
  });
});

describe("the dry-run JSON shape", () => {
  it("has exactly the keys of plan-import.md, in order", () => {
    const plan = parsePlanText(readSeed("004"));
    const json = JSON.parse(JSON.stringify(plan));
    expect(Object.keys(json)).toEqual([
      "title",
      "period",
      "glossary",
      "sections",
      "items",
      "roles",
      "warnings",
    ]);
    expect(Object.keys(json.period)).toEqual(["start", "end"]);
    expect(Object.keys(json.sections[0])).toEqual(["number", "title"]);
    const item = json.items.find((i: { number: string }) => i.number === "1.2");
    expect(Object.keys(item)).toEqual([
      "number",
      "parent",
      "section",
      "title",
      "deadline",
      "executors",
      "result",
    ]);
    expect(Object.keys(item.deadline)).toEqual(["raw", "kind", "occurrences", "relative"]);
    expect(Object.keys(item.deadline.occurrences[0])).toEqual(["start", "due"]);
    expect(Object.keys(item.executors[1])).toEqual(["name", "people"]);
    expect(Object.keys(json.roles[0])).toEqual(["name", "aliases", "items"]);
    expect(Object.keys(json.warnings[0])).toEqual(["item", "message"]);
    const relative = parsePlanText(readSeed("001")).items.find((i) => i.number === "8")!.deadline.relative!;
    expect(Object.keys(relative)).toEqual(["days", "business", "after", "before"]);
    const glossary = parsePlanText(readSeed("002")).glossary[0]!;
    expect(Object.keys(glossary)).toEqual(["short", "full"]);
  });
});

describe("never throws", () => {
  it("reads an empty document into an empty plan with warnings", () => {
    const plan = assemblePlan({ blocks: [] }, { fallbackYear: 2024 });
    expect(plan.items).toEqual([]);
    expect(plan.title).toBe("");
    expect(plan.period).toEqual({ start: "2024-01-01", end: "2024-12-31" });
    expect(plan.warnings.length).toBeGreaterThan(0);
  });

  it("reads texts made of plan fragments in any order without throwing", () => {
    const fragments = [
      "\t",
      "\n",
      "\n\n",
      " ",
      "1.",
      "1.1",
      "IV.",
      "1)",
      "а)",
      "№ п/п",
      "Срок",
      "Ответственный",
      "Комитет",
      "руководители ОО",
      "Белокурова И.В.",
      "«",
      "»",
      "(",
      ")",
      ",",
      ";",
      "или",
      " и ",
      "до 30.09.2021",
      "постоянно",
      "*",
      "<*>",
      "(далее – X)",
      "-",
      "мกราคม",
      "Организация-",
      "оператор",
      "\r\n",
      "Раздел 2.",
    ];
    let state = 11;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    for (let k = 0; k < 300; k++) {
      let body = "";
      for (let i = 0; i < 1 + next() * 80; i++) body += fragments[Math.floor(next() * fragments.length)];
      const plan = parsePlanText(`План на 2021 год\n\n№\tМероприятие\tСрок\tОтветственный\n${body}`);
      for (const item of plan.items) {
        expect(Object.keys(item)).toEqual([
          "number",
          "parent",
          "section",
          "title",
          "deadline",
          "executors",
          "result",
        ]);
      }
    }
  });
});
