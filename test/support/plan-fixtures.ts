// Plan files built from the seeds' text, the way people's programs save them: a Word table with
// merged cells (docx), an Excel sheet with merged ranges (exceljs), a CSV. Test support only.

import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import ExcelJS from "exceljs";
import { readTextDocument } from "../../src/domain/plan/text-layout.js";
import type { RawDocument, RawRow } from "../../src/domain/plan/types.js";
import { SEEDS_DIR } from "./shared-dir.js";

const PLANS_DIR = pathToFileURL(SEEDS_DIR);

/** File names of the five seed plans, sorted (000 … 004). */
export function seedNames(): string[] {
  return readdirSync(fileURLToPath(PLANS_DIR))
    .filter((name) => name.endsWith(".txt"))
    .sort();
}

/** A seed's text, by file name or by its number prefix ("002"). */
export function seedText(nameOrNumber: string): string {
  const name = seedNames().find((n) => n === nameOrNumber || n.startsWith(`${nameOrNumber}_`));
  if (!name) throw new Error(`no seed ${nameOrNumber}`);
  return readFileSync(new URL(name, PLANS_DIR), "utf8");
}

function filled(row: RawRow): number[] {
  const at: number[] = [];
  row.forEach((cell, i) => {
    if (cell !== "") at.push(i);
  });
  return at;
}

/** How a row is merged in the built file: across all columns, across all but the number, or not. */
function sectionSpan(row: RawRow, width: number): "all" | "title" | null {
  const at = filled(row);
  if (width < 3) return null;
  if (at.length === 1 && at[0] === 0) return "all";
  if (at.length === 2 && at[0] === 0 && at[1] === 1) return "title";
  return null;
}

function widthOf(rows: RawRow[]): number {
  return Math.max(...rows.map((row) => row.length));
}

function executorColumn(rows: RawRow[]): number {
  for (const row of rows.slice(0, 3)) {
    const at = row.findIndex((cell) => /ответствен/i.test(cell));
    if (at >= 0) return at;
  }
  return -1;
}

/**
 * Runs of item rows whose executor cell is the same: start row → number of rows. Built files merge
 * these cells vertically, as people do for «Организация-оператор» over several items.
 */
export function executorRuns(rows: RawRow[]): Map<number, number> {
  const column = executorColumn(rows);
  const runs = new Map<number, number>();
  if (column < 0) return runs;
  const isItem = (row: RawRow | undefined) => row !== undefined && filled(row).length >= 3;
  for (let r = 1; r < rows.length; ) {
    const value = rows[r]![column] ?? "";
    let end = r + 1;
    while (value !== "" && isItem(rows[r]) && isItem(rows[end]) && (rows[end]![column] ?? "") === value)
      end++;
    if (end - r >= 2) runs.set(r, end - r);
    r = end;
  }
  return runs;
}

function cellParagraphs(text: string): Paragraph[] {
  // Line breaks inside a cell are separate paragraphs in Word.
  return text.split("\n").map((line) => new Paragraph({ children: [new TextRun(line)] }));
}

function textParagraph(text: string): Paragraph {
  return new Paragraph({
    children: text.split("\n").map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
  });
}

function wordTable(rows: RawRow[]): Table {
  const width = widthOf(rows);
  const runs = executorRuns(rows);
  const column = executorColumn(rows);
  const covered = new Set<number>();
  for (const [start, length] of runs) for (let r = start + 1; r < start + length; r++) covered.add(r);
  const tableRows = rows.map((row, r) => {
    const cells: TableCell[] = [];
    const span = r === 0 ? null : sectionSpan(row, width);
    if (span === "all") {
      cells.push(new TableCell({ children: cellParagraphs(row[0]!), columnSpan: width }));
    } else if (span === "title") {
      cells.push(new TableCell({ children: cellParagraphs(row[0]!) }));
      cells.push(new TableCell({ children: cellParagraphs(row[1]!), columnSpan: width - 1 }));
    } else {
      for (let c = 0; c < width; c++) {
        if (c === column && covered.has(r)) continue;
        const rowSpan = c === column ? runs.get(r) : undefined;
        cells.push(
          new TableCell({ children: cellParagraphs(row[c] ?? ""), ...(rowSpan ? { rowSpan } : {}) }),
        );
      }
    }
    return new TableRow({ children: cells, ...(r === 0 ? { tableHeader: true } : {}) });
  });
  return new Table({
    rows: tableRows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: new Array(width).fill(Math.floor(9000 / width)),
  });
}

/**
 * A .docx as Word makes it: text blocks as paragraphs (title above, footnotes below), tables as
 * real tables with a header row, section rows merged across the columns, runs of equal executor
 * cells merged down, line breaks in cells as separate paragraphs.
 */
export async function docxFromDocument(doc: RawDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const block of doc.blocks) {
    if (block.type === "text") children.push(textParagraph(block.text));
    else {
      children.push(wordTable(block.rows));
      // Word always puts a paragraph between two tables; an empty one reads as nothing.
      children.push(new Paragraph(""));
    }
  }
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A seed's text as a .docx (see docxFromDocument). */
export function docxFromText(text: string): Promise<Uint8Array> {
  return docxFromDocument(readTextDocument(text));
}

/**
 * An .xlsx as people lay a plan out in Excel: title rows above the header merged across the
 * table, section rows merged, runs of equal executor cells merged down, text in cells wrapped.
 */
export async function xlsxFromDocument(doc: RawDocument): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("План");
  const tableWidth = Math.max(2, ...doc.blocks.map((b) => (b.type === "table" ? widthOf(b.rows) : 0)));
  let r = 1;
  for (const block of doc.blocks) {
    if (block.type === "text") {
      sheet.getCell(r, 1).value = block.text;
      sheet.mergeCells(r, 1, r, tableWidth);
      r++;
      continue;
    }
    r++; // a blank row above the table, as people leave one
    const width = widthOf(block.rows);
    const runs = executorRuns(block.rows);
    const column = executorColumn(block.rows);
    block.rows.forEach((row, i) => {
      const span = i === 0 ? null : sectionSpan(row, width);
      row.forEach((cell, c) => {
        if (cell !== "") sheet.getCell(r, c + 1).value = cell;
      });
      if (span === "all") sheet.mergeCells(r, 1, r, width);
      if (span === "title") sheet.mergeCells(r, 2, r, width);
      const run = runs.get(i);
      if (run) sheet.mergeCells(r, column + 1, r + run - 1, column + 1);
      r++;
    });
    r++;
  }
  sheet.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: "top" };
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A seed's text as an .xlsx (see xlsxFromDocument). */
export function xlsxFromText(text: string): Promise<Uint8Array> {
  return xlsxFromDocument(readTextDocument(text));
}

function csvField(cell: string, delimiter: string): string {
  return /["\n\r]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Encodes text in Windows-1251, as Russian Excel saves «CSV (разделители — точки с запятой)». */
export function encodeWindows1251(text: string): Uint8Array {
  const decoder = new TextDecoder("windows-1251");
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return new Uint8Array([...text].map((c) => table.get(c) ?? 0x3f));
}

/** What survives a trip through Windows-1251: characters it lacks (seed 002's OCR junk «мกราคม») become «?». */
export function asWindows1251(text: string): string {
  return new TextDecoder("windows-1251").decode(encodeWindows1251(text));
}

export interface CsvOptions {
  delimiter?: ";" | "," | "\t";
  encoding?: "utf-8" | "utf-8-bom" | "windows-1251";
}

/** A CSV as Excel saves it: one line per row, every line as wide as the table, CRLF line ends. */
export function csvFromDocument(doc: RawDocument, options: CsvOptions = {}): Uint8Array {
  const delimiter = options.delimiter ?? ";";
  const width = Math.max(2, ...doc.blocks.map((b) => (b.type === "table" ? widthOf(b.rows) : 0)));
  const lines: string[] = [];
  for (const block of doc.blocks) {
    const rows = block.type === "text" ? [[block.text]] : block.rows;
    for (const row of rows) {
      const cells = Array.from({ length: width }, (_, i) => csvField(row[i] ?? "", delimiter));
      lines.push(cells.join(delimiter));
    }
  }
  const text = lines.join("\r\n") + "\r\n";
  switch (options.encoding ?? "utf-8") {
    case "windows-1251":
      return encodeWindows1251(text);
    case "utf-8-bom":
      return new TextEncoder().encode(`\uFEFF${text}`);
    default:
      return new TextEncoder().encode(text);
  }
}

/** A seed's text as a CSV (see csvFromDocument). */
export function csvFromText(text: string, options?: CsvOptions): Uint8Array {
  return csvFromDocument(readTextDocument(text), options);
}
