// Periodic phrases expanded over the plan period (or the years they name).
import { describe, expect, it } from "vitest";
import { readDeadline } from "../../../src/domain/deadline/index.js";
import type { DeadlineContext } from "../../../src/domain/plan/deadline-context.js";
import { context, occ, school2023, year2020, year2021, years2016to2018 } from "./support.js";

const recurring = (raw: string, ctx: DeadlineContext = year2021) => {
  const { deadline, warnings } = readDeadline(raw, ctx);
  expect(deadline.kind, raw).toBe("recurring");
  return { occurrences: deadline.occurrences, warnings };
};

const months2021 = (due: (m: number) => string) =>
  Array.from({ length: 12 }, (_, i) => {
    const m = String(i + 1).padStart(2, "0");
    return { start: `2021-${m}-01`, due: due(i + 1) };
  });
const pad = (n: number) => String(n).padStart(2, "0");
const monthEnd = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

describe("periods", () => {
  it.each([
    ["ежеквартально"],
    ["1 раз в квартал"],
    ["раз в квартал"],
    ["каждый квартал"],
    ["поквартально"],
    ["4 раза в год"],
    ["не реже одного раза в квартал"],
    ["по итогам квартала"],
  ])("%j: the four quarters", (raw) => {
    expect(recurring(raw)).toEqual({
      occurrences: occ(
        "2021-01-01..2021-03-31",
        "2021-04-01..2021-06-30",
        "2021-07-01..2021-09-30",
        "2021-10-01..2021-12-31",
      ),
      warnings: [],
    });
  });

  it.each([["ежемесячно"], ["1 раз в месяц"], ["каждый месяц"], ["по итогам месяца"]])(
    "%j: twelve months",
    (raw) => {
      expect(recurring(raw).occurrences).toEqual(months2021((m) => `2021-${pad(m)}-${monthEnd[m - 1]}`));
    },
  );

  it.each([["1 раз в полугодие"], ["ежеполугодно"], ["2 раза в год"], ["раз в полгода"]])(
    "%j: two half-years",
    (raw) => {
      expect(recurring(raw).occurrences).toEqual(occ("2021-01-01..2021-06-30", "2021-07-01..2021-12-31"));
    },
  );

  it.each([["ежегодно"], ["1 раз в год"], ["по итогам года"]])("%j in a one-year plan: the year", (raw) => {
    expect(recurring(raw).occurrences).toEqual(occ("2021-01-01..2021-12-31"));
  });

  it("«Ежегодно» in a plan of 2016-2018: three whole years", () => {
    expect(recurring("Ежегодно", years2016to2018).occurrences).toEqual(
      occ("2016-01-01..2016-12-31", "2017-01-01..2017-12-31", "2018-01-01..2018-12-31"),
    );
  });

  it("the finest period named wins: «ежегодно, 1 раз в квартал» is quarterly", () => {
    expect(recurring("ежегодно, 1 раз в квартал", year2020).occurrences).toHaveLength(4);
  });

  it("years named in the phrase limit it: «1 раз в квартал в течении 2017-2018 гг.»", () => {
    const { occurrences } = recurring("1 раз в квартал в течении 2017-2018 гг.", years2016to2018);
    expect(occurrences).toHaveLength(8);
    expect(occurrences[0]).toEqual({ start: "2017-01-01", due: "2017-03-31" });
    expect(occurrences[7]).toEqual({ start: "2018-10-01", due: "2018-12-31" });
  });

  it("an on-demand phrase with a minimum frequency is recurring", () => {
    expect(recurring("по мере необходимости, но не реже 1 раза в полугодие").occurrences).toHaveLength(2);
  });

  it("«ежедневно» is continuous, not 365 deadlines", () => {
    expect(readDeadline("ежедневно", year2021).deadline).toEqual({
      raw: "ежедневно",
      kind: "continuous",
      occurrences: occ("2021-01-01..2021-12-31"),
      relative: null,
    });
  });
});

describe("a day inside each window", () => {
  it("«ежемесячно до 5 числа»: start the 1st, due the 5th", () => {
    expect(recurring("ежемесячно до 5 числа")).toEqual({
      occurrences: months2021((m) => `2021-${pad(m)}-05`),
      warnings: [],
    });
  });

  it("«до 25 числа каждого месяца»: start the 1st, due the 25th", () => {
    expect(recurring("до 25 числа каждого месяца").occurrences).toEqual(
      months2021((m) => `2021-${pad(m)}-25`),
    );
  });

  it("«не позднее 1 числа»: monthly, due the 1st", () => {
    expect(recurring("не позднее 1 числа").occurrences).toEqual(months2021((m) => `2021-${pad(m)}-01`));
  });

  it("«до 30 числа» in February is its last day", () => {
    expect(recurring("ежемесячно до 30 числа").occurrences[1]).toEqual({
      start: "2021-02-01",
      due: "2021-02-28",
    });
  });

  it("«до 11 числа месяца, следующего за отчетным»: a window per reporting month, due the 11th of the next", () => {
    const { occurrences } = recurring("до 11 числа месяца, следующего за отчетным");
    expect(occurrences).toHaveLength(12);
    expect(occurrences[0]).toEqual({ start: "2021-01-01", due: "2021-02-11" });
    expect(occurrences[11]).toEqual({ start: "2021-12-01", due: "2022-01-11" });
  });

  it("«ежеквартально до 5 числа месяца, следующего за отчетным кварталом»", () => {
    expect(
      recurring("ежеквартально до 5 числа месяца, следующего за отчетным кварталом").occurrences,
    ).toEqual(
      occ(
        "2021-01-01..2021-04-05",
        "2021-04-01..2021-07-05",
        "2021-07-01..2021-10-05",
        "2021-10-01..2022-01-05",
      ),
    );
  });

  it("«ежеквартально до 10 числа» (next month not said) is read the same way, with a warning", () => {
    const { occurrences, warnings } = recurring("ежеквартально до 10 числа");
    expect(occurrences[0]).toEqual({ start: "2021-01-01", due: "2021-04-10" });
    expect(warnings[0]).toContain("следующего за отчётным");
  });

  it("«ежегодно до 10 июня»: due 10 June, start 1 January, every year of the plan", () => {
    expect(recurring("ежегодно до 10 июня", years2016to2018).occurrences).toEqual(
      occ("2016-01-01..2016-06-10", "2017-01-01..2017-06-10", "2018-01-01..2018-06-10"),
    );
  });

  it("«ежегодно до 1 февраля года, следующего за отчетным»", () => {
    expect(
      recurring("ежегодно до 1 февраля года, следующего за отчетным", years2016to2018).occurrences,
    ).toEqual(occ("2016-01-01..2017-02-01", "2017-01-01..2018-02-01", "2018-01-01..2019-02-01"));
  });

  it("«ежегодно в декабре»: December of every year", () => {
    expect(recurring("ежегодно в декабре", years2016to2018).occurrences).toEqual(
      occ("2016-12-01..2016-12-31", "2017-12-01..2017-12-31", "2018-12-01..2018-12-31"),
    );
  });

  it("«ежеквартально, в течение 10 рабочих дней после окончания квартала» counts working days", () => {
    // Q4 2021: 1-9 January 2022 are days off, so 10 working days after 31 Dec end on 21 Jan.
    expect(
      recurring("ежеквартально, в течение 10 рабочих дней после окончания квартала").occurrences,
    ).toEqual(
      occ(
        "2021-01-01..2021-04-14",
        "2021-04-01..2021-07-14",
        "2021-07-01..2021-10-14",
        "2021-10-01..2022-01-21",
      ),
    );
  });
});

describe("months named with a periodic word", () => {
  it("«2 раза в год (июнь, декабрь)»: the months named, every year", () => {
    expect(recurring("2 раза в год (июнь, декабрь)", years2016to2018).occurrences).toEqual(
      occ(
        "2016-06-01..2016-06-30",
        "2016-12-01..2016-12-31",
        "2017-06-01..2017-06-30",
        "2017-12-01..2017-12-31",
        "2018-06-01..2018-06-30",
        "2018-12-01..2018-12-31",
      ),
    );
  });

  it("«ежеквартально: март, июнь, сентябрь, декабрь»: the months named", () => {
    expect(recurring("ежеквартально: март, июнь, сентябрь, декабрь")).toEqual({
      occurrences: occ(
        "2021-03-01..2021-03-31",
        "2021-06-01..2021-06-30",
        "2021-09-01..2021-09-30",
        "2021-12-01..2021-12-31",
      ),
      warnings: [],
    });
  });

  it("«еженедельно, январь – март»: weeks within those months", () => {
    const { occurrences } = recurring("еженедельно, январь – март");
    expect(occurrences).toHaveLength(13);
    expect(occurrences.at(-1)).toEqual({ start: "2021-03-22", due: "2021-03-28" });
  });
});

describe("weeks run Monday to Sunday", () => {
  const january = context("2021-01-01", "2021-01-31");

  it("«еженедельно»: due every Sunday; the first week starts with the period", () => {
    expect(recurring("еженедельно", january).occurrences).toEqual(
      occ(
        "2021-01-01..2021-01-03",
        "2021-01-04..2021-01-10",
        "2021-01-11..2021-01-17",
        "2021-01-18..2021-01-24",
        "2021-01-25..2021-01-31",
      ),
    );
  });

  it("«каждый понедельник»: due each Monday of the period", () => {
    expect(recurring("каждый понедельник", january).occurrences).toEqual(
      occ(
        "2021-01-04..2021-01-04",
        "2021-01-11..2021-01-11",
        "2021-01-18..2021-01-18",
        "2021-01-25..2021-01-25",
      ),
    );
  });

  it("«еженедельно по пятницам»: due each Friday", () => {
    const dues = recurring("еженедельно по пятницам", january).occurrences.map((o) => o.due);
    expect(dues).toEqual(["2021-01-01", "2021-01-08", "2021-01-15", "2021-01-22", "2021-01-29"]);
  });

  it("a whole year has 52 weekly windows", () => {
    expect(recurring("еженедельно").occurrences).toHaveLength(52);
  });
});

describe("school years", () => {
  it("«ежегодно» is the school year", () => {
    expect(recurring("ежегодно", school2023).occurrences).toEqual(occ("2023-09-01..2024-08-31"));
  });

  it("quarters are calendar quarters due inside the school year", () => {
    expect(recurring("1 раз в квартал", school2023).occurrences).toEqual(
      occ(
        "2023-09-01..2023-09-30",
        "2023-10-01..2023-12-31",
        "2024-01-01..2024-03-31",
        "2024-04-01..2024-06-30",
      ),
    );
  });

  it("«ежемесячно» gives September to August", () => {
    const { occurrences } = recurring("ежемесячно", school2023);
    expect(occurrences).toHaveLength(12);
    expect(occurrences[0]).toEqual({ start: "2023-09-01", due: "2023-09-30" });
    expect(occurrences[11]).toEqual({ start: "2024-08-01", due: "2024-08-31" });
  });
});

describe("dates that spell out the expansion", () => {
  it("a periodic word with explicit dates takes the dates, and says so", () => {
    const { deadline, warnings } = readDeadline("ежеквартально: 10.04.2021, 10.07.2021", year2021);
    expect(deadline.kind).toBe("dated");
    expect(deadline.occurrences).toEqual(occ("..2021-04-10", "..2021-07-10"));
    expect(warnings[0]).toContain("периодичность не учтена");
  });
});
