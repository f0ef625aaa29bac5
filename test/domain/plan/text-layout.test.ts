// The two text layouts of Word exports, read into text blocks and tables.
import { describe, expect, it } from "vitest";
import { readTextDocument } from "../../../src/domain/plan/text-layout.js";

describe("row per line", () => {
  it("reads TAB-separated rows, with text before and after, and a blank line inside the table", () => {
    const doc = readTextDocument(
      [
        "ПЛАН",
        "на 2021 год",
        "",
        "№\tМероприятие\tСрок",
        "1.\tПервое\tянварь",
        "",
        "2.\tВторое\tфевраль",
        "",
        "* примечание",
      ].join("\n"),
    );
    expect(doc.blocks).toEqual([
      { type: "text", text: "ПЛАН\nна 2021 год" },
      {
        type: "table",
        rows: [
          ["№", "Мероприятие", "Срок"],
          ["1.", "Первое", "январь"],
          ["2.", "Второе", "февраль"],
        ],
      },
      { type: "text", text: "* примечание" },
    ]);
  });

  it("keeps a row broken over a page as its own row (the assembler joins it)", () => {
    const doc = readTextDocument("№\tМероприятие\tСрок\n2.1\tЗаседание\tпо плану работы\n\n\t\tсовета\n");
    expect(doc.blocks).toEqual([
      {
        type: "table",
        rows: [
          ["№", "Мероприятие", "Срок"],
          ["2.1", "Заседание", "по плану работы"],
          ["", "", "совета"],
        ],
      },
    ]);
  });

  it("reads Windows line ends and a byte-order mark", () => {
    const doc = readTextDocument("\uFEFFЗаголовок\r\n\r\n№\tМероприятие\r\n1.\tПервое\r\n");
    expect(doc.blocks).toEqual([
      { type: "text", text: "Заголовок" },
      {
        type: "table",
        rows: [
          ["№", "Мероприятие"],
          ["1.", "Первое"],
        ],
      },
    ]);
  });
});

describe("cell per line", () => {
  const header = ["\t№", "\tМероприятие", "\tОтветственные", "\tСроки", ""];

  it("reads cells that go on over lines, and blank lines between rows", () => {
    const doc = readTextDocument(
      [
        " План",
        "на 2020 год",
        "",
        ...header,
        "\t1.",
        "\tОбсуждение плана",
        "\tКомитет ",
        "Общественный совет",
        "\tянварь -",
        "март",
        "",
      ].join("\n"),
    );
    expect(doc.blocks).toEqual([
      { type: "text", text: "План\nна 2020 год" },
      {
        type: "table",
        rows: [
          ["№", "Мероприятие", "Ответственные", "Сроки"],
          ["1.", "Обсуждение плана", "Комитет \nОбщественный совет", "январь -\nмарт"],
        ],
      },
    ]);
  });

  it("keeps blank lines inside a cell when the table goes on below", () => {
    const doc = readTextDocument(
      [
        ...header,
        "\t2.3.",
        "\tПодготовка",
        "\tКоординаторы",
        "\t30.06. 2021",
        "",
        "",
        "",
        "до 30.06.21",
        "",
        "\t3.",
        "\tСбор",
      ].join("\n"),
    );
    const table = doc.blocks[0];
    expect(table).toEqual({
      type: "table",
      rows: [
        ["№", "Мероприятие", "Ответственные", "Сроки"],
        ["2.3.", "Подготовка", "Координаторы", "30.06. 2021\n\n\n\nдо 30.06.21"],
        ["3.", "Сбор"],
      ],
    });
  });

  it("goes on with the same row after a blank line when the next cell is no row number", () => {
    const doc = readTextDocument(
      [
        ...header,
        "\t4.",
        "\tРазработка",
        "\tСовет",
        "Комитет ",
        "",
        "\tиюнь",
        "",
        "\t5.",
        "\tТорги",
        "\tКомитет",
        "\tиюль",
      ].join("\n"),
    );
    expect(doc.blocks).toEqual([
      {
        type: "table",
        rows: [
          ["№", "Мероприятие", "Ответственные", "Сроки"],
          ["4.", "Разработка", "Совет\nКомитет", "июнь"],
          ["5.", "Торги", "Комитет", "июль"],
        ],
      },
    ]);
  });

  it("reads an empty cell (a lone TAB), drops empty rows", () => {
    const doc = readTextDocument(
      [
        ...header,
        "\t7.",
        "\tПодготовка",
        "\tКомитет",
        "\t",
        "",
        "\t",
        "",
        "\t8.",
        "\tИтоги",
        "\t",
        "\tмай",
      ].join("\n"),
    );
    expect(doc.blocks).toEqual([
      {
        type: "table",
        rows: [
          ["№", "Мероприятие", "Ответственные", "Сроки"],
          ["7.", "Подготовка", "Комитет", ""],
          ["8.", "Итоги", "", "май"],
        ],
      },
    ]);
  });

  it("ends the table at a heading or a footnote after blank lines, and starts the next one", () => {
    const doc = readTextDocument(
      [
        "I. Показатели",
        "",
        "\t№",
        "\tПоказатель",
        "",
        "\t1.",
        "\tДоля",
        "",
        "",
        "II. План мероприятий",
        "",
        ...header,
        "\t1.",
        "\tПервое",
        "\tКомитет",
        "\tмай",
        "",
        "* Комитет - комитет по образованию",
      ].join("\n"),
    );
    expect(doc.blocks.map((b) => (b.type === "text" ? b.text : `table of ${b.rows.length}`))).toEqual([
      "I. Показатели",
      "table of 2",
      "II. План мероприятий",
      "table of 2",
      "* Комитет - комитет по образованию",
    ]);
  });

  it("reads a paragraph after the last full row as text when the next table starts with a header", () => {
    const doc = readTextDocument(
      [
        ...header,
        "\t1.",
        "\tПервое",
        "\tКомитет",
        "\tмай",
        "",
        " План",
        "работы на 2021 год",
        "",
        ...header,
        "\t1.",
        "\tВторое",
      ].join("\n"),
    );
    expect(doc.blocks.map((b) => (b.type === "text" ? b.text : b.rows.map((r) => r.join("|"))))).toEqual([
      ["№|Мероприятие|Ответственные|Сроки", "1.|Первое|Комитет|май"],
      "План\nработы на 2021 год",
      ["№|Мероприятие|Ответственные|Сроки", "1.|Второе"],
    ]);
  });

  it("treats a lone indented paragraph as text, not a table", () => {
    const doc = readTextDocument("\tВ соответствии с приказом\n\nПлан мероприятий");
    expect(doc.blocks).toEqual([
      { type: "text", text: "В соответствии с приказом" },
      { type: "text", text: "План мероприятий" },
    ]);
  });
});
