import { describe, expect, it } from "vitest";
import { isoWeekday } from "../../../src/domain/calendar/iso-date.js";
import {
  russianCalendar as cal,
  createProductionCalendar,
  type ProductionCalendarData,
} from "../../../src/domain/calendar/production-calendar.js";
import data from "../../../src/domain/calendar/production-calendar-ru.json" with { type: "json" };

const calendarData = data as ProductionCalendarData;

describe("russianCalendar: facts from the decrees", () => {
  it("2 and 8 May 2025 are days off (decree № 1335), 1 November 2025 a working Saturday", () => {
    expect(cal.isWorkingDay("2025-05-02")).toBe(false);
    expect(cal.isWorkingDay("2025-05-08")).toBe(false);
    expect(isoWeekday("2025-11-01")).toBe(6);
    expect(cal.isWorkingDay("2025-11-01")).toBe(true);
    expect(cal.isWorkingDay("2025-11-03")).toBe(false);
    expect(cal.isWorkingDay("2025-12-31")).toBe(false);
  });

  it("20 February 2021 and 28 December 2024 are working Saturdays", () => {
    expect(isoWeekday("2021-02-20")).toBe(6);
    expect(cal.isWorkingDay("2021-02-20")).toBe(true);
    expect(isoWeekday("2024-12-28")).toBe(6);
    expect(cal.isWorkingDay("2024-12-28")).toBe(true);
  });

  it("ordinary weekends are days off, ordinary weekdays are working", () => {
    expect(cal.isWorkingDay("2025-05-03")).toBe(false); // Saturday
    expect(cal.isWorkingDay("2025-05-04")).toBe(false); // Sunday
    expect(cal.isWorkingDay("2025-05-05")).toBe(true); // Monday
  });

  it("yearly totals: 248 working days in 2020, 247 in 2026", () => {
    expect(cal.workingDaysBetween("2019-12-31", "2020-12-31")).toBe(248);
    expect(cal.workingDaysBetween("2025-12-31", "2026-12-31")).toBe(247);
  });

  it("every year of the data adds up to the decree's total, and its days off are weekdays", () => {
    for (const [year, entry] of Object.entries(calendarData.years)) {
      expect(cal.knows(Number(year))).toBe(true);
      expect(cal.workingDaysBetween(`${Number(year) - 1}-12-31`, `${year}-12-31`), year).toBe(
        entry.workingDays,
      );
      for (const d of entry.nonWorking) expect(isoWeekday(d), d).toBeLessThanOrEqual(5);
      for (const d of entry.workingWeekends) expect(isoWeekday(d), d).toBeGreaterThanOrEqual(6);
    }
  });

  it("marks shortened pre-holiday days", () => {
    expect(cal.isShortDay("2025-03-07")).toBe(true);
    expect(cal.isShortDay("2025-11-01")).toBe(true);
    expect(cal.isShortDay("2025-03-06")).toBe(false);
  });
});

describe("working-day arithmetic", () => {
  it("10 working days after 25 December 2024 skip the New Year holidays", () => {
    // Working: 26, 27, 28 (Sat, transferred), then 9, 10, 13, 14, 15, 16, 17 January 2025.
    expect(cal.addWorkingDays("2024-12-25", 10)).toBe("2025-01-17");
    expect(cal.workingDaysBetween("2024-12-25", "2025-01-17")).toBe(10);
  });

  it("counts from the next day: Friday + 1 is Monday, and back again", () => {
    expect(cal.addWorkingDays("2025-05-16", 1)).toBe("2025-05-19");
    expect(cal.addWorkingDays("2025-05-19", -1)).toBe("2025-05-16");
    expect(cal.addWorkingDays("2025-05-16", 0)).toBe("2025-05-16");
    expect(cal.workingDaysBetween("2025-05-19", "2025-05-16")).toBe(-1);
  });

  it("nextWorkingDay keeps a working day and moves a day off forward", () => {
    expect(cal.nextWorkingDay("2025-05-07")).toBe("2025-05-07");
    expect(cal.nextWorkingDay("2025-05-08")).toBe("2025-05-12");
    // 30 and 31 December 2024 are days off (moved from the working Saturday 28 December).
    expect(cal.nextWorkingDay("2024-12-29")).toBe("2025-01-09");
    expect(cal.nextWorkingDay("2024-12-27")).toBe("2024-12-27");
  });
});

describe("a year outside the data", () => {
  it("falls back to weekends only and says so", () => {
    expect(cal.knows(2030)).toBe(false);
    expect(cal.isWorkingDay("2030-01-01")).toBe(true); // a Tuesday; the real holiday is unknown here
    expect(cal.isWorkingDay("2030-01-05")).toBe(false); // Saturday
    expect(cal.addWorkingDays("2030-03-01", 1)).toBe("2030-03-04");
    const warnings = cal.warningsFor("2027-12-20", "2030-01-10");
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain("2028");
    expect(warnings[0]).toContain("только по выходным");
    expect(cal.warningsFor("2025-01-01", "2025-12-31")).toEqual([]);
  });

  it("a calendar built from other data knows only its years", () => {
    const small = createProductionCalendar({
      years: {
        "2025": {
          decree: "x",
          nonWorking: ["2025-05-02"],
          workingWeekends: [],
          shortened: [],
          workingDays: 0,
        },
      },
    });
    expect(small.knows(2025)).toBe(true);
    expect(small.knows(2024)).toBe(false);
    expect(small.isWorkingDay("2025-05-02")).toBe(false);
    expect(small.isWorkingDay("2025-05-08")).toBe(true);
  });
});
