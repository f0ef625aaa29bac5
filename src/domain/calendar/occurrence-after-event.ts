// Turning a relative deadline into a dated window once the coordinator records when the event happened.
import type { IsoDate, Occurrence, RelativeDeadline } from "../plan/types.js";
import { addDays } from "./iso-date.js";
import type { ProductionCalendar } from "./production-calendar.js";

/**
 * The window of a relative deadline given the date of its event.
 * - `after` («в течение 10 дней со дня …»): opens on the event day, due `days` calendar days
 *   later, or `days` working days later when `business` (the event day itself is not counted).
 *   With no `days` («после проведения НОКО») it is due on the event day.
 * - `before` («не позднее чем за 30 дней до …»): no start, due `days` calendar (or working) days
 *   before the event; with no `days` («до начала …») due the day (working day) before it.
 * The result is not moved off days off: a coordinator sees the date the plan's wording gives.
 * For a year the calendar lacks, call `calendar.warningsFor(eventDate, due)` to show why.
 */
export function occurrenceAfterEvent(
  relative: RelativeDeadline,
  eventDate: IsoDate,
  calendar: ProductionCalendar,
): Occurrence {
  const shift = (n: number): IsoDate =>
    relative.business ? calendar.addWorkingDays(eventDate, n) : addDays(eventDate, n);
  if (relative.before !== null && relative.after === null) {
    return { start: null, due: shift(-(relative.days ?? 1)) };
  }
  return { start: eventDate, due: relative.days === null ? eventDate : shift(relative.days) };
}
