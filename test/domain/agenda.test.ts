import { describe, expect, it } from "vitest";
import { type AgendaEntry, BUCKET_ORDER, daysBetween, place } from "../../src/domain/agenda.js";

function entry(over: Partial<AgendaEntry>): AgendaEntry {
  return {
    assignmentId: 1,
    planId: 1,
    planTitle: "План",
    itemNumber: "1",
    itemTitle: "Пункт",
    result: null,
    unitId: 1,
    unitName: "Школа",
    kind: "dated",
    start: null,
    due: "2021-10-29",
    status: "open",
    reviewState: "none",
    lastConfirmedOn: null,
    ...over,
  };
}

const TODAY = "2021-10-25";

describe("place", () => {
  it.each([
    ["2021-10-08", "overdue", 17, -17],
    ["2021-10-24", "overdue", 1, -1],
    ["2021-10-25", "today", 0, 0],
    ["2021-10-26", "week", 0, 1],
    ["2021-11-01", "week", 0, 7],
    ["2021-11-02", "later", 0, 8],
  ] as const)("due %s → %s", (due, bucket, daysLate, daysLeft) => {
    expect(place(entry({ due }), TODAY)).toEqual({ bucket, daysLate, daysLeft, needsConfirmation: false });
  });

  it("puts a window opening today and due later than a week apart", () => {
    expect(place(entry({ start: TODAY, due: "2021-11-30" }), TODAY).bucket).toBe("opens_today");
    expect(place(entry({ start: TODAY, due: "2021-10-27" }), TODAY).bucket).toBe("week");
  });

  it("treats continuous items as ongoing, asking for a confirmation once a month", () => {
    const ongoing = entry({ kind: "continuous", due: "2021-12-31" });
    expect(place(ongoing, TODAY)).toMatchObject({ bucket: "ongoing", needsConfirmation: true });
    expect(place({ ...ongoing, lastConfirmedOn: "2021-10-01" }, TODAY).needsConfirmation).toBe(false);
    expect(place({ ...ongoing, lastConfirmedOn: "2021-09-30" }, TODAY).needsConfirmation).toBe(true);
  });

  it("puts items with no due date on demand, and done items apart", () => {
    expect(place(entry({ kind: "on_demand", due: null }), TODAY).bucket).toBe("on_demand");
    expect(place(entry({ status: "done", due: "2021-10-01" }), TODAY).bucket).toBe("done");
  });

  it("counts days across months and years", () => {
    expect(daysBetween("2021-12-30", "2022-01-02")).toBe(3);
    expect(daysBetween("2021-03-01", "2021-02-27")).toBe(-2);
    expect(BUCKET_ORDER[0]).toBe("overdue");
  });
});
