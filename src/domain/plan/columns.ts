// Which column of a table holds what, found by the header text in any order.
import type { RawRow } from "./types.js";

export type ColumnRole = "number" | "title" | "deadline" | "executors" | "result";

/** Column indexes per role (several when a header is merged over sub-columns); empty when absent. */
export type Columns = Record<ColumnRole, number[]>;

export interface Header {
  columns: Columns;
  /** Index of the first row after the header. */
  bodyStart: number;
  /** The header texts, for messages. */
  labels: string[];
  /** The header's rows (and their merge), normalised: to spot the header repeated further down. */
  repeats: string[][];
  /** The header's cells as written: a repeated header has at least one of them. */
  cells: Set<string>;
}

function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[*:<>]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The role a header cell names, or null for columns the importer does not use. */
export function roleOfHeader(text: string): ColumnRole | null {
  const h = normalizeHeader(text);
  if (h === "") return null;
  if (
    /^(?:№|n|no|nn|номер)\.?\s*(?:п\s*\/\s*п|пп|пункта|мероприятия)?\.?$/.test(h) ||
    /^п\s*\/\s*п$/.test(h)
  ) {
    return "number";
  }
  if (/факт|отметк|примечан|финансир|стоимост|объем|источник/.test(h)) return null;
  if (/ответствен|исполнител|^кто/.test(h)) return "executors";
  if (/срок|^дата|^период|^когда/.test(h)) return "deadline";
  if (/^(?:наименовани|мероприяти|содержани|направлени)/.test(h)) return "title";
  if (/результат|форма реализации|форма завершения|форма отчет|ожидаем|итогов|выходн|вид документа/.test(h)) {
    return "result";
  }
  if (/наименовани|мероприяти|содержани|направлени|раздел|задач|действи|вопрос|^тема|работ/.test(h)) {
    return "title";
  }
  return null;
}

function columnsOf(cells: readonly string[]): Columns {
  const columns: Columns = { number: [], title: [], deadline: [], executors: [], result: [] };
  cells.forEach((cell, i) => {
    const role = roleOfHeader(cell);
    if (role) columns[role].push(i);
  });
  return columns;
}

function score(c: Columns): number {
  return (
    (c.title.length > 0 ? 2 : 0) +
    (c.deadline.length > 0 ? 2 : 0) +
    (c.executors.length > 0 ? 2 : 0) +
    (c.number.length > 0 ? 1 : 0) +
    (c.result.length > 0 ? 1 : 0)
  );
}

/** A table of activities: a title column and a deadline or an executor column. */
export function isPlanHeader(c: Columns): boolean {
  return c.title.length > 0 && (c.deadline.length > 0 || c.executors.length > 0);
}

/** How many header rows to look for before giving up (a title row or two may come first). */
const HEADER_SEARCH = 5;

/**
 * Finds the header among the first rows: one row, or two rows when the second completes the
 * first (a header split over two rows, or sub-headers under a merged cell: an empty header
 * cell with a sub-header below takes the role of the merged header to its left).
 */
export function findHeader(rows: readonly RawRow[]): Header | null {
  let best: Header | null = null;
  let bestScore = 0;
  for (let r = 0; r < Math.min(HEADER_SEARCH, rows.length); r++) {
    const row = rows[r]!;
    const single = columnsOf(row);
    const next = rows[r + 1];
    let candidate: Header = {
      columns: single,
      bodyStart: r + 1,
      labels: [...row],
      repeats: [],
      cells: new Set(),
    };
    if (next && !looksLikeBody(next, single)) {
      const width = Math.max(row.length, next.length);
      const merged: string[] = [];
      for (let c = 0; c < width; c++) merged.push(`${row[c] ?? ""} ${next[c] ?? ""}`.trim());
      const combined = columnsOf(merged);
      const inherited = inheritMergedHeaders(row, next, combined);
      const goesOn = isPlanHeader(combined) && (inherited || continuesHeader(next));
      if (score(combined) > score(single) || (score(combined) >= score(single) && goesOn)) {
        candidate = {
          columns: combined,
          bodyStart: r + 2,
          labels: merged,
          repeats: [next.map(normalizeHeader)],
          cells: new Set(next.map((c) => c.trim())),
        };
      }
    }
    const s = score(candidate.columns);
    candidate.repeats.push(row.map(normalizeHeader), candidate.labels.map(normalizeHeader));
    for (const c of row) candidate.cells.add(c.trim());
    candidate.cells.delete("");
    if (isPlanHeader(candidate.columns) && s > bestScore) {
      best = candidate;
      bestScore = s;
    }
    if (best) break;
  }
  return best;
}

/**
 * An empty header cell with a sub-header below it belongs to the merged header on its left
 * («Срок» over «начало | окончание»). Returns whether any column was added.
 */
function inheritMergedHeaders(row: RawRow, next: RawRow, columns: Columns): boolean {
  let added = false;
  const roleAt = (i: number): ColumnRole | null => {
    for (const role of Object.keys(columns) as ColumnRole[]) if (columns[role].includes(i)) return role;
    return null;
  };
  for (let c = 1; c < next.length; c++) {
    if ((row[c] ?? "") !== "" || (next[c] ?? "") === "" || roleAt(c) !== null) continue;
    let left = c - 1;
    while (left > 0 && (row[left] ?? "") === "") left--;
    const role = roleAt(left);
    if (role) {
      columns[role].push(c);
      columns[role].sort((a, b) => a - b);
      added = true;
    }
  }
  return added;
}

const MONTH = /январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|квартал|постоянно/i;

/**
 * The second line of a header split over two rows («№ / п/п», «Срок / исполнения»): two or more
 * short cells, each a header word or a lower-case fragment, none a value (a number, a month).
 */
function continuesHeader(next: RawRow): boolean {
  const filled = next.map((c) => c.trim()).filter((c) => c !== "");
  if (filled.length < 2) return false;
  return filled.every(
    (c) =>
      c.length <= 40 &&
      !/\d/.test(c) &&
      !MONTH.test(c) &&
      (/^\p{Ll}/u.test(c) || roleOfHeader(c) !== null || /^п\s*\/\s*п$/i.test(c)),
  );
}

/** A row that already holds data (a number, a roman section, long text), not a second header row. */
function looksLikeBody(row: RawRow, columns: Columns): boolean {
  const numberCol = columns.number[0] ?? 0;
  if (/^\s*(?:\d|[IVXLC]+\.)/.test(row[numberCol] ?? "")) return true;
  return row.some((c) => c.length > 60 || /^[IVXLC]+\.\s/.test(c));
}

/** A row of column numbers under the header («1 | 2 | 3 | 4 | 5»). */
export function isColumnNumbersRow(row: RawRow): boolean {
  const filled = row.map((c) => c.trim()).filter((c) => c !== "");
  if (filled.length < 2 || !filled.every((c) => /^\d{1,2}\.?$/.test(c))) return false;
  const values = filled.map((c) => Number.parseInt(c, 10));
  return values.every((v, i) => i === 0 || v === values[i - 1]! + 1);
}

/** The same header again (a table continued after a page break with its header repeated). */
export function isRepeatedHeader(row: RawRow, header: Header): boolean {
  let filled = 0;
  let known = false;
  for (const cell of row) {
    if (cell.length > HEADER_CELL_MAX) return false;
    const t = cell.trim();
    if (t !== "") filled++;
    if (header.cells.has(t)) known = true;
  }
  if (filled < 2 || !known) return false;
  return header.repeats.some((labels) => {
    let matches = 0;
    row.forEach((cell, i) => {
      if (cell.trim() !== "" && normalizeHeader(cell) === labels[i]) matches++;
    });
    return matches >= Math.max(2, filled - 1);
  });
}

/** Header cells are short; longer cells are data, never a repeated header. */
const HEADER_CELL_MAX = 80;
