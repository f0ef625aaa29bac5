// The status as an .xlsx workbook (exceljs, streamed: 50,000 rows in a second or two): a summary
// sheet, then one sheet per plan with a row per assignment — item, deadline, unit, state, when
// done and by whom, the report's files and links. Built in memory; no files touched.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { daysBetween } from "../agenda.js";
import type { Translate } from "../digest/types.js";
import type { IsoDate } from "../plan/types.js";
import { type AssignmentState, assignmentState, emptyCounts, percentDone } from "../status/counts.js";
import { localIsoDate } from "../status/render-item.js";
import type { Counts } from "../status/types.js";
import type { ExportData, ExportPlan } from "./types.js";

const DATE_FORMAT = "dd.mm.yyyy";
const DATED: Partial<ExcelJS.Style> = { numFmt: DATE_FORMAT };
const PLAIN: Partial<ExcelJS.Style> = {};

/** An Excel date cell value for a calendar date (Excel dates have no zone: UTC midnight). */
function excelDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** A sheet name Excel accepts: ≤ 31 characters, none of []:*?/\ , unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const clean =
    title
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim() || "План";
  let name = clean.slice(0, 31).trim();
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${clean.slice(0, 31 - suffix.length).trim()}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

interface PlanFacts {
  plan: ExportPlan;
  counts: Counts;
  states: AssignmentState[];
}

function planFacts(p: ExportPlan, today: IsoDate): PlanFacts {
  const items = new Map(p.items.map((i) => [i.id, i]));
  const counts = emptyCounts();
  const states: AssignmentState[] = [];
  for (const a of p.assignments) {
    const state = assignmentState(
      {
        status: a.status,
        reviewState: a.reviewState,
        needsAcceptedReport: items.get(a.itemId)?.needsAcceptedReport ?? false,
        markCountsAsDone: p.plan.markCountsAsDone,
        due: a.due,
      },
      today,
    );
    states.push(state);
    counts.total++;
    if (state === "done") counts.done++;
    else counts.open++;
    if (state === "overdue") counts.overdue++;
    if (a.reviewState === "pending") counts.pendingReview++;
  }
  return { plan: p, counts, states };
}

/** Builds the workbook; texts (headers, states) in the reader's language through `t`. */
export async function buildStatusWorkbook(data: ExportData, t: Translate): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
  });
  wb.creator = "srok";
  const facts = data.plans.map((p) => planFacts(p, data.today));
  const taken = new Set<string>();

  // Summary first: what a reader opens the file for.
  const summary = wb.addWorksheet(sheetName(t("export-xlsx-summary"), taken));
  summary.columns = [
    { header: t("export-xlsx-plan"), width: 60 },
    { header: t("export-xlsx-total"), width: 12 },
    { header: t("export-xlsx-done"), width: 12 },
    { header: t("export-xlsx-open"), width: 12 },
    { header: t("export-xlsx-overdue"), width: 12 },
    { header: t("export-xlsx-percent"), width: 12 },
    { header: t("export-xlsx-pending"), width: 16 },
  ];
  summary.getRow(1).font = { bold: true };
  const total = emptyCounts();
  for (const f of facts) {
    const c = f.counts;
    summary
      .addRow([f.plan.plan.title, c.total, c.done, c.open, c.overdue, percentDone(c), c.pendingReview])
      .commit();
    total.total += c.total;
    total.done += c.done;
    total.open += c.open;
    total.overdue += c.overdue;
    total.pendingReview += c.pendingReview;
  }
  const totalRow = summary.addRow([
    t("export-xlsx-all"),
    total.total,
    total.done,
    total.open,
    total.overdue,
    percentDone(total),
    total.pendingReview,
  ]);
  totalRow.font = { bold: true };
  totalRow.commit();
  summary.addRow([]).commit();
  const asOf = summary.addRow([t("export-xlsx-as-of"), excelDate(data.today)]);
  asOf.getCell(2).numFmt = DATE_FORMAT;
  asOf.commit();
  summary.commit();

  for (const f of facts) writePlanSheet(wb, f, data, t, taken);
  await wb.commit();
  await finished;
  return Buffer.concat(chunks);
}

function writePlanSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  f: PlanFacts,
  data: ExportData,
  t: Translate,
  taken: Set<string>,
): void {
  const p = f.plan;
  const ws = wb.addWorksheet(sheetName(p.plan.title, taken));
  ws.columns = [
    { header: t("export-xlsx-number"), width: 7 },
    { header: t("export-xlsx-item"), width: 60 },
    { header: t("export-xlsx-section"), width: 30 },
    { header: t("export-xlsx-deadline"), width: 14 },
    { header: t("export-xlsx-unit"), width: 32 },
    { header: t("export-xlsx-role"), width: 30 },
    { header: t("export-xlsx-state"), width: 18 },
    { header: t("export-xlsx-days-late"), width: 12 },
    { header: t("export-xlsx-done-at"), width: 14 },
    { header: t("export-xlsx-done-by"), width: 24 },
    { header: t("export-xlsx-review"), width: 18 },
    { header: t("export-xlsx-report"), width: 40 },
    { header: t("export-xlsx-comment"), width: 30 },
  ];
  ws.getRow(1).font = { bold: true };
  const items = new Map(p.items.map((i) => [i.id, i]));
  const sections = new Map(p.sections.map((s) => [s.id, s]));
  const stateText: Record<AssignmentState, string> = {
    done: t("export-state-done"),
    overdue: t("export-state-overdue"),
    review: t("export-state-review"),
    returned: t("export-state-returned"),
    open: t("export-state-open"),
  };
  const reviewText = {
    none: "",
    pending: t("export-review-pending"),
    accepted: t("export-review-accepted"),
    returned: t("export-review-returned"),
  };
  p.assignments.forEach((a, index) => {
    const item = items.get(a.itemId);
    const section = item?.sectionId != null ? sections.get(item.sectionId) : undefined;
    const state = f.states[index] as AssignmentState;
    const doneDay = a.doneAt ? localIsoDate(a.doneAt, data.zone) : null;
    const evidence = [...a.evidence.files, ...a.evidence.links];
    if (evidence.length === 0 && a.evidence.texts.length > 0) evidence.push(t("export-evidence-text"));
    const values = [
      item?.number ?? "",
      item?.title ?? "",
      section ? `${section.number}. ${section.title}` : "",
      a.due ? excelDate(a.due) : (item?.deadlineRaw ?? ""),
      a.unitName,
      a.roleName,
      stateText[state],
      state === "overdue" && a.due ? daysBetween(a.due, data.today) : null,
      a.status === "done" && doneDay ? excelDate(doneDay) : null,
      a.status === "done" ? (a.doneByName ?? "") : "",
      reviewText[a.reviewState],
      evidence.join("\n"),
      a.comment ?? "",
    ];
    // Empty text stays an empty cell, not a shared empty string.
    const row = ws.addRow(values.map((v) => (v === "" ? null : v)));
    // Shared style objects: exceljs caches a style by object, so 50,000 rows cost one lookup each.
    row.eachCell((cell, col) => {
      cell.style = col === 4 || col === 9 ? DATED : PLAIN;
    });
    row.commit();
  });
  ws.commit();
}
