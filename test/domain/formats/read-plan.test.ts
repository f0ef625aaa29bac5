import { crc32 } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../../src/domain/plan/assemble.js";
import { PlanFileError, type PlanFileErrorCode, readPlan } from "../../../src/domain/plan/read-plan.js";
import {
  asWindows1251,
  csvFromText,
  docxFromText,
  encodeWindows1251,
  seedNames,
  seedText,
  xlsxFromText,
} from "../../support/plan-fixtures.js";
import { cfbOf, docxOf, p, rawZip, tbl, tc, tr, zeroBomb, zipOf } from "./builders.js";

const MB = 1024 * 1024;

/** The error readPlan throws for a file; fails the test when it reads the file instead. */
async function failure(
  bytes: Uint8Array,
  fileName: string,
  options?: { maxBytes?: number },
): Promise<PlanFileError> {
  try {
    await readPlan(bytes, fileName, options);
  } catch (error) {
    if (error instanceof PlanFileError) return error;
    throw error;
  }
  throw new Error(`${fileName} was read without an error`);
}

async function expectFailure(
  bytes: Uint8Array,
  fileName: string,
  code: PlanFileErrorCode,
  message: RegExp,
  options?: { maxBytes?: number },
): Promise<void> {
  const error = await failure(bytes, fileName, options);
  expect({ code: error.code, message: error.message }).toEqual({
    code,
    message: expect.stringMatching(message),
  });
}

const text = (s: string) => new TextEncoder().encode(s);

function noise(length: number): Uint8Array {
  let seed = 12345;
  return new Uint8Array(length).map(() => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed >>> 24;
  });
}

const PLAN_HEADER = tr(
  tc("№ п/п") + tc("Наименование мероприятия") + tc("Срок") + tc("Ответственный исполнитель"),
);

describe("readPlan: the seeds in every format give the plan their text gives", () => {
  // A footnote paragraph under every table, as plans define their abbreviations.
  const FOOTNOTE = "* ФИС ОКО – федеральная информационная система оценки качества образования";

  for (const name of seedNames()) {
    const seed = `${seedText(name).trimEnd()}\n\n${FOOTNOTE}\n`;
    const expected = parsePlanText(seed);

    it(`${name}: .docx, .xlsx and .csv`, async () => {
      expect(expected.items.length).toBeGreaterThan(5);
      expect(expected.glossary).toContainEqual({
        short: "ФИС ОКО",
        full: "федеральная информационная система оценки качества образования",
      });
      const files: [string, Uint8Array][] = [
        ["plan.docx", await docxFromText(seed)],
        ["plan.xlsx", await xlsxFromText(seed)],
        ["plan.csv", csvFromText(seed)],
      ];
      for (const [fileName, bytes] of files) {
        const plan = await readPlan(bytes, fileName);
        expect(plan.title, fileName).toBe(expected.title);
        expect(plan.period, fileName).toEqual(expected.period);
        expect(plan.sections, fileName).toEqual(expected.sections);
        expect(plan.items, fileName).toEqual(expected.items);
        expect(plan.roles, fileName).toEqual(expected.roles);
        expect(plan.glossary, fileName).toEqual(expected.glossary);
      }
    });

    it(`${name}: .txt in Windows-1251 and a .csv in Windows-1251`, async () => {
      const local = parsePlanText(asWindows1251(seed));
      expect(await readPlan(encodeWindows1251(seed), "план.txt")).toEqual(local);
      const csv = await readPlan(csvFromText(seed, { encoding: "windows-1251" }), "план.csv");
      expect(csv.items).toEqual(local.items);
    });
  }

  it("goes by the bytes, not the name: a .docx sent as .txt, an .xlsx sent as .xls", async () => {
    const seed = seedText("000");
    const expected = parsePlanText(seed);
    expect((await readPlan(await docxFromText(seed), "plan.txt")).items).toEqual(expected.items);
    expect((await readPlan(await xlsxFromText(seed), "plan.xls")).items).toEqual(expected.items);
    expect((await readPlan(csvFromText(seed), "plan")).items).toEqual(expected.items);
  });

  it("passes the end of the academic year on to «до конца учебного года»", async () => {
    const bytes = await docxFromText(seedText("000"));
    const dueOf = (items: { deadline: { raw: string; occurrences: { due: string }[] } }[]) =>
      items.find((item) => item.deadline.raw === "до конца учебного года")?.deadline.occurrences[0]?.due;
    expect(dueOf((await readPlan(bytes, "plan.docx")).items)).toBe("2022-05-31");
    expect(dueOf((await readPlan(bytes, "plan.docx", { academicYearEnd: "06-30" })).items)).toBe(
      "2022-06-30",
    );
  });
});

describe("readPlan: files it cannot read, with a message for people", () => {
  it("an empty file, or one with nothing but blank lines", async () => {
    await expectFailure(new Uint8Array(0), "plan.docx", "empty", /^Файл пустой/);
    await expectFailure(text(" \r\n\r\n\t\n"), "plan.txt", "empty", /^Файл пустой/);
  });

  it("a file over the limit (20 MB by default), before reading a byte of it", async () => {
    await expectFailure(
      new Uint8Array(25 * MB),
      "plan.docx",
      "too_large",
      /слишком большой \(25 МБ\).*до 20 МБ/,
    );
    const docx = await docxFromText(seedText("004"));
    await expectFailure(docx, "plan.docx", "too_large", /до 1 КБ/, { maxBytes: 1024 });
    expect((await readPlan(docx, "plan.docx", { maxBytes: docx.length })).items.length).toBeGreaterThan(0);
  });

  it("binary data that is no document, and a picture sent instead of a document", async () => {
    await expectFailure(
      noise(5000),
      "plan.txt",
      "binary",
      /двоичные данные.*\.docx, \.xlsx, \.csv или \.txt/,
    );
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(500)]);
    await expectFailure(png, "plan.docx", "binary", /изображение/);
  });

  it("a password-protected .docx or .xlsx (an OLE container with EncryptedPackage)", async () => {
    const encrypted = cfbOf(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]);
    await expectFailure(encrypted, "plan.docx", "encrypted", /защищён паролем.*Снимите пароль/);
    await expectFailure(encrypted, "plan.xlsx", "encrypted", /защищён паролем/);
  });

  it("an old binary .doc or .xls, even renamed: save as .docx / .xlsx", async () => {
    const doc = cfbOf(["WordDocument", "1Table", "\u0005SummaryInformation"]);
    await expectFailure(doc, "plan.doc", "unsupported", /старого формата Word \(\.doc\).*\(\.docx\)/);
    await expectFailure(doc, "plan.docx", "unsupported", /\.docx/);
    await expectFailure(
      cfbOf(["Workbook"]),
      "plan.xls",
      "unsupported",
      /старого формата Excel \(\.xls\).*\(\.xlsx\)/,
    );
  });

  it("PDF, RTF, a web page saved as .xls, an OpenDocument file, an archive", async () => {
    await expectFailure(text("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "plan.pdf", "unsupported", /PDF я не читаю/);
    await expectFailure(text("{\\rtf1\\ansi\\deff0 План}"), "plan.doc", "unsupported", /RTF.*\.docx/);
    const html = text("\uFEFF<html><body><table><tr><td>Срок</td></tr></table></body></html>");
    await expectFailure(html, "plan.xls", "unsupported", /веб-страница.*\.xlsx/);
    const odt = await zipOf({
      mimetype: "application/vnd.oasis.opendocument.text",
      "content.xml": "<office/>",
    });
    await expectFailure(odt, "plan.odt", "unsupported", /OpenDocument \(\.odt\)/);
    await expectFailure(
      await zipOf({ "plan.docx": "x", "readme.txt": "y" }),
      "plans.zip",
      "unsupported",
      /архив/,
    );
  });

  it("a corrupt .docx: cut short, not a ZIP inside, broken XML", async () => {
    const docx = await docxFromText(seedText("001"));
    await expectFailure(docx.subarray(0, Math.floor(docx.length / 2)), "plan.docx", "corrupt", /повреждён/);
    await expectFailure(
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise(300)]),
      "plan.docx",
      "corrupt",
      /повреждён/,
    );
    const broken = await zipOf({
      "[Content_Types].xml": "<Types/>",
      "word/document.xml": '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>План',
    });
    await expectFailure(broken, "plan.docx", "corrupt", /повреждён/);
  });

  it("a zip bomb disguised as .docx: a 1.1 GB entry, with true or forged sizes, or hidden beside the document", async () => {
    const bomb = zeroBomb(1100);
    const honest = rawZip([{ name: "word/document.xml", data: bomb, method: 8, declaredSize: 1100 * MB }]);
    const forged = rawZip([{ name: "word/document.xml", data: bomb, method: 8, declaredSize: 2000 }]);
    expect(forged.length).toBeLessThan(2 * MB);
    await expectFailure(honest, "plan.docx", "zip_bomb", /слишком большой объём/);
    await expectFailure(forged, "plan.docx", "zip_bomb", /слишком большой объём/);
    const document = text('<w:document xmlns:w="w"><w:body/></w:document>');
    const beside = rawZip([
      {
        name: "word/document.xml",
        data: document,
        method: 0,
        declaredSize: document.length,
        crc: crc32(document),
      },
      { name: "word/media/image1.png", data: bomb, method: 8, declaredSize: 1100 * MB },
    ]);
    await expectFailure(beside, "plan.docx", "zip_bomb", /слишком большой объём/);
    const sheet = rawZip([
      {
        name: "xl/workbook.xml",
        data: document,
        method: 0,
        declaredSize: document.length,
        crc: crc32(document),
      },
      { name: "xl/worksheets/sheet1.xml", data: bomb, method: 8, declaredSize: 3000 },
    ]);
    await expectFailure(sheet, "plan.xlsx", "zip_bomb", /слишком большой объём/);
  });

  it("a table with no deadline and no executor column is no plan table; nor is a text with no table", async () => {
    const indicators = tbl(
      3,
      tr(tc("№ п/п") + tc("Наименование мероприятия") + tc("2021")) +
        tr(tc("1.") + tc("Доля организаций") + tc("50")),
    );
    await expectFailure(
      await docxOf(p("План на 2021 год") + indicators),
      "plan.docx",
      "no_plan_table",
      /нет столбцов «Срок» и «Ответственный исполнитель»/,
    );
    await expectFailure(
      text("План работы на 2021 год\n\nПросто текст без таблицы.\n"),
      "plan.txt",
      "no_plan_table",
      /в нём нет таблицы/,
    );
  });

  it("a spreadsheet with no rows, and a plan table with only its header", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Лист1");
    const empty = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expectFailure(empty, "plan.xlsx", "no_rows", /нет ни одной заполненной строки/);
    await expectFailure(text(";;;\r\n;;;\r\n"), "plan.csv", "no_rows", /нет ни одной заполненной строки/);
    const headerOnly = await docxOf(p("План на 2021 год") + tbl(4, PLAN_HEADER));
    await expectFailure(headerOnly, "plan.docx", "no_rows", /нет ни одной строки с мероприятиями/);
    await expectFailure(
      text("№ п/п;Наименование мероприятия;Срок;Ответственный исполнитель\r\n"),
      "plan.csv",
      "no_rows",
      /нет ни одной строки с мероприятиями/,
    );
  });
});

describe("readPlan: speed", () => {
  it("reads a 500-item .docx, plan semantics included (speed: bench/import.bench.ts)", async () => {
    const rows = Array.from({ length: 500 }, (_, i) =>
      tr(
        tc(`${Math.floor(i / 10) + 1}.${(i % 10) + 1}.`) +
          tc(`Мероприятие ${i + 1}: подготовка и рассмотрение материалов на заседании совета`) +
          tc(i % 3 === 0 ? "до 30.09.2021" : i % 3 === 1 ? "IV квартал 2021 г." : "ежемесячно") +
          tc(p("Организация-оператор") + p("Орган местного самоуправления")),
      ),
    );
    const bytes = await docxOf(p("План мероприятий на 2021 год") + tbl(4, PLAN_HEADER + rows.join("")));
    const plan = await readPlan(bytes, "plan.docx");
    expect(plan.items).toHaveLength(500);
    expect(plan.items.filter((i) => i.deadline.kind === "recurring")).toHaveLength(166);
  });
});
