import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../src/domain/plan/formats/read-document.js";
import { ZipArchive } from "../../../src/domain/plan/formats/zip.js";
import { readTextDocument } from "../../../src/domain/plan/text-layout.js";
import type { RawDocument } from "../../../src/domain/plan/types.js";
import { seedNames, seedText, xlsxFromText } from "../../support/plan-fixtures.js";
import { normalized } from "./builders.js";

async function readXlsx(bytes: Uint8Array): Promise<RawDocument> {
  const { format, document } = await readDocument(bytes, "plan.xlsx");
  expect(format).toBe("xlsx");
  return document;
}

async function workbookBytes(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("xlsx: the seeds as laid out in Excel", () => {
  for (const name of seedNames()) {
    it(`${name}: same text blocks and table cells as the text export`, async () => {
      const text = seedText(name);
      const bytes = await xlsxFromText(text);
      // Title rows and sections are merged ranges in the built file: the reader must undo them.
      const sheetXml = ZipArchive.open(bytes).text("xl/worksheets/sheet1.xml")!;
      expect(sheetXml.includes("<mergeCell ")).toBe(true);
      expect(normalized(await readXlsx(bytes))).toEqual(normalized(readTextDocument(text)));
    });
  }
});

describe("xlsx: cells", () => {
  it("reads what a person sees: formula results, rich text, links, dates, numbers; errors as empty", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("План");
      sheet.addRow(["№", "Мероприятие", "Срок", "Ответственные", "Кол-во"]);
      sheet.addRow([
        1,
        { richText: [{ text: "Сбор " }, { text: "заявок", font: { bold: true } }] },
        new Date(Date.UTC(2021, 8, 30)),
        { text: "Организация-оператор", hyperlink: "https://example.org" },
        { formula: "2+3", result: 5 },
      ]);
      sheet.addRow([
        1.1,
        "Отчёт\r\nо работе",
        { formula: 'TEXT(DATE(2021,11,5),"ДД.ММ.ГГГГ")', result: "05.11.2021" },
        "Комитет",
        { formula: "1/0", result: { error: "#DIV/0!" } },
      ]);
      sheet.addRow([
        2,
        "Итоги",
        { formula: "DATE(2021,12,1)", result: new Date(Date.UTC(2021, 11, 1)) },
        true,
        0.1 + 0.2,
      ]);
    });
    expect((await readXlsx(bytes)).blocks).toEqual([
      {
        type: "table",
        rows: [
          ["№", "Мероприятие", "Срок", "Ответственные", "Кол-во"],
          ["1", "Сбор заявок", "30.09.2021", "Организация-оператор", "5"],
          ["1.1", "Отчёт\nо работе", "05.11.2021", "Комитет", ""],
          ["2", "Итоги", "01.12.2021", "ИСТИНА", "0.3"],
        ],
      },
    ]);
  });

  it("keeps a horizontal merge in its first column and repeats a vertical one, also for a block", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("План");
      sheet.getCell("A1").value = "План мероприятий на 2021 год";
      sheet.mergeCells("A1:D1");
      sheet.addRow(["№", "Мероприятие", "Срок", "Ответственные"]);
      sheet.addRow(["I.", "Подготовка"]);
      sheet.mergeCells("B3:D3");
      sheet.addRow(["1.", "Сбор", "май", "Организация-оператор"]);
      sheet.addRow(["2.", "Проверка", "июнь"]);
      sheet.mergeCells("D4:D5");
      sheet.addRow(["3.", "Итоги", "декабрь", "Комитет"]);
      sheet.addRow(["4.", "", "", "Совет"]);
      sheet.mergeCells("B6:C7");
    });
    expect((await readXlsx(bytes)).blocks).toEqual([
      { type: "text", text: "План мероприятий на 2021 год" },
      {
        type: "table",
        rows: [
          ["№", "Мероприятие", "Срок", "Ответственные"],
          ["I.", "Подготовка", "", ""],
          ["1.", "Сбор", "май", "Организация-оператор"],
          ["2.", "Проверка", "июнь", "Организация-оператор"],
          ["3.", "Итоги", "", "Комитет"],
          ["4.", "Итоги", "", "Совет"],
        ],
      },
    ]);
  });
});

describe("xlsx: sheets and the text around a table", () => {
  it("reads every visible sheet in order, title rows above as text, footnote rows below as text", async () => {
    const bytes = await workbookBytes((workbook) => {
      const first = workbook.addWorksheet("Раздел 1");
      first.addRow(["ПЛАН-ГРАФИК"]);
      first.addRow(["проведения оценки в 2021 году"]);
      first.addRow([]);
      first.addRow(["№", "Мероприятие", "Срок", "Ответственные"]);
      first.addRow(["1.", "Сбор", "май", "Совет"]);
      first.addRow([]);
      first.addRow(["* Совет — общественный совет"]);
      const hidden = workbook.addWorksheet("Справочник");
      hidden.state = "hidden";
      hidden.addRow(["Организация-оператор", "Совет"]);
      const second = workbook.addWorksheet("Раздел 2");
      second.addRow(["№", "Мероприятие", "Срок", "Ответственные"]);
      second.addRow(["2.", "Итоги", "декабрь", "Комитет"]);
    });
    expect((await readXlsx(bytes)).blocks).toEqual([
      { type: "text", text: "ПЛАН-ГРАФИК" },
      { type: "text", text: "проведения оценки в 2021 году" },
      {
        type: "table",
        rows: [
          ["№", "Мероприятие", "Срок", "Ответственные"],
          ["1.", "Сбор", "май", "Совет"],
        ],
      },
      { type: "text", text: "* Совет — общественный совет" },
      {
        type: "table",
        rows: [
          ["№", "Мероприятие", "Срок", "Ответственные"],
          ["2.", "Итоги", "декабрь", "Комитет"],
        ],
      },
    ]);
  });

  it("starts a new table at a second header row, with the heading above it as text", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("План");
      sheet.addRow(["№ п/п", "Целевые показатели", "2016", "2017"]);
      sheet.addRow(["1.", "Доля организаций", "50", "100"]);
      sheet.addRow([]);
      sheet.addRow(["II. План мероприятий"]);
      sheet.addRow(["№ п/п", "Мероприятие", "Сроки исполнения", "Ответственные исполнители"]);
      sheet.addRow(["1.", "Заседания", "1 раз в квартал", "Совет"]);
    });
    expect((await readXlsx(bytes)).blocks).toEqual([
      {
        type: "table",
        rows: [
          ["№ п/п", "Целевые показатели", "2016", "2017"],
          ["1.", "Доля организаций", "50", "100"],
        ],
      },
      { type: "text", text: "II. План мероприятий" },
      {
        type: "table",
        rows: [
          ["№ п/п", "Мероприятие", "Сроки исполнения", "Ответственные исполнители"],
          ["1.", "Заседания", "1 раз в квартал", "Совет"],
        ],
      },
    ]);
  });
});
