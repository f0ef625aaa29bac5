// The execution report «Информация об исполнении плана мероприятий» as a .docx: the plan's own
// table (number, title, deadline, executors) with columns added for the state, when and by whom it
// was done, and the evidence — ready to send upward. Built in memory with the `docx` library.
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { daysBetween } from "../agenda.js";
import type { Translate } from "../digest/types.js";
import type { IsoDate } from "../plan/types.js";
import { type AssignmentState, assignmentState } from "../status/counts.js";
import { localIsoDate } from "../status/render-item.js";
import type { ExportAssignment, ExportItem, ExportPlan } from "./types.js";

/** Units named in one cell before «…и ещё N». */
const NAMES_MAX = 10;
/** Column widths in percent of the table. */
const WIDTHS = [5, 25, 9, 13, 14, 9, 11, 14];

function cell(
  lines: string[],
  opts: { bold?: boolean; columnSpan?: number; width?: number } = {},
): TableCell {
  return new TableCell({
    ...(opts.columnSpan ? { columnSpan: opts.columnSpan } : {}),
    ...(opts.width ? { width: { size: opts.width, type: WidthType.PERCENTAGE } } : {}),
    children: (lines.length > 0 ? lines : [""]).map(
      (line) =>
        new Paragraph({ children: [new TextRun({ text: line, bold: opts.bold ?? false, size: 20 })] }),
    ),
  });
}

/** «дд.мм.гггг» of a calendar date. */
function fullDate(date: IsoDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

function capped(lines: string[], t: Translate): string[] {
  if (lines.length <= NAMES_MAX) return lines;
  return [...lines.slice(0, NAMES_MAX), t("export-and-more", { count: lines.length - NAMES_MAX })];
}

interface ItemRow {
  state: string[];
  when: string[];
  who: string[];
  evidence: string[];
}

/** The added columns of one item: its units' states, marks and evidence. */
function itemColumns(
  item: ExportItem,
  assignments: ExportAssignment[],
  plan: ExportPlan,
  today: IsoDate,
  zone: string,
  t: Translate,
): ItemRow {
  if (assignments.length === 0)
    return { state: [t("export-docx-no-assignments")], when: [], who: [], evidence: [] };
  const states = assignments.map((a) =>
    assignmentState(
      {
        status: a.status,
        reviewState: a.reviewState,
        needsAcceptedReport: item.needsAcceptedReport,
        markCountsAsDone: plan.plan.markCountsAsDone,
        due: a.due,
      },
      today,
    ),
  );
  const late = (a: ExportAssignment) => (a.due ? daysBetween(a.due, today) : 0);
  const single = new Set(assignments.map((a) => a.unitId)).size === 1;
  const stateLine = (s: AssignmentState, a: ExportAssignment) =>
    s === "overdue" ? t("export-docx-overdue", { days: late(a) }) : t(`export-state-${s}`);
  const state: string[] = [];
  if (single && assignments.length === 1) {
    state.push(stateLine(states[0] as AssignmentState, assignments[0] as ExportAssignment));
  } else {
    const done = states.filter((s) => s === "done").length;
    state.push(t("export-docx-done-of", { done, total: assignments.length }));
    const lateOnes = assignments
      .map((a, i) => ({ a, s: states[i] }))
      .filter((x) => x.s === "overdue")
      .map((x) => `${x.a.unitName} — ${t("export-docx-days", { days: late(x.a) })}`);
    if (lateOnes.length > 0) state.push(t("export-docx-late"), ...capped(lateOnes, t));
  }
  const when: string[] = [];
  const who: string[] = [];
  const evidence: string[] = [];
  assignments.forEach((a) => {
    const prefix = single ? "" : `${a.unitName}: `;
    if (a.status === "done" && a.doneAt) {
      when.push(`${prefix}${fullDate(localIsoDate(a.doneAt, zone))}`);
      who.push(
        single ? (a.doneByName ?? a.unitName) : `${a.unitName}${a.doneByName ? ` (${a.doneByName})` : ""}`,
      );
    }
    const proof = [...a.evidence.files, ...a.evidence.links];
    if (a.evidence.texts.length > 0) proof.push(...a.evidence.texts.map((x) => x.slice(0, 200)));
    if (a.comment) proof.push(t("export-docx-comment", { comment: a.comment.slice(0, 200) }));
    if (proof.length > 0) evidence.push(`${prefix}${proof.join("; ")}`);
  });
  return { state, when: capped(when, t), who: capped(who, t), evidence: capped(evidence, t) };
}

/** Builds the report of one plan (only the reader's units' assignments); texts through `t`. */
export async function buildExecutionReport(
  plan: ExportPlan,
  opts: { today: IsoDate; zone: string },
  t: Translate,
): Promise<Buffer> {
  const byItem = new Map<number, ExportAssignment[]>();
  for (const a of plan.assignments) {
    const list = byItem.get(a.itemId) ?? [];
    list.push(a);
    byItem.set(a.itemId, list);
  }
  const headers = [
    t("export-docx-number"),
    t("export-docx-title"),
    t("export-docx-deadline"),
    t("export-docx-executors"),
    t("export-docx-state"),
    t("export-docx-when"),
    t("export-docx-who"),
    t("export-docx-evidence"),
  ];
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      children: headers.map((h, i) => cell([h], { bold: true, width: WIDTHS[i] })),
    }),
  ];
  const sections = new Map(plan.sections.map((s) => [s.id, s]));
  let section: number | null = null;
  for (const item of plan.items) {
    if (item.sectionId !== null && item.sectionId !== section) {
      section = item.sectionId;
      const s = sections.get(section);
      if (s)
        rows.push(
          new TableRow({ children: [cell([`${s.number}. ${s.title}`], { bold: true, columnSpan: 8 })] }),
        );
    }
    const c = itemColumns(item, byItem.get(item.id) ?? [], plan, opts.today, opts.zone, t);
    rows.push(
      new TableRow({
        children: [
          cell([item.number]),
          cell([item.title]),
          cell([item.deadlineRaw]),
          cell([item.executors.join(", ")]),
          cell(c.state),
          cell(c.when),
          cell(c.who),
          cell(c.evidence),
        ],
      }),
    );
  }
  const centered = (text: string, bold = false) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, size: 24 })] });
  const doc = new Document({
    creator: "srok",
    title: t("export-docx-heading"),
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          centered(t("export-docx-heading"), true),
          centered(plan.plan.title),
          centered(t("export-docx-as-of", { date: fullDate(opts.today) })),
          new Paragraph({ children: [] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
