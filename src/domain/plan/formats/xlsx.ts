import ExcelJS from "exceljs";
import type { RawDocument } from "../types.js";
import { cleanCellText } from "./clean-text.js";
import { PlanFileError, planFileMessages } from "./plan-file-error.js";
import { rowsToBlocks } from "./rows-to-blocks.js";

/**
 * Reads an Excel workbook (.xlsx): every visible sheet, in order, as text blocks (title rows above
 * a table) and tables. A horizontally merged range keeps its text in its first column only; a
 * vertically merged one repeats it in each row. Formula cells give their cached results, rich
 * text its plain text, dates «ДД.ММ.ГГГГ». The bytes must have passed the ZIP checks already.
 */
export async function readXlsx(bytes: Uint8Array): Promise<RawDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types want a Node Buffer; a Uint8Array view of the same bytes is what it reads.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never, {
      ignoreNodes: [
        "dataValidations",
        "conditionalFormatting",
        "extLst",
        "drawing",
        "legacyDrawing",
        "picture",
      ],
    });
  } catch {
    throw new PlanFileError("corrupt", planFileMessages.corrupt());
  }
  const document: RawDocument = { blocks: [] };
  for (const sheet of workbook.worksheets) {
    if (sheet.state === "hidden" || sheet.state === "veryHidden") continue;
    document.blocks.push(...rowsToBlocks(sheetRows(sheet)));
  }
  return document;
}

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      const cell = row.getCell(column);
      // A merged range reports its master's value in every cell: keep it only down the first column.
      if (cell.isMerged && cell.master !== cell && cell.master.col !== cell.col) {
        cells.push("");
        continue;
      }
      const source = cell.isMerged ? cell.master : cell;
      cells.push(cleanCellText(cellText(source.value)).trim());
    }
    rows.push(cells);
  });
  return rows;
}

/** The text a person sees in a cell. */
export function cellText(value: ExcelJS.CellValue | ExcelJS.CellValue[] | unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.replace(/\r\n?/g, "\n");
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  if (typeof value === "boolean") return value ? "ИСТИНА" : "ЛОЖЬ";
  if (value instanceof Date) return formatDate(value);
  if (typeof value === "object") {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object["richText"])) {
      return (object["richText"] as { text?: unknown }[]).map((part) => cellText(part.text)).join("");
    }
    if ("error" in object) return "";
    if ("formula" in object || "sharedFormula" in object) return cellText(object["result"]);
    if ("text" in object) return cellText(object["text"]);
  }
  return "";
}

/** Excel stores dates as serials; exceljs gives them as UTC midnight. */
function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const day = String(date.getUTCDate()).padStart(2, "0");
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${day}.${month}.${date.getUTCFullYear()}`;
}
