// Relative, on-demand and continuous cells, and which kind wins when a cell has several.
import { describe, expect, it } from "vitest";
import { readDeadline } from "../../../src/domain/deadline/index.js";
import type { DeadlineKind, RelativeDeadline } from "../../../src/domain/plan/types.js";
import { occ, school2023, year2021, years2016to2018 } from "./support.js";

const rel = (
  days: number | null,
  business: boolean,
  after: string | null,
  before: string | null = null,
): RelativeDeadline => ({
  days,
  business,
  after,
  before,
});

describe("relative to an event", () => {
  it.each([
    ["в течение 5 рабочих дней после утверждения плана", rel(5, true, "утверждения плана")],
    ["в течение пяти дней после утверждения плана", rel(5, false, "утверждения плана")],
    ["в течение 10 (десяти) рабочих дней со дня получения запроса", rel(10, true, "получения запроса")],
    ["не позднее 10 рабочих дней с даты подписания контракта", rel(10, true, "подписания контракта")],
    [
      "в течение 30 календарных дней с момента получения результатов",
      rel(30, false, "получения результатов"),
    ],
    ["через 3 дня после проведения заседания", rel(3, false, "проведения заседания")],
    ["в течение двух недель после проведения НОКО", rel(14, false, "проведения НОКО")],
    ["не позднее чем за 30 дней до проведения мониторинга", rel(30, false, null, "проведения мониторинга")],
    ["за 10 дней до начала мониторинга", rel(10, false, null, "начала мониторинга")],
    ["После проведения НОКО", rel(null, false, "проведения НОКО")],
    ["по окончании мониторинга", rel(null, false, "окончания мониторинга")],
    ["по итогам проведения НОКО", rel(null, false, "проведения НОКО")],
    ["со дня поступления информации", rel(null, false, "поступления информации")],
    ["до начала проведения опроса", rel(null, false, null, "проведения опроса")],
    ["накануне проведения олимпиады", rel(null, false, null, "проведения олимпиады")],
    ["в день проведения мероприятия", rel(0, false, "проведения мероприятия")],
  ])("%j", (raw, relative) => {
    expect(readDeadline(raw, year2021)).toEqual({
      deadline: { raw, kind: "relative", occurrences: [], relative },
      warnings: [],
    });
  });

  it("keeps the event as written, over a line break, in the original case", () => {
    const raw = "в течение 10 дней со дня поступления\nинформации о результатах НОКО.";
    expect(readDeadline(raw, year2021).deadline.relative).toEqual(
      rel(10, false, "поступления информации о результатах НОКО"),
    );
  });

  it("a month is counted as 30 days, and says so", () => {
    const { deadline, warnings } = readDeadline("в течение месяца после утверждения", year2021);
    expect(deadline.relative).toEqual(rel(30, false, "утверждения"));
    expect(warnings[0]).toContain("30 дней");
  });

  it("a number of days with no event is not a deadline", () => {
    expect(readDeadline("в течение 5 дней", year2021).deadline.kind).toBe("unparsed");
  });
});

describe("on demand", () => {
  it.each([
    ["по мере необходимости"],
    ["по запросам"],
    ["по запросу"],
    ["при необходимости"],
    ["по плану работы Общественного совета"],
    ["согласно графику проведения НОКО"],
    ["в соответствии с графиком"],
    ["в сроки, установленные планом мероприятий"],
    ["в сроки, установленные п. 3.1 плана"],
    ["в установленные сроки"],
    ["по отдельному графику"],
    ["в течение года по запросам"],
    ["В течение года, по запросам"],
  ])("%j", (raw) => {
    expect(readDeadline(raw, year2021)).toEqual({
      deadline: { raw, kind: "on_demand", occurrences: [], relative: null },
      warnings: [],
    });
  });
});

describe("continuous", () => {
  it.each([
    ["постоянно"],
    ["Постоянно"],
    ["на постоянной основе"],
    ["в течение года"],
    ["в течении года"],
    ["втечение года"],
    ["в течение всего периода"],
    ["весь период"],
    ["ежедневно"],
    ["В течение года с учетом сроков проведения НОКО"],
    ["в течение года (по отдельному плану)"],
    ["в течение 2021 года"],
  ])("%j spans the period", (raw) => {
    expect(readDeadline(raw, year2021)).toEqual({
      deadline: { raw, kind: "continuous", occurrences: occ("2021-01-01..2021-12-31"), relative: null },
      warnings: [],
    });
  });

  it("«в течение всего периода» in a plan of 2016-2018 spans the three years", () => {
    expect(readDeadline("В течение всего периода", years2016to2018).deadline.occurrences).toEqual(
      occ("2016-01-01..2018-12-31"),
    );
  });

  it("«в течение 2017-2018 гг.» spans the years it names", () => {
    expect(readDeadline("в течение 2017-2018 гг.", years2016to2018).deadline).toMatchObject({
      kind: "continuous",
      occurrences: occ("2017-01-01..2018-12-31"),
    });
  });

  it("«в течение учебного года» spans the school year", () => {
    expect(readDeadline("в течение учебного года", school2023)).toEqual({
      deadline: {
        raw: "в течение учебного года",
        kind: "continuous",
        occurrences: occ("2023-09-01..2024-08-31"),
        relative: null,
      },
      warnings: [],
    });
  });

  it("in a calendar-year plan «в течение учебного года» takes the school year the plan reaches, with a warning", () => {
    const { deadline, warnings } = readDeadline("в течение учебного года", {
      ...year2021,
      latestExplicitDate: "2021-12-20",
    });
    expect(deadline.occurrences).toEqual(occ("2021-09-01..2022-08-31"));
    expect(warnings).toEqual([
      "«В течение учебного года» в плане на календарный год: взят учебный год 2021/2022.",
    ]);
  });
});

describe("which kind wins", () => {
  const kind = (raw: string): DeadlineKind => readDeadline(raw, year2021).deadline.kind;

  it("relative over continuous and on demand", () => {
    expect(kind("Постоянно в течение 10 рабочих дней со дня создания информации")).toBe("relative");
    expect(kind("по мере поступления, в течение 5 дней со дня поступления запроса")).toBe("relative");
  });

  it("on demand over continuous; a note in parentheses does not change the kind", () => {
    expect(kind("в течение года по запросам")).toBe("on_demand");
    expect(kind("В течение всего периода\n(по мере поступления новой информации)")).toBe("continuous");
    expect(kind("(по мере необходимости)")).toBe("on_demand");
  });

  it("a date over every phrase, a relative phrase kept beside it", () => {
    const { deadline, warnings } = readDeadline("постоянно, отчет до 20.12.2021", year2021);
    expect(deadline.kind).toBe("dated");
    expect(deadline.occurrences).toEqual(occ("..2021-12-20"));
    expect(warnings).toEqual(["В сроке не прочитано: «отчет». Проверьте срок."]);
    expect(readDeadline("март (в течение 5 дней после заседания совета)", year2021).deadline).toMatchObject({
      kind: "dated",
      occurrences: occ("2021-03-01..2021-03-31"),
      relative: rel(5, false, "заседания совета"),
    });
  });
});
