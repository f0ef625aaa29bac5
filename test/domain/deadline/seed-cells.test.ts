// Every row of the table «The seeds' deadline cells, read» in shared/spec/plan-import.md.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { periodFromTitle, readDeadline, scanExplicitDates } from "../../../src/domain/deadline/index.js";
import type { DeadlineContext } from "../../../src/domain/plan/deadline-context.js";
import type { DeadlineKind, Occurrence, RelativeDeadline } from "../../../src/domain/plan/types.js";
import { occ, SHARED, seedHead, seedText } from "./support.js";

const spec = readFileSync(new URL("spec/plan-import.md", SHARED), "utf8");

/** The context the assembler builds for a seed: period from the title, else from its dates. */
function seedContext(plan: string): DeadlineContext {
  const dates = scanExplicitDates(seedText(plan)).sort();
  const fromTitle = periodFromTitle(seedHead(plan));
  const period = fromTitle?.period ?? {
    start: `${dates[0]!.slice(0, 4)}-01-01`,
    end: `${dates.at(-1)!.slice(0, 4)}-12-31`,
  };
  return {
    period,
    schoolYear: fromTitle?.schoolYear ?? false,
    latestExplicitDate: dates.at(-1) ?? null,
    academicYearEnd: "05-31",
  };
}

const after = (days: number | null, business: boolean, event: string): RelativeDeadline => ({
  days,
  business,
  after: event,
  before: null,
});

interface Row {
  plan: string;
  raw: string;
  kind: DeadlineKind;
  occurrences: Occurrence[];
  relative?: RelativeDeadline;
}

const quarters = (y: number) =>
  occ(`${y}-01-01..${y}-03-31`, `${y}-04-01..${y}-06-30`, `${y}-07-01..${y}-09-30`, `${y}-10-01..${y}-12-31`);

const rows: Row[] = [
  { plan: "000", raw: "до 30.09.2021", kind: "dated", occurrences: occ("..2021-09-30") },
  { plan: "000", raw: "01.11.2021- 05.11.2021", kind: "dated", occurrences: occ("2021-11-01..2021-11-05") },
  { plan: "000", raw: "постоянно", kind: "continuous", occurrences: occ("2021-01-01..2021-12-31") },
  { plan: "000", raw: "до конца учебного года", kind: "dated", occurrences: occ("..2022-05-31") },
  { plan: "001", raw: "январь -\nмарт", kind: "dated", occurrences: occ("2020-01-01..2020-03-31") },
  { plan: "001", raw: "", kind: "none", occurrences: [] },
  { plan: "001", raw: "июнь – август", kind: "dated", occurrences: occ("2020-06-01..2020-08-31") },
  { plan: "001", raw: "согласно графику проведения НОКО", kind: "on_demand", occurrences: [] },
  {
    plan: "001",
    raw: "в течение 10 дней со дня поступления информации о результатах НОКО",
    kind: "relative",
    occurrences: [],
    relative: after(10, false, "поступления информации о результатах НОКО"),
  },
  {
    plan: "001",
    raw: "в течение 3 дней после рассмотрения результатов НОКО",
    kind: "relative",
    occurrences: [],
    relative: after(3, false, "рассмотрения результатов НОКО"),
  },
  {
    plan: "001",
    raw: "со дня поступления информации о результатах НОКО",
    kind: "relative",
    occurrences: [],
    relative: after(null, false, "поступления информации о результатах НОКО"),
  },
  { plan: "001", raw: "ежегодно, 1 раз в квартал", kind: "recurring", occurrences: quarters(2020) },
  {
    plan: "002",
    raw: "март, июль, декабрь",
    kind: "dated",
    occurrences: occ("2020-03-01..2020-03-31", "2020-07-01..2020-07-31", "2020-12-01..2020-12-31"),
  },
  {
    plan: "002",
    raw: "1 раз в полугодие",
    kind: "recurring",
    occurrences: occ("2020-01-01..2020-06-30", "2020-07-01..2020-12-31"),
  },
  { plan: "002", raw: "в течение года по запросам", kind: "on_demand", occurrences: [] },
  {
    plan: "002",
    raw: "В течение года с учетом сроков проведения НОКО",
    kind: "continuous",
    occurrences: occ("2020-01-01..2020-12-31"),
  },
  { plan: "002", raw: "по плану работы Общественного совета НОКО", kind: "on_demand", occurrences: [] },
  {
    plan: "003",
    raw: "1 раз в квартал в течении 2017-2018 гг.",
    kind: "recurring",
    occurrences: [...quarters(2017), ...quarters(2018)],
  },
  { plan: "003", raw: "IV квартал 2016 г.", kind: "dated", occurrences: occ("2016-10-01..2016-12-31") },
  {
    plan: "003",
    raw: "I квартал \n2017 года;\nI квартал\n2018 года",
    kind: "dated",
    occurrences: occ("2017-01-01..2017-03-31", "2018-01-01..2018-03-31"),
  },
  {
    plan: "003",
    raw: "IVквартал\n2017 г.\nIV квартал\n2017 г.",
    kind: "dated",
    occurrences: occ("2017-10-01..2017-12-31"),
  },
  {
    plan: "003",
    raw: "2017г\n2018 г.",
    kind: "dated",
    occurrences: occ("2017-01-01..2017-12-31", "2018-01-01..2018-12-31"),
  },
  {
    plan: "003",
    raw: "Постоянно в течение 10 рабочих дней со дня создания, получения или изменения информации",
    kind: "relative",
    occurrences: [],
    relative: after(10, true, "создания, получения или изменения информации"),
  },
  {
    plan: "003",
    raw: "В течение всего периода\n(по мере поступления новой информации)",
    kind: "continuous",
    occurrences: occ("2016-01-01..2018-12-31"),
  },
  {
    plan: "003",
    raw: "Ежегодно",
    kind: "recurring",
    occurrences: occ("2016-01-01..2016-12-31", "2017-01-01..2017-12-31", "2018-01-01..2018-12-31"),
  },
  {
    plan: "003",
    raw: "После проведения НОКО",
    kind: "relative",
    occurrences: [],
    relative: after(null, false, "проведения НОКО"),
  },
  { plan: "003", raw: "в сроки, установленные планом мероприятий", kind: "on_demand", occurrences: [] },
  { plan: "004", raw: "18 мая 2021", kind: "dated", occurrences: occ("..2021-05-18") },
  { plan: "004", raw: "09.06. 2021", kind: "dated", occurrences: occ("..2021-06-09") },
  {
    plan: "004",
    raw: "19.05.2021\n22.05.2021",
    kind: "dated",
    occurrences: occ("..2021-05-19", "..2021-05-22"),
  },
  { plan: "004", raw: "30.06. 2021\n\n\n\nдо 30.06.21", kind: "dated", occurrences: occ("..2021-06-30") },
  { plan: "004", raw: "09.06 – 17.07.21", kind: "dated", occurrences: occ("2021-06-09..2021-07-17") },
];

describe("the seeds' deadline cells, as the spec reads them", () => {
  it("the contexts of the seeds: 2021, 2020, 2020, 2016-2018, 2021 (004 from its dates)", () => {
    expect(["000", "001", "002", "003", "004"].map((p) => seedContext(p).period)).toEqual([
      { start: "2021-01-01", end: "2021-12-31" },
      { start: "2020-01-01", end: "2020-12-31" },
      { start: "2020-01-01", end: "2020-12-31" },
      { start: "2016-01-01", end: "2018-12-31" },
      { start: "2021-01-01", end: "2021-12-31" },
    ]);
    expect(seedContext("000").latestExplicitDate).toBe("2021-12-31");
  });

  for (const row of rows) {
    it(`${row.plan}: ${JSON.stringify(row.raw)} → ${row.kind}`, () => {
      if (row.raw !== "") expect(spec).toContain(`| ${row.plan} | ${row.raw.replaceAll("\n", "⏎")}`);
      const { deadline, warnings } = readDeadline(row.raw, seedContext(row.plan));
      expect(deadline).toEqual({
        raw: row.raw,
        kind: row.kind,
        occurrences: row.occurrences,
        relative: row.relative ?? null,
      });
      expect(warnings).toEqual([]);
    });
  }

  it("002: the on-demand cell broken over a page break reads the same however it was joined", () => {
    for (const raw of ["по плану работы\nОбщественного совета НОКО", "по плану работы"]) {
      expect(readDeadline(raw, seedContext("002")).deadline.kind).toBe("on_demand");
    }
  });

  it("003: a quarter with an extra relative constraint is dated with `relative` filled", () => {
    const raw =
      "IVквартал\n2017 г.\nIV квартал\n2017 г.\n(в течение 5 рабочих дней после поступления информации о результатах независимой оценки от общественного совета)";
    expect(readDeadline(raw, seedContext("003")).deadline).toEqual({
      raw,
      kind: "dated",
      occurrences: occ("2017-10-01..2017-12-31"),
      relative: after(
        5,
        true,
        "поступления информации о результатах независимой оценки от общественного совета",
      ),
    });
  });
});
