// Public entry of the deadline reader: what the plan assembler calls for every deadline cell.
import type { DeadlineContext } from "../plan/deadline-context.js";
import type { Deadline, IsoDate, Period } from "../plan/types.js";

export type { DeadlineContext } from "../plan/deadline-context.js";

/**
 * Reads one deadline cell («до 30.09.2021», «ежегодно, 1 раз в квартал», «постоянно») against the
 * plan's period. Never throws and never drops the text: what cannot be read is `unparsed`.
 * Warnings are in Russian, ready to show to the coordinator.
 */
export function readDeadline(raw: string, _ctx: DeadlineContext): { deadline: Deadline; warnings: string[] } {
  const kind = raw.trim() === "" ? "none" : "unparsed";
  return { deadline: { raw, kind, occurrences: [], relative: null }, warnings: [] };
}

/** Full dates with a year found in a cell («30.09.2021», «18 мая 2021», «09.06 – 17.07.21»), in order. */
export function scanExplicitDates(_raw: string): IsoDate[] {
  return [];
}

/**
 * The period a plan's title names: «в 2021 году», «на 2016-2018 годы», «на 2021/2022 учебный год».
 * Null when the title names no year.
 */
export function periodFromTitle(_title: string): { period: Period; schoolYear: boolean } | null {
  return null;
}
