// What the exports (.xlsx of the status, the execution report .docx) are built from: one entry per
// plan with its items and the assignments of the reader's units. Loaded by db/queries/status.ts.
import type { IsoDate } from "../plan/types.js";
import type { ReviewState, StatusPlan, StatusSection } from "../status/types.js";

export interface ExportItem {
  id: number;
  sectionId: number | null;
  number: string;
  title: string;
  /** The deadline as the plan wrote it. */
  deadlineRaw: string;
  /** The plan's executors column: role names and named people. */
  executors: string[];
  result: string | null;
  position: number;
  needsAcceptedReport: boolean;
}

/** What an assignment's reports hold: files by name, links, texts; and the latest review state. */
export interface ExportEvidence {
  files: string[];
  links: string[];
  texts: string[];
}

export interface ExportAssignment {
  id: number;
  itemId: number;
  unitId: number;
  unitName: string;
  roleName: string;
  due: IsoDate | null;
  status: "open" | "done";
  reviewState: ReviewState;
  /** ISO instant of the mark. */
  doneAt: string | null;
  doneByName: string | null;
  comment: string | null;
  evidence: ExportEvidence;
}

export interface ExportPlan {
  plan: StatusPlan & { periodStart: IsoDate; periodEnd: IsoDate };
  sections: StatusSection[];
  /** In plan order. */
  items: ExportItem[];
  /** Ordered by item position, then unit name. */
  assignments: ExportAssignment[];
}

export interface ExportData {
  /** The reader's local date: states are as of it. */
  today: IsoDate;
  /** The reader's time zone, for dates of marks. */
  zone: string;
  plans: ExportPlan[];
}
