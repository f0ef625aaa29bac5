import { describe, expect, it } from "vitest";
import { parseCsv, readCsv, sniffDelimiter } from "../../../src/domain/plan/formats/csv.js";
import { readDocument } from "../../../src/domain/plan/formats/read-document.js";
import { readTextDocument } from "../../../src/domain/plan/text-layout.js";
import {
  asWindows1251,
  type CsvOptions,
  csvFromText,
  seedNames,
  seedText,
} from "../../support/plan-fixtures.js";
import { normalized } from "./builders.js";

describe("csv: the seeds as Excel saves them", () => {
  const variants: [string, CsvOptions][] = [
    ["«;», Windows-1251 (Russian Excel)", { delimiter: ";", encoding: "windows-1251" }],
    ["«;», UTF-8 with BOM", { delimiter: ";", encoding: "utf-8-bom" }],
    ["«,», UTF-8", { delimiter: ",", encoding: "utf-8" }],
    ["TAB, UTF-8", { delimiter: "\t", encoding: "utf-8" }],
  ];
  for (const name of seedNames()) {
    for (const [label, options] of variants) {
      it(`${name}, ${label}: same text blocks and table cells as the text export`, async () => {
        const text = seedText(name);
        const { format, document } = await readDocument(csvFromText(text, options), "plan.csv");
        expect(format).toBe("csv");
        const expected = options.encoding === "windows-1251" ? asWindows1251(text) : text;
        expect(normalized(document)).toEqual(normalized(readTextDocument(expected)));
      });
    }
  }
});

describe("csv: parsing", () => {
  it("reads quoted fields with delimiters, doubled quotes and line breaks inside", () => {
    const text = 'a;"b;c";"ГБУ ЛО ""ИЦОКО""";"январь -\r\nмарт"\r\n1;2;;4\n';
    expect(parseCsv(text, ";")).toEqual([
      ["a", "b;c", 'ГБУ ЛО "ИЦОКО"', "январь -\r\nмарт"],
      ["1", "2", "", "4"],
    ]);
  });

  it("keeps a last line with no line end, and quotes that do not open a field as text", () => {
    expect(parseCsv('x;5" монитор;y\nz', ";")).toEqual([["x", '5" монитор', "y"], ["z"]]);
  });

  it("sniffs the delimiter that splits rows evenly", () => {
    expect(sniffDelimiter("№;Мероприятие, этап;Срок\n1;Сбор, проверка;май\n")).toBe(";");
    expect(sniffDelimiter("№,Мероприятие,Срок\n1,Сбор,май\n2,Итоги,декабрь\n")).toBe(",");
    expect(sniffDelimiter("№\tМероприятие, этап\tСрок\n1\tСбор, проверка\tмай\n")).toBe("\t");
    expect(sniffDelimiter('№,Мероприятие,Срок\n1,"Сбор; проверка",май\n')).toBe(",");
  });

  it("honours Excel's «sep=» line", () => {
    expect(readCsv("sep=,\n№,Срок,Ответственные\n1,май,Совет\n").blocks).toEqual([
      {
        type: "table",
        rows: [
          ["№", "Срок", "Ответственные"],
          ["1", "май", "Совет"],
        ],
      },
    ]);
  });
});
