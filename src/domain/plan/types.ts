/**
 * The structured plan: what the importer reads out of a plan document.
 * This is the public shape of `srok import FILE --dry-run --json` (see shared/spec/plan-import.md).
 */

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/** One window of a deadline: `start` is null for a bare date («до 30.09.2021»). */
export interface Occurrence {
  start: IsoDate | null;
  due: IsoDate;
}

export type DeadlineKind =
  | "dated"
  | "recurring"
  | "continuous"
  | "relative"
  | "on_demand"
  | "none"
  | "unparsed";

/** A deadline that waits for an event: exactly one of `after` and `before` is set. */
export interface RelativeDeadline {
  days: number | null;
  business: boolean;
  after: string | null;
  before: string | null;
}

export interface Deadline {
  raw: string;
  kind: DeadlineKind;
  occurrences: Occurrence[];
  relative: RelativeDeadline | null;
}

/** A responsible executor: a role name, or a named person; `people` are persons named under a role. */
export interface Executor {
  name: string;
  people: string[];
}

export interface PlanSection {
  number: string;
  title: string;
}

export interface PlanItem {
  /** As written, without a trailing dot («1.1.» → «1.1»). */
  number: string;
  /** Number of the parent item («1» for «1.1» when «1» is itself an item), else null. */
  parent: string | null;
  /** Number of the section the item is under, else null. */
  section: string | null;
  title: string;
  deadline: Deadline;
  executors: Executor[];
  /** Expected result; null when the plan has no result column. */
  result: string | null;
}

export interface PlanRole {
  name: string;
  aliases: string[];
  /** How many items name this role. */
  items: number;
}

export interface GlossaryEntry {
  short: string;
  full: string;
}

export interface PlanWarning {
  /** The item number the warning is about, or null for the whole plan. */
  item: string | null;
  message: string;
}

export interface ParsedPlan {
  title: string;
  period: Period;
  glossary: GlossaryEntry[];
  sections: PlanSection[];
  items: PlanItem[];
  roles: PlanRole[];
  warnings: PlanWarning[];
}

/**
 * A document as the format readers see it, before any plan semantics: text blocks and tables
 * in document order. Every reader (both text layouts, .docx, .xlsx, .csv) produces this.
 */
export type RawBlock = { type: "text"; text: string } | { type: "table"; rows: RawRow[] };

/**
 * One table row: cell texts, line breaks inside a cell kept as "\n". A horizontally merged cell
 * keeps its text in its first column and "" in the columns it spans; a vertically merged cell
 * repeats its text in every row it spans.
 */
export type RawRow = string[];

export interface RawDocument {
  blocks: RawBlock[];
}
