// Callback data of the coordinators' buttons: /status drill-down (st:), /overdue (ov:), report
// review (rv:) and exports (ex:). Every press is parsed and validated here (a forged or malformed
// value parses to null); every value is at most 64 bytes.
import { z } from "zod";

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const page = z.coerce.number().int().min(0).max(9999);
const planOrAll = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Where a /status press goes. Pages are 0-based. */
export type StatusButton =
  | { v: "open" } // a new message (from the morning summary)
  | { v: "home" }
  | { v: "plan"; plan: number }
  | { v: "sections"; plan: number; page: number }
  | { v: "section"; section: number; page: number }
  | { v: "loose"; plan: number; page: number } // items under no section
  | { v: "roles"; plan: number; page: number }
  | { v: "role"; plan: number; role: number; page: number }
  | { v: "units"; plan: number; page: number }
  | { v: "unit"; plan: number; unit: number; page: number }
  | { v: "item"; item: number; page: number }
  | { v: "reports"; item: number; page: number }
  | { v: "remind"; item: number }
  | { v: "needs"; item: number; on: 0 | 1 }; // count the item done only with an accepted report

const statusSchema = z.discriminatedUnion("v", [
  z.object({ v: z.literal("open") }),
  z.object({ v: z.literal("home") }),
  z.object({ v: z.literal("plan"), plan: id }),
  z.object({ v: z.literal("sections"), plan: id, page }),
  z.object({ v: z.literal("section"), section: id, page }),
  z.object({ v: z.literal("loose"), plan: id, page }),
  z.object({ v: z.literal("roles"), plan: id, page }),
  z.object({ v: z.literal("role"), plan: id, role: id, page }),
  z.object({ v: z.literal("units"), plan: id, page }),
  z.object({ v: z.literal("unit"), plan: id, unit: id, page }),
  z.object({ v: z.literal("item"), item: id, page }),
  z.object({ v: z.literal("reports"), item: id, page }),
  z.object({ v: z.literal("remind"), item: id }),
  z.object({
    v: z.literal("needs"),
    item: id,
    on: z.coerce.number().pipe(z.union([z.literal(0), z.literal(1)])),
  }),
]);

// Short codes in the data and the fields after them, in order.
const STATUS_CODES: Record<StatusButton["v"], { code: string; fields: string[] }> = {
  open: { code: "open", fields: [] },
  home: { code: "h", fields: [] },
  plan: { code: "p", fields: ["plan"] },
  sections: { code: "ls", fields: ["plan", "page"] },
  section: { code: "s", fields: ["section", "page"] },
  loose: { code: "n", fields: ["plan", "page"] },
  roles: { code: "lr", fields: ["plan", "page"] },
  role: { code: "r", fields: ["plan", "role", "page"] },
  units: { code: "lu", fields: ["plan", "page"] },
  unit: { code: "u", fields: ["plan", "unit", "page"] },
  item: { code: "i", fields: ["item", "page"] },
  reports: { code: "ir", fields: ["item", "page"] },
  remind: { code: "rm", fields: ["item"] },
  needs: { code: "na", fields: ["item", "on"] },
};

function encode(prefix: string, code: string, fields: string[], values: Record<string, unknown>): string {
  return [prefix, code, ...fields.map((f) => String(values[f]))].join(":");
}

function decode<T>(
  data: string,
  prefix: string,
  codes: Record<string, { code: string; fields: string[] }>,
  schema: z.ZodType<T>,
): T | null {
  if (data.length > 64) return null;
  const parts = data.split(":");
  if (parts[0] !== prefix) return null;
  const entry = Object.entries(codes).find(([, c]) => c.code === parts[1]);
  if (!entry) return null;
  const [v, { fields }] = entry;
  const values = parts.slice(2);
  if (values.length !== fields.length || values.some((x) => !/^\d{1,16}$/.test(x) && !/^[a-z]$/.test(x)))
    return null;
  const raw: Record<string, unknown> = { v };
  fields.forEach((f, i) => {
    raw[f] = values[i];
  });
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** `st:i:42:0` and the like. */
export function statusData(b: StatusButton): string {
  const { code, fields } = STATUS_CODES[b.v];
  return encode("st", code, fields, b);
}

/** The /status button a press carries, or null for forged or malformed data. */
export function parseStatusData(data: string): StatusButton | null {
  return decode(data, "st", STATUS_CODES, statusSchema) as StatusButton | null;
}

/** /overdue: a new message, a page, remind one unit, remind every overdue unit in scope. */
export type OverdueButton =
  | { v: "open" }
  | { v: "page"; page: number }
  | { v: "unit"; unit: number }
  | { v: "all" };

const OVERDUE_CODES: Record<OverdueButton["v"], { code: string; fields: string[] }> = {
  open: { code: "open", fields: [] },
  page: { code: "pg", fields: ["page"] },
  unit: { code: "r", fields: ["unit"] },
  all: { code: "all", fields: [] },
};

const overdueSchema = z.discriminatedUnion("v", [
  z.object({ v: z.literal("open") }),
  z.object({ v: z.literal("page"), page }),
  z.object({ v: z.literal("unit"), unit: id }),
  z.object({ v: z.literal("all") }),
]);

/** `ov:r:12` and the like. */
export function overdueData(b: OverdueButton): string {
  const { code, fields } = OVERDUE_CODES[b.v];
  return encode("ov", code, fields, b);
}

/** The /overdue button a press carries, or null. */
export function parseOverdueData(data: string): OverdueButton | null {
  return decode(data, "ov", OVERDUE_CODES, overdueSchema) as OverdueButton | null;
}

/** Report review: open (the card and its files), accept, return for rework. */
export type ReviewButton = { v: "open" | "accept" | "return"; report: number };

const REVIEW_CODES: Record<ReviewButton["v"], { code: string; fields: string[] }> = {
  open: { code: "o", fields: ["report"] },
  accept: { code: "a", fields: ["report"] },
  return: { code: "b", fields: ["report"] },
};

const reviewSchema = z.object({ v: z.enum(["open", "accept", "return"]), report: id });

/** `rv:a:42`: accept report 42; `rv:o:` opens it, `rv:b:` returns it. */
export function reviewData(b: ReviewButton): string {
  const { code, fields } = REVIEW_CODES[b.v];
  return encode("rv", code, fields, b);
}

/** The review button a press carries, or null. */
export function parseReviewData(data: string): ReviewButton | null {
  return decode(data, "rv", REVIEW_CODES, reviewSchema) as ReviewButton | null;
}

/** Exports of a plan (plan 0: every plan in scope, for the .xlsx). */
export type ExportButton =
  | { v: "xlsx"; plan: number }
  | { v: "chart"; plan: number; by: "u" | "s" }
  | { v: "docx"; plan: number };

const EXPORT_CODES: Record<ExportButton["v"], { code: string; fields: string[] }> = {
  xlsx: { code: "x", fields: ["plan"] },
  chart: { code: "g", fields: ["plan", "by"] },
  docx: { code: "d", fields: ["plan"] },
};

const exportSchema = z.discriminatedUnion("v", [
  z.object({ v: z.literal("xlsx"), plan: planOrAll }),
  z.object({ v: z.literal("chart"), plan: id, by: z.enum(["u", "s"]) }),
  z.object({ v: z.literal("docx"), plan: id }),
]);

/** `ex:x:0` (every plan), `ex:g:3:u`, `ex:d:3`. */
export function exportData(b: ExportButton): string {
  const { code, fields } = EXPORT_CODES[b.v];
  return encode("ex", code, fields, b);
}

/** The export button a press carries, or null. */
export function parseExportData(data: string): ExportButton | null {
  return decode(data, "ex", EXPORT_CODES, exportSchema) as ExportButton | null;
}

/** grammY `callbackQuery()` filters. */
export const STATUS_DATA = /^st:/;
export const OVERDUE_DATA = /^ov:/;
export const REVIEW_DATA = /^rv:/;
export const EXPORT_DATA = /^ex:/;
