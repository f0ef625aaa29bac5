import type { IsoDate, Period } from "./types.js";

/** What a deadline cell is read against: the plan's period and what the plan says elsewhere. */
export interface DeadlineContext {
  period: Period;
  /** True when the period is a school year (1 September .. 31 August). */
  schoolYear: boolean;
  /** The latest explicit date anywhere in the plan's table, for «до конца учебного года». */
  latestExplicitDate: IsoDate | null;
  /** End of the academic year as `MM-DD` (default "05-31"). */
  academicYearEnd: string;
}
