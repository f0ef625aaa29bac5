import type { RawDocument } from "../types.js";
import { cleanCellText } from "./clean-text.js";
import { rowsToBlocks } from "./rows-to-blocks.js";

const DELIMITERS = [";", "\t", ","] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

/**
 * Parses CSV text (RFC 4180: quoted fields with "" for a quote, line breaks inside quotes) with a
 * given delimiter. `limit` stops after that many records (for sniffing).
 */
export function parseCsv(text: string, delimiter: string, limit = Number.POSITIVE_INFINITY): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStart = true;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === delimiter) {
      record.push(field);
      field = "";
      fieldStart = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      if (records.length >= limit) return records;
      record = [];
      field = "";
      fieldStart = true;
    } else {
      field += c;
      // Spaces before an opening quote are tolerated (Excel writes none, people do).
      if (!(fieldStart && c === " ")) fieldStart = false;
    }
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/**
 * The delimiter that splits the first records into the same number of fields most consistently:
 * «;» (Russian Excel), TAB, or «,».
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  let best: CsvDelimiter = ";";
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const records = parseCsv(text, delimiter, 50).filter((r) => r.some((cell) => cell.trim() !== ""));
    const counts = new Map<number, number>();
    for (const record of records) {
      if (record.length > 1) counts.set(record.length, (counts.get(record.length) ?? 0) + 1);
    }
    // Records that agree on a field count, weighted a little by how many fields that is.
    let score = 0;
    for (const [fields, times] of counts) score = Math.max(score, times * 100 + fields);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Reads decoded CSV text as a document: title rows, tables, footnote rows (see rowsToBlocks). */
export function readCsv(text: string): RawDocument {
  let body = text;
  let delimiter: string | undefined;
  // Excel's own hint line: «sep=;».
  const hint = /^sep=(.)\r?\n/i.exec(body);
  if (hint) {
    delimiter = hint[1];
    body = body.slice(hint[0].length);
  }
  const records = parseCsv(body, delimiter ?? sniffDelimiter(body));
  return { blocks: rowsToBlocks(records.map((record) => record.map((cell) => cleanCellText(cell).trim()))) };
}
