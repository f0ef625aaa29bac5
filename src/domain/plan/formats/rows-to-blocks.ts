import type { RawBlock, RawRow } from "../types.js";

/** Header words of plan tables (number, title, deadline, executors, result). */
const HEADER_CELL =
  /^(№|n\s*п\/п|п\/п|наименовани|мероприяти|направлени|срок|ответственн|исполнител|планируем|результат|форма\s+реализации)/i;

function filledCells(row: RawRow): number {
  let count = 0;
  for (const cell of row) if (cell !== "") count++;
  return count;
}

/** A row that reads as a table header: at least two short cells start with a plan's header words. */
function looksLikeHeader(row: RawRow): boolean {
  // Header cells are short labels, and a header row carries no item number.
  if (/^\d/.test(row[0] ?? "") || row.some((cell) => cell.length > 80)) return false;
  let count = 0;
  for (const cell of row) if (HEADER_CELL.test(cell.trim())) count++;
  return count >= 2;
}

/**
 * Splits the rows of a sheet (.xlsx, .csv) into blocks the way a reader sees the page: rows with
 * one filled cell above the first table are text (title, preamble), as are those trailing after a
 * table (footnotes); a header row after some table rows starts a new table (seed 003 has two
 * tables one after the other). Empty rows are dropped; rows of a table are padded to one width.
 */
export function rowsToBlocks(rows: RawRow[]): RawBlock[] {
  const blocks: RawBlock[] = [];
  let table: RawRow[] | null = null;
  const closeTable = () => {
    if (table === null) return;
    // Trailing one-cell rows after the last full row: footnotes, signatures.
    let end = table.length;
    while (end > 0 && filledCells(table[end - 1]!) <= 1) end--;
    const body = table.slice(0, end);
    if (body.length > 0) blocks.push({ type: "table", rows: padded(body) });
    for (const row of table.slice(end)) blocks.push({ type: "text", text: joinText(row) });
    table = null;
  };
  for (const row of rows) {
    const filled = filledCells(row);
    if (filled === 0) continue;
    if (table === null) {
      if (filled >= 2) table = [row];
      else blocks.push({ type: "text", text: joinText(row) });
    } else if (table.length >= 2 && looksLikeHeader(row)) {
      // A heading just above a new table («II. План мероприятий») is text, not a row of the old one.
      const headings: RawRow[] = [];
      while (table.length > 0 && filledCells(table[table.length - 1]!) <= 1) headings.unshift(table.pop()!);
      closeTable();
      for (const heading of headings) blocks.push({ type: "text", text: joinText(heading) });
      table = [row];
    } else {
      table.push(row);
    }
  }
  closeTable();
  return blocks;
}

function joinText(row: RawRow): string {
  return row.filter((cell) => cell !== "").join(" ");
}

function padded(rows: RawRow[]): RawRow[] {
  let width = 0;
  for (const row of rows) {
    let last = row.length;
    while (last > 0 && row[last - 1] === "") last--;
    width = Math.max(width, last);
  }
  return rows.map((row) => {
    const out = row.slice(0, width);
    while (out.length < width) out.push("");
    return out;
  });
}
