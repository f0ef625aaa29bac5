import { assemblePlan } from "./assemble.js";
import { type ColumnRole, findHeader, roleOfHeader } from "./columns.js";
import { PlanFileError, planFileMessages } from "./formats/plan-file-error.js";
import { type PlanFileFormat, readDocument } from "./formats/read-document.js";
import type { ParsedPlan, RawDocument, RawRow } from "./types.js";

export { PlanFileError, type PlanFileErrorCode } from "./formats/plan-file-error.js";
export type { PlanFileFormat } from "./formats/read-document.js";

/** The Bot API cannot hand a bot a larger file, and no real plan is near it. */
export const DEFAULT_MAX_PLAN_BYTES = 20 * 1024 * 1024;

export interface ReadPlanOptions {
  /** Largest file accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  /** End of the academic year as `MM-DD` (default "05-31"), for «до конца учебного года». */
  academicYearEnd?: string;
  /** The year to assume when neither the title nor the table names one (the caller's current year). */
  fallbackYear?: number;
}

/**
 * Reads a plan file (.docx, .xlsx, .csv, .txt/.tsv in the seeds' layouts) into a ParsedPlan. The
 * real type comes from the bytes, not only the name. Throws PlanFileError (`code`, Russian
 * `message` to show as is) for an empty, too large, binary, unsupported (.doc, .xls, PDF…),
 * corrupt, password-protected or zip-bomb file, and for a file with no plan table or no rows.
 */
export async function readPlan(
  bytes: Uint8Array,
  fileName: string,
  options: ReadPlanOptions = {},
): Promise<ParsedPlan> {
  const { format, document } = await readPlanDocument(bytes, fileName, options);
  const plan = assemblePlan(document, {
    ...(options.academicYearEnd === undefined ? {} : { academicYearEnd: options.academicYearEnd }),
    ...(options.fallbackYear === undefined ? {} : { fallbackYear: options.fallbackYear }),
  });
  if (plan.items.length === 0) throw noItemsError(document, format);
  return plan;
}

/**
 * The checks and format reading of readPlan without the plan semantics: a file as text blocks and
 * tables. Useful for other table uploads (lists of units). Throws PlanFileError like readPlan.
 */
export async function readPlanDocument(
  bytes: Uint8Array,
  fileName: string,
  options: Pick<ReadPlanOptions, "maxBytes"> = {},
): Promise<{ format: PlanFileFormat; document: RawDocument }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_PLAN_BYTES;
  if (bytes.length === 0) throw new PlanFileError("empty", planFileMessages.empty());
  if (bytes.length > maxBytes)
    throw new PlanFileError("too_large", planFileMessages.tooLarge(bytes.length, maxBytes));
  return readDocument(bytes, fileName);
}

/** How far down a table its header may be (a title row or two above it). */
const HEADER_SEARCH_ROWS = 5;

/** Why a document gave no items: no table at all, no plan header, or a plan header with no rows. */
function noItemsError(document: RawDocument, format: PlanFileFormat): PlanFileError {
  const tables = document.blocks.flatMap((block) => (block.type === "table" ? [block.rows] : []));
  if (tables.length === 0 && (format === "xlsx" || format === "csv") && document.blocks.length === 0) {
    return new PlanFileError("no_rows", planFileMessages.emptySheet());
  }
  if (tables.some((rows) => findHeader(rows) !== null)) {
    return new PlanFileError("no_rows", planFileMessages.noRows());
  }
  if (tables.length === 0)
    return new PlanFileError("no_plan_table", planFileMessages.noPlanTable("в нём нет таблицы"));
  return new PlanFileError("no_plan_table", planFileMessages.noPlanTable(missingColumns(tables)));
}

/** What the table closest to a plan table lacks, said the way its header would say it. */
function missingColumns(tables: RawRow[][]): string {
  let best = new Set<ColumnRole>();
  for (const rows of tables) {
    for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
      const roles = new Set(row.map(roleOfHeader).filter((role): role is ColumnRole => role !== null));
      if (roles.size > best.size) best = roles;
    }
  }
  const missing: string[] = [];
  if (!best.has("title")) missing.push("«Наименование мероприятия»");
  if (!best.has("deadline") && !best.has("executors")) missing.push("«Срок»", "«Ответственный исполнитель»");
  const list =
    missing.length > 1 ? `${missing.slice(0, -1).join(", ")} и ${missing[missing.length - 1]}` : missing[0];
  return `в таблице нет ${missing.length > 1 ? "столбцов" : "столбца"} ${list}`;
}
