// Date spellings of the spec («Dates come in many spellings …») and the period rules for values.
import { describe, expect, it } from "vitest";
import { readDeadline } from "../../../src/domain/deadline/index.js";
import type { DeadlineContext } from "../../../src/domain/plan/deadline-context.js";
import { context, occ, school2023, year2020, year2021, years2016to2018 } from "./support.js";

const read = (raw: string, ctx: DeadlineContext = year2021) => readDeadline(raw, ctx);
const dated = (raw: string, ctx: DeadlineContext = year2021) => {
  const { deadline, warnings } = read(raw, ctx);
  expect(deadline.kind, raw).toBe("dated");
  return { occurrences: deadline.occurrences, warnings };
};

describe("single dates", () => {
  it.each([
    ["30.09.2021", "..2021-09-30"],
    ["30.09.21", "..2021-09-30"],
    ["до 30.09.2021", "..2021-09-30"],
    ["09.06. 2021", "..2021-06-09"],
    ["09.06 2021", "..2021-06-09"],
    ["18 мая 2021", "..2021-05-18"],
    ["до 20 декабря 2021 г.", "..2021-12-20"],
    ["до 05.11.2021 г.", "..2021-11-05"],
    ["не позднее 15.04.2021", "..2021-04-15"],
    ["30/09/2021", "..2021-09-30"],
    ["2021-09-30", "..2021-09-30"],
    ["до 1 марта", "..2021-03-01"],
    ["к 1 сентября", "..2021-09-01"],
  ])("%j", (raw, window) => {
    expect(dated(raw)).toEqual({ occurrences: occ(window), warnings: [] });
  });
});

describe("ranges", () => {
  it.each([
    ["01.11.2021- 05.11.2021"],
    ["01.11.2021-05.11.2021"],
    ["01.11.2021 – 05.11.2021"],
    ["01.11.2021 — 05.11.2021"],
    ["01.11.2021 \u2011 05.11.2021"],
    ["01.11.2021 −\n05.11.2021"],
    ["с 01.11.2021 по 05.11.2021"],
    ["01.11 – 05.11.2021"],
    ["01.11 - 05.11.21"],
    ["01-05.11.2021"],
    ["1-5 ноября 2021 г."],
    ["с 1 по 5 ноября"],
  ])("%j is 1..5 November 2021", (raw) => {
    expect(dated(raw)).toEqual({ occurrences: occ("2021-11-01..2021-11-05"), warnings: [] });
  });

  it("the first date borrows the year of the second: «09.06 – 17.07.21»", () => {
    expect(dated("09.06 – 17.07.21").occurrences).toEqual(occ("2021-06-09..2021-07-17"));
  });

  it("a start later in the year than the end borrows the year before: «декабрь – март 2022»", () => {
    expect(dated("декабрь – март 2022", context("2021-09-01", "2022-08-31", { schoolYear: true }))).toEqual({
      occurrences: occ("2021-12-01..2022-03-31"),
      warnings: [],
    });
  });

  it("«сентябрь 2021 – май 2022» and «сентябрь 2021 – май» run forward", () => {
    const sy = context("2021-09-01", "2022-08-31", { schoolYear: true });
    expect(dated("сентябрь 2021 – май 2022", sy).occurrences).toEqual(occ("2021-09-01..2022-05-31"));
    expect(dated("сентябрь 2021 – май", sy).occurrences).toEqual(occ("2021-09-01..2022-05-31"));
  });

  it("month ranges split over lines and with any dash", () => {
    expect(dated("январь -\nмарт", year2020).occurrences).toEqual(occ("2020-01-01..2020-03-31"));
    expect(dated("Апрель - май", year2020).occurrences).toEqual(occ("2020-04-01..2020-05-31"));
    expect(dated("март—апрель", year2020).occurrences).toEqual(occ("2020-03-01..2020-04-30"));
    expect(dated("с января по март", year2020).occurrences).toEqual(occ("2020-01-01..2020-03-31"));
  });

  it("a dash opening a line is a list bullet, not a range", () => {
    expect(dated("- март\n- май", year2020).occurrences).toEqual(
      occ("2020-03-01..2020-03-31", "2020-05-01..2020-05-31"),
    );
  });

  it("a range that ends before it starts is not read", () => {
    const { deadline, warnings } = read("05.11.2021 - 01.11.2021");
    expect(deadline.kind).toBe("unparsed");
    expect(warnings.join(" ")).toContain("конец раньше начала");
  });
});

describe("months in any case and form", () => {
  it.each([
    ["январь"],
    ["ЯНВАРЬ"],
    ["Январь"],
    ["в январе"],
    ["января"],
    ["янв."],
    ["январь 2021"],
    ["январь 2021 г."],
    ["Январь, 2021"],
    ["в январе 2021 года"],
  ])("%j is January 2021", (raw) => {
    expect(dated(raw)).toEqual({ occurrences: occ("2021-01-01..2021-01-31"), warnings: [] });
  });

  it("May in its forms, August and March with case endings", () => {
    for (const raw of ["май", "мая", "в мае"]) {
      expect(dated(raw).occurrences, raw).toEqual(occ("2021-05-01..2021-05-31"));
    }
    expect(dated("в августе").occurrences).toEqual(occ("2021-08-01..2021-08-31"));
    expect(dated("марта").occurrences).toEqual(occ("2021-03-01..2021-03-31"));
  });

  it("a Latin look-alike letter inside a Russian month is read as Cyrillic («мaрт» with a Latin a)", () => {
    expect(dated("мaрт").occurrences).toEqual(occ("2021-03-01..2021-03-31"));
  });

  it("February takes its length from the year", () => {
    expect(dated("февраль 2024").occurrences).toEqual(occ("2024-02-01..2024-02-29"));
  });

  it("a decade of a month", () => {
    expect(dated("первая декада марта").occurrences).toEqual(occ("2021-03-01..2021-03-10"));
    expect(dated("3 декада февраля").occurrences).toEqual(occ("2021-02-21..2021-02-28"));
  });
});

describe("quarters, half-years, years", () => {
  it.each([
    ["IV квартал 2021 г.", "2021-10-01..2021-12-31"],
    ["IVквартал 2021 г.", "2021-10-01..2021-12-31"],
    ["IVквартал\n2021 г.", "2021-10-01..2021-12-31"],
    ["4 кв. 2021", "2021-10-01..2021-12-31"],
    ["4 квартал 2021 года", "2021-10-01..2021-12-31"],
    ["I квартал", "2021-01-01..2021-03-31"],
    ["1-й квартал", "2021-01-01..2021-03-31"],
    ["в 1 квартале", "2021-01-01..2021-03-31"],
    ["первый квартал", "2021-01-01..2021-03-31"],
    ["III квартал 2021г.", "2021-07-01..2021-09-30"],
    ["II-III квартал", "2021-04-01..2021-09-30"],
    ["I - II кварталы 2021 г.", "2021-01-01..2021-06-30"],
    ["не позднее IV квартала 2021 г.", "..2021-12-31"],
  ])("quarter %j", (raw, window) => {
    expect(dated(raw)).toEqual({ occurrences: occ(window), warnings: [] });
  });

  it("a quarter with a Cyrillic «І» for the roman one", () => {
    expect(dated("\u0406\u0406 квартал 2021").occurrences).toEqual(occ("2021-04-01..2021-06-30"));
  });

  it.each([
    ["I полугодие 2021", "2021-01-01..2021-06-30"],
    ["в течение I полугодия", "2021-01-01..2021-06-30"],
    ["в первом полугодии 2021 г.", "2021-01-01..2021-06-30"],
    ["2 полугодие", "2021-07-01..2021-12-31"],
    ["второе полугодие", "2021-07-01..2021-12-31"],
  ])("half-year %j", (raw, window) => {
    expect(dated(raw)).toEqual({ occurrences: occ(window), warnings: [] });
  });

  it("in a school year the first half-year is autumn and the second runs to the end of the academic year", () => {
    expect(dated("I полугодие", school2023).occurrences).toEqual(occ("2023-09-01..2023-12-31"));
    expect(dated("II полугодие", school2023).occurrences).toEqual(occ("2024-01-01..2024-05-31"));
  });

  it("years: «2017г», «2018 г.», «2017 год», and a range of years", () => {
    expect(dated("2017г\n2018 г.", years2016to2018).occurrences).toEqual(
      occ("2017-01-01..2017-12-31", "2018-01-01..2018-12-31"),
    );
    expect(dated("2017 год", years2016to2018).occurrences).toEqual(occ("2017-01-01..2017-12-31"));
    expect(dated("2017-2018 гг.", years2016to2018).occurrences).toEqual(occ("2017-01-01..2018-12-31"));
    expect(dated("по итогам 2017 года", years2016to2018).occurrences).toEqual(occ("2017-01-01..2017-12-31"));
  });

  it("«до конца года» is the last day of the year; «в конце года» is December", () => {
    expect(dated("до конца года").occurrences).toEqual(occ("..2021-12-31"));
    expect(dated("в конце года").occurrences).toEqual(occ("2021-12-01..2021-12-31"));
    expect(dated("до конца 2021 года").occurrences).toEqual(occ("..2021-12-31"));
  });
});

describe("the end of the academic year", () => {
  it("«до конца учебного года» is the first 31 May after the plan's latest explicit date", () => {
    const ctx = { ...year2021, latestExplicitDate: "2021-12-24" };
    expect(dated("до конца учебного года", ctx)).toEqual({ occurrences: occ("..2022-05-31"), warnings: [] });
    expect(
      dated("до конца учебного года", { ...year2021, latestExplicitDate: "2021-04-01" }).occurrences,
    ).toEqual(occ("..2021-05-31"));
  });

  it("follows the academic-year-end setting", () => {
    const ctx = { ...year2021, latestExplicitDate: "2021-12-24", academicYearEnd: "06-30" };
    expect(dated("до конца учебного года", ctx).occurrences).toEqual(occ("..2022-06-30"));
  });

  it("in a school-year plan it is the end of that school year", () => {
    expect(dated("до конца учебного года", school2023).occurrences).toEqual(occ("..2024-05-31"));
    expect(dated("до окончания 2023/2024 учебного года", year2021).occurrences).toEqual(occ("..2024-05-31"));
  });
});

describe("several values in one cell", () => {
  it("lines and semicolons give one occurrence each, duplicates removed", () => {
    expect(dated("30.06. 2021\n\n\n\nдо 30.06.21").occurrences).toEqual(occ("..2021-06-30"));
    expect(dated("март; июнь; март", year2020).occurrences).toEqual(
      occ("2020-03-01..2020-03-31", "2020-06-01..2020-06-30"),
    );
    expect(dated("19.05.2021\n22.05.2021").occurrences).toEqual(occ("..2021-05-19", "..2021-05-22"));
  });
});

describe("the year of a phrase without one", () => {
  it("is the one that puts it inside a school year", () => {
    expect(dated("октябрь", school2023).occurrences).toEqual(occ("2023-10-01..2023-10-31"));
    expect(dated("13.05 – 22.05", school2023).occurrences).toEqual(occ("2024-05-13..2024-05-22"));
    expect(dated("сентябрь-май", school2023).occurrences).toEqual(occ("2023-09-01..2024-05-31"));
    expect(dated("до 1 марта", school2023).occurrences).toEqual(occ("..2024-03-01"));
  });

  it("in a plan of several calendar years it is the first year, with a warning", () => {
    const { occurrences, warnings } = dated("март", years2016to2018);
    expect(occurrences).toEqual(occ("2016-03-01..2016-03-31"));
    expect(warnings).toEqual([
      "Срок «март»: год не указан, а план на 2016–2018 годы — отнесено к 2016 году. Проверьте год.",
    ]);
  });

  it("an explicit date outside the period is kept as written, with a warning", () => {
    const { occurrences, warnings } = dated("01.03.2019");
    expect(occurrences).toEqual(occ("..2019-03-01"));
    expect(warnings).toEqual(["Срок «01.03.2019» вне периода плана (2021 год): сохранён как написан."]);
  });

  it("a month range that runs past the period is kept and warned", () => {
    const { occurrences, warnings } = dated("декабрь - февраль", year2021);
    expect(occurrences).toEqual(occ("2021-12-01..2022-02-28"));
    expect(warnings).toEqual([
      "Срок «декабрь - февраль» выходит за период плана (2021 год). Проверьте срок.",
    ]);
  });
});

describe("words around values", () => {
  it("words before a value count in the middle of a cell too", () => {
    expect(dated("в период с 01.09 по 30.09.2021")).toEqual({
      occurrences: occ("2021-09-01..2021-09-30"),
      warnings: [],
    });
    expect(dated("Срок: не позднее IV квартала 2021 г.").occurrences).toEqual(occ("..2021-12-31"));
    expect(dated("отчёт за год — до 20.01.2022", context("2021-01-01", "2022-12-31")).occurrences).toEqual(
      occ("..2022-01-20"),
    );
  });

  it("a clause number is not a date: «в сроки, установленные п. 3.10 плана» is on demand", () => {
    expect(read("в сроки, установленные п. 3.10 плана").deadline.kind).toBe("on_demand");
  });

  it("«с» with no end opens a window to the end of the period, and says so", () => {
    const { occurrences, warnings } = dated("с 01.09.2021");
    expect(occurrences).toEqual(occ("2021-09-01..2021-12-31"));
    expect(warnings[0]).toContain("окончание не указано");
  });

  it("«до» a month is read as its first day, and says so", () => {
    const { occurrences, warnings } = dated("до декабря 2021");
    expect(occurrences).toEqual(occ("..2021-12-01"));
    expect(warnings[0]).toContain("до 01.12.2021");
  });

  it("an unknown word next to a value is reported, the value kept", () => {
    const { occurrences, warnings } = dated("март, апрль");
    expect(occurrences).toEqual(occ("2021-03-01..2021-03-31"));
    expect(warnings).toEqual(["В сроке не прочитано: «апрль». Проверьте срок."]);
  });
});

describe("empty, junk and nonsense", () => {
  it.each([[""], ["   "], ["\n\t"], ["-"], ["—"]])("%j is none", (raw) => {
    expect(read(raw)).toEqual({
      deadline: { raw, kind: "none", occurrences: [], relative: null },
      warnings: [],
    });
  });

  it.each([
    ["«17» мกราคม 2020 года", "непонятные символы"],
    ["до 31.02.2021", "такой даты нет"],
    ["3O.O9.2021", "не распознан"],
    ["абракадабра", "не распознан"],
    ["Подготовка электронного пакета документов", "не распознан"],
    ["январь, февраль 20", "не распознан"],
  ])("%j is unparsed, kept with its raw text and a warning", (raw, why) => {
    const { deadline, warnings } = read(raw, year2020);
    expect(deadline).toEqual({ raw, kind: "unparsed", occurrences: [], relative: null });
    expect(warnings.join(" ")).toContain(why);
  });
});
