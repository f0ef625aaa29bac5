import { describe, expect, it } from "vitest";
import { occurrenceAfterEvent } from "../../../src/domain/calendar/occurrence-after-event.js";
import { russianCalendar } from "../../../src/domain/calendar/production-calendar.js";
import type { RelativeDeadline } from "../../../src/domain/plan/types.js";

const afterEvent = (days: number | null, business: boolean): RelativeDeadline => ({
  days,
  business,
  after: "поступления информации о результатах НОКО",
  before: null,
});
const beforeEvent = (days: number | null, business: boolean): RelativeDeadline => ({
  days,
  business,
  after: null,
  before: "проведения НОКО",
});

describe("occurrenceAfterEvent", () => {
  it("calendar days after the event: opens on the event day", () => {
    expect(occurrenceAfterEvent(afterEvent(10, false), "2020-03-25", russianCalendar)).toEqual({
      start: "2020-03-25",
      due: "2020-04-04",
    });
  });

  it("working days after the event skip weekends and the May holidays of 2025", () => {
    // 30 Apr (Wed) → 5, 6, 7, 12, 13 May: 1-4 and 8-11 May are days off.
    expect(occurrenceAfterEvent(afterEvent(5, true), "2025-04-30", russianCalendar)).toEqual({
      start: "2025-04-30",
      due: "2025-05-13",
    });
  });

  it("with no number of days it is due on the event day", () => {
    expect(occurrenceAfterEvent(afterEvent(null, false), "2021-06-01", russianCalendar)).toEqual({
      start: "2021-06-01",
      due: "2021-06-01",
    });
  });

  it("before the event: calendar or working days back, no start", () => {
    expect(occurrenceAfterEvent(beforeEvent(30, false), "2021-10-01", russianCalendar)).toEqual({
      start: null,
      due: "2021-09-01",
    });
    // 12 Jan 2026 (Mon) minus 3 working days: 1-11 Jan 2026 and 31 Dec 2025 are days off,
    // so 30 Dec, 29 Dec, then Friday 26 Dec.
    expect(occurrenceAfterEvent(beforeEvent(3, true), "2026-01-12", russianCalendar).due).toBe("2025-12-26");
    expect(occurrenceAfterEvent(beforeEvent(null, true), "2025-05-12", russianCalendar).due).toBe(
      "2025-05-07",
    );
  });
});
