// Text exports of Word plans, in the two layouts seen in real files (shared/spec/plan-import.md):
// «row per line» (cells separated by TAB on one line) and «cell per line» (every cell starts on a
// line that begins with a TAB, blank lines between rows). Layout only: no plan semantics here.
import type { RawBlock, RawDocument, RawRow } from "./types.js";

/**
 * Reads a plain-text plan into text blocks (one per paragraph) and tables, detecting the layout
 * by itself. Cells keep their inner line breaks as "\n" and are trimmed at both ends; rows whose
 * cells are all empty are dropped. Linear in the length of the text.
 */
export function readTextDocument(text: string): RawDocument {
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\u00A0/g, " ")
    .split("\n");
  return { blocks: isCellPerLine(lines) ? readCellPerLine(lines) : readRowPerLine(lines) };
}

/** Cell per line when lines holding one leading TAB outnumber lines with TABs between texts. */
function isCellPerLine(lines: string[]): boolean {
  let cellLines = 0;
  let rowLines = 0;
  for (const line of lines) {
    const first = line.indexOf("\t");
    if (first < 0) continue;
    const more = line.indexOf("\t", first + 1) >= 0;
    if (first === 0 && !more) cellLines++;
    else rowLines++;
  }
  return cellLines > rowLines;
}

/** Collects text lines into paragraphs: blank lines separate them. */
class Paragraphs {
  private current: string[] = [];
  constructor(private readonly blocks: RawBlock[]) {}
  add(line: string): void {
    this.current.push(line.trimEnd());
  }
  flush(): void {
    const text = this.current.join("\n").trim();
    this.current = [];
    if (text !== "") this.blocks.push({ type: "text", text });
  }
}

function readRowPerLine(lines: string[]): RawBlock[] {
  const blocks: RawBlock[] = [];
  const paragraphs = new Paragraphs(blocks);
  let rows: RawRow[] | null = null;
  const closeTable = () => {
    if (rows && rows.length > 0) blocks.push({ type: "table", rows });
    rows = null;
  };
  for (const line of lines) {
    if (line.includes("\t")) {
      paragraphs.flush();
      rows ??= [];
      const row = line.split("\t").map((c) => c.trim());
      if (row.some((c) => c !== "")) rows.push(row);
    } else if (line.trim() === "") {
      // A blank line inside a table (a page break) does not end it.
      paragraphs.flush();
    } else {
      closeTable();
      paragraphs.add(line);
    }
  }
  closeTable();
  paragraphs.flush();
  return blocks;
}

/** «1.», «1.1», «1.1.», «4.3», «IV.», «1)»: the first cell of a new row. */
const ROW_START = /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXLCІХ]{1,6}\.?|\d{1,3}(?:\.\d{1,3})*\))$/;

/** Text after a table rather than the rest of a cell: a numbered heading or a footnote. */
const TEXT_START = /^(?:[IVXLC]{1,6}\.\s+\S|\d{1,2}\.\s+[А-ЯЁA-Z]|[-–]?\s*(?:\*+|<\*+>)\s|Примечани)/;

function readCellPerLine(lines: string[]): RawBlock[] {
  const blocks: RawBlock[] = [];
  const paragraphs = new Paragraphs(blocks);

  // nextTab[i]: index of the first line at or after i that begins with a TAB (lines.length if none).
  const nextTab = new Array<number>(lines.length + 1);
  nextTab[lines.length] = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    nextTab[i] = lines[i]!.startsWith("\t") ? i : nextTab[i + 1]!;
  }

  let rows: string[][] | null = null;
  let row: string[] = [];
  let cell: string[] | null = null;
  let width = 0;
  let blanks = 0;

  const endCell = () => {
    if (cell) row.push(cell.join("\n").trim());
    cell = null;
  };
  const endRow = () => {
    endCell();
    if (rows && row.length > 0) {
      if (width === 0) width = row.length;
      if (row.some((c) => c !== "")) rows.push(row);
    }
    row = [];
  };
  const closeTable = () => {
    endRow();
    if (rows) {
      // A lone indented paragraph is text, not a table.
      if (rows.length === 1 && rows[0]!.length === 1) {
        paragraphs.add(rows[0]![0]!);
        paragraphs.flush();
      } else if (rows.length > 0) {
        blocks.push({ type: "table", rows });
      }
    }
    rows = null;
    width = 0;
  };

  // After blank lines, a line with no TAB is the rest of the cell when the table goes on below it:
  // with the next cell of an unfinished row, or with a new numbered row. Else it is text after
  // the table (a heading, a footnote, the next document's title).
  const goesOnBelow = (i: number, cells: number): boolean => {
    const next = nextTab[i]!;
    if (next >= lines.length || TEXT_START.test(lines[i]!.trim())) return false;
    return width === 0 || cells < width || ROW_START.test(lines[next]!.slice(1).trim());
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("\t")) {
      const text = line.slice(1);
      if (!rows) {
        paragraphs.flush();
        rows = [];
      } else if (
        blanks > 0 &&
        (width === 0 || row.length + (cell ? 1 : 0) >= width || ROW_START.test(text.trim()))
      ) {
        endRow();
      }
      endCell();
      cell = [text];
      blanks = 0;
    } else if (line.trim() === "") {
      if (rows) blanks++;
      else paragraphs.flush();
    } else if (!rows) {
      paragraphs.add(line);
    } else if (blanks === 0 && cell) {
      cell.push(line);
    } else if (cell && goesOnBelow(i, row.length + 1)) {
      // Blank lines inside a cell («30.06. 2021⏎⏎⏎до 30.06.21»): the table goes on below.
      for (let b = 0; b < blanks; b++) cell.push("");
      cell.push(line);
      blanks = 0;
    } else {
      closeTable();
      blanks = 0;
      paragraphs.add(line);
    }
  }
  closeTable();
  paragraphs.flush();
  return blocks;
}
