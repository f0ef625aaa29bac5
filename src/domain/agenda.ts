// Where an assignment stands on a given day: the buckets of /tasks and of the daily digest.
import type { DeadlineKind, IsoDate } from "./plan/types.js";

/** One assignment as the executor-facing views need it. */
export interface AgendaEntry {
  assignmentId: number;
  planId: number;
  planTitle: string;
  itemNumber: string;
  itemTitle: string;
  /** What the plan expects as the result («Протокол заседания»), if it says. */
  result: string | null;
  unitId: number;
  unitName: string;
  /** The deadline kind of the item this occurrence belongs to. */
  kind: DeadlineKind;
  start: IsoDate | null;
  /** Null for continuous and on-demand items. */
  due: IsoDate | null;
  status: "open" | "done";
  reviewState: "none" | "pending" | "accepted" | "returned";
  /** Continuous items: the day of the last monthly confirmation. */
  lastConfirmedOn: IsoDate | null;
  /** When it was marked done (ISO instant), if loaded; /tasks keeps items done today in place. */
  doneAt?: string | null;
  /** The executor's comment on the mark, if loaded. */
  comment?: string | null;
}

export type Bucket =
  | "overdue"
  | "today"
  | "week" // due within the next 7 days
  | "opens_today" // a window that starts today and is due later than a week from now
  | "later"
  | "ongoing" // continuous
  | "on_demand"
  | "done";

export interface Placement {
  bucket: Bucket;
  /** Days past due (overdue only). */
  daysLate: number;
  /** Days until due (today = 0); null when there is no due date. */
  daysLeft: number | null;
  /** Continuous items whose monthly confirmation for the month of `today` is missing. */
  needsConfirmation: boolean;
}

const DAY_MS = 86_400_000;

/** Whole days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Places an assignment on `today` (the reader's local date). Pure. */
export function place(entry: AgendaEntry, today: IsoDate): Placement {
  const none = { daysLate: 0, daysLeft: null, needsConfirmation: false };
  if (entry.status === "done") return { bucket: "done", ...none };
  if (entry.kind === "continuous") {
    const confirmedThisMonth = entry.lastConfirmedOn?.slice(0, 7) === today.slice(0, 7);
    return { bucket: "ongoing", ...none, needsConfirmation: !confirmedThisMonth };
  }
  if (entry.due === null) return { bucket: "on_demand", ...none };
  const daysLeft = daysBetween(today, entry.due);
  if (daysLeft < 0) return { bucket: "overdue", daysLate: -daysLeft, daysLeft, needsConfirmation: false };
  if (daysLeft === 0) return { bucket: "today", daysLate: 0, daysLeft, needsConfirmation: false };
  if (daysLeft <= 7) return { bucket: "week", daysLate: 0, daysLeft, needsConfirmation: false };
  if (entry.start === today)
    return { bucket: "opens_today", daysLate: 0, daysLeft, needsConfirmation: false };
  return { bucket: "later", daysLate: 0, daysLeft, needsConfirmation: false };
}

/** The order a reader acts on: late first, then what is due soonest. */
export const BUCKET_ORDER: readonly Bucket[] = [
  "overdue",
  "today",
  "week",
  "opens_today",
  "later",
  "ongoing",
  "on_demand",
  "done",
];
