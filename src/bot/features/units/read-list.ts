// Reading a list of units from a CSV or XLSX file: columns role, unit, parent, found by their
// header (Russian or English, any order). Every data row comes back, with its line number, so a
// bad row is reported and never silently dropped. Pure: bytes in, rows or a reason out.
import ExcelJS from "exceljs";
import { parseCsv, sniffDelimiter } from "../../../domain/plan/formats/csv.js";
import { decodeText } from "../../../domain/plan/formats/decode-text.js";
import { sniffMagic } from "../../../domain/plan/formats/sniff.js";
import { cellText } from "../../../domain/plan/formats/xlsx.js";
import { ZipArchive } from "../../../domain/plan/formats/zip.js";

export interface UnitsListRow {
  /** 1-based line (CSV) or row number (XLSX) in the file, as people see it. */
  line: number;
  role: string;
  unit: string;
  parent: string;
}

export type UnitsListFailure =
  | "empty"
  | "too_large"
  | "unsupported"
  | "corrupt"
  | "encrypted"
  | "old_or_encrypted"
  | "no_header"
  | "no_rows"
  | "too_many_rows";

export type UnitsListRead = { ok: true; rows: UnitsListRow[] } | { ok: false; reason: UnitsListFailure };

/** Telegram bots download at most 20 MB; a units list is far smaller anyway. */
export const MAX_LIST_BYTES = 20 * 1024 * 1024;
export const MAX_LIST_ROWS = 5000;
/** How far down the header row may be (a title line or two above it is common). */
const HEADER_SEARCH_ROWS = 10;

type Column = "role" | "unit" | "parent";

function normaliseHeader(cell: string): string {
  return cell
    .toLocaleLowerCase("ru")
    .replace(/ё/g, "е")
    .replace(/[^a-zа-я ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Which column a header cell names, if any. «Роль исполнителя» is the role, not the unit. */
export function headerColumn(cell: string): Column | null {
  const h = normaliseHeader(cell);
  if (h === "") return null;
  if (/^(роль|role)( |$)/.test(h)) return "role";
  if (/^(вышестоящ|родител|входит|головн|parent)/.test(h)) return "parent";
  if (
    /^(исполнител|подразделени|организаци|учреждени|название|наименование|unit|name|executor|organi[sz]ation)/.test(
      h,
    )
  )
    return "unit";
  return null;
}

/** Finds the header row and turns the rows below it into units list rows. */
export function rowsToUnitsList(rows: string[][]): UnitsListRead {
  const nonEmpty = rows.some((r) => r.some((c) => c.trim() !== ""));
  if (!nonEmpty) return { ok: false, reason: "empty" };
  let headerIndex = -1;
  let columns: Partial<Record<Column, number>> = {};
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const found: Partial<Record<Column, number>> = {};
    (rows[i] ?? []).forEach((cell, index) => {
      const c = headerColumn(cell);
      if (c && found[c] === undefined) found[c] = index;
    });
    if (found.role !== undefined && found.unit !== undefined) {
      headerIndex = i;
      columns = found;
      break;
    }
  }
  if (headerIndex < 0) return { ok: false, reason: "no_header" };
  const out: UnitsListRow[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const r = rows[i] ?? [];
    const cell = (c: Column) => {
      const index = columns[c];
      return index === undefined ? "" : (r[index] ?? "").replace(/\s+/g, " ").trim();
    };
    const row = { line: i + 1, role: cell("role"), unit: cell("unit"), parent: cell("parent") };
    // A row with nothing in it is a spacer, not data.
    if (row.role === "" && row.unit === "" && row.parent === "" && r.every((c) => c.trim() === "")) continue;
    out.push(row);
  }
  if (out.length === 0) return { ok: false, reason: "no_rows" };
  if (out.length > MAX_LIST_ROWS) return { ok: false, reason: "too_many_rows" };
  return { ok: true, rows: out };
}

/** Reads a .csv (any delimiter, UTF-8 or Windows-1251) or .xlsx list of units. */
export async function readUnitsList(bytes: Uint8Array): Promise<UnitsListRead> {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > MAX_LIST_BYTES) return { ok: false, reason: "too_large" };
  const magic = sniffMagic(bytes);
  if (magic === "zip") return readXlsxRows(bytes);
  // An OLE container: an old .xls, or an .xlsx protected by a password.
  if (magic === "cfb") return { ok: false, reason: "old_or_encrypted" };
  if (magic !== "unknown") return { ok: false, reason: "unsupported" };
  let text: string;
  try {
    text = decodeText(bytes);
  } catch {
    return { ok: false, reason: "unsupported" };
  }
  const hint = /^sep=(.)\r?\n/i.exec(text);
  const body = hint ? text.slice(hint[0].length) : text;
  const delimiter = hint?.[1] ?? sniffDelimiter(body);
  const rows = parseCsv(body, delimiter);
  return rowsToUnitsList(hint ? [[], ...rows] : rows);
}

async function readXlsxRows(bytes: Uint8Array): Promise<UnitsListRead> {
  try {
    const zip = ZipArchive.open(bytes);
    if (!zip.has("xl/workbook.xml")) return { ok: false, reason: "unsupported" };
    // exceljs unpacks every part itself: the archive is checked against zip bombs first.
    zip.verifyAll();
  } catch (err) {
    const code = (err as { code?: string }).code;
    return { ok: false, reason: code === "encrypted" ? "encrypted" : "corrupt" };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return { ok: false, reason: "corrupt" };
  }
  // The first visible sheet that has a header; else the first sheet's reason.
  let first: UnitsListRead | null = null;
  for (const sheet of workbook.worksheets) {
    if (sheet.state === "hidden" || sheet.state === "veryHidden") continue;
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).trim());
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    const read = rowsToUnitsList(rows);
    if (read.ok) return read;
    first ??= read;
  }
  return first ?? { ok: false, reason: "empty" };
}
