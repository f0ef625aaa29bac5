import { Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../src/domain/plan/formats/read-document.js";
import { ZipArchive } from "../../../src/domain/plan/formats/zip.js";
import { readTextDocument } from "../../../src/domain/plan/text-layout.js";
import type { RawDocument } from "../../../src/domain/plan/types.js";
import { docxFromText, seedNames, seedText } from "../../support/plan-fixtures.js";
import { docxOf, normalized, p, tbl, tc, tr } from "./builders.js";

async function readDocx(bytes: Uint8Array): Promise<RawDocument> {
  const { format, document } = await readDocument(bytes, "plan.docx");
  expect(format).toBe("docx");
  return document;
}

describe("docx: the seeds as Word saves them", () => {
  for (const name of seedNames()) {
    it(`${name}: same text blocks and table cells as the text export`, async () => {
      const text = seedText(name);
      const bytes = await docxFromText(text);
      // The built file really has merged cells and a header row: the reader must undo them.
      const xml = ZipArchive.open(bytes).text("word/document.xml")!;
      const doc = readTextDocument(text);
      const hasSections = doc.blocks.some(
        (b) =>
          b.type === "table" &&
          b.rows.some((r) => r.filter(Boolean).length <= 2 && /^(?:[IVX]+\.|\d+\.?)/.test(r[0] ?? "")),
      );
      expect({
        gridSpan: xml.includes("<w:gridSpan"),
        vMerge: xml.includes('<w:vMerge w:val="restart"/>'),
        header: xml.includes("<w:tblHeader/>"),
      }).toEqual({ gridSpan: hasSections, vMerge: true, header: true });
      expect(normalized(await readDocx(bytes))).toEqual(normalized(doc));
    });
  }
});

describe("docx: tables", () => {
  it("repeats a vertically merged cell down its rows and keeps a horizontal merge in its first column", async () => {
    const body = tbl(
      3,
      tr(tc("№") + tc("Мероприятие") + tc("Ответственные")) +
        tr(tc("I. Подготовка", '<w:gridSpan w:val="3"/>')) +
        tr(tc("1.") + tc("Сбор заявок") + tc("Организация-оператор", '<w:vMerge w:val="restart"/>')) +
        tr(tc("2.") + tc("Проверка заявок") + tc("", "<w:vMerge/>")) +
        tr(tc("3.") + tc("Отчёт") + tc("Министерство", '<w:vMerge w:val="restart"/>')),
    );
    expect((await readDocx(await docxOf(body))).blocks).toEqual([
      {
        type: "table",
        rows: [
          ["№", "Мероприятие", "Ответственные"],
          ["I. Подготовка", "", ""],
          ["1.", "Сбор заявок", "Организация-оператор"],
          ["2.", "Проверка заявок", "Организация-оператор"],
          ["3.", "Отчёт", "Министерство"],
        ],
      },
    ]);
  });

  it("places cells on the grid: gridBefore, gridAfter, old-style hMerge, a block merged both ways", async () => {
    const body = tbl(
      4,
      tr(tc("№") + tc("Мероприятие") + tc("Срок") + tc("Ответственные")) +
        tr(tc("Раздел", '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>') + tc("март") + tc("Комитет")) +
        tr(tc("", '<w:gridSpan w:val="2"/><w:vMerge/>') + tc("май") + tc("Совет")) +
        tr(tc("1.1") + tc("Сбор") + tc("июнь"), '<w:gridAfter w:val="1"/>') +
        tr(tc("Сбор отчётов") + tc("июль") + tc("Комитет"), '<w:gridBefore w:val="1"/>') +
        tr(
          tc("2.") +
            tc("Итоги", '<w:hMerge w:val="restart"/>') +
            tc("", '<w:hMerge w:val="continue"/>') +
            tc("Совет"),
        ),
    );
    expect((await readDocx(await docxOf(body))).blocks).toEqual([
      {
        type: "table",
        rows: [
          ["№", "Мероприятие", "Срок", "Ответственные"],
          ["Раздел", "", "март", "Комитет"],
          ["Раздел", "", "май", "Совет"],
          ["1.1", "Сбор", "июнь", ""],
          ["", "Сбор отчётов", "июль", "Комитет"],
          ["2.", "Итоги", "", "Совет"],
        ],
      },
    ]);
  });

  it("leaves out a row deleted with tracked changes", async () => {
    const body = tbl(
      2,
      tr(tc("Срок") + tc("Ответственные")) +
        tr(tc("май") + tc("Совет"), '<w:del w:id="5" w:author="Иванова"/>') +
        tr(tc("июнь") + tc("Комитет"), '<w:ins w:id="6" w:author="Иванова"/>'),
    );
    expect((await readDocx(await docxOf(body))).blocks).toEqual([
      {
        type: "table",
        rows: [
          ["Срок", "Ответственные"],
          ["июнь", "Комитет"],
        ],
      },
    ]);
  });

  it("drops grid columns no cell starts in (cells a few pixels off) and rows with no text", async () => {
    const body = tbl(
      5,
      tr(tc("№") + tc("Мероприятие", '<w:gridSpan w:val="2"/>') + tc("Срок", '<w:gridSpan w:val="2"/>')) +
        tr(tc("1.") + tc("Сбор", '<w:gridSpan w:val="2"/>') + tc("май", '<w:gridSpan w:val="2"/>')) +
        tr(tc("") + tc("", '<w:gridSpan w:val="2"/>') + tc("", '<w:gridSpan w:val="2"/>')),
    );
    expect((await readDocx(await docxOf(body))).blocks).toEqual([
      {
        type: "table",
        rows: [
          ["№", "Мероприятие", "Срок"],
          ["1.", "Сбор", "май"],
        ],
      },
    ]);
  });

  it("keeps paragraphs of a cell as lines, blank ones included, and reads a table nested in a cell as text", async () => {
    const nested = tbl(2, tr(tc("Белокурова И.В.") + tc("куратор")) + tr(tc("Панова О.А.") + tc("")));
    const body = tbl(
      2,
      tr(tc("Срок") + tc("Ответственные")) +
        tr(
          tc(p("30.06. 2021") + p("") + p("") + p("до 30.06.21")) +
            tc(p("Региональные координаторы") + nested),
        ),
    );
    expect((await readDocx(await docxOf(body))).blocks).toEqual([
      {
        type: "table",
        rows: [
          ["Срок", "Ответственные"],
          ["30.06. 2021\n\n\nдо 30.06.21", "Региональные координаторы\nБелокурова И.В. куратор\nПанова О.А."],
        ],
      },
    ]);
  });

  it("opens a one-column frame table around the real content", async () => {
    const inner = tbl(2, tr(tc("Срок") + tc("Ответственные")) + tr(tc("май") + tc("Совет")));
    const body = tbl(1, tr(tc(p("План работы на 2021 год") + inner + p("* Совет — общественный совет"))));
    expect((await readDocx(await docxOf(body))).blocks).toEqual([
      { type: "text", text: "План работы на 2021 год" },
      {
        type: "table",
        rows: [
          ["Срок", "Ответственные"],
          ["май", "Совет"],
        ],
      },
      { type: "text", text: "* Совет — общественный совет" },
    ]);
  });
});

describe("docx: text", () => {
  it("keeps paragraphs outside tables as text blocks in document order, skipping empty ones", async () => {
    const body =
      p("ПЛАН-ГРАФИК") +
      p("") +
      p("проведения оценки\nв 2021 году") +
      tbl(2, tr(tc("Срок") + tc("Ответственные"))) +
      p("** Сектор УКО - сектор управления качеством образования");
    expect((await readDocx(await docxOf(body))).blocks).toEqual([
      { type: "text", text: "ПЛАН-ГРАФИК" },
      { type: "text", text: "проведения оценки\nв 2021 году" },
      { type: "table", rows: [["Срок", "Ответственные"]] },
      { type: "text", text: "** Сектор УКО - сектор управления качеством образования" },
    ]);
  });

  it("reads runs as Word shows them: tabs, breaks, hyphens, entities; no deleted, hidden or field-code text", async () => {
    const run = (inner: string, rPr = "") =>
      `<w:r>${rPr === "" ? "" : `<w:rPr>${rPr}</w:rPr>`}${inner}</w:r>`;
    const t = (text: string) => `<w:t xml:space="preserve">${text}</w:t>`;
    const paragraph =
      "<w:p>" +
      run(t("Организация")) +
      run("<w:noBreakHyphen/>") +
      run(t("оператор")) +
      run(t(" и&#160;МОиН&amp;УР\u200b")) +
      run("<w:tab/>") +
      run(t("директо")) +
      run("<w:softHyphen/>") +
      run(t("ра")) +
      '<w:del w:id="1"><w:r><w:delText>удалено</w:delText></w:r></w:del>' +
      '<w:ins w:id="2"><w:r><w:t xml:space="preserve"> вставлено</w:t></w:r></w:ins>' +
      run(t(" скрыто"), "<w:vanish/>") +
      run(t(" видно"), '<w:vanish w:val="0"/>') +
      run('<w:fldChar w:fldCharType="begin"/>') +
      run('<w:instrText xml:space="preserve"> HYPERLINK "http://x" </w:instrText>') +
      run('<w:fldChar w:fldCharType="separate"/>') +
      run(t(" ссылка")) +
      run('<w:fldChar w:fldCharType="end"/>') +
      run("<w:br/>") +
      '<w:hyperlink r:id="rId9" xmlns:r="r"><w:r><w:t>сайт</w:t></w:r></w:hyperlink>' +
      '<w:sdt><w:sdtPr><w:alias w:val="Дата"/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve"> 30.09.2021</w:t></w:r></w:sdtContent></w:sdt>' +
      '<mc:AlternateContent xmlns:mc="mc"><mc:Choice Requires="wps"><w:r><w:t xml:space="preserve"> раз</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t xml:space="preserve"> раз</w:t></w:r></mc:Fallback></mc:AlternateContent>' +
      "</w:p>";
    expect((await readDocx(await docxOf(paragraph))).blocks).toEqual([
      {
        type: "text",
        text: "Организация-оператор и МОиН&УР директора вставлено видно ссылка\nсайт 30.09.2021 раз",
      },
    ]);
  });

  it("reads a text box once (its fallback copy left out) as text of its own before its paragraph", async () => {
    const box = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`;
    const anchored =
      "<w:p><w:r><w:t>ПЛАН</w:t></w:r><w:r><mc:AlternateContent>" +
      `<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box("УТВЕРЖДЁН\nприказом от 10.01.2021")}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box("УТВЕРЖДЁН\nприказом от 10.01.2021")}</v:textbox></v:shape></w:pict></mc:Fallback>` +
      "</mc:AlternateContent></w:r></w:p>";
    const oldStyle = `<w:p><w:r><w:pict><v:shape><v:textbox>${box("Приложение № 1")}</v:textbox></v:shape></w:pict></w:r></w:p>`;
    expect((await readDocx(await docxOf(anchored + oldStyle))).blocks).toEqual([
      { type: "text", text: "УТВЕРЖДЁН\nприказом от 10.01.2021" },
      { type: "text", text: "ПЛАН" },
      { type: "text", text: "Приложение № 1" },
    ]);
  });

  it("adds footnotes at the end as text blocks (plans define abbreviations there), not the separators", async () => {
    const footnotes =
      '<w:footnotes><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
      '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>' +
      '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> НОКО – независимая оценка качества образования</w:t></w:r></w:p></w:footnote>' +
      "</w:footnotes>";
    const body = '<w:p><w:r><w:t>План НОКО</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>';
    expect((await readDocx(await docxOf(body, { footnotes }))).blocks).toEqual([
      { type: "text", text: "План НОКО" },
      { type: "text", text: "НОКО – независимая оценка качества образования" },
    ]);
  });

  it("finds the main part through the package relationships, whatever it is called", async () => {
    const bytes = await docxOf(p("План на 2021 год"), { mainPart: "word/document2.xml" });
    expect((await readDocx(bytes)).blocks).toEqual([{ type: "text", text: "План на 2021 год" }]);
  });
});

describe("docx: automatic numbering written out", () => {
  const numbering =
    "<w:numbering>" +
    '<w:abstractNum w:abstractNumId="0">' +
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>' +
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>' +
    "</w:abstractNum>" +
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:suff w:val="space"/></w:lvl></w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="russianLower"/><w:lvlText w:val="%1)"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>' +
    '<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>' +
    '<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>' +
    "</w:numbering>";
  const styles =
    '<w:styles><w:style w:type="paragraph" w:styleId="PlanItem"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="PlanSubItem"><w:basedOn w:val="PlanItem"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style></w:styles>';
  const numbered = (numId: number, ilvl = 0) =>
    `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

  it("numbers the «№ п/п» column as Word shows it: levels, roman sections, styles, restarts, no bullets", async () => {
    const row = (number: string, title: string) => tr(tc(number) + tc(title));
    const body =
      tbl(
        2,
        row(p("№ п/п"), p("Мероприятие")) +
          row(p("", numbered(2)), p("Подготовка")) +
          row(p("", numbered(1)), p("Сбор заявок")) +
          row(p("", numbered(1, 1)), p("Проверка")) +
          row(p("", '<w:pStyle w:val="PlanSubItem"/>'), p("Отчёт")) +
          row(p("", '<w:pStyle w:val="PlanItem"/>'), p("Итоги")) +
          row(p("", numbered(2)), p("Проведение")) +
          row(p("", numbered(1)), p("Анкетирование")) +
          row(p("", numbered(1, 1)), p("Сводка")),
      ) +
      p("пункт списка", numbered(3)) +
      p("перезапуск", numbered(4)) +
      p("буквы", numbered(5)) +
      p("без номера", numbered(0));
    const doc = await readDocx(await docxOf(body, { numbering, styles }));
    expect(doc.blocks).toEqual([
      {
        type: "table",
        rows: [
          ["№ п/п", "Мероприятие"],
          ["I.", "Подготовка"],
          ["1.", "Сбор заявок"],
          ["1.1.", "Проверка"],
          ["1.2.", "Отчёт"],
          ["2.", "Итоги"],
          ["II.", "Проведение"],
          ["3.", "Анкетирование"],
          ["3.1.", "Сводка"],
        ],
      },
      { type: "text", text: "пункт списка" },
      { type: "text", text: "7. перезапуск" },
      { type: "text", text: "а)буквы" },
      { type: "text", text: "без номера" },
    ]);
  });
});

describe("docx: a numbered column as the docx library writes it", () => {
  it("reads the numbers of a real generator's numbering part", async () => {
    const numberCell = (level: number) =>
      new TableCell({
        children: [new Paragraph({ numbering: { reference: "items", level }, children: [] })],
      });
    const textCell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const document = new Document({
      numbering: {
        config: [
          {
            reference: "items",
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: "%1." },
              { level: 1, format: LevelFormat.DECIMAL, text: "%1.%2." },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({ children: [textCell("№ п/п"), textCell("Мероприятие")] }),
                new TableRow({ children: [numberCell(0), textCell("Заседания совета")] }),
                new TableRow({ children: [numberCell(1), textCell("О перечне организаций")] }),
                new TableRow({ children: [numberCell(1), textCell("О техническом задании")] }),
                new TableRow({ children: [numberCell(0), textCell("Проведение НОКО")] }),
              ],
            }),
          ],
        },
      ],
    });
    const doc = await readDocx(new Uint8Array(await Packer.toBuffer(document)));
    expect(doc.blocks).toEqual([
      {
        type: "table",
        rows: [
          ["№ п/п", "Мероприятие"],
          ["1.", "Заседания совета"],
          ["1.1.", "О перечне организаций"],
          ["1.2.", "О техническом задании"],
          ["2.", "Проведение НОКО"],
        ],
      },
    ]);
  });
});

describe("docx: speed", () => {
  it("reads a 500-item plan whole, each row in its place (speed: bench/import.bench.ts)", async () => {
    const rows = Array.from({ length: 500 }, (_, i) =>
      tr(
        tc(`${i + 1}.`) +
          tc(`Мероприятие номер ${i + 1} с длинным названием, как в настоящих планах`) +
          tc("до 30.09.2021") +
          tc(p("Организация-оператор") + p("Орган местного самоуправления")),
      ),
    );
    const bytes = await docxOf(
      tbl(4, tr(tc("№") + tc("Мероприятие") + tc("Срок") + tc("Ответственные")) + rows.join("")),
    );
    const doc = await readDocx(bytes);
    const table = doc.blocks[0];
    expect(table?.type === "table" && table.rows.length).toBe(501);
    expect(table?.type === "table" && table.rows[500]?.[0]).toBe("500.");
  });
});
